import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The rest of the 五社 registry: volunteer numbers and teams 志愿服务队, social organizations with members,
 * social-worker profiles, charity funds and supermarkets with an append-only ledger of donations, and the
 * service resources list 服务资源清单.
 */
export class Registry1763856200000 implements MigrationInterface {
  name = 'Registry1763856200000';

  async up(q: QueryRunner): Promise<void> {
    // One counter per community so that volunteer numbers (V + community code + sequence) never repeat.
    await q.query(`
      CREATE TABLE volunteer_number_counters (
        community_id uuid PRIMARY KEY REFERENCES regions(id),
        last_value integer NOT NULL CHECK (last_value >= 0)
      )`);

    await q.query(
      `CREATE TYPE organization_category AS ENUM ('LIFE_SERVICE','PUBLIC_WELFARE','ASSISTANCE','MUTUAL_AID','CULTURE_SPORTS','MEDIATION','COMMUNITY_AFFAIRS','RURAL_REVITALIZATION')`,
    );
    await q.query(`CREATE TYPE organization_registration AS ENUM ('REGISTERED','FILED')`);
    await q.query(`CREATE TYPE organization_status AS ENUM ('PENDING','APPROVED','REJECTED','SUSPENDED')`);
    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
        credit_code char(18) NOT NULL UNIQUE CHECK (credit_code ~ '^[0-9ABCDEFGHJKLMNPQRTUWXY]{18}$'),
        category organization_category NOT NULL,
        registration organization_registration NOT NULL,
        region_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        status organization_status NOT NULL DEFAULT 'PENDING',
        description text CHECK (length(description) <= 1000),
        address text CHECK (length(address) <= 200),
        registered_by uuid NOT NULL REFERENCES persons(id),
        reviewed_by uuid REFERENCES persons(id),
        reviewed_at timestamptz,
        status_reason text CHECK (length(status_reason) <= 200),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organizations_path_gist ON organizations USING gist (path)`);
    await q.query(`CREATE INDEX organizations_created_idx ON organizations (created_at DESC, id DESC)`);
    await q.query(`
      CREATE TABLE organization_members (
        organization_id uuid NOT NULL REFERENCES organizations(id),
        person_id uuid NOT NULL REFERENCES persons(id),
        is_admin boolean NOT NULL DEFAULT false,
        added_by uuid NOT NULL REFERENCES persons(id),
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organization_id, person_id)
      )`);
    await q.query(`CREATE INDEX organization_members_person_idx ON organization_members (person_id)`);
    await q.query(`ALTER TABLE role_grants ADD CONSTRAINT role_grants_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations(id)`);

    await q.query(`
      CREATE TABLE volunteer_teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 50),
        community_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        organization_id uuid REFERENCES organizations(id),
        created_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (community_id, name)
      )`);
    await q.query(`CREATE INDEX volunteer_teams_path_gist ON volunteer_teams USING gist (path)`);
    await q.query(`
      CREATE TABLE volunteer_team_members (
        team_id uuid NOT NULL REFERENCES volunteer_teams(id),
        volunteer_id uuid NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
        is_leader boolean NOT NULL DEFAULT false,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (team_id, volunteer_id)
      )`);
    await q.query(`CREATE INDEX volunteer_team_members_volunteer_idx ON volunteer_team_members (volunteer_id)`);
    await q.query(`CREATE INDEX volunteers_created_idx ON volunteers (created_at DESC, id DESC)`);

    await q.query(`CREATE TYPE social_worker_level AS ENUM ('ASSISTANT','INTERMEDIATE','SENIOR')`);
    await q.query(`
      CREATE TABLE social_workers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL UNIQUE REFERENCES persons(id),
        level social_worker_level NOT NULL,
        certificate_no text NOT NULL UNIQUE CHECK (certificate_no ~ '^[A-Z0-9-]{6,30}$'),
        station_id uuid NOT NULL REFERENCES stations(id),
        created_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX social_workers_station_idx ON social_workers (station_id)`);

    // 慈善: funds 社区慈善基金 and supermarkets 慈善超市/慈善小屋; their holdings are only ever derived from entries.
    await q.query(`CREATE TYPE charity_kind AS ENUM ('FUND','SUPERMARKET')`);
    await q.query(`
      CREATE TABLE charities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind charity_kind NOT NULL,
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
        region_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        address text CHECK (length(address) <= 200),
        created_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (region_id, name)
      )`);
    await q.query(`CREATE INDEX charities_path_gist ON charities USING gist (path)`);
    await q.query(`CREATE TYPE charity_entry_kind AS ENUM ('MONEY_DONATION','GOODS_DONATION','GRANT','REVERSAL')`);
    // Money in integer fen (bigint), goods in integer units: no floating point anywhere in the ledger.
    await q.query(`
      CREATE TABLE charity_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        charity_id uuid NOT NULL REFERENCES charities(id),
        kind charity_entry_kind NOT NULL,
        amount_fen bigint NOT NULL DEFAULT 0,
        item_name text CHECK (length(item_name) BETWEEN 1 AND 50),
        item_unit text CHECK (length(item_unit) BETWEEN 1 AND 10),
        quantity integer NOT NULL DEFAULT 0,
        value_fen bigint NOT NULL DEFAULT 0,
        donor_name text CHECK (length(donor_name) BETWEEN 1 AND 100),
        donor_person_id uuid REFERENCES persons(id),
        donor_organization_id uuid REFERENCES organizations(id),
        anonymous boolean NOT NULL DEFAULT false,
        purpose text CHECK (length(purpose) <= 200),
        receipt_no text CHECK (length(receipt_no) BETWEEN 1 AND 40),
        -- grants (later): what the money or goods went to
        target_type text CHECK (target_type IN ('NEED','PROJECT')),
        target_id uuid,
        reverses_entry_id uuid UNIQUE REFERENCES charity_entries(id),
        reason text CHECK (length(reason) <= 200),
        recorded_by uuid NOT NULL REFERENCES persons(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (charity_id, receipt_no),
        CHECK ((kind = 'REVERSAL') = (reverses_entry_id IS NOT NULL)),
        CHECK (kind <> 'MONEY_DONATION' OR (amount_fen > 0 AND quantity = 0 AND item_name IS NULL AND receipt_no IS NOT NULL AND donor_name IS NOT NULL)),
        CHECK (kind <> 'GOODS_DONATION' OR (amount_fen = 0 AND quantity > 0 AND item_name IS NOT NULL AND item_unit IS NOT NULL AND value_fen >= 0 AND receipt_no IS NOT NULL AND donor_name IS NOT NULL)),
        CHECK (kind <> 'GRANT' OR (amount_fen <= 0 AND quantity <= 0 AND target_type IS NOT NULL AND target_id IS NOT NULL)),
        CHECK ((item_name IS NULL) = (item_unit IS NULL))
      )`);
    await q.query(`CREATE INDEX charity_entries_charity_idx ON charity_entries (charity_id, seq DESC)`);
    await q.query(`
      CREATE FUNCTION charity_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'charity_entries is append-only; record a reversal instead';
      END $$`);
    await q.query(`
      CREATE TRIGGER charity_entries_no_change BEFORE UPDATE OR DELETE ON charity_entries
        FOR EACH ROW EXECUTE FUNCTION charity_entries_append_only()`);

    // 服务资源清单 (docs/design.md §4).
    await q.query(`CREATE TYPE resource_kind AS ENUM ('SERVICE','VENUE','GOODS','FUNDS')`);
    await q.query(`CREATE TYPE resource_provider AS ENUM ('VOLUNTEER','TEAM','ORGANIZATION','CHARITY','RESIDENT_UNIT')`);
    await q.query(`
      CREATE TABLE resources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
        kind resource_kind NOT NULL,
        categories text[] NOT NULL CHECK (cardinality(categories) BETWEEN 1 AND 5),
        description text CHECK (length(description) <= 1000),
        capacity integer CHECK (capacity > 0),
        capacity_unit text CHECK (length(capacity_unit) BETWEEN 1 AND 10),
        availability_note text CHECK (length(availability_note) <= 200),
        region_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        provider resource_provider NOT NULL,
        volunteer_id uuid REFERENCES volunteers(id),
        team_id uuid REFERENCES volunteer_teams(id),
        organization_id uuid REFERENCES organizations(id),
        charity_id uuid REFERENCES charities(id),
        unit_name text CHECK (length(unit_name) BETWEEN 2 AND 100),
        active boolean NOT NULL DEFAULT true,
        created_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((provider = 'VOLUNTEER') = (volunteer_id IS NOT NULL)),
        CHECK ((provider = 'TEAM') = (team_id IS NOT NULL)),
        CHECK ((provider = 'ORGANIZATION') = (organization_id IS NOT NULL)),
        CHECK ((provider = 'CHARITY') = (charity_id IS NOT NULL)),
        CHECK ((provider = 'RESIDENT_UNIT') = (unit_name IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX resources_path_gist ON resources USING gist (path)`);
    await q.query(`CREATE INDEX resources_categories_gin ON resources USING gin (categories)`);
    await q.query(`
      CREATE TABLE resource_availability (
        resource_id uuid NOT NULL REFERENCES resources(id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
        CHECK (end_minute > start_minute),
        PRIMARY KEY (resource_id, weekday, start_minute)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource_availability`);
    await q.query(`DROP TABLE resources`);
    await q.query(`DROP TYPE resource_provider`);
    await q.query(`DROP TYPE resource_kind`);
    await q.query(`DROP TABLE charity_entries`);
    await q.query(`DROP FUNCTION charity_entries_append_only()`);
    await q.query(`DROP TYPE charity_entry_kind`);
    await q.query(`DROP TABLE charities`);
    await q.query(`DROP TYPE charity_kind`);
    await q.query(`DROP TABLE social_workers`);
    await q.query(`DROP TYPE social_worker_level`);
    await q.query(`DROP INDEX volunteers_created_idx`);
    await q.query(`DROP TABLE volunteer_team_members`);
    await q.query(`DROP TABLE volunteer_teams`);
    await q.query(`ALTER TABLE role_grants DROP CONSTRAINT role_grants_organization_fk`);
    await q.query(`DROP TABLE organization_members`);
    await q.query(`DROP TABLE organizations`);
    await q.query(`DROP TYPE organization_status`);
    await q.query(`DROP TYPE organization_registration`);
    await q.query(`DROP TYPE organization_category`);
    await q.query(`DROP TABLE volunteer_number_counters`);
  }
}
