import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Needs 居民需求 and the order-dispatch-claim loop (docs/design.md §4, §5, §9): the need with its deadlines and
 * service facts, its history, review items (low ratings, deadline callbacks) and per-region deadline policies.
 */
export class Needs1763856300000 implements MigrationInterface {
  name = 'Needs1763856300000';

  async up(q: QueryRunner): Promise<void> {
    // btree_gist lets one exclusion constraint say "a volunteer never holds two needs whose windows overlap".
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(
      `CREATE TYPE need_status AS ENUM ('SUBMITTED','ACCEPTED','OPEN','CLAIMED','IN_SERVICE','COMPLETED','CONFIRMED','CLOSED','REJECTED','CANCELLED')`,
    );
    await q.query(`CREATE TYPE need_urgency AS ENUM ('NORMAL','URGENT','EMERGENCY')`);
    await q.query(`
      CREATE TABLE needs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
        description text CHECK (length(description) <= 2000),
        category text NOT NULL CHECK (category IN ('ELDERLY_CARE','DISABILITY_SUPPORT','MEAL_ASSISTANCE','CHILD_CARE','MEDICAL_ESCORT','HOUSEKEEPING','REPAIR','PSYCHOLOGICAL','LEGAL_AID','EMPLOYMENT','EDUCATION','CULTURE_SPORTS','EMERGENCY_RELIEF','OTHER')),
        urgency need_urgency NOT NULL DEFAULT 'NORMAL',
        status need_status NOT NULL DEFAULT 'SUBMITTED',
        beneficiary_id uuid NOT NULL REFERENCES persons(id),
        posted_by uuid NOT NULL REFERENCES persons(id),
        grid_id uuid NOT NULL REFERENCES regions(id),
        grid_path ltree NOT NULL,
        address text CHECK (length(address) <= 200),
        latitude double precision CHECK (latitude BETWEEN -90 AND 90),
        longitude double precision CHECK (longitude BETWEEN -180 AND 180),
        window_start timestamptz NOT NULL,
        window_end timestamptz NOT NULL,
        estimated_minutes integer NOT NULL CHECK (estimated_minutes BETWEEN 15 AND 720),
        required_skills text[] NOT NULL DEFAULT '{}',
        prefer_party_member boolean NOT NULL DEFAULT false,
        home_entry boolean NOT NULL DEFAULT false,
        requires_vetting boolean NOT NULL DEFAULT false,
        accept_deadline timestamptz NOT NULL,
        claim_deadline timestamptz NOT NULL,
        accepted_by uuid REFERENCES persons(id),
        accepted_at timestamptz,
        published_at timestamptz,
        accept_breached_at timestamptz,
        claim_breached_at timestamptz,
        escalated_at timestamptz,
        escalated_to uuid REFERENCES regions(id),
        escalation_count integer NOT NULL DEFAULT 0,
        claimed_by uuid REFERENCES volunteers(id),
        claimed_at timestamptz,
        dispatched_by uuid REFERENCES persons(id),
        dispatch_override_reason text,
        started_at timestamptz,
        completed_at timestamptz,
        service_minutes integer CHECK (service_minutes BETWEEN 1 AND 1440),
        completion_note text CHECK (length(completion_note) <= 500),
        auto_confirm_at timestamptz,
        disputed_at timestamptz,
        dispute_reason text,
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES persons(id),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        rating_comment text CHECK (length(rating_comment) <= 500),
        rating_tags text[] NOT NULL DEFAULT '{}',
        closed_at timestamptz,
        status_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (window_end > window_start),
        CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CHECK (status NOT IN ('CLAIMED','IN_SERVICE','COMPLETED','CONFIRMED','CLOSED') OR claimed_by IS NOT NULL),
        EXCLUDE USING gist (claimed_by WITH =, tstzrange(window_start, window_end) WITH &&) WHERE (status IN ('CLAIMED','IN_SERVICE'))
      )`);
    await q.query(`CREATE INDEX needs_grid_path_gist ON needs USING gist (grid_path)`);
    await q.query(`CREATE INDEX needs_status_created_idx ON needs (status, created_at DESC, id)`);
    await q.query(`CREATE INDEX needs_created_idx ON needs (created_at DESC, id)`);
    await q.query(`CREATE INDEX needs_beneficiary_idx ON needs (beneficiary_id)`);
    await q.query(`CREATE INDEX needs_posted_by_idx ON needs (posted_by)`);
    await q.query(`CREATE INDEX needs_claimed_by_idx ON needs (claimed_by, status)`);
    // What the scheduler scans: only rows that can still breach or auto-confirm.
    await q.query(`CREATE INDEX needs_accept_due_idx ON needs (accept_deadline) WHERE status = 'SUBMITTED' AND accept_breached_at IS NULL`);
    await q.query(`CREATE INDEX needs_claim_due_idx ON needs (claim_deadline) WHERE status IN ('SUBMITTED','ACCEPTED','OPEN') AND claim_breached_at IS NULL`);
    await q.query(`CREATE INDEX needs_auto_confirm_idx ON needs (auto_confirm_at) WHERE status = 'COMPLETED' AND disputed_at IS NULL`);
    // Candidate search by distance: a bounding box on volunteers' coordinates.
    await q.query(`CREATE INDEX volunteers_lat_lng_idx ON volunteers (latitude, longitude) WHERE status = 'APPROVED'`);

    await q.query(`
      CREATE TABLE need_events (
        id bigserial PRIMARY KEY,
        need_id uuid NOT NULL REFERENCES needs(id),
        action text NOT NULL,
        from_status need_status,
        to_status need_status NOT NULL,
        actor_id uuid REFERENCES persons(id),
        reason text CHECK (length(reason) <= 500),
        data jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX need_events_need_idx ON need_events (need_id, id)`);

    await q.query(`
      CREATE TABLE need_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        need_id uuid NOT NULL REFERENCES needs(id),
        kind text NOT NULL CHECK (kind IN ('LOW_RATING','DEADLINE_CALLBACK')),
        region_id uuid NOT NULL REFERENCES regions(id),
        region_path ltree NOT NULL,
        rating smallint,
        note text,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RESOLVED')),
        resolution text CHECK (length(resolution) <= 1000),
        resolved_by uuid REFERENCES persons(id),
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX need_reviews_path_gist ON need_reviews USING gist (region_path)`);
    await q.query(`CREATE INDEX need_reviews_need_idx ON need_reviews (need_id)`);

    await q.query(`
      CREATE TABLE need_deadline_policies (
        region_id uuid NOT NULL REFERENCES regions(id),
        urgency need_urgency NOT NULL,
        accept_minutes integer NOT NULL CHECK (accept_minutes BETWEEN 5 AND 43200),
        claim_minutes integer NOT NULL CHECK (claim_minutes BETWEEN 5 AND 43200),
        updated_by uuid REFERENCES persons(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, urgency)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE need_deadline_policies`);
    await q.query(`DROP TABLE need_reviews`);
    await q.query(`DROP TABLE need_events`);
    await q.query(`DROP INDEX volunteers_lat_lng_idx`);
    await q.query(`DROP TABLE needs`);
    await q.query(`DROP TYPE need_urgency`);
    await q.query(`DROP TYPE need_status`);
  }
}
