import { AsyncLocalStorage } from 'node:async_hooks';
// Defence in depth: should a driver or library message ever carry a phone or ID number, it is cut out.
// Digits inside longer tokens (UUIDs, hex ids) are left alone.
const PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;
const ID_NUMBER = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
export const redact = (text) => text.replace(ID_NUMBER, '[redacted-id]').replace(PHONE, '[redacted-phone]');
/** Redacts strings at any depth of arrays and plain objects (e.g. `path`, `errors: [{ message }]`), up to 8 levels. */
export const redactValue = (v, depth = 0) => {
    if (typeof v === 'string')
        return redact(v);
    if (depth >= 8 || v === null || typeof v !== 'object')
        return v;
    if (Array.isArray(v))
        return v.map((x) => redactValue(x, depth + 1));
    if (v instanceof Error)
        return redact(`${v.name}: ${v.message}`);
    if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null)
        return v;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactValue(x, depth + 1)]));
};
const ORDER = { debug: 10, info: 20, warn: 30, error: 40 };
/** Carries the request id into every log line written while a request is handled. */
export const requestContext = new AsyncLocalStorage();
/**
 * JSON lines on stdout. Callers pass ids and codes, never personal data: no names, phones, ID numbers,
 * addresses or GraphQL variables are given to the logger anywhere in the code base.
 */
class JsonLogger {
    level = process.env.LOG_LEVEL || 'info';
    sink = (line) => process.stdout.write(line + '\n');
    log(level, msg, fields = {}) {
        if (ORDER[level] < ORDER[this.level])
            return;
        const reqId = requestContext.getStore()?.requestId;
        const entry = { time: new Date().toISOString(), level, msg: redact(msg) };
        if (reqId)
            entry.reqId = reqId;
        for (const [k, v] of Object.entries(fields))
            entry[k] = redactValue(v);
        this.sink(JSON.stringify(entry));
    }
    debug(msg, fields) {
        this.log('debug', msg, fields);
    }
    info(msg, fields) {
        this.log('info', msg, fields);
    }
    warn(msg, fields) {
        this.log('warn', msg, fields);
    }
    error(msg, fields) {
        this.log('error', msg, fields);
    }
}
export const logger = new JsonLogger();
/** Adapter so that Nest's own messages come out as the same JSON lines. */
export class NestJsonLogger {
    log(message, context) {
        logger.info(String(message), context ? { context } : {});
    }
    error(message, trace, context) {
        logger.error(String(message), { context, stack: trace });
    }
    warn(message, context) {
        logger.warn(String(message), context ? { context } : {});
    }
    debug(message, context) {
        logger.debug(String(message), context ? { context } : {});
    }
    verbose(message, context) {
        logger.debug(String(message), context ? { context } : {});
    }
}
//# sourceMappingURL=logger.js.map