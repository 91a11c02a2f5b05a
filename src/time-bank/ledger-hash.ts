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
  postings: { accountId: string; amount: number }[];
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * Canonical form: a JSON array in a fixed field order, postings sorted by account id, the time in ISO-8601 UTC
 * with milliseconds. Running balances are not part of it: `verifyLedger` recomputes them from the amounts.
 */
export function canonical(c: JournalContent): string {
  const postings = [...c.postings].sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0)).map((p) => [p.accountId, p.amount]);
  return JSON.stringify([
    'wushe-ledger-v1',
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

/** hash_n = SHA-256(hash_{n-1} ‖ canonical content_n), hex. */
export function chainHash(prevHash: string, c: JournalContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(c)).digest('hex');
}

/** Fingerprint of a mutation's input, to tell an idempotent replay from a reused key. */
export function requestHash(operation: string, input: Record<string, unknown>): string {
  const keys = Object.keys(input).sort();
  return createHash('sha256').update(JSON.stringify([operation, keys.map((k) => [k, input[k] ?? null])])).digest('hex');
}
