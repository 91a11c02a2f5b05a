import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signAccessToken } from '../../src/auth/access-token.js';
import { createFormatError } from '../../src/common/format-error.js';
import { RequestThrottlePurge } from '../../src/common/request-throttle.js';
import { PHONE, personId } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/** Issue 10 §1, §6–8: the reproductions, written as tests that now fail as they should. */
describe('hardening: request limits and HTTP-level errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_INTROSPECTION_COST: '500' });
  });
  afterAll(() => t.close());

  const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
  const INTROSPECT = `__schema { types { name fields { name type { name } } } }`;

  it("refuses 550 aliases of __schema (anonymous, 35 KB) with a coded error while another user's `me` still answers", async () => {
    const token = await t.login(PHONE.wang);
    const attack = aliases(550, INTROSPECT);
    expect(attack.length).toBeGreaterThan(30_000);
    const [attacks, me] = await Promise.all([Promise.all([1, 2, 3, 4].map(() => t.gql(attack))), t.gql(`{ me { id } }`, {}, token)]);
    for (const res of attacks) {
      expect(res.status).toBe(400);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ROOT_FIELDS' });
      expect(res.data).toBeUndefined();
    }
    expect(me.errors).toBeUndefined();
    expect(me.data.me.id).toBe(await personId(t, PHONE.wang));
  });

  it('refuses 4,000 aliases of exportMyData, and a few of the expensive staff queries, by their cost', async () => {
    const resident = await t.login(PHONE.wang);
    const many = await t.gql(aliases(4000, 'exportMyData'), {}, resident);
    expect(many.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ROOT_FIELDS' });
    // Within the root-field cap, each export costs what it does: twenty of them exceed GRAPHQL_MAX_COMPLEXITY.
    const ten = await t.gql(aliases(20, 'exportMyData'), {}, resident);
    expect(ten.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
    const staff = await t.login(PHONE.heJun);
    const [streetA] = await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`);
    const [need] = await t.db.query(`SELECT id FROM needs LIMIT 1`);
    for (const field of [
      `batchAssignment(regionId: "${streetA.id}") { total }`,
      `verifyLedger { ok }`,
      `matchCandidates(needId: "${need.id}", first: 50) { score }`,
    ]) {
      const res = await t.gql(aliases(20, field), {}, staff);
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COMPLEX' });
      expect(res.data).toBeUndefined();
    }
    // One of each still runs.
    expect((await t.gql(`{ exportMyData }`, {}, resident)).errors).toBeUndefined();
  });

  it('costs introspection in production and refuses introspection that nests lists deeper than the IDE does', async () => {
    const three = await t.gql(aliases(11, '__schema { queryType { name } }'));
    expect(three.errors![0].extensions!.reason).toBe('QUERY_TOO_COMPLEX');
    expect((await t.gql(`{ __schema { queryType { name } } }`)).data.__schema.queryType.name).toBe('Query');
    // graphql-js refuses fields-in-fields nesting itself; this one it lets through (types → fields → args → inputFields).
    const nested = await t.gql(`{ __schema { types { fields { args { type { inputFields { name } } } } } } }`);
    expect(nested.errors![0].message).toBe('内省查询嵌套的列表过多');
    expect(nested.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INTROSPECTION_TOO_DEEP' });
  });

  it('answers crafted cursors on needs and volunteers with 分页游标无效 (BAD_USER_INPUT), not an internal error', async () => {
    const staff = await t.login(PHONE.sunLi);
    const crafted = [
      Buffer.from(JSON.stringify(['not-a-date', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
      Buffer.from(JSON.stringify(['2026-01-01T00:00:00Z', 'not-a-uuid'])).toString('base64url'),
      Buffer.from(JSON.stringify([12, 34])).toString('base64url'),
      Buffer.from(JSON.stringify(['+099999-01-01T00:00:00Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
    ];
    for (const after of crafted) {
      for (const q of [`query ($a: String) { needs(after: $a) { totalCount } }`, `query ($a: String) { volunteers(after: $a) { totalCount } }`]) {
        const res = await t.gql(q, { a: after }, staff);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].message).toBe('分页游标无效');
      }
    }
  });

  it('refuses absurd dates (year > 9999 or before 1900) and writes nothing', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM needs`))[0].n;
    const token = await t.login(PHONE.wang);
    const POST = `mutation ($i: PostNeedInput!) { postNeed(input: $i) { id } }`;
    const base = { title: '测试', category: 'ELDERLY_CARE', estimatedMinutes: 60 };
    for (const [windowStart, windowEnd] of [
      ['+099999-01-01T00:00:00Z', '+099999-01-01T02:00:00Z'],
      ['1850-01-01T00:00:00Z', '1850-01-01T02:00:00Z'],
    ]) {
      const res = await t.gql(POST, { i: { ...base, windowStart, windowEnd } }, token);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    }
    const cert = await t.gql(
      `mutation { issueCertificate(from: "1000-01-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { code } }`,
      {},
      await t.login(PHONE.zhangWei),
    );
    expect(cert.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'DATE_OUT_OF_RANGE' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM needs`))[0].n).toBe(before);
  });

  it('gives every class-validator refusal a Chinese message', async () => {
    const token = await t.login(PHONE.sunLi);
    // class-validator's own default was "first must not be less than 1".
    const res = await t.gql(`{ needs(first: 0) { totalCount } }`, {}, token);
    expect(res.errors![0]).toMatchObject({
      message: 'first不能小于1',
      extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'first', message: 'first不能小于1' }] },
    });
  });

  it('answers malformed JSON, 413 and 415 in the GraphQL error shape with a code', async () => {
    const bad = await t.http().post('/graphql').set('content-type', 'application/json').send('{"query": ');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MALFORMED_JSON' });
    expect(bad.body.statusCode).toBeUndefined();
    const huge = await t
      .http()
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ query: '{ me { id } }', variables: { x: 'x'.repeat(1_100_000) } }));
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'BODY_TOO_LARGE' });
    const xml = await t.http().post('/graphql').set('content-type', 'application/xml').send('<query/>');
    expect(xml.status).toBe(415);
    expect(xml.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('serves GraphiQL with a CSP and X-Frame-Options, no inline script, and no bearer header kept in localStorage', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.text).not.toMatch(/<script>(?!<\/script>)/);
    const app = await t.http().get('/graphiql/app.js');
    expect(app.status).toBe(200);
    expect(app.text).toContain('shouldPersistHeaders: false');
    expect((await t.http().post('/graphql').send({ query: '{ __typename }' })).headers['x-frame-options']).toBe('DENY');
  });

  it('gives FORBIDDEN and UNAUTHENTICATED a reason: TOKEN_EXPIRED apart from TOKEN_INVALID, ROLE_REQUIRED apart from OUT_OF_SCOPE', async () => {
    const token = await t.login(PHONE.wang);
    const me = await personId(t, PHONE.wang);
    const sid = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid;
    const expired = signAccessToken(me, t.config.tokenSecret, 900, Date.now() - 3600_000, sid);
    expect((await t.gql(`{ me { id } }`, {}, expired)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
    const forged = signAccessToken(me, Buffer.alloc(48, 1), 900, Date.now(), sid);
    expect((await t.gql(`{ me { id } }`, {}, forged)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect((await t.gql(`{ me { id } }`)).errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'LOGIN_REQUIRED' });
    expect((await t.gql(`{ verifyLedger { ok } }`, {}, token)).errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    const [b1] = await t.db.query(`SELECT id FROM regions WHERE code = '320102003'`);
    const out = await t.gql(`query ($r: ID) { verifyLedger(regionId: $r) { ok } }`, { r: b1.id }, await t.login(PHONE.wuFang));
    expect(out.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(out.errors![0].extensions!.reason).toEqual(expect.any(String));
  });

  it('maps a statement cancelled by the timeout to LIMIT_EXCEEDED, and the pool runs under statement_timeout', async () => {
    const [{ statement_timeout }] = await t.db.query(`SHOW statement_timeout`);
    expect(statement_timeout).toBe(`${t.config.limits.statementTimeoutMs / 1000}s`);
    const formatted = createFormatError()(
      { message: 'canceling statement due to statement timeout' },
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    );
    expect(formatted.extensions).toEqual({ code: 'LIMIT_EXCEEDED', reason: 'STATEMENT_TIMEOUT' });
  });

  it('logs graphql operations without variables', () => {
    const log = readFileSync(join(process.env.TEST_RUN_DIR!, 'server.log'), 'utf8');
    expect(log).toContain('"msg":"graphql"');
  });
});

describe('hardening: rate limits by cost and the response-size cap', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_POINTS: '300', RATE_LIMIT_WINDOW_SECONDS: '3600', GRAPHQL_MAX_RESPONSE_BYTES: '4096' });
  });
  afterAll(() => t.close());

  it("spends each actor's budget by cost: an export costs more than the budget, a page of needs a few times; another actor is untouched", async () => {
    // Logins spend the address's budget (anonymous); each actor then has a budget of their own.
    const a = await t.login(PHONE.li);
    const b = await t.login(PHONE.zhangWei);
    const export1 = await t.gql(`{ exportMyData }`, {}, a);
    expect(export1.status).toBe(429);
    expect(export1.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'COST_BUDGET_EXHAUSTED' });
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 10; i++) codes.push(codeOf(await t.gql(`{ needs(first: 20) { edges { node { id title } } } }`, {}, a)));
    expect(codes).toContain('RATE_LIMITED');
    expect(codes[0]).toBeUndefined();
    expect((await t.gql(`{ me { id } }`, {}, b)).errors).toBeUndefined();
  });

  it('replaces an answer larger than GRAPHQL_MAX_RESPONSE_BYTES by LIMIT_EXCEEDED', async () => {
    const res = await t.gql(`{ __schema { types { name description fields { name description } } } }`);
    expect(res.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'RESPONSE_TOO_LARGE' });
    expect(res.data).toBeUndefined();
  });
});

describe('hardening: the client address is the socket peer unless TRUST_PROXY says otherwise', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_POINTS: '10', RATE_LIMIT_WINDOW_SECONDS: '3600' });
  });
  afterAll(() => t.close());

  it('spends one anonymous budget however X-Forwarded-For is forged', async () => {
    expect(t.config.trustProxy).toBe(false);
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t
        .http()
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', `203.0.113.${i + 1}`)
        .send({ query: `{ a: __typename b: __typename }` });
      codes.push(res.body.errors?.[0]?.extensions?.code as string | undefined);
    }
    expect(codes[0]).toBeUndefined();
    expect(codes).toContain('RATE_LIMITED');
  });

  it('purges throttle attempts older than the longest window and keeps the recent ones', async () => {
    const keep = Math.max(t.config.phoneVerification.windowSeconds, t.config.phoneVerification.idNumberWindowSeconds);
    await t.db.query(
      `INSERT INTO request_throttle (bucket, key, at) VALUES ('test-old', '\\x01', now() - make_interval(secs => $1)), ('test-new', '\\x02', now())`,
      [keep + 60],
    );
    expect(await t.app.get(RequestThrottlePurge).run()).toBeGreaterThanOrEqual(1);
    const left: { bucket: string }[] = await t.db.query(`SELECT bucket FROM request_throttle WHERE bucket LIKE 'test-%'`);
    expect(left.map((r) => r.bucket)).toEqual(['test-new']);
  });
});
