import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Everyday use (docs/everyday.md): recurring needs (need_series, each occurrence an ordinary need unique per
 * (series, occurrence date)), messages on a need, and goods handed out by a charity supermarket to a person
 * (a GRANT entry with a recipient and an idempotency key).
 */
export class Everyday1796600000000 implements MigrationInterface {
  name = 'Everyday1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE need_series (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
        weekdays integer[] NOT NULL DEFAULT '{}',
        every_days integer CHECK (every_days BETWEEN 1 AND 365),
        until timestamptz,
        occurrence_count integer CHECK (occurrence_count BETWEEN 1 AND 400),
        first_start timestamptz NOT NULL,
        window_minutes integer NOT NULL CHECK (window_minutes > 0),
        template jsonb NOT NULL,
        publish boolean NOT NULL DEFAULT false,
        beneficiary_id uuid NOT NULL REFERENCES persons(id),
        posted_by uuid NOT NULL REFERENCES persons(id),
        grid_path ltree NOT NULL,
        claimant_volunteer_id uuid REFERENCES volunteers(id),
        pauses jsonb NOT NULL DEFAULT '[]',
        ended_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((every_days IS NULL) <> (cardinality(weekdays) = 0))
      )`);
    await q.query(`CREATE INDEX need_series_active_idx ON need_series (status) WHERE status <> 'ENDED'`);
    await q.query(`ALTER TABLE needs ADD COLUMN series_id uuid REFERENCES need_series(id), ADD COLUMN occurrence_date date`);
    await q.query(`ALTER TABLE needs ADD CONSTRAINT needs_series_occurrence CHECK ((series_id IS NULL) = (occurrence_date IS NULL))`);
    await q.query(`CREATE UNIQUE INDEX needs_series_occurrence_uq ON needs (series_id, occurrence_date) WHERE series_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE need_messages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigserial NOT NULL UNIQUE,
        need_id uuid NOT NULL REFERENCES needs(id),
        author_id uuid NOT NULL REFERENCES persons(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX need_messages_need_idx ON need_messages (need_id, seq)`);
    await q.query(
      `ALTER TABLE needs ADD COLUMN checkin_distance_m integer CHECK (checkin_distance_m >= 0), ADD COLUMN checkout_distance_m integer CHECK (checkout_distance_m >= 0)`,
    );
    await q.query(
      `ALTER TABLE charity_entries ADD COLUMN recipient_person_id uuid REFERENCES persons(id), ADD COLUMN idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 100)`,
    );
    await q.query(`CREATE UNIQUE INDEX charity_entries_idempotency_uq ON charity_entries (charity_id, idempotency_key) WHERE idempotency_key IS NOT NULL`);
    await q.query(`CREATE INDEX charity_entries_recipient_idx ON charity_entries (recipient_person_id) WHERE recipient_person_id IS NOT NULL`);
    await q.query(`ALTER TABLE charity_entries DROP CONSTRAINT charity_entries_target_type_check`);
    await q.query(`ALTER TABLE charity_entries ADD CONSTRAINT charity_entries_target_type_check CHECK (target_type IN ('NEED', 'PROJECT', 'PERSON'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE charity_entries DROP CONSTRAINT charity_entries_target_type_check`);
    await q.query(`ALTER TABLE charity_entries DISABLE TRIGGER charity_entries_no_change`);
    await q.query(`DELETE FROM charity_entries WHERE target_type = 'PERSON'`);
    await q.query(`ALTER TABLE charity_entries ENABLE TRIGGER charity_entries_no_change`);
    await q.query(`ALTER TABLE charity_entries ADD CONSTRAINT charity_entries_target_type_check CHECK (target_type IN ('NEED', 'PROJECT'))`);
    await q.query(`DROP INDEX charity_entries_recipient_idx`);
    await q.query(`DROP INDEX charity_entries_idempotency_uq`);
    await q.query(`ALTER TABLE charity_entries DROP COLUMN idempotency_key, DROP COLUMN recipient_person_id`);
    await q.query(`ALTER TABLE needs DROP COLUMN checkout_distance_m, DROP COLUMN checkin_distance_m`);
    await q.query(`DROP TABLE need_messages`);
    await q.query(`DROP INDEX needs_series_occurrence_uq`);
    await q.query(`ALTER TABLE needs DROP CONSTRAINT needs_series_occurrence`);
    await q.query(`ALTER TABLE needs DROP COLUMN occurrence_date, DROP COLUMN series_id`);
    await q.query(`DROP TABLE need_series`);
  }
}
