import type { Client } from 'pg';
import { postingHashV3, transactionHashV3 } from '../time-bank/ledger-hash.js';
import { DeferredSchema, dropIndexes, restoreIndexes } from './bulk.js';
import { copyRows } from './copy.js';

/**
 * The one place where the city generator knows the journal's storage format (docs/city-scale.md): the columns of
 * `ledger_transactions` and `ledger_postings`, how an entry is hashed (`src/time-bank/ledger-hash.ts`, format 3 as in
 * docs/ledger.md: each entry has its own content hash, each posting links to its account's previous posting), the
 * running balance on each posting, each account's chain head and transfer counters, and the final balances. The
 * generator hands over balanced drafts in journal order; everything else about the format is here, so that a new
 * format changes this file only.
 */
export interface DraftPosting {
  accountId: string;
  amount: number;
  donateOnlyDelta?: number;
}

export interface DraftTransaction {
  id: string;
  kind: 'EARN' | 'SPEND' | 'TRANSFER' | 'DONATE' | 'GRANT' | 'EXPIRE' | 'REVERSAL';
  regionId: string;
  memo: string | null;
  sourceType: string | null;
  sourceId: string | null;
  reversesId: string | null;
  reason: string | null;
  initiatorId: string | null;
  createdAt: Date;
  postings: DraftPosting[];
}

const TX_COLUMNS = 'id, seq, kind, region_id, memo, source_type, source_id, reverses_id, reason, initiator_id, created_at, prev_hash, hash, format';
const POSTING_COLUMNS = 'id, transaction_id, account_id, amount, balance_after, donate_only_delta, prev_posting_id, prev_hash, hash';
const LEDGER_TABLES = ['ledger_transactions', 'ledger_postings', 'ledger_accounts'];
const JOURNAL_TABLES = ['ledger_transactions', 'ledger_postings'];

/** Local (UTC+8) day and year of an instant, as `ledger_local_day()` computes them: the periods of the transfer caps. */
function localDay(at: Date): { day: string; year: number } {
  const local = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return { day: local.slice(0, 10), year: Number(local.slice(0, 4)) };
}

interface AccountState {
  balance: number;
  donateOnly: number;
  headId: number | null;
  headHash: string;
  transferDay: string | null;
  transferDayMinutes: number;
  transferYear: number | null;
  transferYearMinutes: number;
}

/**
 * Writes a journal in bulk: `begin` switches the journal's own triggers off for this database transaction only (they
 * would link and apply postings one row at a time, and only to the transaction inserted last; what they compute is
 * computed here instead and checked by `verifyLedger`), `append` seals drafts into rows with explicit `seq` and
 * posting ids and COPYs them in batches, `finish` moves the sequences past them, stores every account's balance,
 * donate-only part, chain head and transfer counters, and switches the triggers back on before the commit. No digest
 * is written: the rows carry this transaction's `xid`, so the first digest job after the commit covers them.
 */
export class JournalWriter {
  private seq = 0;
  private postingId = 0;
  private count = 0;
  private readonly accounts = new Map<string, AccountState>();
  /** TRANSFER entries' times, so that a REVERSAL of one takes back its minutes from the counters of that day/year. */
  private readonly transfers = new Map<string, Date>();
  private txRows: unknown[][] = [];
  private postingRows: unknown[][] = [];
  private superuser = false;
  private deferred: DeferredSchema | null = null;

  constructor(
    private readonly client: Client,
    /** Account id → its stored identity hash (ledger_accounts.identity_hash, set by the database at opening). */
    private readonly identities: Map<string, string>,
    private readonly batchSize = 20_000,
  ) {}

  /** Current balance of an account as written so far (the generator keeps floors and caps with it). */
  balance(accountId: string): number {
    return this.accounts.get(accountId)?.balance ?? 0;
  }

  donateOnlyOf(accountId: string): number {
    return this.accounts.get(accountId)?.donateOnly ?? 0;
  }

  get entries(): number {
    return this.count;
  }

