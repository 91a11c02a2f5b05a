import { defineErrors, ErrorCode } from '../errors.js';

const { BAD_USER_INPUT } = ErrorCode;

/**
 * Refusals that graphql-js and Apollo make before any resolver runs (parse, validation, variable coercion, the
 * request's shape), in Chinese with a stable reason; `src/common/graphql/graphql-messages.ts` recognises each
 * English original, which stays in `extensions.detail` for developers (docs/security.md §6).
 */
export const requestErrors = defineErrors('request', {
  syntax: { code: BAD_USER_INPUT, reason: 'SYNTAX_ERROR', message: '查询语句有语法错误', meaning: 'The query text does not parse (see locations and detail).' },
  unknownField: {
    code: BAD_USER_INPUT,
    reason: 'UNKNOWN_FIELD',
    message: (field: string, type: string) => `类型 ${type} 没有字段 ${field}`,
    meaning: 'A selection names a field its type does not have.',
  },
  unknownArgument: {
    code: BAD_USER_INPUT,
    reason: 'UNKNOWN_ARGUMENT',
    message: (arg: string, field: string) => `${field} 没有参数 ${arg}`,
    meaning: 'An argument the field (or directive) does not take.',
  },
  missingArgument: {
    code: BAD_USER_INPUT,
    reason: 'MISSING_ARGUMENT',
    message: (arg: string, field: string, type: string) => `字段 ${field} 缺少必填参数 ${arg}（${type}）`,
    meaning: 'A required argument is missing.',
  },
  selectionRequired: {
    code: BAD_USER_INPUT,
    reason: 'SELECTION_REQUIRED',
    message: (field: string, type: string) => `字段 ${field}（${type}）须选择子字段`,
    meaning: 'An object field was selected without sub-fields.',
  },
  selectionNotAllowed: {
    code: BAD_USER_INPUT,
    reason: 'SELECTION_NOT_ALLOWED',
    message: (field: string, type: string) => `字段 ${field}（${type}）没有子字段，不能再选择`,
    meaning: 'A scalar or enum field was given sub-fields.',
  },
  badVariables: {
    code: BAD_USER_INPUT,
    reason: 'BAD_VARIABLES',
    message: (variable: string, what: string) => `变量 $${variable} ${what}`,
    meaning: 'A variable is missing, null where it may not be, or does not have the declared type; no resolver ran.',
  },
  variableUnused: {
    code: BAD_USER_INPUT,
    reason: 'UNUSED_VARIABLE',
    message: (v: string) => `变量 $${v} 已声明但未使用`,
    meaning: 'A declared variable is never used.',
  },
  variableUndefined: {
    code: BAD_USER_INPUT,
    reason: 'UNDEFINED_VARIABLE',
    message: (v: string) => `变量 $${v} 未声明`,
    meaning: 'A variable is used but not declared.',
  },
  variableTypeMismatch: {
    code: BAD_USER_INPUT,
    reason: 'VARIABLE_TYPE_MISMATCH',
    message: (v: string, type: string, expected: string) => `变量 $${v} 的类型 ${type} 与此处要求的 ${expected} 不符`,
    meaning: 'A variable is used where another type is expected.',
  },
  badValue: {
    code: BAD_USER_INPUT,
    reason: 'BAD_VALUE',
    message: (type: string) => `参数值不是有效的 ${type}`,
    meaning: 'A literal argument in the query does not have the argument’s type.',
  },
  unknownEnumValue: {
    code: BAD_USER_INPUT,
    reason: 'UNKNOWN_ENUM_VALUE',
    message: (value: string, type: string) => `${type} 没有取值 ${value}`,
    meaning: 'An enum value the schema does not define.',
  },
  missingInputField: {
    code: BAD_USER_INPUT,
    reason: 'MISSING_INPUT_FIELD',
    message: (field: string, type: string) => `缺少必填字段 ${field}（${type}）`,
    meaning: 'A required field of an input object is missing.',
  },
  unknownInputField: {
    code: BAD_USER_INPUT,
    reason: 'UNKNOWN_INPUT_FIELD',
    message: (field: string, type: string) => `输入类型 ${type} 没有字段 ${field}`,
    meaning: 'An input object carries a field its type does not define.',
  },
  unknownName: {
    code: BAD_USER_INPUT,
    reason: 'UNKNOWN_NAME',
    message: (what: string, name: string) => `未知的${what} ${name}`,
    meaning: 'An unknown type, directive, fragment or operation name.',
  },
  introspectionTooDeep: {
    code: BAD_USER_INPUT,
    reason: 'INTROSPECTION_TOO_DEEP',
    message: '内省查询嵌套过深',
    meaning: "Apollo's own introspection depth rule refused the query (see also limits INTROSPECTION_TOO_DEEP).",
  },
  operationName: {
    code: BAD_USER_INPUT,
    reason: 'OPERATION_NAME_REQUIRED',
    message: '请求包含多个操作时须用 operationName 指定要执行的一个',
    meaning: 'Several operations in one document and no (or an ambiguous) operationName.',
  },
  emptyQuery: { code: BAD_USER_INPUT, reason: 'EMPTY_QUERY', message: '请求缺少查询语句（query）', meaning: 'The request carries no query.' },
  mutationOverGet: {
    code: BAD_USER_INPUT,
    reason: 'MUTATION_OVER_GET',
    message: 'GET 请求只能执行查询，变更请用 POST',
    meaning: 'A mutation sent with GET.',
  },
  csrf: {
    code: BAD_USER_INPUT,
    reason: 'CSRF_BLOCKED',
    message: '请求被拒绝：请以 application/json 发送，或带上 apollo-require-preflight 请求头',
    meaning: "Apollo's CSRF prevention: a simple request (GET or form content type) without a preflight header.",
  },
  invalid: {
    code: BAD_USER_INPUT,
    reason: 'INVALID_REQUEST',
    message: '请求无效，详见 detail',
    meaning: 'Any other refusal of graphql-js or Apollo before a resolver ran; the English original is in extensions.detail.',
  },
});
