import { ConsoleSmsSender } from '../../src/auth/sms-sender.js';
import { PHONE } from '../helpers/needs.js';
import { idNumberFor, regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/** Issue 10 §3: registration that does not leak, with phone verification (console sender) and throttles. */
describe('hardening: registration with phone verification', () => {
  let t: TestApp;
  let grid: string;
  beforeAll(async () => {
    t = await createTestApp({
      PHONE_VERIFICATION: 'console',
      PHONE_CODE_MAX_PER_PHONE: '3',
      REGISTER_MAX_PER_ADDRESS: '6',
      IN_PERSON_REFUSALS_PER_WORKER: '3',
    });
    grid = await regionId(t, '32010200200101');
  });
  afterAll(() => t.close());

  const CODE = `mutation ($i: RequestPhoneCodeInput!) { requestPhoneCode(input: $i) }`;
  const REGISTER = `mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { accessToken me { id name } } }`;
  const persons = async () => (await t.db.query(`SELECT count(*)::int AS n FROM persons`))[0].n;

  it('answers requestPhoneCode the same for a registered and an unregistered phone; only the owner of the phone learns which', async () => {
    const known = await t.gql(CODE, { i: { phone: PHONE.wang, purpose: 'REGISTER' } });
    const unknown = await t.gql(CODE, { i: { phone: '13877770001', purpose: 'REGISTER' } });
    expect(known).toEqual(unknown);
    expect(known.data.requestPhoneCode).toBe(true);
    expect(ConsoleSmsSender.lastCodeFor(PHONE.wang)).toBeNull();
    expect(ConsoleSmsSender.lastCodeFor('13877770001')).toMatch(/^\d{6}$/);
  });

  it('registers only with the code sent to the phone; a wrong code, a missing one and a taken phone or ID number all tell nothing more', async () => {
    const phone = '13877770002';
    const input = { name: '钱桂兰', phone, password: 'guilan2026', gridId: grid };
    const before = await persons();
    expect((await t.gql(REGISTER, { i: input })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_REQUIRED' });
    await t.gql(CODE, { i: { phone, purpose: 'REGISTER' } });
    const code = ConsoleSmsSender.lastCodeFor(phone)!;
    const wrong = code === '000000' ? '111111' : '000000';
    expect((await t.gql(REGISTER, { i: { ...input, code: wrong } })).errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CODE_INVALID' });
    expect(await persons()).toBe(before);
    const ok = await t.gql(REGISTER, { i: { ...input, code } });
    expect(ok.data.registerResident.me.name).toBe('钱桂兰');
    // The code works once.
    expect((await t.gql(REGISTER, { i: { ...input, code } })).errors![0].extensions!.reason).toBe('CODE_INVALID');
    // Taken ID number with a fresh verified phone: the same refusal a taken phone gets.
    const other = '13877770003';
    await t.gql(CODE, { i: { phone: other, purpose: 'REGISTER' } });
    const taken = await t.gql(REGISTER, { i: { ...input, phone: other, idNumber: '320102194503120022', code: ConsoleSmsSender.lastCodeFor(other) } });
    expect(taken.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'REGISTRATION_REFUSED' });
  });

  it('throttles codes per phone', async () => {
    const phone = '13877770004';
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(codeOf(await t.gql(CODE, { i: { phone, purpose: 'REGISTER' } })));
    expect(codes.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(codes.slice(3)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('throttles registrations per address (25 in a row no longer go through)', async () => {
    const results: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++) {
      const phone = `1387777100${i}`;
      results.push(codeOf(await t.gql(REGISTER, { i: { name: '测试', phone, password: 'test-pass-123', gridId: grid, code: '123456' } })));
    }
    expect(results).toContain('RATE_LIMITED');
    expect(results.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(4);
  });

  it('代办注册: a grid worker registers a resident of her grid in person, who then sets a password by code and logs in', async () => {
    const worker = await t.login(PHONE.zhaoMin);
    const IN_PERSON = `mutation ($i: RegisterResidentInPersonInput!) { registerResidentInPerson(input: $i) { id name } }`;
    const phone = '13877770100';
    const done = await t.gql(IN_PERSON, { i: { name: '孙桂英', phone, gridId: grid, idNumber: idNumberFor('19400101', '811') } }, worker);
    expect(done.data.registerResidentInPerson.name).toBe('孙桂英');
    // Not in another grid, nor by a resident.
    const elsewhere = await t.gql(IN_PERSON, { i: { name: '孙某', phone: '13877770101', gridId: await regionId(t, '32010200300101') } }, worker);
    expect(elsewhere.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(IN_PERSON, { i: { name: '孙某', phone: '13877770102', gridId: grid } }, await t.login(PHONE.wang)))).toBe('FORBIDDEN');
    // No password yet: login fails like any wrong password.
    const LOGIN = `mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`;
    expect(codeOf(await t.gql(LOGIN, { i: { phone, password: 'guiying2026' } }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(CODE, { i: { phone, purpose: 'SET_PASSWORD' } })).data.requestPhoneCode).toBe(true);
    const SET = `mutation ($i: SetPasswordWithCodeInput!) { setPasswordWithCode(input: $i) { accessToken me { name } } }`;
    const set = await t.gql(SET, { i: { phone, code: ConsoleSmsSender.lastCodeFor(phone), password: 'guiying2026' } });
    expect(set.data.setPasswordWithCode.me.name).toBe('孙桂英');
    expect((await t.gql(LOGIN, { i: { phone, password: 'guiying2026' } })).data.login.accessToken).toBeDefined();
    // An unknown phone: the same true, no code, and CODE_INVALID on use.
    expect((await t.gql(CODE, { i: { phone: '13877770199', purpose: 'SET_PASSWORD' } })).data.requestPhoneCode).toBe(true);
    expect(ConsoleSmsSender.lastCodeFor('13877770199')).toBeNull();
    expect((await t.gql(SET, { i: { phone: '13877770199', code: '123456', password: 'guiying2026' } })).errors![0].extensions!.reason).toBe('CODE_INVALID');
  });

  it('代办注册 cannot test many ID numbers: after 3 refusals (IN_PERSON_REFUSALS_PER_WORKER) the worker is paused; successes do not count', async () => {
    const worker = await t.login(PHONE.sunLi);
    const IN_PERSON = `mutation ($i: RegisterResidentInPersonInput!) { registerResidentInPerson(input: $i) { id } }`;
    const held = idNumberFor('19450302', '421');
    // Five residents of a building registered in a row: none of them counts against the worker.
    for (let i = 0; i < 5; i++) {
      const ok = await t.gql(
        IN_PERSON,
        { i: { name: `住户${i}`, phone: `1387777020${i}`, gridId: grid, idNumber: i === 0 ? held : idNumberFor('19500101', `5${i}1`) } },
        worker,
      );
      expect(ok.errors).toBeUndefined();
    }
    const reasons: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await t.gql(IN_PERSON, { i: { name: '重复', phone: `1387777030${i}`, gridId: grid, idNumber: held } }, worker);
      reasons.push(r.errors![0].extensions!.reason as string);
    }
    expect(reasons).toEqual(['REGISTRATION_REFUSED', 'REGISTRATION_REFUSED', 'REGISTRATION_REFUSED']);
    // Paused: whatever the number (a free one too), nothing is looked up and nobody is created.
    const before = Number((await t.db.query(`SELECT count(*)::int AS n FROM persons`))[0].n);
    const paused = await t.gql(IN_PERSON, { i: { name: '新住户', phone: '13877770399', gridId: grid, idNumber: idNumberFor('19520505', '611') } }, worker);
    expect(paused.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ID_NUMBER_THROTTLED' });
    expect(Number((await t.db.query(`SELECT count(*)::int AS n FROM persons`))[0].n)).toBe(before);
    // Another worker of the grid is not affected.
    const other = await t.gql(
      IN_PERSON,
      { i: { name: '新住户', phone: '13877770399', gridId: grid, idNumber: idNumberFor('19520505', '611') } },
      await t.login(PHONE.zhaoMin),
    );
    expect(other.errors).toBeUndefined();
  });
});
