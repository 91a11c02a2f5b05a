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
  const text = ['wushe-account-v1', a.id, a.kind, a.personId ?? '-', a.organizationId ?? '-', a.regionId, a.floor === null ? '-' : String(a.floor), String(a.donateOnlyOpening)].join('|');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** hash_n = SHA-256(hash_{n-1} ‖ canonical content_n), hex. */
export function chainHash(prevHash: string, c: JournalContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(c)).digest('hex');
}

/** Fingerprint of a mutation's input, to tell an idempotent replay from a reused key. */
export function requestHash(operation: string, input: Record<string, unknown>): string {
  const keys = Object.keys(input).sort();
  return createHash('sha256').update(JSON.stringify([operation, keys.map((k) => [k, input[k] ?? null])])).digest('hex');
}
