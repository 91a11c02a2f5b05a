import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { Actor } from '../../src/scope/actor.js';
import { LedgerDigestService } from '../../src/time-bank/ledger-digest.service.js';
import { TimeBankService } from '../../src/time-bank/time-bank.service.js';
import { VerifyLedgerService } from '../../src/time-bank/verify-ledger.service.js';
import { PHONE } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * The ledger without a global lock (docs/ledger.md): a transfer in at most five statements, writers on disjoint
 * accounts never waiting on each other, digests that one instance at a time stores, and the tampering only they
 * catch (a rewritten tail) besides what the per-account chains catch (a deleted transaction).
 */
const POLICY = `mutation ($r: ID!, $i: TimeBankPolicyInput!) { setTimeBankPolicy(regionId: $r, input: $i) { relativesOnly } }`;

describe('time bank per-account chains and digests', () => {
  let t: TestApp;
  let bank: TimeBankService;
  let verifier: VerifyLedgerService;
  let digests: LedgerDigestService;
  const ids: Record<string, string> = {};
  const actor = (name: string) => new Actor(ids[name], []);
  const transfer = (from: string, to: string, minutes = 1, outer?: QueryRunner) =>
    bank.transfer(actor(from), { toPersonId: ids[to], minutes, idempotencyKey: randomUUID() }, outer?.manager);
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
  const openTransaction = async (lockTimeout?: string): Promise<QueryRunner> => {
    const qr = t.db.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    if (lockTimeout) await qr.query(`SET LOCAL lock_timeout = '${lockTimeout}'`);
    return qr;
  };

  beforeAll(async () => {
    t = await createTestApp();
    bank = t.app.get(TimeBankService);
    verifier = t.app.get(VerifyLedgerService);
    digests = t.app.get(LedgerDigestService);
    for (const [name, phone] of Object.entries(PHONE)) ids[name] = (await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [phone]))[0].id;
    // Gifts between any two members (not only relatives), so that the pairs below can be disjoint.
    const [{ id: province }] = await t.db.query(`SELECT id FROM regions WHERE parent_id IS NULL`);
    const res = await t.gql(POLICY, { r: province, i: { relativesOnly: false } }, await t.login('13100000001'));
    expect(res.data.setTimeBankPolicy.relativesOnly).toBe(false);
  });
  afterAll(() => t.close());

  it('moves minutes in at most five SQL statements, all in one transaction', async () => {
    const seen: { runner: number; sql: string }[] = [];
    const create = t.db.createQueryRunner.bind(t.db);
    let runners = 0;
    t.db.createQueryRunner = (...args) => {
      const qr = create(...args);
      const runner = ++runners;
      const query = qr.query.bind(qr);
      qr.query = ((sql: string, ...rest: unknown[]) => {
        seen.push({ runner, sql });
        return (query as (...a: unknown[]) => Promise<unknown>)(sql, ...rest);
      }) as QueryRunner['query'];
      return qr;
    };
    try {
      const tx = await transfer('zhangWei', 'li', 2);
      expect(tx.kind).toBe('TRANSFER');
      expect(tx.postings.map((p) => p.amount).sort()).toEqual([-2, 2]);
    } finally {
      t.db.createQueryRunner = create;
    }
    expect(runners).toBe(1);
    expect(seen.length).toBeLessThanOrEqual(5);
    expect(seen[0].sql).toMatch(/^START TRANSACTION/);
    expect(seen[seen.length - 1].sql).toBe('COMMIT');
    expect(seen.filter((s) => /ledger_transfer/.test(s.sql))).toHaveLength(1);
  });

  it('keeps contention on the accounts a transfer touches: a disjoint transfer commits while another is held open', async () => {
    const held = await openTransaction();
    try {
      // 张伟 → 李建国, uncommitted: both accounts are locked until `held` ends.
      await transfer('zhangWei', 'li', 1, held);
      // 刘洋 → 王秀英 shares no account: it neither waits nor fails within a lock timeout.
      const disjoint = await openTransaction('2s');
      await transfer('liuYang', 'wang', 1, disjoint);
      await disjoint.commitTransaction();
      await disjoint.release();
      // 李建国 → 张伟 needs a held account: it waits, and gives up at its lock timeout.
      const overlapping = await openTransaction('200ms');
      await expect(transfer('li', 'zhangWei', 1, overlapping)).rejects.toThrow(/lock timeout/);
      await overlapping.rollbackTransaction();
      await overlapping.release();
      await held.commitTransaction();
    } finally {
      if (held.isTransactionActive) await held.rollbackTransaction();
      await held.release();
    }
    expect(await verifier.run(null)).toMatchObject({ ok: true, problems: [] });
  });

  it('keeps the daily cap in an O(1) counter, released by a reversal', async () => {
    const [{ id: province }] = await t.db.query(`SELECT id FROM regions WHERE parent_id IS NULL`);
    const admin = await t.login('13100000001');
    await t.gql(
      `mutation ($r: ID!) { setTimeBankPolicy(regionId: $r, input: { dailyTransferCapMinutes: 10 }) { dailyTransferCapMinutes } }`,
      { r: province },
      admin,
    );
    const [before] = await t.db.query(`SELECT transfer_day_minutes::int AS n FROM ledger_accounts WHERE person_id = $1`, [ids.liuYang]);
    const sent = await transfer('liuYang', 'zhangWei', 10 - before.n);
    await expect(transfer('liuYang', 'zhangWei', 1)).rejects.toMatchObject({ options: { reason: 'DAILY_TRANSFER_CAP' } });
    const street = new Actor(
      ids.heJun,
      await t.db.query(
        `SELECT g.role, g.region_id AS "regionId", r.path::text AS "regionPath", g.organization_id AS "organizationId" FROM role_grants g JOIN regions r ON r.id = g.region_id WHERE g.person_id = $1`,
        [ids.heJun],
      ),
    );
    await bank.reverse(street, { transactionId: sent.id, reason: '转错了', idempotencyKey: randomUUID() });
    expect((await t.db.query(`SELECT transfer_day_minutes::int AS n FROM ledger_accounts WHERE person_id = $1`, [ids.liuYang]))[0].n).toBe(before.n);
    expect((await transfer('liuYang', 'zhangWei', 1)).kind).toBe('TRANSFER');
    await t.gql(
      `mutation ($r: ID!) { setTimeBankPolicy(regionId: $r, input: { dailyTransferCapMinutes: 1200 }) { dailyTransferCapMinutes } }`,
      { r: province },
      admin,
    );
  });

  it('stores one digest at a time across instances, chained, and verifies it', async () => {
    const [first, second] = await Promise.all([digests.run(), digests.run()]);
    expect([first, second].filter((d) => d !== null)).toHaveLength(1);
    const d1 = (first ?? second)!;
    expect(d1.transactions).toBeGreaterThan(0);
    expect(await digests.run()).toBeNull(); // nothing new since
    await transfer('zhangWei', 'li', 1);
    const d2 = (await digests.run())!;
    expect(d2).toMatchObject({ prevId: d1.id, prevHash: d1.hash, transactions: 1, accounts: 2 });
    expect(await verifier.run(null)).toMatchObject({ ok: true, problems: [] });
  });

  it('finds a rewritten tail (content and every hash recomputed) only through the digest that covered it', async () => {
    const last = await transfer('liuYang', 'wang', 1);
    await digests.run();
    // Rewrite the entry and recompute its content hash, both postings' links and both accounts' heads, as the
    // database itself would: the chains are consistent again, but the digest remembers the old heads.
    await asDba(
      [
        `UPDATE ledger_transactions t SET memo = '改写的摘要', hash = ledger_transaction_hash(t.id, t.kind, t.region_id, '改写的摘要', t.source_type, t.source_id,
          t.reverses_id, t.reason, t.initiator_id, t.created_at,
          (SELECT string_agg(p.account_id::text || ':' || p.amount || ':' || p.donate_only_delta || ':' || a.identity_hash, ',' ORDER BY p.account_id)
             FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id WHERE p.transaction_id = t.id)) WHERE t.id = $1`,
        [last.id],
      ],
      [
        `UPDATE ledger_postings p SET hash = ledger_posting_hash(p.prev_hash, p.account_id, a.identity_hash, t.hash, p.amount, p.balance_after, p.donate_only_delta)
          FROM ledger_accounts a, ledger_transactions t WHERE a.id = p.account_id AND t.id = p.transaction_id AND p.transaction_id = $1`,
        [last.id],
      ],
      [`UPDATE ledger_accounts a SET head_hash = p.hash FROM ledger_postings p WHERE p.id = a.head_posting_id AND p.transaction_id = $1`, [last.id]],
    );
    const res = await verifier.run(null);
    expect(res.ok).toBe(false);
    expect(res.firstBadEntryId).toBeNull();
    expect(res.problems.length).toBeGreaterThan(0);
    for (const p of res.problems) expect(p).toMatch(/^账本摘要 #\d+ 的默克尔根不符/);
  });

  it('finds a deleted transaction by the broken chains of its accounts', async () => {
    const gone = await transfer('zhangWei', 'li', 1);
    const next = await transfer('zhangWei', 'li', 1);
    const [zhang] = await t.db.query(`SELECT id FROM ledger_accounts WHERE person_id = $1`, [ids.zhangWei]);
    await asDba([`DELETE FROM ledger_postings WHERE transaction_id = $1`, [gone.id]], [`DELETE FROM ledger_transactions WHERE id = $1`, [gone.id]]);
    const res = await verifier.run(null);
    expect(res.ok).toBe(false);
    expect(res.firstBadEntryId).toBe(next.id);
    expect(res.problems).toContainEqual(`${next.id}: 账户 ${zhang.id} 的过账链断开（前一笔过账缺失或被改写：有交易被删除？）`);
    expect(res.problems).toContainEqual(expect.stringMatching(new RegExp(`^账户 ${zhang.id} 余额 .* 与流水合计 .* 不符`)));
  });
});
