import { ExpiryService } from '../../src/time-bank/expiry.service.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';
import { earnThroughHook, volunteerOf } from '../helpers/time-bank.js';

const DAY = 86400_000;
const ACCOUNT = `{ myAccount { balanceMinutes expiryNotices { minutes expiresOn } entries(first: 1) { edges { node { kind amountMinutes counterparty } } } } }`;

describe('time bank expiry (optional policy)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is off by default, and where a region switches it on expires unused minutes oldest first after a notice', async () => {
    const expiry = t.app.get(ExpiryService);
    const chenJing = await t.login('13900000003');
    const zhangWei = await t.login('13900000001');
    const zhangBefore = (await t.gql(ACCOUNT, {}, zhangWei)).data.myAccount.balanceMinutes;
    expect(await expiry.run(new Date(Date.now() + 5000 * DAY))).toEqual({ expiredMinutes: 0, notices: 0 });

    const [b1] = await t.db.query(`SELECT id FROM regions WHERE code = '320102003001'`);
    const set = `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { expiryMonths expiryNoticeDays } }`;
    expect(codeOf(await t.gql(set, { r: b1.id, i: { expiryMonths: 1 } }, await t.login('13200000001')))).toBe('FORBIDDEN');
    const policy = await t.gql(set, { r: b1.id, i: { expiryMonths: 1, expiryNoticeDays: 30 } }, await t.login('13100000001'));
    expect(policy.data.setTimeBankPolicy).toEqual({ expiryMonths: 1, expiryNoticeDays: 30 });

    const p = await volunteerOf(t, '13900000003');
    const [grid] = await t.db.query(`SELECT id FROM regions WHERE code = '32010200300101'`);
    await earnThroughHook(t, {
      volunteerId: p.volunteer,
      volunteerPersonId: p.id,
      beneficiaryPersonId: p.id,
      gridId: grid.id,
      minutes: 60,
      title: '心理疏导',
      category: 'PSYCHOLOGICAL',
      confirmedBy: p.id,
    });
    await t.gql(`mutation { donateMinutes(input: { minutes: 20, idempotencyKey: "exp-d1" }) { id } }`, {}, chenJing);

    // Within the notice period: a notice of the 40 unused minutes, once, and nothing expires yet.
    const soon = await expiry.run(new Date(Date.now() + 5 * DAY));
    expect(soon).toEqual({ expiredMinutes: 0, notices: 1 });
    await expiry.run(new Date(Date.now() + 6 * DAY));
    const noticed = (await t.gql(ACCOUNT, {}, chenJing)).data.myAccount;
    expect(noticed.balanceMinutes).toBe(40);
    expect(noticed.expiryNotices).toHaveLength(1);
    expect(noticed.expiryNotices[0].minutes).toBe(40);

    const later = await expiry.run(new Date(Date.now() + 40 * DAY));
    expect(later.expiredMinutes).toBe(40);
    const after = (await t.gql(ACCOUNT, {}, chenJing)).data.myAccount;
    expect(after.balanceMinutes).toBe(0);
    expect(after.entries.edges[0].node).toEqual({ kind: 'EXPIRE', amountMinutes: -40, counterparty: '新街口街道过期回收账户' });
    expect((await t.gql(ACCOUNT, {}, zhangWei)).data.myAccount.balanceMinutes).toBe(zhangBefore);
    expect((await expiry.run(new Date(Date.now() + 80 * DAY))).expiredMinutes).toBe(0);
    const verify = await t.gql(`{ verifyLedger { ok sumOfBalances } }`, {}, await t.login('13100000001'));
    expect(verify.data.verifyLedger).toEqual({ ok: true, sumOfBalances: 0 });
  });

  it('never destroys minutes without a prior notice: old credits when switched on, a missed notice window, 0 notice days', async () => {
    const expiry = t.app.get(ExpiryService);
    const zhangWei = await t.login('13900000001');
    const admin = await t.login('13200000001');
    const [streetA] = await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`);
    const set = `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { expiryMonths expiryNoticeDays } }`;
    const notices = `{ myAccount { balanceMinutes expiryNotices { minutes settledMinutes expiresOn createdAt } } }`;
    const t0 = Date.now();
    const local = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
    const balance = (await t.gql(ACCOUNT, {}, zhangWei)).data.myAccount.balanceMinutes;
    expect(balance).toBeGreaterThan(0);

    // Street A switches expiry on long after 张伟 earned: his minutes are long due by age, but he was never told.
    await t.gql(set, { r: streetA.id, i: { expiryMonths: 1, expiryNoticeDays: 30 } }, admin);
    const first = new Date(t0 + 100 * DAY);
    await expiry.run(first);
    const told = (await t.gql(notices, {}, zhangWei)).data.myAccount;
    expect(told.balanceMinutes).toBe(balance);
    expect(told.expiryNotices).toEqual([{ minutes: balance, settledMinutes: 0, expiresOn: local(t0 + 130 * DAY), createdAt: first.toISOString() }]);
    // The job missed its runs for weeks: still nothing before the notice is 30 days old.
    await expiry.run(new Date(t0 + 129 * DAY));
    expect((await t.gql(notices, {}, zhangWei)).data.myAccount).toMatchObject({
      balanceMinutes: balance,
      expiryNotices: [{ minutes: balance, settledMinutes: 0 }],
    });
    await expiry.run(new Date(t0 + 131 * DAY));
    const gone = (await t.gql(ACCOUNT, {}, zhangWei)).data.myAccount;
    expect(gone.balanceMinutes).toBe(0);
    expect(gone.entries.edges[0].node).toEqual({ kind: 'EXPIRE', amountMinutes: -balance, counterparty: '梅园新村街道过期回收账户' });
    expect((await t.gql(notices, {}, zhangWei)).data.myAccount.expiryNotices[0]).toMatchObject({ minutes: balance, settledMinutes: balance });

    // With 0 notice days the notice still comes first, one run before the minutes go.
    await t.gql(set, { r: streetA.id, i: { expiryNoticeDays: 0 } }, admin);
    const p = await volunteerOf(t, '13900000001');
    const [grid] = await t.db.query(`SELECT id FROM regions WHERE code = '32010200200101'`);
    await earnThroughHook(t, {
      volunteerId: p.volunteer,
      volunteerPersonId: p.id,
      beneficiaryPersonId: p.id,
      gridId: grid.id,
      minutes: 45,
      title: '陪同就医',
      category: 'MEDICAL_ESCORT',
      confirmedBy: p.id,
    });
    await expiry.run(new Date(t0 + 200 * DAY));
    expect((await t.gql(notices, {}, zhangWei)).data.myAccount).toMatchObject({
      balanceMinutes: 45,
      expiryNotices: [{ minutes: 45, settledMinutes: 0 }, { minutes: balance }],
    });
    await expiry.run(new Date(t0 + 200 * DAY + 6 * 3600_000));
    expect((await t.gql(ACCOUNT, {}, zhangWei)).data.myAccount.balanceMinutes).toBe(0);
    const verify = await t.gql(`{ verifyLedger { ok sumOfBalances } }`, {}, await t.login('13100000001'));
    expect(verify.data.verifyLedger).toEqual({ ok: true, sumOfBalances: 0 });
  });
});
