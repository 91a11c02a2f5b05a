import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { PageWindow } from '../common/graphql/connection.js';
import { KeysetOrder, keysetWindow, SqlWhere, WindowRequest } from '../common/keyset-page.js';
import type { JournalContent } from './ledger-hash.js';
import { DEFAULT_POLICY, mergePolicy, PolicyRow, TimeBankPolicy } from './time-bank-policy.js';

export type AccountKind = 'PERSON' | 'ORGANIZATION' | 'COMMUNITY_POOL' | 'ISSUANCE' | 'EXPIRY_SINK' | 'REDEMPTION_SINK';
export type LedgerKind = 'EARN' | 'SPEND' | 'TRANSFER' | 'DONATE' | 'GRANT' | 'EXPIRE' | 'REVERSAL';

export interface AccountRow {
  id: string;
  kind: AccountKind;
  personId: string | null;
  regionId: string;
  regionPath: string;
  regionName: string;
  balance: number;
  floor: number | null;
  donateOnly: number;
  personName: string | null;
  /** Hash of the account's identity, stored at opening; format-2 journal entries hash it in. */
  identityHash: string;
}

export interface NewEntry {
  kind: LedgerKind;
  regionId: string;
  memo?: string | null;
  sourceType?: string | null;
  sourceId?: string | null;
  reversesId?: string | null;
  reason?: string | null;
  initiatorId: string | null;
  idempotencyKey?: string | null;
  requestHash?: string | null;
  /** When it happened (default now); the demo seed dates its history. */
  at?: Date;
  /** account id → signed minutes; must sum to zero. */
  legs: Map<string, number>;
  /** account id → change of its donate-only part (each must be an account of `legs`). */
  donateOnly?: Map<string, number>;
}

export interface TransactionRow {
  id: string;
  seq: number;
  kind: LedgerKind;
  regionId: string;
  regionPath: string;
  memo: string | null;
  sourceType: string | null;
  sourceId: string | null;
  reversesId: string | null;
  reversedById: string | null;
  reason: string | null;
  initiatorId: string | null;
  idempotencyKey: string | null;
  requestHash: string | null;
  createdAt: Date;
  hash: string;
  format: 1 | 2 | 3;
  postings: {
    accountId: string;
    amount: number;
    balanceAfter: number;
    donateOnlyDelta: number;
    accountKind: AccountKind;
    personId: string | null;
    personName: string | null;
    regionName: string;
  }[];
}

export interface EntryRow {
  postingId: number;
  transactionId: string;
  kind: LedgerKind;
  amount: number;
  balanceAfter: number;
  memo: string | null;
  reason: string | null;
  createdAt: Date;
  counterpartyKind: AccountKind | null;
  counterpartyPersonId: string | null;
  counterpartyName: string | null;
  counterpartyRegionName: string | null;
}

const ACCOUNT_COLUMNS = `a.id, a.kind, a.person_id AS "personId", a.region_id AS "regionId", r.path::text AS "regionPath", r.name AS "regionName",
  a.balance::float8 AS balance, a.floor_minutes::float8 AS floor, a.donate_only::float8 AS "donateOnly",
  (SELECT pp.name FROM persons pp WHERE pp.id = a.person_id) AS "personName", a.identity_hash AS "identityHash"`;

const TX_SELECT = `
  SELECT t.id, t.seq::float8 AS seq, t.kind, t.region_id AS "regionId", r.path::text AS "regionPath", t.memo, t.source_type AS "sourceType",
         t.source_id AS "sourceId", t.reverses_id AS "reversesId", rv.id AS "reversedById", t.reason, t.initiator_id AS "initiatorId",
         t.idempotency_key AS "idempotencyKey", t.request_hash AS "requestHash", t.created_at AS "createdAt", t.hash, t.format,
         (SELECT json_agg(json_build_object('accountId', p.account_id, 'amount', p.amount, 'balanceAfter', p.balance_after, 'donateOnlyDelta', p.donate_only_delta,
                  'accountKind', a.kind, 'personId', a.person_id, 'personName', pp.name, 'regionName', ar.name) ORDER BY p.amount, p.account_id)
            FROM ledger_postings p JOIN ledger_accounts a ON a.id = p.account_id JOIN regions ar ON ar.id = a.region_id
            LEFT JOIN persons pp ON pp.id = a.person_id
           WHERE p.transaction_id = t.id) AS postings
    FROM ledger_transactions t JOIN regions r ON r.id = t.region_id
    LEFT JOIN ledger_transactions rv ON rv.reverses_id = t.id`;

