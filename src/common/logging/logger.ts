import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerService } from '@nestjs/common';

type Level = 'debug' | 'info' | 'warn' | 'error';

// Defence in depth: should a driver or library message ever carry a phone or ID number, it is cut out.
// Digits glued to letters ("tel13800000001", "id320102…X号") are cut too (issue 10 §8); only longer runs of
// digits are left alone, since they are not phones or ID numbers.
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?![\dXx])/g;
// UUIDs and long hex tokens (request ids, hashes) are ids, not personal data: they are kept as they are.
const ID_TOKEN = /([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<![0-9A-Za-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9A-Za-z]))/;
const redactPart = (text: string): string => text.replace(ID_NUMBER, '[redacted-id]').replace(PHONE, '[redacted-phone]');
export const redact = (text: string): string =>
  text
    .split(ID_TOKEN)
    .map((part, i) => (i % 2 === 1 ? part : redactPart(part)))
    .join('');
/** Redacts strings at any depth of arrays and plain objects (e.g. `path`, `errors: [{ message }]`), up to 8 levels. */
export const redactValue = (v: unknown, depth = 0): unknown => {
  if (typeof v === 'string') return redact(v);
  if (depth >= 8 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => redactValue(x, depth + 1));
  if (v instanceof Error) return redact(`${v.name}: ${v.message}`);
  if (Object.getPrototypeOf(v) !== Object.prototype && Object.getPrototypeOf(v) !== null) return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactValue(x, depth + 1)]));
};
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface RequestContext {
  requestId: string;
}

/** Carries the request id into every log line written while a request is handled. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * JSON lines on stdout. Callers pass ids and codes, never personal data: no names, phones, ID numbers,
 * addresses or GraphQL variables are given to the logger anywhere in the code base.
 */
class JsonLogger {
  level: Level = (process.env.LOG_LEVEL as Level) || 'info';
  sink: (line: string) => void = (line) => process.stdout.write(line + '\n');

  log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
    if (ORDER[level] < ORDER[this.level]) return;
    const reqId = requestContext.getStore()?.requestId;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, msg: redact(msg) };
    if (reqId) entry.reqId = reqId;
    for (const [k, v] of Object.entries(fields)) entry[k] = redactValue(v);
    this.sink(JSON.stringify(entry));
  }
  debug(msg: string, fields?: Record<string, unknown>) {
    this.log('debug', msg, fields);
  }
  info(msg: string, fields?: Record<string, unknown>) {
    this.log('info', msg, fields);
  }
  warn(msg: string, fields?: Record<string, unknown>) {
    this.log('warn', msg, fields);
  }
  error(msg: string, fields?: Record<string, unknown>) {
    this.log('error', msg, fields);
  }
}

export const logger = new JsonLogger();

/** Adapter so that Nest's own messages come out as the same JSON lines. */
export class NestJsonLogger implements LoggerService {
  log(message: unknown, context?: string) {
    logger.info(String(message), context ? { context } : {});
  }
  error(message: unknown, trace?: string, context?: string) {
    logger.error(String(message), { context, stack: trace });
  }
  warn(message: unknown, context?: string) {
    logger.warn(String(message), context ? { context } : {});
  }
  debug(message: unknown, context?: string) {
    logger.debug(String(message), context ? { context } : {});
  }
  verbose(message: unknown, context?: string) {
    logger.debug(String(message), context ? { context } : {});
  }
}
