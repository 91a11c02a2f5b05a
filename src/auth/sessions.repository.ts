import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { SessionEndReason } from './auth.errors.js';
import { keysetPage, KeysetOrder, PageRequest, SqlWhere } from '../common/keyset-page.js';

export interface RefreshRow {
  id: string;
  person_id: string;
  family_id: string;
  token_hash: Buffer;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** Refresh tokens (stored hashed, rotated on use) and the failed-login throttle. */
@Injectable()
export class SessionsRepository {
  async insertRefresh(m: EntityManager, personId: string, familyId: string | null, hash: Buffer, ttlSeconds: number): Promise<string> {
    const rows = await m.query(
      `INSERT INTO refresh_tokens (person_id, family_id, token_hash, expires_at)
       VALUES ($1, coalesce($2::uuid, gen_random_uuid()), $3, now() + make_interval(secs => $4)) RETURNING id`,
      [personId, familyId, hash, ttlSeconds],
    );
    return rows[0].id;
  }

  async lockRefresh(m: EntityManager, id: string): Promise<RefreshRow | null> {
    const rows = await m.query(`SELECT * FROM refresh_tokens WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async markUsed(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
  }

  async revokeFamily(m: EntityManager, familyId: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }

  /**
   * Takes one of the window's attempts for a phone, or answers false when they are used up. Counting and
   * recording are one step under a per-phone lock, so that parallel guesses cannot all see the count below the
   * limit. The attempt counts as a failure until `clearFailures` (a correct password) removes it; rows older
   * than the window are dropped on the way.
   */
  async takeAttempt(m: EntityManager, key: Buffer, windowSeconds: number, maxFailures: number): Promise<boolean> {
    await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('login:' || encode($1::bytea, 'hex'), 0))`, [key]);
    await m.query(`DELETE FROM login_failures WHERE phone_key = $1 AND at <= now() - make_interval(secs => $2)`, [key, windowSeconds]);
    const rows = await m.query(`SELECT count(*)::int AS n FROM login_failures WHERE phone_key = $1`, [key]);
    if (rows[0].n >= maxFailures) return false;
    await m.query(`INSERT INTO login_failures (phone_key) VALUES ($1)`, [key]);
    return true;
  }

  async clearFailures(m: EntityManager, key: Buffer): Promise<void> {
    await m.query(`DELETE FROM login_failures WHERE phone_key = $1`, [key]);
  }
}

export interface SessionRow {
  id: string;
  person_id: string;
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  user_agent: string | null;
  /** created_at as PostgreSQL writes it (microseconds kept), for the cursor. */
  created_key?: string;
}

/** My sessions newest first; the cursor is (created_at, id). */
export const SESSION_ORDER: KeysetOrder = {
  keys: [
    { sql: 'created_at', type: 'timestamptz' },
    { sql: 'id', type: 'uuid' },
  ],
  direction: 'DESC',
};

/** Sessions (auth_sessions): one per login, the family of its rotated refresh tokens. */
@Injectable()
export class AuthSessionsRepository {
  async insert(m: EntityManager, personId: string, ttlSeconds: number, userAgent: string | null): Promise<string> {
    const rows = await m.query(
      `INSERT INTO auth_sessions (person_id, expires_at, user_agent) VALUES ($1, now() + make_interval(secs => $2), $3) RETURNING id`,
      [personId, ttlSeconds, userAgent],
    );
    return rows[0].id;
  }

  /** A refresh keeps the session going: it lives `ttlSeconds` from its last use. */
  async touch(m: EntityManager, id: string, ttlSeconds: number): Promise<void> {
    await m.query(`UPDATE auth_sessions SET last_used_at = now(), expires_at = now() + make_interval(secs => $2) WHERE id = $1`, [id, ttlSeconds]);
  }

  /** Whether the session is live for `personId` (not revoked, not expired). */
  async isLive(m: EntityManager, id: string, personId: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM auth_sessions WHERE id = $1 AND person_id = $2 AND revoked_at IS NULL AND expires_at > now()`, [id, personId]);
    return rows.length > 0;
  }

  /** A page of the person's live sessions, newest first (SESSION_ORDER). */
  async livePage(m: EntityManager, personId: string, page: PageRequest): Promise<{ rows: SessionRow[]; total: number }> {
    const where = new SqlWhere();
    where.and(`person_id = ${where.param(personId)}`).and('revoked_at IS NULL AND expires_at > now()');
    return keysetPage<SessionRow>(m, {
      select: 'id, person_id, created_at, created_at::text AS created_key, last_used_at, expires_at, user_agent',
      from: 'auth_sessions',
      where,
      order: SESSION_ORDER,
      page,
    });
  }

  /**
   * Revokes sessions (and their refresh tokens); returns the ids revoked. `ids` null = every live session of the person.
   */
  async revoke(m: EntityManager, personId: string, ids: string[] | null, reason: SessionEndReason): Promise<string[]> {
    const result = await m.query(
      `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = $3
        WHERE person_id = $1 AND revoked_at IS NULL AND ($2::uuid[] IS NULL OR id = ANY($2::uuid[])) RETURNING id`,
      [personId, ids, reason],
    );
    // TypeORM answers an UPDATE … RETURNING with [rows, affected].
    const rows: { id: string }[] = Array.isArray(result[0]) ? result[0] : result;
    const revoked = rows.map((r) => r.id);
    if (revoked.length) {
      await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = ANY($1::uuid[]) AND revoked_at IS NULL`, [revoked]);
    }
    return revoked;
  }
}
