import { createHash } from 'node:crypto';

/** The hashed content of one journal entry (a transaction with its postings). */
export interface JournalContent {
  seq: number;
  id: string;
  kind: string;
  regionId: string;
  memo: string | null;
  sourceType: string | null;
  sourceId: string | null;
  reversesId: string | null;
  reason: string | null;
  initiatorId: string | null;
  createdAt: Date;
  /** 1: entries written before account identities were hashed; 2: each posting also hashes its donate-only change and its account's identity. */
  format?: 1 | 2;
  postings: { accountId: string; amount: number; donateOnlyDelta?: number; accountIdentity?: string }[];
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical form: a JSON array in a fixed field order, postings sorted by account id, the time in ISO-8601 UTC
 * with milliseconds. Running balances are not part of it: `verifyLedger` recomputes them from the amounts.
 */
export function canonical(c: JournalContent): string {
  const v2 = c.format === 2;
  const postings = [...c.postings]
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
    .map((p) => (v2 ? [p.accountId, p.amount, p.donateOnlyDelta ?? 0, p.accountIdentity ?? null] : [p.accountId, p.amount]));
  return JSON.stringify([
    v2 ? 'wushe-ledger-v2' : 'wushe-ledger-v1',
    c.seq,
    c.id,
    c.kind,
    c.regionId,
    c.memo,
    c.sourceType,
    c.sourceId,
    c.reversesId,
    c.reason,
    c.initiatorId,
    c.createdAt.toISOString(),
    postings,
  ]);
}

/** What makes an account the account it is: fixed at opening, never changed (migration 1763856500000). */
export interface AccountIdentity {
  id: string;
  kind: string;
  personId: string | null;
  organizationId: string | null;
  regionId: string;
  floor: number | null;
  donateOnlyOpening: number;
}

/** SHA-256 of the identity, byte for byte as the database's ledger_account_identity() computes it at opening. */
export function accountIdentityHash(a: AccountIdentity): string {
  const text = [
    'wushe-account-v1',
    a.id,
    a.kind,
    a.personId ?? '-',
    a.organizationId ?? '-',
    a.regionId,
    a.floor === null ? '-' : String(a.floor),
    String(a.donateOnlyOpening),
  ].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** hash_n = SHA-256(hash_{n-1} ‖ canonical content_n), hex. */
export function chainHash(prevHash: string, c: JournalContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(c)).digest('hex');
}

/** Fingerprint of a mutation's input, to tell an idempotent replay from a reused key. */
export function requestHash(operation: string, input: Record<string, unknown>): string {
  const keys = Object.keys(input).sort();
  return createHash('sha256')
    .update(JSON.stringify([operation, keys.map((k) => [k, input[k] ?? null])]))
    .digest('hex');
}

// ── Format 3: per-account chains (docs/ledger.md). The database computes these in `ledger_append` and the posting
// trigger (migration 1796100000000); the verifier recomputes them here, byte for byte. ──

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
/** A free-text field: its UTF-8 length, a colon and the text, or `-` for null (so no separator is ambiguous). */
const textField = (v: string | null) => (v === null ? '-' : `${Buffer.byteLength(v, 'utf8')}:${v}`);

/** The content of a format-3 entry: what `ledger_transaction_hash()` covers. `createdAtMicros` is microseconds since the epoch, as text. */
export interface ContentV3 {
  id: string;
  kind: string;
  regionId: string;
  memo: string | null;
  sourceType: string | null;
  sourceId: string | null;
  reversesId: string | null;
  reason: string | null;
  initiatorId: string | null;
  createdAtMicros: string;
  postings: { accountId: string; amount: number; donateOnlyDelta: number; accountIdentity: string }[];
}

/** SHA-256 of the canonical content of a format-3 entry; postings sorted by account id. */
export function transactionHashV3(c: ContentV3): string {
  const legs = [...c.postings]
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0))
    .map((p) => `${p.accountId}:${p.amount}:${p.donateOnlyDelta}:${p.accountIdentity}`)
    .join(',');
  return sha256(
    [
      'wushe-ledger-v3',
      c.id,
      c.kind,
      c.regionId,
      textField(c.memo),
      textField(c.sourceType),
      c.sourceId ?? '-',
      c.reversesId ?? '-',
      textField(c.reason),
      c.initiatorId ?? '-',
      c.createdAtMicros,
      legs,
    ].join('|'),
  );
}

/** One link of an account's chain: the previous link, the account and its identity, the entry's hash, the amounts. */
export function postingHashV3(p: {
  prevHash: string;
  accountId: string;
  accountIdentity: string;
  transactionHash: string;
  amount: number;
  balanceAfter: number;
  donateOnlyDelta: number;
}): string {
  return sha256(
    `${p.prevHash}\n${['wushe-posting-v3', p.accountId, p.accountIdentity, p.transactionHash, p.amount, p.balanceAfter, p.donateOnlyDelta].join('|')}`,
  );
}

/** A digest's leaves: each transaction it covers, and each account head those transactions left. */
export const transactionLeaf = (id: string, hash: string) => sha256(`T|${id}|${hash}`);
export const accountLeaf = (accountId: string, postingId: number, hash: string) => sha256(`A|${accountId}|${postingId}|${hash}`);

/** Merkle root of the leaves in the given order (an odd node is paired with itself); the empty tree is SHA-256 of ''. */
export function merkleRoot(leaves: string[]): string {
  const tree = new MerkleBuilder();
  for (const leaf of leaves) tree.add(leaf);
  return tree.root();
}

/**
 * The same root as `merkleRoot`, built while the leaves stream in, holding one pending node per level (O(log n)
 * memory): a digest of a city's backlog covers millions of entries, which do not fit in memory as a list.
 * Level by level, `merkleRoot` pairs neighbours and pairs an odd last node with itself; here a node waits at its
 * level for its right neighbour, and at the end each level's waiting node is that level's odd last node.
 */
export class MerkleBuilder {
  private readonly pending: (string | null)[] = [];
  private count = 0;

  add(leaf: string): void {
    this.count++;
    let node = leaf;
    for (let level = 0; ; level++) {
      const left = this.pending[level] ?? null;
      if (left === null) {
        this.pending[level] = node;
        return;
      }
      this.pending[level] = null;
      node = sha256(left + node);
    }
  }

  root(): string {
    if (this.count === 0) return sha256('');
    let carry: string | null = null;
    for (let level = 0; level < this.pending.length; level++) {
      const here = this.pending[level] ?? null;
      const higher = this.pending.slice(level + 1).some((p) => p !== null);
      if (here !== null && carry !== null) carry = sha256(here + carry);
      else if (here !== null || carry !== null) {
        const only = (here ?? carry)!;
        if (!higher) return only;
        carry = sha256(only + only);
      }
    }
    return carry!;
  }
}

/** A digest links to the previous one: hash = SHA-256(previous hash | root | counts | snapshot). */
export const digestHash = (prevHash: string, root: string, transactions: number, accounts: number, snapshot: string) =>
  sha256(['wushe-digest-v1', prevHash, root, transactions, accounts, snapshot].join('|'));
