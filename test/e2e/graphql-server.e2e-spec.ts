import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

describe('GraphQL server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_MAX_DEPTH: '6', GRAPHQL_MAX_COMPLEXITY: '200' });
  });
  afterAll(() => t.close());

  it('reports the database in /health', async () => {
    const res = await t.http().get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    expect(res.headers['x-request-id']).toMatch(/.+/);
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    expect((await t.http().get('/health').set('x-request-id', 'abc-123')).headers['x-request-id']).toBe('abc-123');
    expect((await t.http().get('/health').set('x-request-id', 'bad id!')).headers['x-request-id']).not.toBe('bad id!');
  });

  it('serves a GraphQL IDE at GET /graphql that needs no internet', async () => {
    const page = await t.http().get('/graphql').set('accept', 'text/html');
    expect(page.status).toBe(200);
    expect(page.text).toContain('GraphiQL');
    const scripts = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThanOrEqual(4);
    for (const src of scripts) {
      expect(src.startsWith('/')).toBe(true); // same origin, no CDN
      const asset = await t.http().get(src);
      expect(asset.status).toBe(200);
      // The page's own small script (app.js, moved out of the page for its CSP) is the exception.
      if (!src.endsWith('/app.js')) expect(asset.body.length ?? asset.text.length).toBeGreaterThan(1000);
    }
  });

  it('refuses queries nested beyond the depth limit', async () => {
    const res = await t.gql(`{ regions { children { children { children { children { children { children { name } } } } } } } }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.reason).toBe('QUERY_TOO_DEEP');
  });

  it('refuses queries above the complexity limit', async () => {
    const fields = Array.from({ length: 19 }, (_, i) => `r${i}: regions { id name children { id name children { id name children { id name } } } }`).join(' ');
    const res = await t.gql(`{ ${fields} }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.reason).toBe('QUERY_TOO_COMPLEX');
    // More root fields than GRAPHQL_MAX_ROOT_FIELDS is refused before any cost is counted.
    const many = await t.gql(`{ ${Array.from({ length: 120 }, (_, i) => `r${i}: regions { id }`).join(' ')} }`);
    expect(many.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TOO_MANY_ROOT_FIELDS' });
  });

  it('counts a page of `first` items as `first` times one item', async () => {
    const token = await t.login('13600000001');
    // 1 + 5 * first (edges, node and three fields): within the limit of 200 for 30, above it for 100.
    const page = (first: number) => `{ needs(first: ${first}) { edges { node { id title status } } } }`;
    expect((await t.gql(page(30), {}, token)).errors).toBeUndefined();
    const big = await t.gql(page(100), {}, token);
    expect(codeOf(big)).toBe('BAD_USER_INPUT');
    expect(big.errors![0].extensions!.reason).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a document with a huge number of fields as QUERY_TOO_COMPLEX, not as an internal error', async () => {
    const fields = Array.from({ length: 20000 }, (_, i) => `a${i}: __typename`).join(' ');
    const res = await t.gql(`{ ${fields} }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.reason).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers malformed GraphQL and ill-typed variables with BAD_USER_INPUT', async () => {
    expect(codeOf(await t.gql(`{ regions { nope } }`))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(`{ regions {`))).toBe('BAD_USER_INPUT');
    const coerced = await t.gql(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone: 13800000001, password: 'demo1234' } });
    expect(codeOf(coerced)).toBe('BAD_USER_INPUT');
    expect(coerced.status).toBe(400);
    expect(codeOf(await t.gql(`query ($f: Int) { regions { id } }`, { f: 1.5 }))).toBe('BAD_USER_INPUT');
  });

  it('walks the public region tree', async () => {
    const roots = await t.gql(`{ regions { id name level children { name level children { name } } } }`);
    expect(roots.data.regions).toEqual([expect.objectContaining({ name: '江苏省', level: 'PROVINCE' })]);
    const street = await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`);
    const res = await t.gql(
      `query ($id: ID!) { region(id: $id) { name code path level parent { name code } children { name code } stations { kind name } } }`,
      { id: street[0].id },
    );
    expect(res.data.region).toEqual({
      name: '梅园新村街道',
      code: '320102002000', // the 12-digit statistical code; the path keeps each level's significant digits
      path: '32.3201.320102.320102002',
      level: 'STREET',
      parent: { name: '玄武区', code: '320102000000' },
      children: [
        { name: '长江新村社区', code: '320102002001' },
        { name: '大悲巷社区', code: '320102002002' },
      ],
      stations: [{ kind: 'SOCIAL_WORK_STATION', name: '梅园新村街道社工站' }],
    });
    expect((await t.gql(`{ region(id: "nope") { id } }`)).data.region).toBeNull();
  });
});

describe('internal errors', () => {
  it('reach the client as INTERNAL_SERVER_ERROR without message, stack or SQL', async () => {
    const { createFormatError } = await import('../../src/common/format-error.js');
    const { GraphQLError } = await import('graphql');
    const original = new Error('syntax error at or near "FROM persons WHERE grid_id = 42"');
    const err = new GraphQLError(original.message, { originalError: original, path: ['x'] });
    const out = createFormatError()({ message: err.message, path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, err);
    expect(out).toEqual({ message: '服务器内部错误', path: ['x'], locations: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });
});
