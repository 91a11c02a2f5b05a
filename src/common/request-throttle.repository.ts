import { EntityManager } from 'typeorm';

/**
 * The SQL of `request_throttle` (attempts counted per bucket and key, docs/security.md). Plain functions rather than a
 * provider: the auth and people modules both count attempts here, each through its own repository or service.
 */

/**
 * Takes one of `max` attempts per window for (bucket, key), or answers false. Counting and recording are one step
 * under a per-key advisory lock, so parallel requests cannot all slip under the limit. The key is an HMAC (never a
 * phone, address or person id in clear). Callers run it in a transaction of its own, so that the attempt stays
 * counted when the request then fails.
 */
export async function takeThrottle(m: EntityManager, bucket: string, key: Buffer, windowSeconds: number, max: number): Promise<boolean> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || encode($2::bytea, 'hex'), 0))`, [bucket, key]);
  await m.query(`DELETE FROM request_throttle WHERE bucket = $1 AND key = $2 AND at <= now() - make_interval(secs => $3)`, [bucket, key, windowSeconds]);
  const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM request_throttle WHERE bucket = $1 AND key = $2`, [bucket, key]);
  if (n >= max) return false;
  await m.query(`INSERT INTO request_throttle (bucket, key) VALUES ($1, $2)`, [bucket, key]);
  return true;
}

/** Whether (bucket, key) has used up its `max` attempts in the window, without taking one. */
export async function throttleSpent(m: EntityManager, bucket: string, key: Buffer, windowSeconds: number, max: number): Promise<boolean> {
  const [{ n }]: { n: number }[] = await m.query(
    `SELECT count(*)::int AS n FROM request_throttle WHERE bucket = $1 AND key = $2 AND at > now() - make_interval(secs => $3)`,
    [bucket, key, windowSeconds],
  );
  return n >= max;
}

/** Deletes the attempts older than `olderThanSeconds` (longer than any window, so that no count changes); answers how many. */
export async function purgeThrottle(m: EntityManager, olderThanSeconds: number): Promise<number> {
  const rows: unknown[] = await m.query(`DELETE FROM request_throttle WHERE at <= now() - make_interval(secs => $1) RETURNING 1`, [olderThanSeconds]);
  return rows.length;
}
