import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions that end (docs/security.md): one row per login; access tokens carry its id and are refused once it is
 * revoked (logout, password change, logoutEverywhere). A session is the family of its rotated refresh tokens,
 * so existing families become sessions. Phone verification: one-time codes stored hashed, keyed by an HMAC of
 * the phone (no phone numbers in these tables), and a throttle table keyed the same way for phones and addresses.
 */
export class SessionsPhoneVerification1796400000000 implements MigrationInterface {
  name = 'SessionsPhoneVerification1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text,
        user_agent text
      )`);
    await q.query(`CREATE INDEX auth_sessions_person_idx ON auth_sessions (person_id, created_at DESC)`);
    await q.query(`
      INSERT INTO auth_sessions (id, person_id, created_at, last_used_at, expires_at, revoked_at)
      SELECT family_id, min(person_id::text)::uuid, min(issued_at), max(issued_at), max(expires_at),
             CASE WHEN bool_and(revoked_at IS NOT NULL) THEN max(revoked_at) END
        FROM refresh_tokens GROUP BY family_id`);
    await q.query(`ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session_fk FOREIGN KEY (family_id) REFERENCES auth_sessions(id)`);

    await q.query(`
      CREATE TABLE phone_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        phone_key bytea NOT NULL,
        purpose text NOT NULL CHECK (purpose IN ('REGISTER', 'SET_PASSWORD')),
        code_hash bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        consumed_at timestamptz
      )`);
    await q.query(`CREATE INDEX phone_codes_key_idx ON phone_codes (phone_key, purpose, created_at DESC)`);
    await q.query(`
      CREATE TABLE request_throttle (
        id bigserial PRIMARY KEY,
        bucket text NOT NULL,
        key bytea NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX request_throttle_key_at_idx ON request_throttle (bucket, key, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE request_throttle`);
    await q.query(`DROP TABLE phone_codes`);
    await q.query(`ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session_fk`);
    await q.query(`DROP TABLE auth_sessions`);
  }
}
