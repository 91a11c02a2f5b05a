import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { takeThrottle } from '../common/request-throttle.repository.js';

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

  /** One of `max` requests per window for (bucket, key), or false (src/common/request-throttle.repository.ts). */
  take(m: EntityManager, bucket: string, key: Buffer, windowSeconds: number, max: number): Promise<boolean> {
    return takeThrottle(m, bucket, key, windowSeconds, max);
  }
}
