import type { Client } from 'pg';
import { chainHash, GENESIS_HASH, JournalContent } from '../time-bank/ledger-hash.js';
import { copyRows } from './copy.js';

/**
 * The one place where the city generator knows the journal's storage format (docs/city-scale.md): the columns of
 * `ledger_transactions` and `ledger_postings`, how an entry is hashed (`src/time-bank/ledger-hash.ts`, format 2:
 * one chain over the whole ledger, each entry covering the identity hash of every account it posts to), the running
 * balance on each posting, the chain head, and the final balances. The generator hands over balanced drafts in
 * journal order; everything else about the format is here, so that a new format changes this file only.
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
const POSTING_COLUMNS = 'transaction_id, account_id, amount, balance_after, donate_only_delta';

/**
 * Writes a journal in bulk: `begin` switches the journal's own triggers off for this database transaction only (they
 * would recompute balances one row at a time; what they guard is computed here instead and checked by `verifyLedger`),
 * `append` seals drafts into rows and COPYs them in batches, `finish` stores the chain head and every account's
 * balance and donate-only part, and switches the triggers back on before the commit.
 */
export class JournalWriter {
  private seq = 0;
  private prev = GENESIS_HASH;
  private readonly balances = new Map<string, number>();
  private readonly donateOnly = new Map<string, number>();
  private txRows: unknown[][] = [];
  private postingRows: unknown[][] = [];
  private superuser = false;

  constructor(
    private readonly client: Client,
    /** Account id → its stored identity hash (ledger_accounts.identity_hash, set by the database at opening). */
    private readonly identities: Map<string, string>,
    private readonly batchSize = 20_000,
  ) {}

  /** Current balance of an account as written so far (the generator keeps floors and caps with it). */
  balance(accountId: string): number {
    return this.balances.get(accountId) ?? 0;
  }

  donateOnlyOf(accountId: string): number {
    return this.donateOnly.get(accountId) ?? 0;
  }

  get entries(): number {
    return this.seq;
  }

  async begin(): Promise<void> {
    const [{ seq }] = (await this.client.query(`SELECT seq::int AS seq FROM ledger_head WHERE id = 1`)).rows;
    if (seq !== 0) throw new Error('the journal is not empty: the generator writes a new ledger only');
    this.superuser = (await this.client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`)).rows[0]?.rolsuper === true;
    await this.client.query('BEGIN');
    if (this.superuser) await this.client.query(`SET LOCAL session_replication_role = replica`);
    else for (const t of ['ledger_transactions', 'ledger_postings', 'ledger_accounts']) await this.client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  }

  async append(t: DraftTransaction): Promise<void> {
    const postings = t.postings.filter((p) => p.amount !== 0);
    if (postings.length < 2 || postings.reduce((s, p) => s + p.amount, 0) !== 0) throw new Error(`draft ${t.id} is not balanced`);
    this.seq++;
    const content: JournalContent = {
      seq: this.seq, id: t.id, kind: t.kind, regionId: t.regionId, memo: t.memo, sourceType: t.sourceType, sourceId: t.sourceId,
      reversesId: t.reversesId, reason: t.reason, initiatorId: t.initiatorId, createdAt: t.createdAt, format: 2,
      postings: postings.map((p) => ({ accountId: p.accountId, amount: p.amount, donateOnlyDelta: p.donateOnlyDelta ?? 0, accountIdentity: this.identity(p.accountId) })),
    };
    const hash = chainHash(this.prev, content);
    this.txRows.push([t.id, this.seq, t.kind, t.regionId, t.memo, t.sourceType, t.sourceId, t.reversesId, t.reason, t.initiatorId, t.createdAt.toISOString(), this.prev, hash, 2]);
    for (const p of postings) {
      const after = this.balance(p.accountId) + p.amount;
      this.balances.set(p.accountId, after);
      if (p.donateOnlyDelta) this.donateOnly.set(p.accountId, this.donateOnlyOf(p.accountId) + p.donateOnlyDelta);
      this.postingRows.push([t.id, p.accountId, p.amount, after, p.donateOnlyDelta ?? 0]);
    }
    this.prev = hash;
    if (this.txRows.length >= this.batchSize) await this.flush();
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.client.query(`UPDATE ledger_head SET seq = $1, hash = $2 WHERE id = 1`, [this.seq, this.prev]);
    await this.client.query(`CREATE TEMP TABLE gen_balances (id uuid PRIMARY KEY, balance bigint NOT NULL, donate_only bigint NOT NULL) ON COMMIT DROP`);
    await copyRows(this.client, 'gen_balances (id, balance, donate_only)', [...this.balances].map(([id, b]) => [id, b, this.donateOnlyOf(id)]));
    await this.client.query(`UPDATE ledger_accounts a SET balance = b.balance, donate_only = b.donate_only FROM gen_balances b WHERE b.id = a.id`);
    if (!this.superuser) for (const t of ['ledger_transactions', 'ledger_postings', 'ledger_accounts']) await this.client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
    await this.client.query('COMMIT');
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