  async begin(): Promise<void> {
    const [{ n }] = (await this.client.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ledger_transactions LIMIT 1) t`)).rows;
    if (n !== 0) throw new Error('the journal is not empty: the generator writes a new ledger only');
    this.superuser = (await this.client.query<{ rolsuper: boolean }>(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper === true;
    await this.client.query('BEGIN');
    if (this.superuser) await this.client.query(`SET LOCAL session_replication_role = replica`);
    else for (const t of LEDGER_TABLES) await this.client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
    // The journal's indexes and keys are built once at the end instead of row by row (bulk.ts); unique ones (hash,
    // seq, one EARN per source, one reversal per entry) and the foreign keys are checked then, before the commit.
    this.deferred = await dropIndexes(this.client, JOURNAL_TABLES);
    // Explicit seq and posting ids, taken from the sequences so that rows written later by the service follow on.
    this.seq = Number((await this.client.query<{ v: number }>(`SELECT nextval('ledger_transactions_seq')::float8 AS v`)).rows[0].v) - 1;
    this.postingId =
      Number((await this.client.query<{ v: number }>(`SELECT nextval(pg_get_serial_sequence('ledger_postings', 'id'))::float8 AS v`)).rows[0].v) - 1;
  }

  async append(t: DraftTransaction): Promise<void> {
    // Postings in account order, as ledger_append() inserts them.
    const postings = t.postings.filter((p) => p.amount !== 0).sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
    if (postings.length < 2 || postings.reduce((s, p) => s + p.amount, 0) !== 0) throw new Error(`draft ${t.id} is not balanced`);
    this.seq++;
    this.count++;
    const hash = transactionHashV3({
      id: t.id,
      kind: t.kind,
      regionId: t.regionId,
      memo: t.memo,
      sourceType: t.sourceType,
      sourceId: t.sourceId,
      reversesId: t.reversesId,
      reason: t.reason,
      initiatorId: t.initiatorId,
      createdAtMicros: String(t.createdAt.getTime() * 1000),
      postings: postings.map((p) => ({
        accountId: p.accountId,
        amount: p.amount,
        donateOnlyDelta: p.donateOnlyDelta ?? 0,
        accountIdentity: this.identity(p.accountId),
      })),
    });
    this.txRows.push([
      t.id,
      this.seq,
      t.kind,
      t.regionId,
      t.memo,
      t.sourceType,
      t.sourceId,
      t.reversesId,
      t.reason,
      t.initiatorId,
      t.createdAt.toISOString(),
      null,
      hash,
      3,
    ]);
    for (const p of postings) {
      const a = this.account(p.accountId);
      const delta = p.donateOnlyDelta ?? 0;
      const id = ++this.postingId;
      const balanceAfter = a.balance + p.amount;
      const postingHash = postingHashV3({
        prevHash: a.headHash,
        accountId: p.accountId,
        accountIdentity: this.identity(p.accountId),
        transactionHash: hash,
        amount: p.amount,
        balanceAfter,
        donateOnlyDelta: delta,
      });
      this.postingRows.push([id, t.id, p.accountId, p.amount, balanceAfter, delta, a.headId, a.headHash, postingHash]);
      a.balance = balanceAfter;
      a.donateOnly += delta;
      a.headId = id;
      a.headHash = postingHash;
    }
    // The transfer counters, as ledger_append() keeps them (ledger_count_transfer).
    if (t.kind === 'TRANSFER') {
      this.transfers.set(t.id, t.createdAt);
      for (const p of postings) if (p.amount < 0) this.countTransfer(this.account(p.accountId), -p.amount, t.createdAt);
    } else if (t.kind === 'REVERSAL' && t.reversesId && this.transfers.has(t.reversesId)) {
      const at = this.transfers.get(t.reversesId)!;
      for (const p of postings) if (p.amount > 0) this.countTransfer(this.account(p.accountId), -p.amount, at);
    }
    if (this.txRows.length >= this.batchSize) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    if (this.deferred) await restoreIndexes(this.client, this.deferred, JOURNAL_TABLES);
    if (this.count > 0) {
      await this.client.query(`SELECT setval('ledger_transactions_seq', $1)`, [this.seq]);
      await this.client.query(`SELECT setval(pg_get_serial_sequence('ledger_postings', 'id'), $1)`, [this.postingId]);
    }
    await this.client.query(
      `CREATE TEMP TABLE gen_accounts (id uuid PRIMARY KEY, balance bigint NOT NULL, donate_only bigint NOT NULL, head_posting_id bigint, head_hash text NOT NULL,
         transfer_day date, transfer_day_minutes bigint NOT NULL, transfer_year integer, transfer_year_minutes bigint NOT NULL) ON COMMIT DROP`,
    );
    await copyRows(
      this.client,
      'gen_accounts (id, balance, donate_only, head_posting_id, head_hash, transfer_day, transfer_day_minutes, transfer_year, transfer_year_minutes)',
      [...this.accounts].map(([id, a]) => [
        id,
        a.balance,
        a.donateOnly,
        a.headId,
        a.headHash,
        a.transferDay,
        a.transferDayMinutes,
        a.transferYear,
        a.transferYearMinutes,
      ]),
    );
    await this.client.query(
      `UPDATE ledger_accounts a SET balance = g.balance, donate_only = g.donate_only, head_posting_id = g.head_posting_id, head_hash = g.head_hash,
              transfer_day = g.transfer_day, transfer_day_minutes = g.transfer_day_minutes, transfer_year = g.transfer_year, transfer_year_minutes = g.transfer_year_minutes
         FROM gen_accounts g WHERE g.id = a.id`,
    );
    if (!this.superuser) for (const t of LEDGER_TABLES) await this.client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    await this.client.query('COMMIT');
  }

  private account(accountId: string): AccountState {
    let a = this.accounts.get(accountId);
    if (!a) {
      a = {
        balance: 0,
        donateOnly: 0,
        headId: null,
        headHash: this.identity(accountId),
        transferDay: null,
        transferDayMinutes: 0,
        transferYear: null,
        transferYearMinutes: 0,
      };
      this.accounts.set(accountId, a);
    }
    return a;
  }

  /** ledger_count_transfer(): + when a TRANSFER leaves the account, − when one is reversed; a new day/year restarts its counter. */
  private countTransfer(a: AccountState, minutes: number, at: Date): void {
    const { day, year } = localDay(at);
    a.transferDayMinutes = a.transferDay === day ? a.transferDayMinutes + minutes : minutes > 0 ? minutes : a.transferDayMinutes;
    if (minutes > 0) a.transferDay = day;
    a.transferYearMinutes = a.transferYear === year ? a.transferYearMinutes + minutes : minutes > 0 ? minutes : a.transferYearMinutes;
    if (minutes > 0) a.transferYear = year;
  }

  private identity(accountId: string): string {
    const h = this.identities.get(accountId);
    if (!h) throw new Error(`unknown account ${accountId}`);
    return h;
  }

  private async flush(): Promise<void> {
    if (this.txRows.length === 0) return;
    await copyRows(this.client, `ledger_transactions (${TX_COLUMNS})`, this.txRows);
    await copyRows(this.client, `ledger_postings (${POSTING_COLUMNS})`, this.postingRows);
    this.txRows = [];
    this.postingRows = [];
  }
}
