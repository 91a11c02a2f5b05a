import { DomainException } from '../errors.js';
import { requestErrors as E } from './request.errors.js';

/** Does the text already speak Chinese (one of our own messages, e.g. a scalar's or a limit's)? */
export const isChinese = (text: string): boolean => /[\u4e00-\u9fff]/.test(text);

type Rule = [RegExp, (m: RegExpMatchArray) => DomainException];

/** What is wrong with a variable's value, from graphql-js's `Variable "$i" got invalid value … at "i.x"; <why>`. */
function variableProblem(message: string): string {
  const at = / at "[^".[]+\.?([^"]*)"; /.exec(message)?.[1];
  const where = at ? `${at} ` : '';
  const why = message.slice(message.lastIndexOf('; ') + 2);
  const known: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/^Field "([^"]+)" of required type "([^"]+)" was not provided/, (m) => `${where}缺少必填字段 ${m[1]}（${m[2]}）`],
    [/^Field "([^"]+)" is not defined by type "([^"]+)"/, (m) => `${where}含有 ${m[2]} 未定义的字段 ${m[1]}`],
    [/^Value "([^"]+)" does not exist in "([^"]+)" enum/, (m) => `${where}${m[1]} 不是 ${m[2]} 的取值`],
    [/^Expected non-nullable type "([^"]+)" not to be null/, (m) => `${where}不能为 null（${m[1]}）`],
    [/^(Int|Float|String|Boolean|ID) cannot represent/, (m) => `${where}不是有效的 ${m[1]}`],
    [/^Expected type "([^"]+)"/, (m) => `${where}不是有效的 ${m[1]}`],
  ];
  for (const [re, say] of known) {
    const m = re.exec(why);
    if (m) return `的值无效：${say(m)}`;
  }
  // A scalar of ours refused the value in Chinese (dates, Fen, …): keep its words.
  return isChinese(why) ? `的值无效：${where}${why}` : `的值无效${at ? `：${at}` : ''}`;
}

const RULES: Rule[] = [
  [/^Syntax Error: /, () => E.syntax()],
  [/^Cannot query field "([^"]+)" on type "([^"]+)"/, (m) => E.unknownField(m[1], m[2])],
  [/^Unknown argument "([^"]+)" on (?:field|directive) "([^"]+)"/, (m) => E.unknownArgument(m[1], m[2])],
  [/^Field "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required/, (m) => E.missingArgument(m[2], m[1], m[3])],
  [/^Directive "([^"]+)" argument "([^"]+)" of type "([^"]+)" is required/, (m) => E.missingArgument(m[2], m[1], m[3])],
  [/^Field "([^"]+)" of type "([^"]+)" must have a selection of subfields/, (m) => E.selectionRequired(m[1], m[2])],
  [/^Field "([^"]+)" must not have a selection since type "([^"]+)"/, (m) => E.selectionNotAllowed(m[1], m[2])],
  [/^Variable "\$([^"]+)" is never used/, (m) => E.variableUnused(m[1])],
  [/^Variable "\$([^"]+)" is not defined/, (m) => E.variableUndefined(m[1])],
  [/^Variable "\$([^"]+)" of required type "([^"]+)" was not provided/, (m) => E.badVariables(m[1], `缺少（${m[2]}，必填）`)],
  [/^Variable "\$([^"]+)" of non-null type "([^"]+)" must not be null/, (m) => E.badVariables(m[1], `不能为 null（${m[2]}）`)],
  [/^Variable "\$([^"]+)" got invalid value/, (m) => E.badVariables(m[1], variableProblem(m.input!))],
  [/^Variable "\$([^"]+)" of type "([^"]+)" used in position expecting type "([^"]+)"/, (m) => E.variableTypeMismatch(m[1], m[2], m[3])],
  [/^Variable "\$([^"]+)" cannot be non-input type "([^"]+)"/, (m) => E.variableTypeMismatch(m[1], m[2], 'input')],
  [/^(Int|Float|String|Boolean|ID) cannot represent/, (m) => E.badValue(m[1])],
  [/^Expected value of type "([^"]+)"/, (m) => E.badValue(m[1])],
  [/^Value "([^"]+)" does not exist in "([^"]+)" enum/, (m) => E.unknownEnumValue(m[1], m[2])],
  [/^Enum "([^"]+)" cannot represent non-enum value: (.+?)\./, (m) => E.unknownEnumValue(m[2], m[1])],
  [/^Field "([^"]+)" of required type "([^"]+)" was not provided/, (m) => E.missingInputField(m[1], m[2])],
  [/^Field "([^"]+)" is not defined by type "([^"]+)"/, (m) => E.unknownInputField(m[1], m[2])],
  [/^Unknown type "([^"]+)"/, (m) => E.unknownName('类型', m[1])],
  [/^Unknown directive "([^"]+)"/, (m) => E.unknownName('指令', m[1])],
  [/^Unknown fragment "([^"]+)"/, (m) => E.unknownName('片段', m[1])],
  [/^Unknown operation named "([^"]+)"/, (m) => E.unknownName('操作', m[1])],
  [/^Maximum introspection depth exceeded/, () => E.introspectionTooDeep()],
  [/^Must provide operation name|^There can be only one operation named|^This anonymous operation must be the only/, () => E.operationName()],
  [/^GraphQL operations must contain a non-empty `query`|^Must provide query string|^POST body missing/, () => E.emptyQuery()],
  [/^GET requests only support query operations|^Can only perform a .* operation from a POST request/, () => E.mutationOverGet()],
  [/Cross-Site Request Forgery/, () => E.csrf()],
];

/**
 * The Chinese refusal (with its reason) for an English message of graphql-js or Apollo; anything not recognised
 * becomes INVALID_REQUEST. The English original is kept by the caller in `extensions.detail`.
 */
export function translateRequestError(message: string): DomainException {
  for (const [re, make] of RULES) {
    const m = re.exec(message);
    if (m) return make(m);
  }
  return E.invalid();
}
