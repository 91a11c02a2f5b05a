import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { EarnableService } from '../../src/time-bank/earn.listener.js';
import { earnThroughHook } from '../helpers/time-bank.js';
import { openNeed, PHONE, servedNeed } from '../helpers/needs.js';
import { codeOf, createTestApp, GqlResponse, TestApp } from '../helpers/test-app.js';

/**
 * Issue 5: who minutes may go to (SPEND, GRANT), what the database protects beyond balances (account identity,
 * donate-only parts, closed transactions), verification under load and per region, certificates after reversal.
 */
const TX = `{ id kind sequence postings { accountId accountKind amountMinutes holder } }`;
const TRANSFER = `mutation ($i: TransferMinutesInput!) { transferMinutes(input: $i) ${TX} }`;
const DONATE = `mutation ($i: DonateMinutesInput!) { donateMinutes(input: $i) ${TX} }`;
const GRANT = `mutation ($i: GrantMinutesInput!) { grantMinutes(input: $i) ${TX} }`;
const SPEND = `mutation ($i: SpendMinutesInput!) { spendMinutes(input: $i) ${TX} }`;
const REVERSE = `mutation ($i: ReverseTransactionInput!) { reverseTransaction(input: $i) ${TX} }`;
const VERIFY = `query ($r: ID) { verifyLedger(regionId: $r) { ok checkedEntries firstBadEntryId sumOfBalances problems } }`;
const BALANCE = `{ myAccount { id balanceMinutes donateOnlyMinutes } }`;
const POLICY = `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { balanceCapMinutes } }`;

