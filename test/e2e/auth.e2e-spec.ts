import { signAccessToken } from '../../src/auth/access-token.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const LOGIN = `mutation ($i: LoginInput!) { login(input: $i) { accessToken refreshToken me { id name roles { role scopeId scopeName scopeType } } } }`;
const REFRESH = `mutation ($t: String!) { refreshToken(token: $t) { accessToken refreshToken me { name } } }`;
const REGISTER = `mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { accessToken me { id name phone idNumber grid { name } roles { role scopeName } } } }`;
const ME = `{ me { id name phone roles { role scopeName } } }`;

describe('sessions', () => {
  let t: TestApp;
  let gridA1g2: string;
  const count = async (sql: string) => Number((await t.db.query(sql))[0].n);

  beforeAll(async () => {
    t = await createTestApp();
    gridA1g2 = (await t.db.query(`SELECT id FROM regions WHERE code = '32010200200102'`))[0].id;
  });
  afterAll(() => t.close());

  describe('login', () => {
    it.each([
      ['13800000001', '王秀英', 'RESIDENT', '长江新村社区第一网格'],
      ['13800000002', '李建国', 'RESIDENT', '长江新村社区第二网格'],
      ['13900000001', '张伟', 'VOLUNTEER', '长江新村社区'],
      ['13900000002', '刘洋', 'VOLUNTEER', '长江新村社区'],
      ['13900000003', '陈静', 'VOLUNTEER', '文昌巷社区'],
      ['13700000001', '赵敏', 'GRID_WORKER', '长江新村社区第一网格'],
      ['13600000001', '孙丽', 'COMMUNITY_WORKER', '长江新村社区'],
      ['13600000002', '周强', 'COMMUNITY_WORKER', '文昌巷社区'],
      ['13500000001', '吴芳', 'SOCIAL_WORKER', '梅园新村街道'],
      ['13400000001', '郑磊', 'ORG_ADMIN', '梅园新村街道'],
      ['13300000001', '冯静', 'CHARITY_ADMIN', '梅园新村街道'],
      ['13200000001', '何军', 'STREET_ADMIN', '梅园新村街道'],
      ['13100000001', '系统管理员', 'SYSTEM_ADMIN', null],
    ])('%s (%s) gets a token and `me` shows role %s in %s', async (phone, name, role, scopeName) => {
      const res = await t.gql(LOGIN, { i: { phone, password: 'demo1234' } });
      expect(res.errors).toBeUndefined();
      expect(res.data.login.me.name).toBe(name);
      const me = await t.gql(ME, {}, res.data.login.accessToken);
      expect(me.data.me.name).toBe(name);
      expect(me.data.me.phone).toBe(phone);
      expect(me.data.me.roles).toContainEqual({ role, scopeName });
    });

    it('names the organization, not its region, as the scope of an organization-scoped grant', async () => {
      const res = await t.gql(LOGIN, { i: { phone: '13400000001', password: 'demo1234' } });
      const orgGrants = res.data.login.me.roles.filter((g: { scopeType: string }) => g.scopeType === 'ORGANIZATION');
      expect(orgGrants.length).toBeGreaterThan(0);
      const names = (await t.db.query(`SELECT name FROM organizations`)).map((o: { name: string }) => o.name);
      for (const g of orgGrants) expect(names).toContain(g.scopeName);
    });

    it('refuses a wrong password and an unknown phone alike, issuing nothing', async () => {
      const before = await count(`SELECT count(*) AS n FROM refresh_tokens`);
      const wrong = await t.gql(LOGIN, { i: { phone: '13800000002', password: 'wrong1234' } });
      const unknown = await t.gql(LOGIN, { i: { phone: '13888888888', password: 'demo1234' } });
      expect(codeOf(wrong)).toBe('UNAUTHENTICATED');
      expect(codeOf(unknown)).toBe('UNAUTHENTICATED');
      expect(wrong.errors![0].message).toBe(unknown.errors![0].message);
      expect(wrong.data).toBeNull();
      expect(await count(`SELECT count(*) AS n FROM refresh_tokens`)).toBe(before);
    });

    it('refuses a malformed phone as BAD_USER_INPUT naming the field', async () => {
      const res = await t.gql(LOGIN, { i: { phone: '12345', password: 'demo1234' } });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toEqual([{ field: 'phone', message: '请输入11位中国大陆手机号码' }]);
    });

    it('rate-limits a phone after repeated failures, even with the right password', async () => {
      const i = { phone: '13600000002', password: 'nope12345' };
      for (let n = 0; n < t.config.loginMaxFailures; n++) expect(codeOf(await t.gql(LOGIN, { i }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(LOGIN, { i }))).toBe('RATE_LIMITED');
      expect(codeOf(await t.gql(LOGIN, { i: { ...i, password: 'demo1234' } }))).toBe('RATE_LIMITED');
      // Other phones are not affected, and the throttle table holds no phone numbers.
      expect(codeOf(await t.gql(LOGIN, { i: { phone: '13600000001', password: 'demo1234' } }))).toBeUndefined();
      const stored = await t.db.query(`SELECT encode(phone_key, 'hex') AS k FROM login_failures`);
      expect(stored.length).toBeGreaterThan(0);
      expect(JSON.stringify(stored)).not.toContain('13600000002');
    });
    it('checks at most the allowed number of guesses when they arrive all at once', async () => {
      const i = { phone: '13500000001', password: 'guess12345' };
      const answers = await Promise.all(Array.from({ length: 30 }, () => t.gql(LOGIN, { i })));
      const codes = answers.map(codeOf);
      expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(t.config.loginMaxFailures);
      expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(30 - t.config.loginMaxFailures);
      expect(codeOf(await t.gql(LOGIN, { i: { ...i, password: 'demo1234' } }))).toBe('RATE_LIMITED');
    });
  });

  describe('tokens', () => {
    it('refuses an expired, a tampered, a foreign-key-signed and a malformed token', async () => {
      const token = await t.login('13800000001');
      const me = await t.gql(`{ me { id } }`, {}, token);
      const personId = me.data.me.id;
      const expired = signAccessToken(personId, t.config.tokenSecret, 900, Date.now() - 3600_000);
      const [h, p, s] = token.split('.');
      const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
      const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: '00000000-0000-0000-0000-000000000001' })).toString('base64url')}.${s}`;
      const foreign = signAccessToken(personId, Buffer.alloc(48, 7), 900);
      for (const bad of [expired, tampered, foreign, 'not-a-token']) {
        const res = await t.gql(`{ me { id } }`, {}, bad);
        expect(codeOf(res)).toBe('UNAUTHENTICATED');
      }
      const expiredRes = await t.gql(`{ me { id } }`, {}, expired);
      expect(expiredRes.errors![0].message).toBe('登录已过期，请重新登录');
    });

    it('refuses `me` without a token', async () => {
      expect(codeOf(await t.gql(`{ me { id } }`))).toBe('UNAUTHENTICATED');
    });

    it('rotates refresh tokens and revokes the family when a used one comes back', async () => {
      const first = (await t.gql(LOGIN, { i: { phone: '13800000002', password: 'demo1234' } })).data.login;
      const second = await t.gql(REFRESH, { t: first.refreshToken });
      expect(second.data.refreshToken.me.name).toBe('李建国');
      expect(second.data.refreshToken.refreshToken).not.toBe(first.refreshToken);
      // Replaying the first token (stolen?) fails and kills the second one too.
      expect(codeOf(await t.gql(REFRESH, { t: first.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(REFRESH, { t: second.data.refreshToken.refreshToken }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(REFRESH, { t: 'garbage' }))).toBe('UNAUTHENTICATED');
    });

    it('logout revokes the session', async () => {
      const s = (await t.gql(LOGIN, { i: { phone: '13900000002', password: 'demo1234' } })).data.login;
      const out = await t.gql(`mutation ($r: String!) { logout(refreshToken: $r) }`, { r: s.refreshToken }, s.accessToken);
      expect(out.data.logout).toBe(true);
      expect(codeOf(await t.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired refresh token', async () => {
      const s = (await t.gql(LOGIN, { i: { phone: '13900000003', password: 'demo1234' } })).data.login;
      await t.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [s.refreshToken.split('.')[0]]);
      expect(codeOf(await t.gql(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    });
  });

  describe('registerResident', () => {
    const input = (over: Record<string, unknown> = {}) => ({
      name: '钱桂兰',
      phone: '13811112222',
      password: 'guilan2026',
      gridId: gridA1g2,
      idNumber: null,
      ...over,
    });

    it('registers with an encrypted ID number, birth date from it, and a RESIDENT grant in the grid', async () => {
      const res = await t.gql(REGISTER, { i: input({ idNumber: '320102195011050042', address: '长江新村10幢' }) });
      expect(res.errors).toBeUndefined();
      expect(res.data.registerResident.me).toMatchObject({
        name: '钱桂兰',
        phone: '13811112222',
        idNumber: '320102195011050042',
        grid: { name: '长江新村社区第二网格' },
      });
      expect(res.data.registerResident.me.roles).toEqual([{ role: 'RESIDENT', scopeName: '长江新村社区第二网格' }]);
      const [row] = await t.db.query(`SELECT id_number_cipher, to_char(birth_date, 'YYYY-MM-DD') AS b, password_hash FROM persons WHERE phone = '13811112222'`);
      expect(row.b).toBe('1950-11-05');
      expect(row.id_number_cipher.toString('latin1')).not.toContain('320102195011050042');
      expect(row.password_hash).toMatch(/^scrypt\$/);
      const login = await t.gql(LOGIN, { i: { phone: '13811112222', password: 'guilan2026' } });
      expect(login.data.login.me.name).toBe('钱桂兰');
    });

    it.each([
      [{ phone: '1381111' }, 'phone'],
      [{ idNumber: '320102195011050041' }, 'idNumber'],
      [{ idNumber: '32010219501305004X' }, 'idNumber'],
      [{ password: 'short1' }, 'password'],
      [{ password: 'onlyletters' }, 'password'],
      [{ name: '   ' }, 'name'],
      [{ gridId: 'nope' }, 'gridId'],
    ])('refuses %j as BAD_USER_INPUT on %s and writes nothing', async (over, field) => {
      const before = await count(`SELECT count(*) AS n FROM persons`);
      const res = await t.gql(REGISTER, { i: input({ phone: '13811113333', ...over }) });
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields!.map((f) => f.field)).toContain(field);
      expect(await count(`SELECT count(*) AS n FROM persons`)).toBe(before);
    });

    it('refuses text with a NUL character as BAD_USER_INPUT naming the field, inline or in variables', async () => {
      const before = await count(`SELECT count(*) AS n FROM persons`);
      const inVariables = await t.gql(REGISTER, { i: { name: '测试\u0000', phone: '13811110000', password: 'pass12345', gridId: gridA1g2 } });
      expect(codeOf(inVariables)).toBe('BAD_USER_INPUT');
      expect(inVariables.errors![0].extensions!.fields).toEqual([{ field: 'name', message: '不能包含空字符' }]);
      const inline = await t.gql(`mutation { refreshToken(token: "x\\u0000") { accessToken } }`);
      expect(codeOf(inline)).toBe('BAD_USER_INPUT');
      expect(await count(`SELECT count(*) AS n FROM persons`)).toBe(before);
    });

    it('refuses a community as grid, a taken phone and a taken ID number', async () => {
      const a1 = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002001'`))[0].id;
      const notGrid = await t.gql(REGISTER, { i: input({ phone: '13811114444', gridId: a1, idNumber: null }) });
      expect(codeOf(notGrid)).toBe('BAD_USER_INPUT');
      const phoneTaken = await t.gql(REGISTER, { i: input({ phone: '13800000001', idNumber: null }) });
      expect(codeOf(phoneTaken)).toBe('CONFLICT');
      const idTaken = await t.gql(REGISTER, { i: input({ phone: '13811115555', idNumber: '320102194503120022' }) });
      expect(codeOf(idTaken)).toBe('CONFLICT');
      // One answer for both: registration does not tell which of phone or ID number exists (issue 10 §3).
      expect(idTaken.errors![0].extensions!.reason).toBe('REGISTRATION_REFUSED');
      expect(phoneTaken.errors![0]).toEqual(idTaken.errors![0]);
    });

    it('lets exactly one of two simultaneous registrations of one phone win', async () => {
      const results = await Promise.all([1, 2].map(() => t.gql(REGISTER, { i: input({ phone: '13811116666', idNumber: null }) })));
      expect(results.filter((r) => r.data?.registerResident).length).toBe(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT').length).toBe(1);
    });
  });
});
