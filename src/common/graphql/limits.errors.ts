import { defineErrors, ErrorCode } from '../errors.js';

/** Refusals of the request limits (docs/security.md): each names the setting that bounds it. */
export const limitErrors = defineErrors('limits', {
  tooManyRootFields: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'TOO_MANY_ROOT_FIELDS',
    message: (n: number, max: number) => `一次请求最多 ${max} 个顶层字段（含别名），收到 ${n} 个`,
    meaning: 'More root fields or aliases than GRAPHQL_MAX_ROOT_FIELDS in one operation',
  },
  introspectionTooDeep: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'INTROSPECTION_TOO_DEEP',
    message: '内省查询嵌套的列表过多',
    meaning: 'An introspection selection nests more lists (types, fields, args, …) than the IDE query does',
  },
  rateLimited: {
    code: ErrorCode.RATE_LIMITED,
    reason: 'COST_BUDGET_EXHAUSTED',
    message: (seconds: number) => `请求过于频繁，请 ${seconds} 秒后再试`,
    meaning: 'The caller (or address, when anonymous) spent its RATE_LIMIT_POINTS of query cost within RATE_LIMIT_WINDOW_SECONDS',
  },
  responseTooLarge: {
    code: ErrorCode.LIMIT_EXCEEDED,
    reason: 'RESPONSE_TOO_LARGE',
    message: (max: number) => `响应超过 ${Math.round(max / 1024)} KB 上限，请缩小查询范围或分页`,
    meaning: 'The JSON answer would exceed GRAPHQL_MAX_RESPONSE_BYTES',
  },
  statementTimeout: {
    code: ErrorCode.LIMIT_EXCEEDED,
    reason: 'STATEMENT_TIMEOUT',
    message: '查询耗时过长，已中止，请缩小查询范围',
    meaning: 'A SQL statement ran longer than DB_STATEMENT_TIMEOUT_MS and PostgreSQL cancelled it',
  },
  badRequestBody: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'MALFORMED_JSON',
    message: '请求体不是有效的 JSON',
    meaning: 'The POST body could not be parsed as JSON',
  },
  bodyTooLarge: {
    code: ErrorCode.LIMIT_EXCEEDED,
    reason: 'BODY_TOO_LARGE',
    message: '请求体过大',
    meaning: 'The request body exceeds the 1 MiB limit (HTTP 413)',
  },
  unsupportedMediaType: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'UNSUPPORTED_MEDIA_TYPE',
    message: '请求须为 application/json',
    meaning: 'The request has a content type the GraphQL endpoint does not take (HTTP 415)',
  },
  httpError: {
    code: ErrorCode.BAD_USER_INPUT,
    reason: 'BAD_REQUEST',
    message: '请求无效',
    meaning: 'Any other HTTP-level refusal before GraphQL ran',
  },
});