describe('time bank integrity (issue 5)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const regions: Record<string, string> = {};
  let n = 0;
  const k = () => `integrity-${n++}`;
  const account = async (who: string) =>
    (await t.gql(BALANCE, {}, tok[who])).data.myAccount as { id: string; balanceMinutes: number; donateOnlyMinutes: number };
  const balance = async (who: string) => (await account(who)).balanceMinutes;
  const reason = (res: GqlResponse) => [codeOf(res), res.errors?.[0]?.extensions?.reason];
  const verify = async (region: string | null = null, who = 'admin') => (await t.gql(VERIFY, { r: region }, tok[who])).data.verifyLedger;
  const earnFor = (over: Partial<EarnableService>) =>
    earnThroughHook(t, {
      volunteerId: ids.zhangWeiVolunteer,
      volunteerPersonId: ids.zhangWei,
      beneficiaryPersonId: ids.wang,
      gridId: regions.A1g1,
      minutes: 60,
      title: '集体活动：社区清洁',
      category: 'OTHER',
      confirmedBy: ids.sunLi,
      ...over,
    });
  /** A superuser session with every trigger off, as a DBA (or an attacker with database access) could use. */
  const asDba = async (...statements: [string, unknown[]?][]) => {
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      await c.query(`SET session_replication_role = replica`);
      for (const [sql, params] of statements) await c.query(sql, params ?? []);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    for (const [name, phone] of Object.entries({ ...PHONE, chenJing: '13900000003' })) {
      tok[name] = await t.login(phone);
      ids[name] = (await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
    }
    ids.zhangWeiVolunteer = (await t.db.query(`SELECT id FROM volunteers WHERE person_id = $1`, [ids.zhangWei]))[0].id;
    ids.liuYangVolunteer = (await t.db.query(`SELECT id FROM volunteers WHERE person_id = $1`, [ids.liuYang]))[0].id;
    ids.chenJingVolunteer = (await t.db.query(`SELECT id FROM volunteers WHERE person_id = $1`, [ids.chenJing]))[0].id;
    for (const [name, code] of Object.entries({ streetA: '320102002', A1: '320102002001', A1g1: '32010200200101', B1g1: '32010200300101' })) {
      regions[name] = (await t.db.query(`SELECT id FROM regions WHERE code = $1`, [code]))[0].id;
    }
  });
  afterAll(() => t.close());

  it('pays a provider only for a confirmed service the payer received, once, at most its minutes; else only the redemption account', async () => {
    await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 40, memo: '给岳父', idempotencyKey: k() } }, tok.zhangWei);
    const repair = await servedNeed(t, { beneficiary: PHONE.li, volunteer: PHONE.liuYang, minutes: 60 });
    const liBefore = await balance('li');
    const liuBefore = await balance('liuYang');

    expect(reason(await t.gql(SPEND, { i: { minutes: 10, providerPersonId: ids.liuYang, idempotencyKey: k() } }, tok.li))).toEqual([
      'BAD_USER_INPUT',
      'SERVICE_REQUIRED',
    ]);
    expect(reason(await t.gql(SPEND, { i: { minutes: 10, needId: repair, providerPersonId: ids.zhangWei, idempotencyKey: k() } }, tok.li))).toEqual([
      'FORBIDDEN',
      'PROVIDER_MISMATCH',
    ]);
    expect(reason(await t.gql(SPEND, { i: { minutes: 10, needId: repair, idempotencyKey: k() } }, tok.wang))).toEqual(['FORBIDDEN', 'NOT_SERVICE_RECEIVER']);
    expect(reason(await t.gql(SPEND, { i: { minutes: 61, needId: repair, idempotencyKey: k() } }, tok.li))).toEqual([
      'LIMIT_EXCEEDED',
      'SPEND_EXCEEDS_SERVICE',
    ]);
    const notServed = await openNeed(t, {}, PHONE.li);
    expect(reason(await t.gql(SPEND, { i: { minutes: 10, needId: notServed, idempotencyKey: k() } }, tok.li))).toEqual(['CONFLICT', 'SERVICE_NOT_CONFIRMED']);
    expect(codeOf(await t.gql(SPEND, { i: { minutes: 10, needId: randomUUID(), idempotencyKey: k() } }, tok.li))).toBe('NOT_FOUND');
    expect(await balance('li')).toBe(liBefore);

    const key = k();
    const paid = await t.gql(SPEND, { i: { minutes: 30, needId: repair, memo: '修水管', idempotencyKey: key } }, tok.li);
    expect(paid.data.spendMinutes.postings.map((p: any) => [p.accountKind, p.amountMinutes, p.holder]).sort()).toEqual(
      [
        ['PERSON', -30, '李建国'],
        ['PERSON', 30, '刘*'],
      ].sort(),
    );
    const replay = await t.gql(SPEND, { i: { minutes: 30, needId: repair, memo: '修水管', idempotencyKey: key } }, tok.li);
    expect(replay.data.spendMinutes.id).toBe(paid.data.spendMinutes.id);
    // One payment per service, even with a new key, and even when sent at once.
    const again = await Promise.all([1, 2, 3].map(() => t.gql(SPEND, { i: { minutes: 5, needId: repair, idempotencyKey: k() } }, tok.li)));
    expect(again.map(reason)).toEqual([1, 2, 3].map(() => ['CONFLICT', 'SERVICE_ALREADY_PAID']));
    expect(await balance('li')).toBe(liBefore - 30);
    expect(await balance('liuYang')).toBe(liuBefore + 30);

    const toBank = await t.gql(SPEND, { i: { minutes: 5, idempotencyKey: k() } }, tok.li);
    expect(toBank.data.spendMinutes.postings.find((p: any) => p.amountMinutes === 5).accountKind).toBe('REDEMPTION_SINK');
    // No birth date on record: a reason that says so, not "too young".
    expect(reason(await t.gql(SPEND, { i: { minutes: 5, idempotencyKey: k() } }, tok.chenJing))).toEqual(['FORBIDDEN', 'BIRTH_DATE_UNKNOWN']);

    // A service whose earning the street reversed (it never happened) is not paid for either.
    const phantom = await servedNeed(t, { beneficiary: PHONE.li, volunteer: PHONE.liuYang, minutes: 30 });
    const [earn] = await t.db.query(
      `SELECT e.id FROM service_records sr JOIN ledger_transactions e ON e.kind = 'EARN' AND e.source_type = 'SERVICE_RECORD' AND e.source_id = sr.id WHERE sr.need_id = $1`,
      [phantom],
    );
    expect(
      (await t.gql(REVERSE, { i: { transactionId: earn.id, reason: '服务未实际发生', idempotencyKey: k() } }, tok.heJun)).data.reverseTransaction.kind,
    ).toBe('REVERSAL');
    const liNow = await balance('li');
    expect(reason(await t.gql(SPEND, { i: { minutes: 10, needId: phantom, idempotencyKey: k() } }, tok.li))).toEqual(['CONFLICT', 'SERVICE_NOT_CONFIRMED']);
    expect(await balance('li')).toBe(liNow);
  });

  it('refuses a self-grant and a grant to a resident with neither a special-group flag nor a need of theirs', async () => {
    const pool = (await t.gql(`query ($c: ID!) { communityPool(communityId: $c) { balanceMinutes } }`, { c: regions.A1 }, tok.sunLi)).data.communityPool
      .balanceMinutes;
    expect(reason(await t.gql(GRANT, { i: { toPersonId: ids.sunLi, minutes: 5, idempotencyKey: k() } }, tok.sunLi))).toEqual(['FORBIDDEN', 'SELF_GRANT']);
    expect(reason(await t.gql(GRANT, { i: { toPersonId: ids.li, minutes: 5, idempotencyKey: k() } }, tok.sunLi))).toEqual([
      'FORBIDDEN',
      'NOT_ELIGIBLE_FOR_GRANT',
    ]);
    const wangsNeed = await openNeed(t, {}, PHONE.wang);
    expect(reason(await t.gql(GRANT, { i: { toPersonId: ids.li, minutes: 5, needId: wangsNeed, idempotencyKey: k() } }, tok.sunLi))).toEqual([
      'FORBIDDEN',
      'NOT_ELIGIBLE_FOR_GRANT',
    ]);
    expect(
      (await t.gql(`query ($c: ID!) { communityPool(communityId: $c) { balanceMinutes } }`, { c: regions.A1 }, tok.sunLi)).data.communityPool.balanceMinutes,
    ).toBe(pool);

    const lisNeed = await openNeed(t, {}, PHONE.li);
    const liBefore = await balance('li');
    expect(
      (await t.gql(GRANT, { i: { toPersonId: ids.li, minutes: 5, needId: lisNeed, memo: '助浴', idempotencyKey: k() } }, tok.sunLi)).data.grantMinutes.kind,
    ).toBe('GRANT');
    expect(await balance('li')).toBe(liBefore + 5);
    // One grant per need, at most its minutes, and only for a live need.
    expect(reason(await t.gql(GRANT, { i: { toPersonId: ids.li, minutes: 5, needId: lisNeed, idempotencyKey: k() } }, tok.sunLi))).toEqual([
      'CONFLICT',
      'NEED_ALREADY_GRANTED',
    ]);
    const another = await openNeed(t, { estimatedMinutes: 60 }, PHONE.li);
    expect(reason(await t.gql(GRANT, { i: { toPersonId: ids.li, minutes: 61, needId: another, idempotencyKey: k() } }, tok.sunLi))).toEqual([
      'LIMIT_EXCEEDED',
      'GRANT_EXCEEDS_NEED',
    ]);
    await t.gql(`mutation ($id: ID!) { cancelNeed(id: $id, reason: "不需要了") { status } }`, { id: another }, tok.li);
    expect(reason(await t.gql(GRANT, { i: { toPersonId: ids.li, minutes: 5, needId: another, idempotencyKey: k() } }, tok.sunLi))).toEqual([
      'FORBIDDEN',
      'NOT_ELIGIBLE_FOR_GRANT',
    ]);
    expect(await balance('li')).toBe(liBefore + 5);
    // 王秀英 is recorded as living alone (独居): eligible without a need.
    expect((await t.gql(GRANT, { i: { toPersonId: ids.wang, minutes: 5, idempotencyKey: k() } }, tok.sunLi)).data.grantMinutes.kind).toBe('GRANT');
  });

  it("refuses a blank reversal reason and a gift beyond the receiver's cap, changing nothing", async () => {
    const [tx] = await t.db.query(`SELECT id FROM ledger_transactions WHERE kind = 'DONATE' ORDER BY seq LIMIT 1`);
    const blank = await t.gql(REVERSE, { i: { transactionId: tx.id, reason: '   ', idempotencyKey: k() } }, tok.heJun);
    expect(codeOf(blank)).toBe('BAD_USER_INPUT');
    expect(blank.errors![0].extensions!.fields![0].field).toBe('reason');

    await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 30, idempotencyKey: k() } }, tok.zhangWei);
    const li = await balance('li');
    const capped = await t.gql(POLICY, { r: regions.A1, i: { balanceCapMinutes: li + 10 } }, tok.heJun);
    expect(capped.data.setTimeBankPolicy.balanceCapMinutes).toBe(li + 10);
    const zhang = await balance('zhangWei');
    const over = await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 20, idempotencyKey: k() } }, tok.zhangWei);
    expect(reason(over)).toEqual(['CONFLICT', 'BALANCE_CAP_REACHED']);
    expect(over.errors![0].message).toContain('10');
    expect([await balance('zhangWei'), await balance('li')]).toEqual([zhang, li]);
    expect((await t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 10, idempotencyKey: k() } }, tok.zhangWei)).data.transferMinutes.kind).toBe('TRANSFER');
    await t.gql(POLICY, { r: regions.A1, i: { balanceCapMinutes: 90000 } }, tok.heJun);
  });

  it('gives reversed group-hour donations back donate-only', async () => {
    const before = await account('liuYang');
    await earnFor({ volunteerId: ids.liuYangVolunteer, volunteerPersonId: ids.liuYang, minutes: 50, groupActivity: true });
    const donated = (await t.gql(DONATE, { i: { minutes: 50, idempotencyKey: k() } }, tok.liuYang)).data.donateMinutes;
    expect(await account('liuYang')).toMatchObject({ balanceMinutes: before.balanceMinutes, donateOnlyMinutes: before.donateOnlyMinutes });
    await t.gql(REVERSE, { i: { transactionId: donated.id, reason: '误捐', idempotencyKey: k() } }, tok.heJun);
    expect(await account('liuYang')).toMatchObject({ balanceMinutes: before.balanceMinutes + 50, donateOnlyMinutes: before.donateOnlyMinutes + 50 });
  });

  it("marks a certificate and the service record when a stated service's hours are reversed", async () => {
    const CERT = `query ($c: String!) { verifyCertificate(code: $c) { status totalMinutes revokedMinutes validMinutes totalsByCategory { minutes revokedMinutes } } }`;
    const issued = (
      await t.gql(`mutation { issueCertificate(from: "2026-10-01T00:00:00+08:00", to: "2026-11-05T00:00:00+08:00") { code totalMinutes } }`, {}, tok.zhangWei)
    ).data.issueCertificate;
    expect((await t.gql(CERT, { c: issued.code })).data.verifyCertificate).toMatchObject({
      status: 'VALID',
      totalMinutes: 270,
      revokedMinutes: 0,
      validMinutes: 270,
    });

    const [earn] = await t.db.query(
      `SELECT t.id, s.record_no FROM ledger_transactions t JOIN service_records s ON s.id = t.source_id WHERE s.need_id = '00000000-0000-4000-8000-00000000d002'`,
    );
    expect(
      (await t.gql(REVERSE, { i: { transactionId: earn.id, reason: '服务未实际发生', idempotencyKey: k() } }, tok.heJun)).data.reverseTransaction.kind,
    ).toBe('REVERSAL');
    const after = (await t.gql(CERT, { c: issued.code })).data.verifyCertificate;
    expect(after).toMatchObject({ status: 'PARTIALLY_REVOKED', totalMinutes: 270, revokedMinutes: 90, validMinutes: 180 });
    expect(after.totalsByCategory.reduce((s: number, c: any) => s + c.revokedMinutes, 0)).toBe(90);

    const records = (await t.gql(`{ myServiceRecords(first: 50) { edges { node { recordNo reversed } } } }`, {}, tok.zhangWei)).data.myServiceRecords.edges.map(
      (e: any) => e.node,
    );
    expect(records.filter((r: any) => r.reversed).map((r: any) => r.recordNo)).toEqual([earn.record_no]);
    // A certificate issued now states only what stands.
    const fresh = (
      await t.gql(`mutation { issueCertificate(from: "2026-10-01T00:00:00+08:00", to: "2026-11-05T00:00:00+08:00") { totalMinutes status } }`, {}, tok.zhangWei)
    ).data.issueCertificate;
    expect(fresh).toEqual({ totalMinutes: 180, status: 'VALID' });
  });

  it('verifies consistently while transfers commit concurrently', async () => {
    await earnFor({ minutes: 60, title: '陪同就医' });
    expect([await balance('zhangWei'), await balance('li')].every((b) => b >= 30)).toBe(true);
    const transfers = Array.from({ length: 60 }, (_, i) =>
      i % 2 === 0
        ? t.gql(TRANSFER, { i: { toPersonId: ids.li, minutes: 1, idempotencyKey: k() } }, tok.zhangWei)
        : t.gql(TRANSFER, { i: { toPersonId: ids.zhangWei, minutes: 1, idempotencyKey: k() } }, tok.li),
    );
    const checks: Promise<any>[] = [];
    for (let i = 0; i < 12; i++) {
      checks.push(verify());
      checks.push(verify(regions.streetA, 'heJun'));
      await new Promise((r) => setTimeout(r, 15));
    }
    const [done, results] = await Promise.all([Promise.all(transfers), Promise.all(checks)]);
    // Every transfer commits; a refusal would show here with its code and reason.
    expect(done.filter((r) => !r.data?.transferMinutes).map((r) => r.errors)).toEqual([]);
    expect(done.filter((r) => r.data?.transferMinutes).length).toBe(60);
    for (const r of results) expect(r).toMatchObject({ ok: true, problems: [], firstBadEntryId: null, sumOfBalances: 0 });
  });

  it('lets the database refuse identity changes, direct donate-only changes, deletions, non-empty openings and postings to a closed transaction', async () => {
    const [acc] = await t.db.query(`SELECT id FROM ledger_accounts WHERE person_id = $1`, [ids.zhangWei]);
    const [other] = await t.db.query(`SELECT id FROM ledger_accounts WHERE person_id = $1`, [ids.li]);
    await expect(t.db.query(`UPDATE ledger_accounts SET person_id = $2 WHERE id = $1`, [acc.id, ids.chenJing])).rejects.toThrow(/identity is immutable/);
    await expect(t.db.query(`UPDATE ledger_accounts SET floor_minutes = -100000 WHERE id = $1`, [acc.id])).rejects.toThrow(/identity is immutable/);
    await expect(t.db.query(`UPDATE ledger_accounts SET region_id = $2 WHERE id = $1`, [acc.id, regions.B1g1])).rejects.toThrow(/identity is immutable/);
    await expect(t.db.query(`UPDATE ledger_accounts SET donate_only = 1 WHERE id = $1`, [acc.id])).rejects.toThrow(/only through postings/);
    await expect(t.db.query(`DELETE FROM ledger_accounts WHERE id = $1`, [acc.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`INSERT INTO ledger_accounts (kind, region_id, balance) VALUES ('ORGANIZATION', $1, 100)`, [regions.A1])).rejects.toThrow(
      /opens empty/,
    );
    // Balanced postings appended to an old, committed transaction.
    const [old] = await t.db.query(`SELECT id FROM ledger_transactions ORDER BY seq LIMIT 1`);
    await expect(
      t.db.query(`INSERT INTO ledger_postings (transaction_id, account_id, amount, balance_after) VALUES ($1, $2, 5, 0), ($1, $3, -5, 0)`, [
        old.id,
        acc.id,
        other.id,
      ]),
    ).rejects.toThrow(/postings are added only with their transaction/);
    expect(await verify()).toMatchObject({ ok: true, problems: [] });
  });

  it('finds accounts whose owner or floor a DBA changed behind the app, and shows a street only its own ids', async () => {
    // 陈静 (another street) gets an account with history, for the scope check below.
    await earnFor({
      volunteerId: ids.chenJingVolunteer,
      volunteerPersonId: ids.chenJing,
      beneficiaryPersonId: ids.chenJing,
      gridId: regions.B1g1,
      minutes: 30,
      title: '心理疏导',
    });
    const accountOf = async (person: string) => (await t.db.query(`SELECT id FROM ledger_accounts WHERE person_id = $1`, [person]))[0].id as string;
    const [zhang, liu, li, chen] = [await accountOf(ids.zhangWei), await accountOf(ids.liuYang), await accountOf(ids.li), await accountOf(ids.chenJing)];
    const [pool] = await t.db.query(`SELECT id FROM ledger_accounts WHERE kind = 'COMMUNITY_POOL' AND region_id = $1`, [regions.A1]);
    const firstEntry = async (accountId: string) =>
      (
        await t.db.query(
          `SELECT t.id FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id WHERE p.account_id = $1 ORDER BY t.seq LIMIT 1`,
          [accountId],
        )
      )[0].id;
    const entryOf = { pool: await firstEntry(pool.id) };

    await asDba(
      // Swap the owners of two accounts (张伟's minutes now appear as 刘洋's and back).
      [`UPDATE ledger_accounts SET person_id = gen_random_uuid() WHERE id = $1`, [zhang]],
      [`UPDATE ledger_accounts SET person_id = $2 WHERE id = $1`, [liu, ids.zhangWei]],
      [`UPDATE ledger_accounts SET person_id = $2 WHERE id = $1`, [zhang, ids.liuYang]],
      // A credit line nobody granted.
      [`UPDATE ledger_accounts SET floor_minutes = -100000 WHERE id = $1`, [li]],
      // The same, with the stored identity hash forged to match: the journal's chain still knows the old identity.
      [`UPDATE ledger_accounts SET floor_minutes = -100000 WHERE id = $1`, [pool.id]],
      [
        `UPDATE ledger_accounts SET identity_hash = ledger_account_identity(id, kind, person_id, organization_id, region_id, floor_minutes, donate_only_opening) WHERE id = $1`,
        [pool.id],
      ],
      [`UPDATE ledger_accounts SET floor_minutes = -500 WHERE id = $1`, [chen]],
    );

    const all = await verify();
    expect(all.ok).toBe(false);
    expect(all.sumOfBalances).toBe(0);
    for (const id of [zhang, liu, li, chen]) expect(all.problems).toContainEqual(expect.stringMatching(new RegExp(`^${id}: 账户身份`)));
    expect(all.problems).not.toContainEqual(expect.stringMatching(new RegExp(`^${pool.id}: 账户身份`)));
    expect(all.problems).toContainEqual(`${entryOf.pool}: 内容哈希不符（记录或所涉账户身份被改动）`);
    const [first] = await t.db.query(
      `SELECT t.id FROM ledger_transactions t JOIN ledger_postings p ON p.transaction_id = t.id WHERE p.account_id = ANY($1::uuid[]) ORDER BY t.seq LIMIT 1`,
      [[zhang, liu, li, pool.id, chen]],
    );
    expect(all.firstBadEntryId).toBe(first.id);

    // Street A's admin learns that something outside the street is wrong, but no ids from there.
    const street = await verify(regions.streetA, 'heJun');
    expect(street.ok).toBe(false);
    expect(street.problems.some((p: string) => p.includes(chen))).toBe(false);
    expect(street.problems).toContain('本区域以外的记录有问题，请系统管理员核验全部账本');
    const chenEntries = (await t.db.query(`SELECT DISTINCT p.transaction_id AS id FROM ledger_postings p WHERE p.account_id = $1`, [chen])).map(
      (r: any) => r.id,
    );
    for (const id of chenEntries) expect(street.problems.some((p: string) => p.includes(id))).toBe(false);
    expect(street.problems).toContainEqual(expect.stringMatching(new RegExp(`^${zhang}: 账户身份`)));
  });
});