/**
 * All SQL of the ledger. Writes go through `lockAccounts` then `append`, always in that order within one
 * transaction: account rows are locked in id order first, the chain head last, so that no two writers can
 * wait on each other in a cycle.
 */
@Injectable()
export class LedgerRepository {
  constructor(private readonly db: DataSource) {}

  /** The ancestor of `regionId` (or itself) at `level`. */
  async ancestorAt(m: EntityManager, regionId: string, level: 'STREET' | 'COMMUNITY'): Promise<string | null> {
    const rows = await m.query(`SELECT a.id FROM regions r JOIN regions a ON a.path @> r.path AND a.level = $2 WHERE r.id = $1`, [regionId, level]);
    return rows[0]?.id ?? null;
  }

  async regionPath(m: EntityManager, regionId: string): Promise<string | null> {
    const rows = await m.query(`SELECT path::text AS path FROM regions WHERE id = $1`, [regionId]);
    return rows[0]?.path ?? null;
  }

  async policyFor(m: EntityManager, regionId: string): Promise<TimeBankPolicy> {
    const rows: PolicyRow[] = await m.query(
      `SELECT p.balance_cap_minutes AS "balanceCapMinutes", p.redemption_age AS "redemptionAge", p.hardship_redemption_age AS "hardshipRedemptionAge",
              p.relatives_only AS "relativesOnly", p.group_hours_donate_only AS "groupHoursDonateOnly",
              p.daily_transfer_cap_minutes AS "dailyTransferCapMinutes", p.yearly_transfer_cap_minutes AS "yearlyTransferCapMinutes",
              p.expiry_months AS "expiryMonths", p.expiry_notice_days AS "expiryNoticeDays", p.certificate_signatory AS "certificateSignatory"
         FROM regions r JOIN regions a ON a.path @> r.path JOIN time_bank_policies p ON p.region_id = a.id
        WHERE r.id = $1 ORDER BY nlevel(a.path) DESC`,
      [regionId],
    );
    return mergePolicy(rows);
  }

  async upsertPolicy(m: EntityManager, regionId: string, values: PolicyRow, by: string): Promise<void> {
    const cols: Record<keyof TimeBankPolicy, string> = {
      balanceCapMinutes: 'balance_cap_minutes',
      redemptionAge: 'redemption_age',
      hardshipRedemptionAge: 'hardship_redemption_age',
      relativesOnly: 'relatives_only',
      groupHoursDonateOnly: 'group_hours_donate_only',
      dailyTransferCapMinutes: 'daily_transfer_cap_minutes',
      yearlyTransferCapMinutes: 'yearly_transfer_cap_minutes',
      expiryMonths: 'expiry_months',
      expiryNoticeDays: 'expiry_notice_days',
      certificateSignatory: 'certificate_signatory',
    };
    const keys = (Object.keys(values) as (keyof TimeBankPolicy)[]).filter((k) => values[k] !== undefined);
    const params: unknown[] = [regionId, by, ...keys.map((k) => values[k])];
    const names = keys.map((k) => cols[k]);
    await m.query(
      `INSERT INTO time_bank_policies (region_id, updated_by${names.map((n) => ', ' + n).join('')})
       VALUES ($1, $2${keys.map((_, i) => `, $${i + 3}`).join('')})
       ON CONFLICT (region_id) DO UPDATE SET updated_by = EXCLUDED.updated_by, updated_at = now()${names.map((n) => `, ${n} = EXCLUDED.${n}`).join('')}`,
      params,
    );
  }

