import { HttpException } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { COMMON_ERRORS } from './common.errors.js';
import { DomainException, ErrorCode } from './errors.js';
import { isChinese, translateRequestError } from './graphql/graphql-messages.js';
import { limitErrors } from './graphql/limits.errors.js';
import { logger } from './logging/logger.js';

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

const HTTP_MESSAGES: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.BAD_USER_INPUT]: '请求无效',
  [ErrorCode.UNAUTHENTICATED]: '请先登录',
  [ErrorCode.FORBIDDEN]: '无权执行此操作',
  [ErrorCode.NOT_FOUND]: '请求的内容不存在',
  [ErrorCode.CONFLICT]: '操作冲突，请刷新后重试',
  [ErrorCode.RATE_LIMITED]: '请求过于频繁，请稍后再试',
};

const RACE_STATES: Record<string, { message: string; reason: string }> = {
  '23505': COMMON_ERRORS.concurrentInsert,
  '40001': COMMON_ERRORS.concurrentChange,
  '40P01': COMMON_ERRORS.concurrentChange,
};

const DEFAULT_REASONS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.FORBIDDEN]: 'OUT_OF_SCOPE',
  [ErrorCode.UNAUTHENTICATED]: 'LOGIN_REQUIRED',
};

/** Apollo's answer to a persisted-query hash it does not know; passed through untranslated (see below). */
const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND';

/** Codes that Apollo/graphql-js assign to malformed requests; they are the client's fault. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * The one place where errors become GraphQL errors (docs/design.md §12). Domain errors keep their code, message and
 * fields; anything unexpected is logged and reaches the client as INTERNAL_SERVER_ERROR without its text, stack
 * or SQL, in every environment (the server log has the details).
 */
export function createFormatError() {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const base = { locations: formatted.locations, path: formatted.path };

    if (original instanceof DomainException) {
      const extensions: Record<string, unknown> = { code: original.code };
      if (original.options.fields) extensions.fields = original.options.fields;
      if (original.options.reason) extensions.reason = original.options.reason;
      // Every FORBIDDEN and UNAUTHENTICATED carries a reason (issue 10 §8); a scope refusal without its own is OUT_OF_SCOPE.
      else if (original.code in DEFAULT_REASONS) extensions.reason = DEFAULT_REASONS[original.code];
      return { ...base, message: original.message, extensions };
    }
    if (original instanceof HttpException) {
      const code = HTTP_CODES[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
      if (code !== ErrorCode.INTERNAL_SERVER_ERROR) {
        // Nest's own defaults are English ("Forbidden resource"): the client gets the code's Chinese wording.
        const message = isChinese(original.message) ? original.message : (HTTP_MESSAGES[code] ?? '请求无效');
        const detail = message === original.message ? {} : { detail: original.message };
        return { ...base, message, extensions: { code, reason: DEFAULT_REASONS[code] ?? `HTTP_${original.getStatus()}`, ...detail } };
      }
    }
    // PostgreSQL cancelled a statement that ran past DB_STATEMENT_TIMEOUT_MS (57014 query_canceled).
    if ((original as { code?: unknown })?.code === '57014') {
      const e = limitErrors.statementTimeout();
      return { ...base, message: e.message, extensions: { code: e.code, reason: e.options.reason } };
    }
    // Races that the database settled: a unique key taken meanwhile, a serialization failure or a deadlock.
    const sqlState = (original as { code?: unknown })?.code;
    if (typeof sqlState === 'string' && RACE_STATES[sqlState]) {
      return { ...base, message: RACE_STATES[sqlState].message, extensions: { code: ErrorCode.CONFLICT, reason: RACE_STATES[sqlState].reason } };
    }
    const apolloCode = formatted.extensions?.code;
    // Automatic persisted queries: APQ clients (Apollo Client, urql) resend the full query when they see exactly this
    // code and message, so both stay as Apollo words them (docs/security.md).
    if (apolloCode === PERSISTED_QUERY_NOT_FOUND && original instanceof GraphQLError) {
      return { ...base, message: formatted.message, extensions: { code: PERSISTED_QUERY_NOT_FOUND } };
    }
    // Parse, validation and variable-coercion errors come before any resolver runs (no path). graphql-js words the
    // last kind `Variable "$x" got invalid value …` and Apollo does not always code it, so it is recognised here.
    const badVariables = !formatted.path && /^Variable "\$[^"]+" /.test(formatted.message);
    if ((typeof apolloCode === 'string' && CLIENT_CODES.has(apolloCode) && original instanceof GraphQLError) || badVariables) {
      // Our own refusals raised as GraphQLErrors (limits, depth) already speak Chinese and carry their reason.
      const reason = formatted.extensions?.reason;
      if (isChinese(formatted.message) && typeof reason === 'string')
        return { ...base, message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, reason } };
      // graphql-js and Apollo speak English: the client gets Chinese and a reason, developers the original in `detail`.
      const e = translateRequestError(formatted.message);
      return { ...base, message: e.message, extensions: { code: e.code, reason: e.options.reason, detail: formatted.message } };
    }
    // Unexpected: log the name and message (pg's `detail`, which can hold row values, is never logged).
    const err = original instanceof Error ? original : new Error(String(original));
    logger.error('unhandled resolver error', { error: err.name, message: err.message, stack: err.stack, path: formatted.path });
    return {
      ...base,
      message: '服务器内部错误',
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
