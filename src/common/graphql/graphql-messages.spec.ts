import { translateRequestError } from './graphql-messages.js';

const reasonOf = (message: string) => translateRequestError(message).options.reason;

describe('translateRequestError', () => {
  it.each([
    ['Cannot query field "nope" on type "Person". Did you mean "name"?', 'UNKNOWN_FIELD', '类型 Person 没有字段 nope'],
    ['Unknown argument "idd" on field "Query.volunteer". Did you mean "id"?', 'UNKNOWN_ARGUMENT', 'Query.volunteer 没有参数 idd'],
    ['Field "volunteer" argument "id" of type "ID!" is required, but it was not provided.', 'MISSING_ARGUMENT', '字段 volunteer 缺少必填参数 id（ID!）'],
    ['Variable "$n" of required type "Int!" was not provided.', 'BAD_VARIABLES', '变量 $n 缺少（Int!，必填）'],
    [
      'Variable "$i" got invalid value "x" at "i.minutes"; Int cannot represent non-integer value: "x"',
      'BAD_VARIABLES',
      '变量 $i 的值无效：minutes 不是有效的 Int',
    ],
    [
      'Variable "$i" got invalid value { a: 1 }; Field "purpose" of required type "P!" was not provided.',
      'BAD_VARIABLES',
      '变量 $i 的值无效：缺少必填字段 purpose（P!）',
    ],
    [
      'Variable "$i" got invalid value "+099999" at "i.windowStart"; 日期应在1900年至9999年之间',
      'BAD_VARIABLES',
      '变量 $i 的值无效：windowStart 日期应在1900年至9999年之间',
    ],
    [
      'Variable "$i" got invalid value null at "i.name"; Expected non-nullable type "String!" not to be null.',
      'BAD_VARIABLES',
      '变量 $i 的值无效：name 不能为 null（String!）',
    ],
    ['Value "NOPE" does not exist in "PhoneCodePurpose" enum.', 'UNKNOWN_ENUM_VALUE', 'PhoneCodePurpose 没有取值 NOPE'],
    ['Syntax Error: Expected Name, found <EOF>.', 'SYNTAX_ERROR', '查询语句有语法错误'],
    ['Maximum introspection depth exceeded', 'INTROSPECTION_TOO_DEEP', '内省查询嵌套过深'],
    ['Something graphql-js may say one day', 'INVALID_REQUEST', '请求无效，详见 detail'],
  ])('%s → %s', (english, reason, chinese) => {
    expect(reasonOf(english)).toBe(reason);
    expect(translateRequestError(english).message).toBe(chinese);
    expect(translateRequestError(english).code).toBe('BAD_USER_INPUT');
  });
});