  async personFacts(m: EntityManager, personId: string): Promise<{ birthDate: string | null; hardship: boolean } | null> {
    const rows = await m.query(
      `SELECT to_char(p.birth_date, 'YYYY-MM-DD') AS "birthDate",
              EXISTS (SELECT 1 FROM person_flags f WHERE f.person_id = p.id AND f.flag = ANY($2::person_flag[])) AS hardship
         FROM persons p WHERE p.id = $1`,
      [personId, ['INCAPACITATED', 'DISABILITY', 'SUBSISTENCE_ALLOWANCE', 'EXTREME_POVERTY']],
    );
    return rows[0] ?? null;
  }

  async areRelatives(m: EntityManager, a: string, b: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM relatives WHERE revoked_at IS NULL AND ((person_id = $1 AND relative_id = $2) OR (person_id = $2 AND relative_id = $1)) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }

  /** Whether the EARN of the service record made for this need was reversed (this module's tables only). */
  async earnReversedForNeed(m: EntityManager, needId: string): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM service_records sr JOIN ledger_transactions e ON e.kind = 'EARN' AND e.source_type = 'SERVICE_RECORD' AND e.source_id = sr.id
         JOIN ledger_transactions r ON r.reverses_id = e.id WHERE sr.need_id = $1 LIMIT 1`,
      [needId],
    );
    return rows.length > 0;
  }

  /** A SPEND or GRANT for this need that has not been reversed. */
  async standingPaymentFor(m: EntityManager, kind: 'SPEND' | 'GRANT', needId: string): Promise<string | null> {
    const rows = await m.query(
      `SELECT t.id FROM ledger_transactions t WHERE t.kind = $1 AND t.source_type = 'NEED' AND t.source_id = $2
          AND NOT EXISTS (SELECT 1 FROM ledger_transactions r WHERE r.reverses_id = t.id) LIMIT 1`,
      [kind, needId],
    );
    return rows[0]?.id ?? null;
  }

  /** Does the person carry a special-group flag (独居/空巢, 失能, 残疾, 低保, 特困, 困境儿童), recorded with consent? */
  async hasSpecialGroupFlag(m: EntityManager, personId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM person_flags WHERE person_id = $1 LIMIT 1`, [personId])).length > 0;
  }

  async personExists(m: EntityManager, personId: string): Promise<boolean> {
    return (await m.query(`SELECT 1 FROM persons WHERE id = $1`, [personId])).length > 0;
  }

  /** The person's account, opened in their community (else `fallbackRegionId`) on first use; null without either. */
  async personAccountId(m: EntityManager, personId: string, fallbackRegionId?: string): Promise<string | null> {
    return (await m.query(`SELECT ledger_person_account($1, $2) AS id`, [personId, fallbackRegionId ?? null]))[0].id;
  }

  /** An existing account, without opening one: a person's (kind PERSON) or a region's system account. */
  async findAccountId(kind: AccountKind, key: string): Promise<string | null> {
    const rows = await this.db.query(
      kind === 'PERSON'
        ? `SELECT id FROM ledger_accounts WHERE kind = 'PERSON' AND person_id = $1`
        : `SELECT id FROM ledger_accounts WHERE kind = $2 AND region_id = $1`,
      kind === 'PERSON' ? [key] : [key, kind],
    );
    return rows[0]?.id ?? null;
  }

  /** A pool, issuance or sink account of a region, opened on first use. */
  async systemAccountId(m: EntityManager, kind: Exclude<AccountKind, 'PERSON' | 'ORGANIZATION'>, regionId: string): Promise<string> {
    await m.query(`INSERT INTO ledger_accounts (kind, region_id, floor_minutes) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      kind,
      regionId,
      kind === 'ISSUANCE' ? null : 0,
    ]);
    return (await m.query(`SELECT id FROM ledger_accounts WHERE kind = $1 AND region_id = $2`, [kind, regionId]))[0].id;
  }

  async accountsByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<AccountRow[]> {
    return m.query(`SELECT ${ACCOUNT_COLUMNS} FROM ledger_accounts a JOIN regions r ON r.id = a.region_id WHERE a.id = ANY($1::uuid[])`, [ids]);
  }

  /** Locks the accounts in id order (the one lock order of the ledger) and returns them fresh. */
  async lockAccounts(m: EntityManager, ids: string[]): Promise<Map<string, AccountRow>> {
    const unique = [...new Set(ids)].sort();
    const rows: AccountRow[] = await m.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM ledger_accounts a JOIN regions r ON r.id = a.region_id
        WHERE a.id = ANY($1::uuid[]) ORDER BY a.id FOR UPDATE OF a`,
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  /**
   * Appends one balanced journal entry (format 3) in one statement: `ledger_append()` hashes its content, inserts
   * it and its postings, and the posting trigger links each posting to its account's chain (docs/ledger.md). Every
   * account in `legs` must already be locked by `lockAccounts` in this transaction: those locks are the only ones
   * an append takes, so writers on disjoint accounts never wait on each other.
   */
  async append(m: EntityManager, e: NewEntry, locked: Map<string, AccountRow>): Promise<string> {
    const legs = [...e.legs].filter(([, amount]) => amount !== 0);
    for (const [id] of legs) if (!locked.has(id)) throw new Error(`ledger: account ${id} was not locked before append`);
    const donate = new Map([...(e.donateOnly ?? new Map<string, number>())].filter(([, d]) => d !== 0));
    for (const [id] of donate) if (!e.legs.get(id)) throw new Error(`ledger: donate-only change of ${id} without a posting`);
    const id = randomUUID();
    await m.query(`SELECT ledger_append($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::uuid[], $14::bigint[], $15::bigint[])`, [
      id,
      e.kind,
      e.regionId,
      e.memo ?? null,
      e.sourceType ?? null,
      e.sourceId ?? null,
      e.reversesId ?? null,
      e.reason ?? null,
      e.initiatorId,
      e.idempotencyKey ?? null,
      e.requestHash ?? null,
      e.at ?? new Date(),
      legs.map(([a]) => a),
      legs.map(([, amount]) => amount),
      legs.map(([a]) => donate.get(a) ?? 0),
    ]);
    return id;
  }

  /**
   * 亲属转赠 in one statement (`ledger_transfer()`, migration 1796100000000): idempotency, accounts, policy, locks,
   * caps from the account's counters, floors, donate-only part, the receiver's cap and the append. Returns the new
   * id, the id of an earlier transaction with the same key, or the reason of a refusal with its values.
   */
  async transfer(
    m: EntityManager,
    a: { initiatorId: string; toPersonId: string; minutes: number; memo: string | null; idempotencyKey: string; requestHash: string; at: Date },
  ): Promise<TransferOutcome> {
    const [row] = await m.query(`SELECT ledger_transfer($1, $2, $3, $4, $5, $6, $7, $8, $9) AS r`, [
      a.initiatorId,
      a.toPersonId,
      a.minutes,
      a.memo,
      a.idempotencyKey,
      a.requestHash,
      randomUUID(),
      a.at,
      POLICY_DEFAULTS_JSON,
    ]);
    return row.r;
  }

  async transactionsByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<TransactionRow[]> {
    const rows = await m.query(`${TX_SELECT} WHERE t.id = ANY($1::uuid[])`, [ids]);
    return rows.map(fixTx);
  }

  async byIdempotencyKey(m: EntityManager, initiatorId: string, key: string): Promise<TransactionRow | null> {
    const rows = await m.query(`${TX_SELECT} WHERE t.initiator_id = $1 AND t.idempotency_key = $2`, [initiatorId, key]);
    return rows[0] ? fixTx(rows[0]) : null;
  }

  /** Serializes requests with one idempotency key, so that a concurrent replay waits for and then sees the first. */
  async lockIdempotencyKey(m: EntityManager, initiatorId: string, key: string): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [`ledger-idem:${initiatorId}:${key}`]);
  }

  async earnOfSource(m: EntityManager, sourceType: string, sourceId: string): Promise<string | null> {
    const rows = await m.query(`SELECT id FROM ledger_transactions WHERE kind = 'EARN' AND source_type = $1 AND source_id = $2`, [sourceType, sourceId]);
    return rows[0]?.id ?? null;
  }

  /** One window of an account's entries, newest first (posting ids grow with each account's commit order). */
  async entries(accountId: string, page: WindowRequest): Promise<PageWindow<EntryRow>> {
    const where = new SqlWhere();
    where.and(`p.account_id = ${where.param(accountId)}`);
    return keysetWindow<EntryRow>(this.db, { select: ENTRY_COLUMNS, from: ENTRY_FROM, countFrom: 'ledger_postings p', where, order: ENTRY_ORDER, page });
  }

  async entriesBetween(accountId: string, from: Date, to: Date): Promise<EntryRow[]> {
    const rows = await this.db.query(`${ENTRY_SELECT} WHERE p.account_id = $1 AND t.created_at >= $2 AND t.created_at < $3 ORDER BY p.id`, [
      accountId,
      from,
      to,
    ]);
    return rows;
  }

  async balanceBefore(accountId: string, at: Date): Promise<number> {
    const rows = await this.db.query(
      `SELECT p.balance_after::float8 AS b FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
        WHERE p.account_id = $1 AND t.created_at < $2 ORDER BY p.id DESC LIMIT 1`,
      [accountId, at],
    );
    return rows[0]?.b ?? 0;
  }

  /** The journal in `seq` order, a batch at a time, with postings in insertion order and the time in microseconds. */
  async journalBatch(m: EntityManager, afterSeq: number, limit: number): Promise<JournalRow[]> {
    return m.query(
      `SELECT t.id, t.seq::float8 AS seq, t.kind, t.region_id AS "regionId", t.memo, t.source_type AS "sourceType", t.source_id AS "sourceId",
              t.reverses_id AS "reversesId", t.reason, t.initiator_id AS "initiatorId", t.created_at AS "createdAt",
              (extract(epoch FROM t.created_at) * 1000000)::bigint::text AS "createdAtMicros", t.prev_hash AS "prevHash", t.hash,
              t.format, (SELECT r.path::text FROM regions r WHERE r.id = t.region_id) AS "regionPath",
              -- Per entry (by the postings' transaction index), not a join grouped by entry: a grouped join cannot stop
              -- after the batch, so each batch aggregated the whole journal (minutes per batch on a city's 10 M entries).
              (SELECT coalesce(json_agg(json_build_object('accountId', p.account_id, 'amount', p.amount, 'balanceAfter', p.balance_after,
                                                          'donateOnlyDelta', p.donate_only_delta) ORDER BY p.id), '[]')
                 FROM ledger_postings p WHERE p.transaction_id = t.id) AS postings
         FROM ledger_transactions t
        WHERE t.seq > $1 ORDER BY t.seq LIMIT $2`,
      [afterSeq, limit],
    );
  }

  /**
   * Opens, in the verification's transaction, a cursor over every posting account by account (each account's in chain
   * order) with its entry's stored hash and format; read it with `nextPostings`. One sorted pass over a hash join of
   * the two tables, planned for the whole result (`cursor_tuple_fraction` 1): a keyset page per batch joined each
   * posting to its entry by a random index lookup, which on a city's 20 M postings meant hours of random reads.
   */
  async openPostingsCursor(m: EntityManager): Promise<void> {
    await m.query(`SET LOCAL cursor_tuple_fraction = 1.0`);
    await m.query(
      `DECLARE ledger_chain_postings NO SCROLL CURSOR FOR
       SELECT p.id::float8 AS id, p.account_id AS "accountId", p.transaction_id AS "transactionId", t.seq::float8 AS seq, t.format, t.hash AS "transactionHash",
              p.amount::float8 AS amount, p.balance_after::float8 AS "balanceAfter", p.donate_only_delta::float8 AS "donateOnlyDelta",
              p.prev_posting_id::float8 AS "prevPostingId", p.prev_hash AS "prevHash", p.hash
         FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
        ORDER BY p.account_id, p.id`,
    );
  }

  /** The next `limit` postings of the cursor opened by `openPostingsCursor` (fewer at the end). */
  nextPostings(m: EntityManager, limit: number): Promise<ChainPostingRow[]> {
    return m.query(`FETCH ${Math.trunc(limit)} FROM ledger_chain_postings`);
  }

  /**
   * The verification is an administrator's batch job over the whole journal in one snapshot, not a request: its
   * statements (the first FETCH sorts every posting) are held to two hours, not to the pool's per-request timeout.
   */
  async longRunning(m: EntityManager): Promise<void> {
    await m.query(`SET LOCAL statement_timeout = '2h'`);
  }

  async readOnly(m: EntityManager): Promise<void> {
    await m.query('SET TRANSACTION READ ONLY');
  }

  /** Where the format-1/2 chain ended when per-account chains began (frozen). */
  async legacyHead(m: EntityManager): Promise<{ seq: number; hash: string }> {
    return (await m.query(`SELECT seq::float8 AS seq, hash FROM ledger_legacy_head WHERE id = 1`))[0];
  }

  /**
   * Takes the digest lock for this transaction if no other instance holds it (`pg_try_advisory_xact_lock`), and
   * returns this transaction's snapshot with the previous digest; null when another instance is digesting.
   */
  async beginDigest(m: EntityManager): Promise<{ snapshot: string; last: DigestRow | null } | null> {
    const [row] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('ledger-digest', 7)) AS locked, pg_current_snapshot()::text AS snapshot`);
    if (!row.locked) return null;
    const [last] = await m.query(`${DIGEST_SELECT} ORDER BY id DESC LIMIT 1`);
    return { snapshot: row.snapshot, last: last ?? null };
  }

  /**
   * What a digest covers, streamed in batches through cursors (a first digest of a generated or migrated city covers
   * millions of entries): the format-3 entries visible in `snapshot` but not in `prevSnapshot` (by the writing
   * transaction's id), by id; then for each account they touched, the last of their postings (the account's head
   * then), by account. Run in a transaction exempt from the per-request timeout (`longRunning`).
   */
  async streamDigestLeaves(
    m: EntityManager,
    prevSnapshot: string | null,
    snapshot: string,
    onTransactions: (rows: { id: string; hash: string }[]) => void,
    onHeads: (rows: { accountId: string; postingId: number; hash: string }[]) => void,
  ): Promise<void> {
    const covered = `SELECT t.id, t.hash FROM ledger_transactions t
        WHERE t.xid IS NOT NULL AND t.xid < pg_snapshot_xmax($2::pg_snapshot) AND pg_visible_in_snapshot(t.xid, $2::pg_snapshot)
          AND ($1::pg_snapshot IS NULL OR (t.xid >= pg_snapshot_xmin($1::pg_snapshot) AND NOT pg_visible_in_snapshot(t.xid, $1::pg_snapshot)))`;
    await m.query(`SET LOCAL cursor_tuple_fraction = 1.0`);
    const drain = async <T>(name: string, sql: string, each: (rows: T[]) => void) => {
      await m.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, [prevSnapshot, snapshot]);
      for (;;) {
        const rows: T[] = await m.query(`FETCH 5000 FROM ${name}`);
        if (rows.length > 0) each(rows);
        if (rows.length < 5000) break;
      }
      await m.query(`CLOSE ${name}`);
    };
    await drain(`ledger_digest_entries`, `${covered} ORDER BY t.id`, onTransactions);
    await drain(
      `ledger_digest_heads`,
      `SELECT DISTINCT ON (p.account_id) p.account_id AS "accountId", p.id::float8 AS "postingId", p.hash
         FROM (${covered}) c JOIN ledger_postings p ON p.transaction_id = c.id ORDER BY p.account_id, p.id DESC`,
      onHeads,
    );
  }

  async insertDigest(m: EntityManager, d: Omit<DigestRow, 'id' | 'createdAt'>): Promise<DigestRow> {
    const [row] = await m.query(
      `INSERT INTO ledger_digests (prev_id, snapshot, transactions, accounts, root, prev_hash, hash) VALUES ($1, $2::pg_snapshot, $3, $4, $5, $6, $7)
       RETURNING id::float8 AS id, created_at AS "createdAt"`,
      [d.prevId, d.snapshot, d.transactions, d.accounts, d.root, d.prevHash, d.hash],
    );
    return { ...d, ...row };
  }

  async digests(m: EntityManager): Promise<DigestRow[]> {
    return m.query(`${DIGEST_SELECT} ORDER BY id`);
  }

  /** Person accounts holding minutes, with their region, for the expiry job. */
  async personAccountsWithBalance(): Promise<{ id: string; regionId: string }[]> {
    return this.db.query(`SELECT id, region_id AS "regionId" FROM ledger_accounts WHERE kind = 'PERSON' AND balance > 0 ORDER BY id`);
  }

  /** Credits before `cutoff` and all debits ever, for FIFO expiry. */
  async creditsAndDebits(m: EntityManager, accountId: string, cutoff: Date): Promise<{ credits: number; debits: number }> {
    const [row] = await m.query(
      `SELECT coalesce(sum(p.amount) FILTER (WHERE p.amount > 0 AND t.created_at < $2), 0)::float8 AS credits,
              coalesce(-sum(p.amount) FILTER (WHERE p.amount < 0), 0)::float8 AS debits
         FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id WHERE p.account_id = $1`,
      [accountId, cutoff],
    );
    return row;
  }

  async creditsBefore(m: EntityManager, accountId: string, cutoff: Date): Promise<{ amount: number; at: Date }[]> {
    return m.query(
      `SELECT p.amount::float8 AS amount, t.created_at AS at FROM ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
        WHERE p.account_id = $1 AND p.amount > 0 AND t.created_at < $2 ORDER BY p.id`,
      [accountId, cutoff],
    );
  }

  /** Records a notice at `at` (the job's clock) that `minutes` will expire on `expiresOn` (YYYY-MM-DD, China Standard Time). */
  async recordExpiryNotice(m: EntityManager, accountId: string, minutes: number, expiresOn: string, at: Date): Promise<void> {
    await m.query(`INSERT INTO time_bank_expiry_notices (account_id, minutes, expires_on, created_at) VALUES ($1, $2, $3, $4)`, [
      accountId,
      minutes,
      expiresOn,
      at,
    ]);
  }

  /** Notices of the account with minutes not yet settled (expired, or no longer due), oldest first. */
  async openExpiryNotices(m: EntityManager, accountId: string): Promise<{ id: string; remaining: number; expiresOn: string; createdAt: Date }[]> {
    return m.query(
      `SELECT id, minutes - settled_minutes AS remaining, to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn", created_at AS "createdAt"
         FROM time_bank_expiry_notices WHERE account_id = $1 AND settled_minutes < minutes ORDER BY created_at, id`,
      [accountId],
    );
  }

  async settleExpiryNotice(m: EntityManager, id: string, minutes: number): Promise<void> {
    await m.query(`UPDATE time_bank_expiry_notices SET settled_minutes = settled_minutes + $2 WHERE id = $1`, [id, minutes]);
  }

  async expiryNotices(accountId: string): Promise<{ minutes: number; settledMinutes: number; expiresOn: string; createdAt: Date }[]> {
    return this.db.query(
      `SELECT minutes, settled_minutes AS "settledMinutes", to_char(expires_on, 'YYYY-MM-DD') AS "expiresOn", created_at AS "createdAt" FROM time_bank_expiry_notices
        WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT 12`,
      [accountId],
    );
  }

  /** Every account with its identity as stored, for the verifier. */
  async allAccounts(m: EntityManager): Promise<VerifiedAccountRow[]> {
    return m.query(
      `SELECT a.id, a.kind, a.person_id AS "personId", a.organization_id AS "organizationId", a.region_id AS "regionId",
              a.floor_minutes::float8 AS floor, a.donate_only_opening::float8 AS "donateOnlyOpening", a.identity_hash AS "identityHash",
              a.balance::float8 AS balance, a.donate_only::float8 AS "donateOnly", r.path::text AS path,
              a.head_posting_id::float8 AS "headPostingId", a.head_hash AS "headHash"
         FROM ledger_accounts a LEFT JOIN regions r ON r.id = a.region_id`,
    );
  }
}

/** A journal entry as stored: its hashed content, its link (formats 1–2), and the running balances the database wrote. */
export interface JournalRow extends Omit<JournalContent, 'postings' | 'format'> {
  createdAtMicros: string;
  prevHash: string | null;
  hash: string;
  format: 1 | 2 | 3;
  regionPath: string | null;
  postings: { accountId: string; amount: number; balanceAfter: number; donateOnlyDelta: number }[];
}

export interface VerifiedAccountRow {
  id: string;
  kind: AccountKind;
  personId: string | null;
  organizationId: string | null;
  regionId: string;
  floor: number | null;
  donateOnlyOpening: number;
  identityHash: string;
  balance: number;
  donateOnly: number;
  path: string | null;
  headPostingId: number | null;
  headHash: string;
}

/** A posting with the link to its account's previous posting (format 3; null links on format-1/2 postings). */
export interface ChainPostingRow {
  id: number;
  accountId: string;
  transactionId: string;
  seq: number;
  format: 1 | 2 | 3;
  transactionHash: string;
  amount: number;
  balanceAfter: number;
  donateOnlyDelta: number;
  prevPostingId: number | null;
  prevHash: string | null;
  hash: string | null;
}

export interface DigestRow {
  id: number;
  prevId: number | null;
  snapshot: string;
  transactions: number;
  accounts: number;
  root: string;
  prevHash: string;
  hash: string;
  createdAt: Date;
}

/** What `ledger_transfer()` answers. */
export type TransferOutcome =
  | { id: string }
  | { replay: string; requestHash: string }
  | { error: 'RECEIVER_NOT_FOUND' | 'NO_COMMUNITY' | 'NOT_A_RELATIVE' }
  | { error: 'DAILY_TRANSFER_CAP' | 'YEARLY_TRANSFER_CAP'; cap: number; used: number }
  | { error: 'INSUFFICIENT_BALANCE' | 'GROUP_HOURS_DONATE_ONLY'; available: number }
  | { error: 'BALANCE_CAP_REACHED'; room: number };

const DIGEST_SELECT = `SELECT id::float8 AS id, prev_id::float8 AS "prevId", snapshot::text AS snapshot, transactions, accounts, root, prev_hash AS "prevHash", hash, created_at AS "createdAt"
  FROM ledger_digests`;

/** The built-in policy defaults, by column name, for `ledger_policy()` (region rows override them). */
const POLICY_DEFAULTS_JSON = JSON.stringify({
  balance_cap_minutes: DEFAULT_POLICY.balanceCapMinutes,
  relatives_only: DEFAULT_POLICY.relativesOnly,
  group_hours_donate_only: DEFAULT_POLICY.groupHoursDonateOnly,
  daily_transfer_cap_minutes: DEFAULT_POLICY.dailyTransferCapMinutes,
  yearly_transfer_cap_minutes: DEFAULT_POLICY.yearlyTransferCapMinutes,
});

/** Statement entries newest first; the cursor is the posting id. */
export const ENTRY_ORDER: KeysetOrder = { keys: [{ sql: 'p.id', type: 'int' }], direction: 'DESC' };

const ENTRY_COLUMNS = `
         p.id::float8 AS "postingId", p.transaction_id AS "transactionId", t.kind, p.amount::float8 AS amount, p.balance_after::float8 AS "balanceAfter",
         t.memo, t.reason, t.created_at AS "createdAt", cp.kind AS "counterpartyKind", cp.person_id AS "counterpartyPersonId",
         cpp.name AS "counterpartyName", cpr.name AS "counterpartyRegionName"`;
const ENTRY_FROM = `
         ledger_postings p JOIN ledger_transactions t ON t.id = p.transaction_id
    LEFT JOIN LATERAL (
      SELECT a.kind, a.person_id, a.region_id FROM ledger_postings o JOIN ledger_accounts a ON a.id = o.account_id
       WHERE o.transaction_id = p.transaction_id AND o.account_id <> p.account_id AND sign(o.amount) <> sign(p.amount)
       ORDER BY abs(o.amount) DESC, o.account_id LIMIT 1) cp ON true
    LEFT JOIN persons cpp ON cpp.id = cp.person_id
    LEFT JOIN regions cpr ON cpr.id = cp.region_id`;
const ENTRY_SELECT = `SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM}`;

function fixTx(r: TransactionRow & { postings: unknown }): TransactionRow {
  return {
    ...r,
    postings: (r.postings ?? []).map((p) => ({
      ...p,
      amount: Number(p.amount),
      balanceAfter: Number(p.balanceAfter),
      donateOnlyDelta: Number(p.donateOnlyDelta ?? 0),
    })),
  };
}
