import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import type { EarnableService } from '../../src/time-bank/earn.listener.js';
import { earnThroughHook } from '../helpers/time-bank.js';
import { seedDemoData } from '../../src/seed/demo-data.js';
import { PHONE, servedNeed } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const TX = `{ id kind memo reason reversesId reversedById overflowMinutes postings { accountId accountKind amountMinutes holder } }`;
const TRANSFER = `mutation ($i: TransferMinutesInput!) { transferMinutes(input: $i) ${TX} }`;
const DONATE = `mutation ($i: DonateMinutesInput!) { donateMinutes(input: $i) ${TX} }`;
const GRANT = `mutation ($i: GrantMinutesInput!) { grantMinutes(input: $i) ${TX} }`;
const SPEND = `mutation ($i: SpendMinutesInput!) { spendMinutes(input: $i) ${TX} }`;
const REVERSE = `mutation ($i: ReverseTransactionInput!) { reverseTransaction(input: $i) ${TX} }`;
const VERIFY = `query ($r: ID) { verifyLedger(regionId: $r) { ok checkedEntries checkedAccounts firstBadEntryId sumOfBalances problems } }`;
const BALANCE = `{ myAccount { id balanceMinutes donateOnlyMinutes } }`;

describe('time bank', () => {
  let t: TestApp;
  let tok: Record<string, string>;
  const ids: Record<string, string> = {};
  const regions: Record<string, string> = {};
  let key = 0;
  const k = () => `k-${Date.now()}-${key++}`;

  const balance = async (who: string) => (await t.gql(BALANCE, {}, tok[who])).data.myAccount.balanceMinutes as number;
  const verify = async (region: string | null = null, who = 'admin') => (await t.gql(VERIFY, { r: region }, tok[who])).data?.verifyLedger;
  const confirm = (over: Partial<EarnableService> = {}) => {
    const now = new Date();
    return earnThroughHook(t, {
      volunteerId: ids.zhangWeiVolunteer,
      volunteerPersonId: ids.zhangWei,
      beneficiaryPersonId: ids.wang,
      gridId: regions.A1g1,
      minutes: 90,
      title: '陪同就医',
      category: 'MEDICAL_ESCORT',
      startedAt: new Date(now.getTime() - 90 * 60_000),
      endedAt: now,
      confirmedBy: ids.wang,
      confirmedAt: now,
      ...over,
    });
  };

  beforeAll(async () => {
    t = await createTestApp();
    const phones = {
      wang: '13800000001',
      li: '13800000002',
      zhangWei: '13900000001',
      liuYang: '13900000002',
      chenJing: '13900000003',
      sunLi: '13600000001',
      zhouQiang: '13600000002',
      heJun: '13200000001',
      admin: '13100000001',
    };
    tok = {};
    for (const [name, phone] of Object.entries(phones)) {
      tok[name] = await t.login(phone);
      ids[name] = (await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
    }
    ids.zhangWeiVolunteer = (await t.db.query(`SELECT id FROM volunteers WHERE person_id = $1`, [ids.zhangWei]))[0].id;
    for (const [name, code] of Object.entries({ streetA: '320102002', A1: '320102002001', A1g1: '32010200200101', B1: '320102003001' })) {
      regions[name] = (await t.db.query(`SELECT id FROM regions WHERE code = $1`, [code]))[0].id;
    }
  });
  afterAll(() => t.close());

  it('shows the demo ledger: balances, entries newest first with running balance and masked counterparty, stable cursors', async () => {
    const res = await t.gql(
      `{ myAccount { kind balanceMinutes holder regionName entries(first: 2) { totalCount edges { cursor node { kind amountMinutes balanceAfterMinutes counterparty memo } } pageInfo { hasNextPage endCursor } } } }`,
      {},
      tok.zhangWei,
    );
    const acc = res.data.myAccount;
    expect(acc).toMatchObject({ kind: 'PERSON', balanceMinutes: 180, holder: '张伟', regionName: '长江新村社区' });
    expect(acc.entries.totalCount).toBe(5);
    expect(acc.entries.edges.map((e: any) => e.node)).toEqual([
      { kind: 'TRANSFER', amountMinutes: -60, balanceAfterMinutes: 180, counterparty: '李*', memo: '给岳父' },
      { kind: 'DONATE', amountMinutes: -30, balanceAfterMinutes: 240, counterparty: '长江新村社区爱心池', memo: '捐给社区爱心池' },
    ]);
    const next = await t.gql(
      `query ($a: String) { myAccount { entries(first: 10, after: $a) { edges { node { kind amountMinutes balanceAfterMinutes counterparty } } pageInfo { hasNextPage } } } }`,
      { a: acc.entries.pageInfo.endCursor },
      tok.zhangWei,
    );
    expect(next.data.myAccount.entries.edges.map((e: any) => [e.node.kind, e.node.amountMinutes, e.node.balanceAfterMinutes])).toEqual([
      ['EARN', 60, 270],
      ['EARN', 90, 210],
      ['EARN', 120, 120],
    ]);
    expect(next.data.myAccount.entries.edges[0].node.counterparty).toBe('梅园新村街道时间银行发行账户');
    const bad = await t.gql(`{ myAccount { entries(after: "nonsense") { totalCount } } }`, {}, tok.zhangWei);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(await verify()).toMatchObject({ ok: true, sumOfBalances: 0, firstBadEntryId: null });
  });

  it('seeds the demo ledger idempotently', async () => {
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ledger_transactions`);
    await seedDemoData(t.db, t.config);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM ledger_transactions`))[0].n).toBe(n);
    expect(await balance('zhangWei')).toBe(180);
  });

  it('transfers to a relative, replays a key, refuses a reused key, a non-relative, bad input and an overdraft', async () => {
    const key1 = k();
    const first = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 15, memo: '孝敬', idempotencyKey: key1 } }, tok.zhangWei);
    expect(first.data.transferMinutes).toMatchObject({ kind: 'TRANSFER', overflowMinutes: 0 });
    expect(first.data.transferMinutes.postings.map((p: any) => [p.amountMinutes, p.holder]).sort()).toEqual(
      [
        [-15, '张伟'],
        [15, '李*'],
      ].sort(),
    );
    const replay = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 15, memo: '孝敬', idempotencyKey: key1 } }, tok.zhangWei);
    expect(replay.data.transferMinutes.id).toBe(first.data.transferMinutes.id);
    const reused = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 16, memo: '孝敬', idempotencyKey: key1 } }, tok.zhangWei);
    expect(codeOf(reused)).toBe('CONFLICT');
    expect(reused.errors![0].extensions!.reason).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await balance('zhangWei')).toBe(165);

    const stranger = await t.gql(TRANSFER, { i: { toPersonId: ids.wang, minutes: 5, idempotencyKey: k() } }, tok.zhangWei);
    expect(codeOf(stranger)).toBe('FORBIDDEN');
    expect(stranger.errors![0].extensions!.reason).toBe('NOT_A_RELATIVE');
    for (const minutes of [0, -5]) {
      const res = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes, idempotencyKey: k() } }, tok.zhangWei);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields![0].field).toBe('minutes');
    }
    expect(codeOf(await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 5, idempotencyKey: 'has spaces' } }, tok.zhangWei))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(TRANSFER, { i: { toPersonId: ids.zhangWei, minutes: 5, idempotencyKey: k() } }, tok.zhangWei))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(TRANSFER, { i: { toPersonId: randomUUID(), minutes: 5, idempotencyKey: k() } }, tok.zhangWei))).toBe('NOT_FOUND');
    const over = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 166, idempotencyKey: k() } }, tok.zhangWei);
    expect(codeOf(over)).toBe('INSUFFICIENT_BALANCE');
    expect(codeOf(await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 5, idempotencyKey: k() } }))).toBe('UNAUTHENTICATED');
    expect(await balance('zhangWei')).toBe(165);
  });

  it('serializes 50 concurrent transfers that together exceed the balance', async () => {
    const before = await balance('zhangWei');
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 10, idempotencyKey: k() } }, tok.zhangWei)),
    );
    const ok = results.filter((r) => r.data?.transferMinutes).length;
    expect(ok).toBe(Math.floor(before / 10));
    expect(results.filter((r) => codeOf(r) === 'INSUFFICIENT_BALANCE').length).toBe(50 - ok);
    expect(await balance('zhangWei')).toBe(before - ok * 10);
    expect(await verify()).toMatchObject({ ok: true, sumOfBalances: 0 });
  });

  it('replays the same key sent concurrently exactly once', async () => {
    const key1 = k();
    const before = await balance('li');
    const results = await Promise.all(Array.from({ length: 8 }, () => t.gql(DONATE, { i: { minutes: 1, idempotencyKey: key1 } }, tok.li)));
    expect(new Set(results.map((r) => r.data.donateMinutes.id)).size).toBe(1);
    expect(await balance('li')).toBe(before - 1);
  });

  it('earns on confirmation in the confirming transaction, exactly once per service, and the volunteer follows the ledger', async () => {
    const before = await balance('zhangWei');
    const vBefore = (await t.gql(`query ($id: ID!) { volunteer(id: $id) { verifiedMinutes starLevel } }`, { id: ids.zhangWeiVolunteer }, tok.zhangWei)).data
      .volunteer;
    const s = await confirm();
    expect(await balance('zhangWei')).toBe(before + 90);
    const vAfter = (await t.gql(`query ($id: ID!) { volunteer(id: $id) { verifiedMinutes starLevel } }`, { id: ids.zhangWeiVolunteer }, tok.zhangWei)).data
      .volunteer;
    expect(vAfter.verifiedMinutes).toBe(vBefore.verifiedMinutes + 90);
    await expect(confirm({ needId: s.needId })).rejects.toMatchObject({ options: { reason: 'SERVICE_ALREADY_EARNED' } });
    await expect(confirm({ minutes: 0 })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await balance('zhangWei')).toBe(before + 90);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM service_records WHERE need_id = $1`, [s.needId]);
    expect(n).toBe(1);
    // A failing confirmation rolls the record and the EARN back with it.
    const needId = randomUUID();
    await expect(
      t.db.transaction(async (m) => {
        await t.app.get(ServiceConfirmationHooks).confirmed(m, { ...s, needId });
        throw new Error('confirmation failed later');
      }),
    ).rejects.toThrow('confirmation failed later');
    expect((await t.db.query(`SELECT 1 FROM service_records WHERE need_id = $1`, [needId])).length).toBe(0);
    expect(await balance('zhangWei')).toBe(before + 90);
  });

  it('caps a balance and sends the overflow to the community pool in the same transaction', async () => {
    const setCap = await t.gql(
      `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { balanceCapMinutes redemptionAge } }`,
      { r: regions.A1, i: { balanceCapMinutes: (await balance('zhangWei')) + 60 } },
      tok.heJun,
    );
    expect(setCap.data.setTimeBankPolicy.redemptionAge).toBe(60);
    const before = await balance('zhangWei');
    const s = await confirm({ minutes: 100 });
    expect(await balance('zhangWei')).toBe(before + 60);
    const [tx] = await t.db.query(`SELECT t.id FROM ledger_transactions t JOIN service_records s ON s.id = t.source_id WHERE s.need_id = $1`, [s.needId]);
    const res = await t.gql(`query ($id: ID!) { ledgerTransaction(id: $id) ${TX} }`, { id: tx.id }, tok.zhangWei);
    expect(res.data.ledgerTransaction.overflowMinutes).toBe(40);
    expect(res.data.ledgerTransaction.postings.find((p: any) => p.accountKind === 'COMMUNITY_POOL')).toMatchObject({
      amountMinutes: 40,
      holder: '长江新村社区爱心池',
    });
    const forbidden = await t.gql(
      `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { balanceCapMinutes } }`,
      { r: regions.B1, i: { balanceCapMinutes: 600 } },
      tok.heJun,
    );
    expect(codeOf(forbidden)).toBe('FORBIDDEN');
    await t.gql(
      `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { balanceCapMinutes } }`,
      { r: regions.A1, i: { balanceCapMinutes: 90000 } },
      tok.heJun,
    );
  });

  it('keeps group-activity hours donate-only', async () => {
    const before = (await t.gql(BALANCE, {}, tok.liuYang)).data.myAccount;
    const liuYangVolunteer = (await t.db.query(`SELECT id FROM volunteers WHERE person_id = $1`, [ids.liuYang]))[0].id;
    await confirm({ volunteerId: liuYangVolunteer, volunteerPersonId: ids.liuYang, minutes: 50, groupActivity: true });
    const after = (await t.gql(BALANCE, {}, tok.liuYang)).data.myAccount;
    expect(after).toMatchObject({ balanceMinutes: before.balanceMinutes + 50, donateOnlyMinutes: before.donateOnlyMinutes + 50 });
    // 刘洋 has a relative registered for this test so that only the donate-only rule can refuse.
    await t.db.query(`INSERT INTO relatives (person_id, relative_id, relation, recorded_by) VALUES ($1, $2, '表亲', $3)`, [ids.liuYang, ids.wang, ids.sunLi]);
    const refused = await t.gql(TRANSFER, { i: { toPersonId: ids.wang, minutes: before.balanceMinutes + 1, idempotencyKey: k() } }, tok.liuYang);
    expect(refused.errors![0].extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE', reason: 'GROUP_HOURS_DONATE_ONLY' });
    const donated = await t.gql(DONATE, { i: { minutes: 50, idempotencyKey: k() } }, tok.liuYang);
    expect(donated.data.donateMinutes.kind).toBe('DONATE');
    expect((await t.gql(BALANCE, {}, tok.liuYang)).data.myAccount).toMatchObject({
      balanceMinutes: before.balanceMinutes,
      donateOnlyMinutes: before.donateOnlyMinutes,
    });
  });

  it('enforces the daily and yearly transfer caps of the region', async () => {
    const set = (i: Record<string, number>) =>
      t.gql(
        `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { dailyTransferCapMinutes } }`,
        { r: regions.streetA, i },
        tok.heJun,
      );
    await confirm({ minutes: 300 });
    const used = (
      await t.db.query(
        `SELECT coalesce(-sum(p.amount), 0)::int AS n FROM ledger_postings p JOIN ledger_transactions tx ON tx.id = p.transaction_id JOIN ledger_accounts a ON a.id = p.account_id WHERE a.person_id = $1 AND tx.kind = 'TRANSFER' AND p.amount < 0`,
        [ids.zhangWei],
      )
    )[0].n;
    await set({ dailyTransferCapMinutes: used + 10 });
    expect((await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 10, idempotencyKey: k() } }, tok.zhangWei)).data.transferMinutes.kind).toBe('TRANSFER');
    const daily = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 1, idempotencyKey: k() } }, tok.zhangWei);
    expect(daily.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'DAILY_TRANSFER_CAP' });
    await set({ dailyTransferCapMinutes: 90000, yearlyTransferCapMinutes: used + 10 });
    const yearly = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 1, idempotencyKey: k() } }, tok.zhangWei);
    expect(yearly.errors![0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', reason: 'YEARLY_TRANSFER_CAP' });
    await set({ dailyTransferCapMinutes: 1200, yearlyTransferCapMinutes: 12000 });
  });

  it('donates to the pool and lets a community worker of the community grant from it', async () => {
    const donated = await t.gql(DONATE, { i: { minutes: 40, idempotencyKey: k() } }, tok.zhangWei);
    const pool = donated.data.donateMinutes.postings.find((p: any) => p.accountKind === 'COMMUNITY_POOL');
    const poolBefore = (await t.gql(`query ($id: ID!) { account(id: $id) { balanceMinutes holder } }`, { id: pool.accountId }, tok.sunLi)).data.account;
    expect(poolBefore.holder).toBe('长江新村社区爱心池');
    const wangBefore = await balance('wang');
    const granted = await t.gql(GRANT, { i: { toPersonId: ids.wang, minutes: 25, memo: '助浴', idempotencyKey: k() } }, tok.sunLi);
    expect(granted.data.grantMinutes.kind).toBe('GRANT');
    expect(await balance('wang')).toBe(wangBefore + 25);
    expect(codeOf(await t.gql(GRANT, { i: { toPersonId: ids.wang, minutes: 5, idempotencyKey: k() } }, tok.zhouQiang))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(GRANT, { i: { toPersonId: ids.wang, minutes: 5, idempotencyKey: k() } }, tok.zhangWei))).toBe('FORBIDDEN');
    const tooMuch = await t.gql(GRANT, { i: { toPersonId: ids.wang, minutes: poolBefore.balanceMinutes, idempotencyKey: k() } }, tok.sunLi);
    expect(tooMuch.errors![0].extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE', reason: 'POOL_INSUFFICIENT' });
    expect(codeOf(await t.gql(`query ($id: ID!) { account(id: $id) { balanceMinutes } }`, { id: pool.accountId }, tok.zhouQiang))).toBe('FORBIDDEN');
    const byCommunity = await t.gql(`query ($c: ID!) { communityPool(communityId: $c) { id balanceMinutes } }`, { c: regions.A1 }, tok.sunLi);
    expect(byCommunity.data.communityPool).toEqual({ id: pool.accountId, balanceMinutes: poolBefore.balanceMinutes - 25 });
    expect(codeOf(await t.gql(`query ($c: ID!) { communityPool(communityId: $c) { id } }`, { c: regions.A1 }, tok.zhouQiang))).toBe('FORBIDDEN');
    const wangAccount = await t.gql(`query ($p: ID!) { personAccount(personId: $p) { holder balanceMinutes } }`, { p: ids.wang }, tok.sunLi);
    expect(wangAccount.data.personAccount).toEqual({ holder: '王*', balanceMinutes: wangBefore + 25 });
    expect(codeOf(await t.gql(`query ($p: ID!) { personAccount(personId: $p) { id } }`, { p: ids.wang }, tok.li))).toBe('FORBIDDEN');
    expect((await t.gql(`query ($p: ID!) { personAccount(personId: $p) { id } }`, { p: randomUUID() }, tok.sunLi)).data.personAccount).toBeNull();
    expect(codeOf(await t.gql(`query ($id: ID!) { account(id: $id) { balanceMinutes } }`, { id: pool.accountId }, tok.li))).toBe('FORBIDDEN');
  });

  it('lets members redeem from the redemption age, earlier with a hardship flag', async () => {
    const young = await t.gql(SPEND, { i: { minutes: 10, idempotencyKey: k() } }, tok.zhangWei);
    expect(young.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'REDEMPTION_AGE' });
    const haircut = await servedNeed(t, { beneficiary: PHONE.li, volunteer: PHONE.liuYang, minutes: 40 });
    const before = await balance('li');
    const old = await t.gql(SPEND, { i: { minutes: 10, needId: haircut, providerPersonId: ids.liuYang, memo: '理发', idempotencyKey: k() } }, tok.li);
    expect(old.data.spendMinutes.kind).toBe('SPEND');
    expect(await balance('li')).toBe(before - 10);
    const toSink = await t.gql(SPEND, { i: { minutes: 5, idempotencyKey: k() } }, tok.li);
    expect(toSink.data.spendMinutes.postings.find((p: any) => p.amountMinutes === 5).accountKind).toBe('REDEMPTION_SINK');
    await t.db.query(`INSERT INTO person_flags (person_id, flag, consent_given_by, consent_at, recorded_by) VALUES ($1, 'DISABILITY', $1, now(), $2)`, [
      ids.zhangWei,
      ids.sunLi,
    ]);
    expect((await t.gql(SPEND, { i: { minutes: 10, idempotencyKey: k() } }, tok.zhangWei)).data.spendMinutes.kind).toBe('SPEND');
    await t.db.query(`DELETE FROM person_flags WHERE person_id = $1`, [ids.zhangWei]);
  });

  it('reverses a transaction once, by a street admin of its region, with a reason', async () => {
    const s = await confirm({ minutes: 30 });
    const [earn] = await t.db.query(`SELECT t.id FROM ledger_transactions t JOIN service_records s ON s.id = t.source_id WHERE s.need_id = $1`, [s.needId]);
    const before = await balance('zhangWei');
    const vBefore = (await t.gql(`query ($id: ID!) { volunteer(id: $id) { verifiedMinutes } }`, { id: ids.zhangWeiVolunteer }, tok.zhangWei)).data.volunteer
      .verifiedMinutes;
    expect(codeOf(await t.gql(REVERSE, { i: { transactionId: earn.id, reason: '重复登记', idempotencyKey: k() } }, tok.sunLi))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REVERSE, { i: { transactionId: earn.id, reason: '', idempotencyKey: k() } }, tok.heJun))).toBe('BAD_USER_INPUT');
    const rev = await t.gql(REVERSE, { i: { transactionId: earn.id, reason: '重复登记', idempotencyKey: k() } }, tok.heJun);
    expect(rev.data.reverseTransaction).toMatchObject({ kind: 'REVERSAL', reversesId: earn.id, reason: '重复登记' });
    expect(await balance('zhangWei')).toBe(before - 30);
    expect(
      (await t.gql(`query ($id: ID!) { volunteer(id: $id) { verifiedMinutes } }`, { id: ids.zhangWeiVolunteer }, tok.zhangWei)).data.volunteer.verifiedMinutes,
    ).toBe(vBefore - 30);
    const again = await t.gql(REVERSE, { i: { transactionId: earn.id, reason: '重复登记', idempotencyKey: k() } }, tok.heJun);
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVERSED' });
    const ofReversal = await t.gql(REVERSE, { i: { transactionId: rev.data.reverseTransaction.id, reason: '撤销冲正', idempotencyKey: k() } }, tok.heJun);
    expect(ofReversal.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CANNOT_REVERSE_REVERSAL' });
    const original = await t.gql(`query ($id: ID!) { ledgerTransaction(id: $id) ${TX} }`, { id: earn.id }, tok.zhangWei);
    expect(original.data.ledgerTransaction.reversedById).toBe(rev.data.reverseTransaction.id);
    // Two admins reversing one transaction at once: exactly one wins.
    const s2 = await confirm({ minutes: 20 });
    const [earn2] = await t.db.query(`SELECT t.id FROM ledger_transactions t JOIN service_records s ON s.id = t.source_id WHERE s.need_id = $1`, [s2.needId]);
    const both = await Promise.all([1, 2, 3].map(() => t.gql(REVERSE, { i: { transactionId: earn2.id, reason: '并发冲正', idempotencyKey: k() } }, tok.heJun)));
    expect(both.filter((r) => r.data?.reverseTransaction).length).toBe(1);
    expect(both.filter((r) => r.errors?.[0].extensions?.reason === 'ALREADY_REVERSED').length).toBe(2);
  });

  it('issues a certificate of confirmed services that anyone can verify by its code', async () => {
    const res = await t.gql(
      `mutation { issueCertificate(from: "2026-10-01T00:00:00+08:00", to: "2026-11-05T00:00:00+08:00") { certificateNo code totalMinutes volunteerName idNumberMasked volunteerNo issuerName handler notes records { recordNo date content place minutes } } }`,
      {},
      tok.zhangWei,
    );
    const c = res.data.issueCertificate;
    expect(c).toMatchObject({
      totalMinutes: 270,
      volunteerName: '张伟',
      idNumberMasked: '320102********0016',
      volunteerNo: 'V320102002001001',
      issuerName: '长江新村社区志愿服务站',
    });
    expect(c.records.map((r: any) => [r.date, r.minutes, r.place])).toEqual([
      ['2026-10-08', 120, '长江新村社区'],
      ['2026-10-20', 90, '长江新村社区'],
      ['2026-11-03', 60, '长江新村社区'],
    ]);
    expect(c.code).toMatch(/^[A-Z0-9]{20}$/);
    expect(c.certificateNo).toMatch(/^ZM320102002001\d{10}$/);
    const verified = await t.gql(
      `query ($c: String!) { verifyCertificate(code: $c) { certificateNo totalMinutes volunteerName volunteerNo idNumberMasked records { minutes } totalsByCategory { minutes } } }`,
      { c: c.code },
    );
    // Public: masked name, no ID number, no record contents (issue 10 §5); the totals still add up.
    expect(verified.data.verifyCertificate).toMatchObject({
      certificateNo: c.certificateNo,
      totalMinutes: 270,
      volunteerName: '张*',
      volunteerNo: 'V320102002001001',
      idNumberMasked: null,
      records: [],
    });
    expect(verified.data.verifyCertificate.totalsByCategory.reduce((s: number, x: any) => s + x.minutes, 0)).toBe(270);
    expect((await t.gql(`{ verifyCertificate(code: "AAAAAAAAAAAAAAAAAAAA") { certificateNo } }`)).data.verifyCertificate).toBeNull();
    expect(codeOf(await t.gql(`mutation { issueCertificate(from: "2020-01-01T00:00:00Z", to: "2020-02-01T00:00:00Z") { code } }`, {}, tok.zhangWei))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(`mutation { issueCertificate(from: "2026-12-01T00:00:00Z", to: "2026-10-01T00:00:00Z") { code } }`, {}, tok.zhangWei))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await t.gql(`mutation { issueCertificate(from: "2026-10-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { code } }`, {}, tok.wang))).toBe(
      'FORBIDDEN',
    );
  });

  it("lists the caller's service records newest first, beneficiaries masked", async () => {
    const page1 = await t.gql(
      `{ myServiceRecords(first: 2) { totalCount edges { node { recordNo content minutes beneficiary place } } pageInfo { hasNextPage endCursor } } }`,
      {},
      tok.zhangWei,
    );
    const conn = page1.data.myServiceRecords;
    expect(conn.totalCount).toBeGreaterThan(3);
    expect(conn.edges[0].node).toMatchObject({ content: '陪同就医', beneficiary: '王*', place: '长江新村社区' });
    expect(conn.edges[0].node.recordNo).toMatch(/^FW\d{14}$/);
    let after = conn.pageInfo.endCursor;
    const seen = conn.edges.map((e: any) => e.node.recordNo);
    while (after) {
      const next = (
        await t.gql(
          `query ($a: String) { myServiceRecords(first: 2, after: $a) { edges { node { recordNo } } pageInfo { endCursor hasNextPage } } }`,
          { a: after },
          tok.zhangWei,
        )
      ).data.myServiceRecords;
      seen.push(...next.edges.map((e: any) => e.node.recordNo));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(new Set(seen).size).toBe(conn.totalCount);
    expect(codeOf(await t.gql(`{ myServiceRecords(after: "eA") { totalCount } }`, {}, tok.zhangWei))).toBe('BAD_USER_INPUT');
    expect((await t.gql(`{ myServiceRecords { totalCount } }`, {}, tok.wang)).data.myServiceRecords.totalCount).toBe(0);
  });

  it('gives a monthly statement with CSV export', async () => {
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const res = await t.gql(
      `query ($m: String!) { myAccount { balanceMinutes statement(month: $m) { month openingBalanceMinutes creditMinutes debitMinutes closingBalanceMinutes entries { amountMinutes } csv } } }`,
      { m: month },
      tok.li,
    );
    const st = res.data.myAccount.statement;
    expect(st.openingBalanceMinutes + st.creditMinutes - st.debitMinutes).toBe(st.closingBalanceMinutes);
    expect(st.closingBalanceMinutes).toBe(res.data.myAccount.balanceMinutes);
    expect(st.csv.split('\r\n')[0]).toBe('\uFEFF时间,类型,摘要,对方,收入(分钟),支出(分钟),余额(分钟),交易号');
    expect(st.csv.split('\r\n').length).toBe(st.entries.length + 4);
    expect(codeOf(await t.gql(`{ myAccount { statement(month: "2026-13") { month } } }`, {}, tok.li))).toBe('BAD_USER_INPUT');
  });

  it('lets the database refuse unbalanced, edited or deleted journal rows and direct balance changes', async () => {
    const [acc] = await t.db.query(`SELECT id FROM ledger_accounts WHERE person_id = $1`, [ids.li]);
    await expect(
      t.db.transaction(async (m) => {
        const id = randomUUID();
        await m.query(`INSERT INTO ledger_transactions (id, kind, region_id, created_at, hash) VALUES ($1, 'DONATE', $2, now(), $3)`, [
          id,
          regions.A1,
          randomUUID(),
        ]);
        await m.query(`INSERT INTO ledger_postings (transaction_id, account_id, amount, balance_after) VALUES ($1, $2, 5, 0)`, [id, acc.id]);
      }),
    ).rejects.toThrow(/unbalanced/);
    await expect(t.db.query(`UPDATE ledger_postings SET amount = amount + 1 WHERE account_id = $1`, [acc.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM ledger_transactions WHERE kind = 'SPEND'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(`UPDATE ledger_accounts SET balance = balance + 100 WHERE id = $1`, [acc.id])).rejects.toThrow(/only through postings/);
    expect(await verify()).toMatchObject({ ok: true, sumOfBalances: 0 });
  });

  it('verifies the ledger per region for its staff only', async () => {
    const street = await verify(regions.streetA, 'heJun');
    expect(street).toMatchObject({ ok: true, sumOfBalances: 0, firstBadEntryId: null });
    expect(street.checkedEntries).toBeGreaterThan(30);
    expect(codeOf(await t.gql(VERIFY, { r: regions.B1 }, tok.heJun))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(VERIFY, { r: null }, tok.heJun))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(VERIFY, { r: regions.A1 }, tok.zhangWei))).toBe('FORBIDDEN');
  });

  it("finds a row edited behind the app's back", async () => {
    const [victim] = await t.db.query(
      `SELECT t.id, p.id AS posting FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id WHERE t.kind = 'DONATE' ORDER BY t.seq LIMIT 1`,
    );
    // A superuser session with triggers off, as an attacker with database access would use.
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE ledger_transactions SET memo = '改过的摘要' WHERE id = $1`, [victim.id]);
    } finally {
      await c.end();
    }
    const res = await verify();
    expect(res).toMatchObject({ ok: false, firstBadEntryId: victim.id, sumOfBalances: 0 });
    expect(res.problems[0]).toContain('哈希');
  });
});
