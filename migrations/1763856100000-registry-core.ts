import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The core of the registry that matching, the dispatch loop and the time bank read: the seeded skill list,
 * volunteers with skills, service regions and weekly availability, their running statistics, relatives 亲属
 * and sensitive flags with consent.
 */
export class RegistryCore1763856100000 implements MigrationInterface {
  name = 'RegistryCore1763856100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skills (
        name text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 20),
        category text NOT NULL,
        sort smallint NOT NULL DEFAULT 0
      )`);
    const skills: [string, string][] = [
      ['助老陪护', '养老助老'],
      ['助餐送餐', '助餐'],
      ['助浴助洁', '养老助老'],
      ['代购代办', '养老助老'],
      ['助残服务', '助残'],
      ['儿童看护', '儿童关爱/托育'],
      ['课业辅导', '教育'],
      ['医疗护理', '医疗陪护'],
      ['就医陪诊', '医疗陪护'],
      ['康复理疗', '医疗陪护'],
      ['家政保洁', '家政保洁'],
      ['家电维修', '维修'],
      ['水电维修', '维修'],
      ['心理疏导', '心理疏导'],
      ['法律咨询', '法律援助'],
      ['就业指导', '就业'],
      ['文艺表演', '文体'],
      ['体育健身', '文体'],
      ['应急救护', '应急'],
      ['理发', '其他'],
      ['智能手机教学', '教育'],
      ['驾驶接送', '其他'],
    ];
    for (const [i, [name, category]] of skills.entries()) {
      await q.query(`INSERT INTO skills (name, category, sort) VALUES ($1, $2, $3)`, [name, category, i]);
    }

    await q.query(`CREATE TYPE volunteer_status AS ENUM ('PENDING','APPROVED','REJECTED','SUSPENDED')`);
    await q.query(`
      CREATE TABLE volunteers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL UNIQUE REFERENCES persons(id),
        community_id uuid NOT NULL REFERENCES regions(id),
        status volunteer_status NOT NULL DEFAULT 'PENDING',
        volunteer_no text UNIQUE,
        is_party_member boolean NOT NULL DEFAULT false,
        is_vetted boolean NOT NULL DEFAULT false,
        emergency_contact_name text CHECK (length(emergency_contact_name) <= 50),
        emergency_contact_phone varchar(11) CHECK (emergency_contact_phone ~ '^1[3-9][0-9]{9}$'),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        status_reason text,
        reviewed_by uuid REFERENCES persons(id),
        reviewed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((latitude IS NULL) = (longitude IS NULL))
      )`);
    await q.query(`CREATE INDEX volunteers_community_status_idx ON volunteers (community_id, status)`);

    await q.query(`
      CREATE TABLE volunteer_skills (
        volunteer_id uuid NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
        skill text NOT NULL REFERENCES skills(name),
        PRIMARY KEY (volunteer_id, skill)
      )`);
    await q.query(`CREATE INDEX volunteer_skills_skill_idx ON volunteer_skills (skill, volunteer_id)`);

    // The region path is copied here so that "volunteers serving this grid" is one GiST-indexed predicate.
    await q.query(`
      CREATE TABLE volunteer_regions (
        volunteer_id uuid NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
        region_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        PRIMARY KEY (volunteer_id, region_id)
      )`);
    await q.query(`CREATE INDEX volunteer_regions_path_gist ON volunteer_regions USING gist (path)`);

    // Weekly availability in local time (Asia/Shanghai): ISO weekday 1 = Monday … 7 = Sunday, minutes of the day.
    await q.query(`
      CREATE TABLE volunteer_availability (
        volunteer_id uuid NOT NULL REFERENCES volunteers(id) ON DELETE CASCADE,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
        end_minute smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
        CHECK (end_minute > start_minute),
        PRIMARY KEY (volunteer_id, weekday, start_minute)
      )`);

    // Kept by the dispatch loop (completions, no-shows, ratings) and the time bank (verified minutes).
    await q.query(`
      CREATE TABLE volunteer_stats (
        volunteer_id uuid PRIMARY KEY REFERENCES volunteers(id) ON DELETE CASCADE,
        completed_count integer NOT NULL DEFAULT 0 CHECK (completed_count >= 0),
        no_show_count integer NOT NULL DEFAULT 0 CHECK (no_show_count >= 0),
        withdraw_count integer NOT NULL DEFAULT 0 CHECK (withdraw_count >= 0),
        rating_sum integer NOT NULL DEFAULT 0 CHECK (rating_sum >= 0),
        rating_count integer NOT NULL DEFAULT 0 CHECK (rating_count >= 0),
        verified_minutes integer NOT NULL DEFAULT 0 CHECK (verified_minutes >= 0),
        last_served_at timestamptz
      )`);

    // 亲属: recorded by a community worker; the time bank allows transfers only between relatives.
    await q.query(`
      CREATE TABLE relatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        relative_id uuid NOT NULL REFERENCES persons(id),
        relation text NOT NULL CHECK (length(relation) BETWEEN 1 AND 20),
        recorded_by uuid NOT NULL REFERENCES persons(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        CHECK (person_id <> relative_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX relatives_active_uniq ON relatives (person_id, relative_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX relatives_relative_idx ON relatives (relative_id)`);

    await q.query(
      `CREATE TYPE person_flag AS ENUM ('ALONE_OR_EMPTY_NEST','INCAPACITATED','DISABILITY','SUBSISTENCE_ALLOWANCE','EXTREME_POVERTY','CHILD_IN_DIFFICULTY')`,
    );
    await q.query(`
      CREATE TABLE person_flags (
        person_id uuid NOT NULL REFERENCES persons(id),
        flag person_flag NOT NULL,
        consent_given_by uuid NOT NULL REFERENCES persons(id),
        consent_at timestamptz NOT NULL,
        recorded_by uuid NOT NULL REFERENCES persons(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, flag)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'person_flags',
      'relatives',
      'volunteer_stats',
      'volunteer_availability',
      'volunteer_regions',
      'volunteer_skills',
      'volunteers',
      'skills',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP TYPE person_flag`);
    await q.query(`DROP TYPE volunteer_status`);
  }
}
