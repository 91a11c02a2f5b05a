import { EntityManager } from 'typeorm';

/**
 * Takes one of `max` attempts per window for (bucket, key) in `request_throttle`, or answers false. Counting and
 * recording are one step under a per-key advisory lock, so parallel requests cannot all slip under the limit. The
 * key is an HMAC (never a phone, address or person id in clear). Callers run it in a transaction of its own, so that
 * the attempt stays counted when the request then fails (docs/security.md).
 */
export async function takeThrottle(m: EntityManager, bucket: string, key: Buffer, windowSeconds: number, max: number): Promise<boolean> {
  await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || encode($2::bytea, 'hex'), 0))`, [bucket, key]);
  await m.query(`DELETE FROM request_throttle WHERE bucket = $1 AND key = $2 AND at <= now() - make_interval(secs => $3)`, [bucket, key, windowSeconds]);
  const [{ n }]: { n: number }[] = await m.query(`SELECT count(*)::int AS n FROM request_throttle WHERE bucket = $1 AND key = $2`, [bucket, key]);
  if (n >= max) return false;
  await m.query(`INSERT INTO request_throttle (bucket, key) VALUES ($1, $2)`, [bucket, key]);
  return true;
}
