import { createHash } from 'node:crypto';
import { createTestApp, GqlResponse, TestApp } from '../helpers/test-app.js';

const CHINESE = /[\u4e00-\u9fff]/;

/**
 * Issue 10 §6: every refusal in Chinese with a code and a reason, including the ones graphql-js and Apollo make
 * before any resolver runs (the English original stays in `extensions.detail` for developers).
 */
describe('hardening: graphql-js refusals in Chinese with code and reason', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await t.login('13800000001');
  });
  afterAll(() => t.close());

  const cases: { name: string; query: string; variables?: Record<string, unknown>; reason: string; message: RegExp; detail: RegExp }[] = [
    { name: 'unknown field', query: '{ me { nope } }', reason: 'UNKNOWN_FIELD', message: /类型 Person 没有字段 nope/, detail: /^Cannot query field "nope"/ },
    { name: 'syntax', query: '{ me { id } ', reason: 'SYNTAX_ERROR', message: /语法错误/, detail: /^Syntax Error/ },
    {
      name: 'unknown argument',
      query: '{ volunteer(id: "x", idd: "x") { id } }',
      reason: 'UNKNOWN_ARGUMENT',
      message: /Query\.volunteer 没有参数 idd/,
      detail: /^Unknown argument "idd"/,
    },
    {
      name: 'missing argument',
      query: '{ volunteer { id } }',
      reason: 'MISSING_ARGUMENT',
      message: /缺少必填参数 id（ID!）/,
      detail: /is required, but it was not provided/,
    },
    { name: 'sub-fields required', query: '{ me }', reason: 'SELECTION_REQUIRED', message: /须选择子字段/, detail: /must have a selection of subfields/ },
    {
      name: 'variable of the wrong type',
      query: 'query ($n: Int!) { needs(first: $n) { totalCount } }',
      variables: { n: 'abc' },
      reason: 'BAD_VARIABLES',
      message: /变量 \$n 的值无效：不是有效的 Int/,
      detail: /^Variable "\$n" got invalid value "abc"/,
    },
    {
      name: 'required variable missing',
      query: 'query ($n: Int!) { needs(first: $n) { totalCount } }',
      variables: {},
      reason: 'BAD_VARIABLES',
      message: /变量 \$n 缺少/,
      detail: /of required type "Int!" was not provided/,
    },
    {
      name: 'input object variable missing a field',
      query: 'mutation ($i: RequestPhoneCodeInput!) { requestPhoneCode(input: $i) }',
      variables: { i: { phone: '13877770009' } },
      reason: 'BAD_VARIABLES',
      message: /变量 \$i 的值无效：缺少必填字段 purpose/,
      detail: /^Variable "\$i" got invalid value/,
    },
    {
      name: 'literal of the wrong type',
      query: '{ needs(first: "x") { totalCount } }',
      reason: 'BAD_VALUE',
      message: /不是有效的 Int/,
      detail: /Int cannot represent/,
    },
    {
      name: 'unknown enum value',
      query: 'mutation { requestPhoneCode(input: { phone: "13877770009", purpose: NOPE }) }',
      reason: 'UNKNOWN_ENUM_VALUE',
      message: /PhoneCodePurpose 没有取值 NOPE/,
      detail: /does not exist in "PhoneCodePurpose" enum/,
    },
    {
      name: 'deep introspection (Apollo’s own depth rule)',
      query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      reason: 'INTROSPECTION_TOO_DEEP',
      message: /内省查询/,
      detail: /./,
    },
    {
      name: 'several operations, no name',
      query: 'query A { me { id } } query B { me { id } }',
      reason: 'OPERATION_NAME_REQUIRED',
      message: /operationName/,
      detail: /Must provide operation name/,
    },
    {
      name: 'unused variable',
      query: 'query ($x: String) { me { id } }',
      reason: 'UNUSED_VARIABLE',
      message: /变量 \$x 已声明但未使用/,
      detail: /is never used/,
    },
  ];

  it.each(cases)('$name: Chinese message, BAD_USER_INPUT, reason $reason, English in detail', async ({ query, variables, reason, message, detail }) => {
    const res = await t.gql(query, variables, token);
    expect(res.data ?? null).toBeNull();
    expect(res.errors!.length).toBeGreaterThan(0);
    const [first] = res.errors as NonNullable<GqlResponse['errors']>;
    expect(first.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason });
    expect(first.message).toMatch(message);
    // Our own limit refusals carry no detail; graphql-js's keep their English original there.
    if (reason !== 'INTROSPECTION_TOO_DEEP') expect((first.extensions as { detail?: string }).detail).toMatch(detail);
    for (const e of res.errors!) {
      expect(e.message).toMatch(CHINESE);
      expect(e.extensions?.code).toEqual(expect.any(String));
      expect(e.extensions?.reason).toEqual(expect.any(String));
    }
  });

  it('answers Apollo’s request-shape refusals (no query, mutation over GET, CSRF) the same way', async () => {
    const empty = await t.http().post('/graphql').set('content-type', 'application/json').send({ variables: {} });
    const get = await t.http().get('/graphql').query({ query: 'mutation { logout }' }).set('apollo-require-preflight', '1');
    const csrf = await t.http().get('/graphql').query({ query: '{ me { id } }' });
    const reasons = [];
    for (const res of [empty, get, csrf]) {
      const [e] = res.body.errors as { message: string; extensions: { code: string; reason: string; detail: string } }[];
      expect(e.message).toMatch(CHINESE);
      expect(e.extensions.code).toBe('BAD_USER_INPUT');
      expect(e.extensions.detail).toMatch(/[A-Za-z]/);
      reasons.push(e.extensions.reason);
    }
    expect(reasons).toEqual(['EMPTY_QUERY', 'MUTATION_OVER_GET', 'CSRF_BLOCKED']);
  });

  it('keeps PERSISTED_QUERY_NOT_FOUND as Apollo words it, so that APQ clients resend the query, and then serves the hash', async () => {
    const query = '{ me { id } }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    const post = (body: object) => t.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send(body);
    const unknown = await post({ extensions: { persistedQuery } });
    expect(unknown.body.errors).toEqual([{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }]);
    const registered = await post({ query, extensions: { persistedQuery } });
    expect(registered.body.errors).toBeUndefined();
    const again = await post({ extensions: { persistedQuery } });
    expect(again.body.errors).toBeUndefined();
    expect(again.body.data.me.id).toBe(registered.body.data.me.id);
  });
});
