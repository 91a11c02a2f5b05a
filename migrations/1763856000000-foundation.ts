import { MigrationInterface, QueryRunner } from 'typeorm';

/** Regions (ltree), people, role grants in a scope, sessions, login throttling, personal-data access log. */
export class Foundation1763856000000 implements MigrationInterface {
  name = 'Foundation1763856000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS ltree`);
    await q.query(`CREATE TYPE region_level AS ENUM ('PROVINCE','CITY','DISTRICT','STREET','COMMUNITY','GRID')`);
    await q.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(24) NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Za-z_]+$'),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        level region_level NOT NULL,
        parent_id uuid REFERENCES regions(id),
        path ltree NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((parent_id IS NULL) = (nlevel(path) = 1))
      )`);
    await q.query(`CREATE INDEX regions_path_gist ON regions USING gist (path)`);
    await q.query(`CREATE INDEX regions_parent_idx ON regions (parent_id)`);

    // 社工站 at street level, 社工室 and 志愿服务站点 at community level.
    await q.query(`CREATE TYPE station_kind AS ENUM ('SOCIAL_WORK_STATION','SOCIAL_WORK_ROOM','VOLUNTEER_STATION')`);
    await q.query(`
      CREATE TABLE stations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind station_kind NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        region_id uuid NOT NULL REFERENCES regions(id),
        address text,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_id, kind, name)
      )`);

    await q.query(`
      CREATE TABLE persons (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
        phone varchar(11) NOT NULL UNIQUE CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        password_hash text,
        id_number_cipher bytea,
        id_number_hash bytea UNIQUE,
        birth_date date,
        address text CHECK (length(address) <= 200),
        grid_id uuid REFERENCES regions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((id_number_cipher IS NULL) = (id_number_hash IS NULL))
      )`);
    await q.query(`CREATE INDEX persons_grid_idx ON persons (grid_id)`);

    await q.query(
      `CREATE TYPE role AS ENUM ('RESIDENT','VOLUNTEER','GRID_WORKER','COMMUNITY_WORKER','SOCIAL_WORKER','ORG_ADMIN','CHARITY_ADMIN','STREET_ADMIN','SYSTEM_ADMIN')`,
    );
    await q.query(`
      CREATE TABLE role_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        role role NOT NULL,
        region_id uuid REFERENCES regions(id),
        organization_id uuid,
        granted_by uuid REFERENCES persons(id),
        granted_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK (region_id IS NOT NULL OR role = 'SYSTEM_ADMIN')
      )`);
    await q.query(`
      CREATE UNIQUE INDEX role_grants_active_uniq ON role_grants
        (person_id, role, coalesce(region_id, '00000000-0000-0000-0000-000000000000'::uuid),
         coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid))
        WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX role_grants_region_idx ON role_grants (region_id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        family_id uuid NOT NULL,
        token_hash bytea NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_person_idx ON refresh_tokens (person_id)`);

    // Keyed by an HMAC of the phone, so that the throttle table holds no phone numbers.
    await q.query(`
      CREATE TABLE login_failures (
        id bigserial PRIMARY KEY,
        phone_key bytea NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_failures_key_at_idx ON login_failures (phone_key, at)`);

    await q.query(`
      CREATE TABLE pii_access_log (
        id bigserial PRIMARY KEY,
        viewer_id uuid NOT NULL REFERENCES persons(id),
        subject_id uuid NOT NULL REFERENCES persons(id),
        field text NOT NULL,
        purpose text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX pii_access_log_subject_idx ON pii_access_log (subject_id, at DESC)`);
    await q.query(`CREATE INDEX pii_access_log_viewer_idx ON pii_access_log (viewer_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE pii_access_log`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE role_grants`);
    await q.query(`DROP TYPE role`);
    await q.query(`DROP TABLE persons`);
    await q.query(`DROP TABLE stations`);
    await q.query(`DROP TYPE station_kind`);
    await q.query(`DROP TABLE regions`);
    await q.query(`DROP TYPE region_level`);
  }
}
