import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerService } from '@nestjs/common';
import { pino, stdTimeFunctions, type Logger } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: readonly string[] = ['debug', 'info', 'warn', 'error'] satisfies Level[];

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

export interface RequestContext {
  requestId: string;
}

/** Carries the request id into every log line written while a request is handled. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Keys that never reach a log line whatever their value (pino's path redaction), at the top level and one level
 * down: secrets, GraphQL variables and the personal fields of the schema. Nothing in the code logs them today;
 * this is the second defence, beside the pattern redaction above that catches a phone or ID number in any text.
 */
export const REDACTED_KEYS = ['password', 'token', 'accessToken', 'refreshToken', 'authorization', 'cookie', 'variables', 'idNumber', 'phone', 'address'];
const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]);

/**
 * JSON lines through pino (`{"level":"info","time":"…","reqId":"…",…,"msg":"…"}`). Callers pass ids and codes,
 * never personal data: no names, phones, ID numbers, addresses or GraphQL variables are given to the logger
 * anywhere in the code base. `sink` receives each line (stdout by default; the tests collect them in a file).
 */
class JsonLogger {
  sink: (line: string) => void = (line) => process.stdout.write(line + '\n');
  private readonly pino: Logger<never, boolean>;

  constructor() {
    this.pino = pino(
      {
        // LOG_LEVEL is validated with the rest of the configuration (main.ts sets it again); an unknown value here
        // must not stop the import before that check can name it.
        level: LEVELS.includes(process.env.LOG_LEVEL as Level) ? process.env.LOG_LEVEL : 'info',
        base: undefined,
        timestamp: stdTimeFunctions.isoTime,
        formatters: {
          level: (label) => ({ level: label }),
          // Every field, at any depth, has phone and ID-number patterns cut out.
          log: (fields) => redactValue(fields) as Record<string, unknown>,
        },
        redact: { paths: REDACT_PATHS, censor: '[redacted-key]' },
        mixin: () => {
          const reqId = requestContext.getStore()?.requestId;
          return reqId ? { reqId } : {};
        },
      },
      { write: (line: string) => this.sink(line.endsWith('\n') ? line.slice(0, -1) : line) },
    );
  }

  get level(): Level {
    return this.pino.level as Level;
  }
  set level(level: Level) {
    this.pino.level = level;
  }

  log(level: Level, msg: string, fields: Record<string, unknown> = {}): void {
    this.pino[level](fields, redact(msg));
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
