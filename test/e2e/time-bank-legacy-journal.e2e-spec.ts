import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { closeDatabase, dataSourceOptions } from '../../src/database/data-source.js';
import { chainHash, GENESIS_HASH, JournalContent } from '../../src/time-bank/ledger-hash.js';
import { LedgerRepository } from '../../src/time-bank/ledger.repository.js';
import { VerifyLedgerService } from '../../src/time-bank/verify-ledger.service.js';
import { createDatabase } from '../helpers/test-app.js';

/**
 * Migration 1796100000000 over a journal written in formats 1 and 2 (one global chain under `ledger_head`): the old
 * entries keep verifying under their format, new ones chain per account and continue the running balances, and an
 * edit of an old entry is still found.
 */
describe('per-account chains over a format-1/2 journal', () => {
  let db: DataSource;
  let url: string;
  const accounts: Record<string, string> = {};
  let region: string;

  /** The append of the code before per-account chains: lock the head row, chain on the previous hash. */
  const legacyAppend = async (m: EntityManager, format: 1 | 2, legs: [string, number][]): Promise<string> => {
    const [head] = await m.query(`SELECT seq::float8 AS seq, hash FROM ledger_head WHERE id = 1 FOR UPDATE`);
    const identities = new Map<string, string>(
      (await m.query(`SELECT id, identity_hash FROM ledger_accounts WHERE id = ANY($1::uuid[])`, [legs.map(([a]) => a)])).map((r: any) => [
        r.id,
        r.identity_hash,
      ]),
    );
    const id = randomUUID();
    const content: JournalContent = {
      seq: head.seq + 1,
      id,
      kind: 'EARN',
      regionId: region,
      memo: `旧记录 ${head.seq + 1}`,
      sourceType: null,
      sourceId: null,
      reversesId: null,
      reason: null,
      initiatorId: null,
      createdAt: new Date(),
      format,
      postings: legs.map(([accountId, amount]) => ({ accountId, amount, donateOnlyDelta: 0, accountIdentity: identities.get(accountId) })),
    };
    const prev = head.seq === 0 ? GENESIS_HASH : head.hash;
    const hash = chainHash(prev, content);
    await m.query(
      `INSERT INTO ledger_transactions (id, seq, kind, region_id, memo, created_at, prev_hash, hash, format) VALUES ($1, $2, 'EARN', $3, $4, $5, $6, $7, $8)`,
      [id, content.seq, region, content.memo, content.createdAt, prev, hash, format],
    );
    for (const [acc, amount] of legs)
      await m.query(`INSERT INTO ledger_postings (transaction_id, account_id, amount, balance_after) VALUES ($1, $2, $3, 0)`, [id, acc, amount]);
    await m.query(`UPDATE ledger_head SET seq = $1, hash = $2 WHERE id = 1`, [content.seq, hash]);
    return id;
  };

  beforeAll(async () => {
    url = await createDatabase(false);
    // Every migration before the one under test (later ones may follow it in the list).
    db = new DataSource(
      dataSourceOptions(url, {
        migrations: migrations.slice(
          0,
          migrations.findIndex((m) => m.name === 'LedgerAccountChains1796100000000'),
        ),
      }),
    );
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    [{ id: region }] = await db.query(`INSERT INTO regions (code, name, level, path) VALUES ('990000', '旧账本市', 'PROVINCE', '990000') RETURNING id`);
    for (const kind of ['ISSUANCE', 'COMMUNITY_POOL', 'EXPIRY_SINK', 'REDEMPTION_SINK']) {
      [{ id: accounts[kind] }] = await db.query(`INSERT INTO ledger_accounts (kind, region_id, floor_minutes) VALUES ($1, $2, $3) RETURNING id`, [
        kind,
        region,
        kind === 'ISSUANCE' ? null : 0,
      ]);
    }
    await db.transaction((m) =>
      legacyAppend(m, 1, [
        [accounts.ISSUANCE, -100],
        [accounts.COMMUNITY_POOL, 100],
      ]),
    );
    await db.transaction((m) =>
      legacyAppend(m, 2, [
        [accounts.COMMUNITY_POOL, -30],
        [accounts.EXPIRY_SINK, 30],
      ]),
    );
    await db.transaction((m) =>
      legacyAppend(m, 2, [
        [accounts.COMMUNITY_POOL, -20],
        [accounts.REDEMPTION_SINK, 20],
      ]),
    );
    await closeDatabase(db);
    // Now the migration under test, as a deployment would run it.
    db = new DataSource(dataSourceOptions(url));
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
  });
  afterAll(async () => {
    if (db) await closeDatabase(db);
    const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  });

  it("verifies old entries under their format and new ones on the accounts' chains, and still finds an edit of an old one", async () => {
    const ledger = new LedgerRepository(db);
    const verifier = new VerifyLedgerService(db, ledger);
    expect(await verifier.run(null)).toMatchObject({ ok: true, checkedEntries: 3, problems: [] });

    await db.transaction(async (m) => {
      const locked = await ledger.lockAccounts(m, [accounts.COMMUNITY_POOL, accounts.EXPIRY_SINK]);
      await ledger.append(
        m,
        {
          kind: 'EXPIRE',
          regionId: region,
          initiatorId: null,
          legs: new Map([
            [accounts.COMMUNITY_POOL, -10],
            [accounts.EXPIRY_SINK, 10],
          ]),
        },
        locked,
      );
    });
    const rows = await db.query(`SELECT seq::int AS seq, format, prev_hash IS NULL AS unlinked FROM ledger_transactions ORDER BY seq`);
    expect(rows.map((r: any) => [r.seq, r.format, r.unlinked])).toEqual([
      [1, 1, false],
      [2, 2, false],
      [3, 2, false],
      [4, 3, true],
    ]);
    const [pool] = await db.query(`SELECT balance::int AS balance, head_posting_id IS NOT NULL AS linked FROM ledger_accounts WHERE id = $1`, [
      accounts.COMMUNITY_POOL,
    ]);
    expect(pool).toEqual({ balance: 40, linked: true });
    expect(await verifier.run(null)).toMatchObject({ ok: true, checkedEntries: 4, sumOfBalances: 0, problems: [] });

    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`SET session_replication_role = replica`);
    const [{ id: old }] = (await c.query(`SELECT id FROM ledger_transactions WHERE seq = 2`)).rows;
    await c.query(`UPDATE ledger_transactions SET memo = '改过的旧记录' WHERE seq = 2`);
    await c.end();
    const res = await verifier.run(null);
    expect(res).toMatchObject({ ok: false, firstBadEntryId: old });
    expect(res.problems).toContain(`${old}: 内容哈希不符（记录或所涉账户身份被改动）`);
  });
});
