import { randomUUID } from 'node:crypto';
import { ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import { ExpiryService } from '../../src/time-bank/expiry.service.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

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

    const [p] = await t.db.query(`SELECT p.id, v.id AS volunteer FROM persons p JOIN volunteers v ON v.person_id = p.id WHERE p.phone = '13900000003'`);
    const [grid] = await t.db.query(`SELECT id FROM regions WHERE code = '32010200300101'`);
    const now = new Date();
    await t.db.transaction((m) =>
      t.app.get(ServiceConfirmationHooks).confirmed(m, {
        needId: randomUUID(), volunteerId: p.volunteer, volunteerPersonId: p.id, beneficiaryPersonId: p.id, gridId: grid.id, minutes: 60, title: '心理疏导',
        category: 'PSYCHOLOGICAL', address: null, startedAt: now, endedAt: now, confirmedBy: p.id, confirmedAt: now,
      }),
    );
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
});
