import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type CodePurpose = 'REGISTER' | 'SET_PASSWORD';

/** One-time codes (stored hashed, keyed by an HMAC of the phone) and the request throttle. */
@Injectable()
export class PhoneVerificationRepository {
  async insertCode(m: EntityManager, phoneKey: Buffer, purpose: CodePurpose, codeHash: Buffer, ttlSeconds: number): Promise<void> {
    // A new code replaces the ones before it.
    await m.query(`UPDATE phone_codes SET consumed_at = now() WHERE phone_key = $1 AND purpose = $2 AND consumed_at IS NULL`, [phoneKey, purpose]);
    await m.query(`INSERT INTO phone_codes (phone_key, purpose, code_hash, expires_at) VALUES ($1, $2, $3, now() + make_interval(secs => $4))`, [
      phoneKey,
      purpose,
      codeHash,
      ttlSeconds,
    ]);
  }

  async lockLatest(
    m: EntityManager,
    phoneKey: Buffer,
    purpose: CodePurpose,
  ): Promise<{ id: string; code_hash: Buffer; attempts: number; live: boolean } | null> {
    const rows = await m.query(
      `SELECT id, code_hash, attempts, (consumed_at IS NULL AND expires_at > now()) AS live FROM phone_codes
        WHERE phone_key = $1 AND purpose = $2 ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
      [phoneKey, purpose],
    );
    return rows[0] ?? null;
  }

  async countAttempt(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE phone_codes SET attempts = attempts + 1 WHERE id = $1`, [id]);
  }

  async consume(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE phone_codes SET consumed_at = now() WHERE id = $1`, [id]);
  }

  /**
   * Takes one of `max` requests per window for (bucket, key), or answers false. Counting and recording are one
   * step under a per-key advisory lock, so parallel requests cannot all slip under the limit.
   */
  async take(m: EntityManager, bucket: string, key: Buffer, windowSeconds: number, max: number): Promise<boolean> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || encode($2::bytea, 'hex'), 0))`, [bucket, key]);
    await m.query(`DELETE FROM request_throttle WHERE bucket = $1 AND key = $2 AND at <= now() - make_interval(secs => $3)`, [bucket, key, windowSeconds]);
    const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM request_throttle WHERE bucket = $1 AND key = $2`, [bucket, key]);
    if (n >= max) return false;
    await m.query(`INSERT INTO request_throttle (bucket, key) VALUES ($1, $2)`, [bucket, key]);
    return true;
  }
}
