/**
 * Care visits 探访关爱 (docs/care-visits.md): the roster of special groups with consent, visit rules per region
 * (inherited from the nearest ancestor), monthly visit tasks (one row per enrolment, month and slot: the unique
 * key makes planning idempotent across instances), visit records, and follow-up items for the community.
 */
export class CareVisits1796300000000 {
    name = 'CareVisits1796300000000';
    async up(q) {
        await q.query(`CREATE TYPE care_group AS ENUM ('SPECIAL_HARDSHIP_ELDERLY','CHILD_IN_DIFFICULTY','LEFT_BEHIND_CHILD','DISABLED','LOW_INCOME')`);
        await q.query(`
      CREATE TABLE care_enrollments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES persons(id),
        care_group care_group NOT NULL,
        high_risk boolean NOT NULL DEFAULT false,
        -- the person's home grid when enrolled: scope of every roster check
        grid_id uuid NOT NULL REFERENCES regions(id),
        grid_path ltree NOT NULL,
        consent_by uuid NOT NULL REFERENCES persons(id),
        consent_at timestamptz NOT NULL,
        enrolled_by uuid NOT NULL REFERENCES persons(id),
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        paused_until timestamptz,
        pause_reason text,
        ended_at timestamptz,
        end_reason text,
        -- MOVED/DECEASED reported by a visitor: waits for staff to confirm with endCare
        end_reported_at timestamptz
      )`);
        await q.query(`CREATE UNIQUE INDEX care_enrollments_live_uq ON care_enrollments (person_id, care_group) WHERE ended_at IS NULL`);
        await q.query(`CREATE INDEX care_enrollments_grid_path ON care_enrollments USING gist (grid_path)`);
        await q.query(`
      CREATE TABLE care_enrollment_events (
        id bigserial PRIMARY KEY,
        enrollment_id uuid NOT NULL REFERENCES care_enrollments(id),
        action text NOT NULL,
        actor_id uuid REFERENCES persons(id),
        reason text,
        data jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX care_enrollment_events_enrollment ON care_enrollment_events (enrollment_id, id)`);
        await q.query(`
      CREATE TABLE visit_rules (
        region_id uuid NOT NULL REFERENCES regions(id),
        care_group care_group NOT NULL,
        high_risk boolean NOT NULL,
        visits_per_month int NOT NULL CHECK (visits_per_month BETWEEN 1 AND 31),
        modes text[] NOT NULL CHECK (cardinality(modes) > 0 AND modes <@ ARRAY['HOME','PHONE','VIDEO']),
        set_by uuid NOT NULL REFERENCES persons(id),
        set_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (region_id, care_group, high_risk)
      )`);
        await q.query(`
      CREATE TABLE visit_tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrollment_id uuid NOT NULL REFERENCES care_enrollments(id),
        person_id uuid NOT NULL REFERENCES persons(id),
        care_group care_group NOT NULL,
        month char(7) NOT NULL,
        slot int NOT NULL,
        earliest date NOT NULL,
        due date NOT NULL,
        last date NOT NULL,
        modes text[] NOT NULL,
        grid_id uuid NOT NULL REFERENCES regions(id),
        grid_path ltree NOT NULL,
        status text NOT NULL DEFAULT 'DUE' CHECK (status IN ('DUE','DONE','MISSED','CANCELLED')),
        assignee_id uuid REFERENCES persons(id),
        assigned_by uuid REFERENCES persons(id),
        attempts int NOT NULL DEFAULT 0,
        done_at timestamptz,
        missed_at timestamptz,
        -- the assignee was told once that the due day passed
        overdue_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (earliest <= due AND due <= last),
        UNIQUE (enrollment_id, month, slot)
      )`);
        await q.query(`CREATE INDEX visit_tasks_grid_path ON visit_tasks USING gist (grid_path)`);
        await q.query(`CREATE INDEX visit_tasks_assignee ON visit_tasks (assignee_id, status, due)`);
        await q.query(`CREATE INDEX visit_tasks_due_last ON visit_tasks (last) WHERE status = 'DUE'`);
        await q.query(`CREATE INDEX visit_tasks_month ON visit_tasks (month, care_group)`);
        await q.query(`
      CREATE TABLE visit_task_events (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES visit_tasks(id),
        action text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor_id uuid REFERENCES persons(id),
        reason text,
        data jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX visit_task_events_task ON visit_task_events (task_id, id)`);
        await q.query(`
      CREATE TABLE care_visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES visit_tasks(id),
        visitor_id uuid NOT NULL REFERENCES persons(id),
        visited_at timestamptz NOT NULL,
        mode text NOT NULL CHECK (mode IN ('HOME','PHONE','VIDEO')),
        outcome text NOT NULL CHECK (outcome IN ('WELL','CONCERN','NOT_HOME','HOSPITALIZED','MOVED','DECEASED')),
        -- whether the visit completed the task (the rule's modes and the outcome)
        counted boolean NOT NULL,
        minutes int NOT NULL CHECK (minutes BETWEEN 1 AND 480),
        findings text,
        risks text[] NOT NULL DEFAULT '{}',
        raised_need_id uuid REFERENCES needs(id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
        await q.query(`CREATE INDEX care_visits_task ON care_visits (task_id, visited_at)`);
        await q.query(`
      CREATE TABLE care_follow_ups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('CONCERN','MISSED_CALLBACK','END_CONFIRMATION')),
        task_id uuid NOT NULL REFERENCES visit_tasks(id),
        visit_id uuid REFERENCES care_visits(id),
        person_id uuid NOT NULL REFERENCES persons(id),
        region_id uuid NOT NULL REFERENCES regions(id),
        region_path ltree NOT NULL,
        note text NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','RESOLVED')),
        resolution text,
        resolved_by uuid REFERENCES persons(id),
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
        // One missed-visit callback per task, however many scheduler instances see it.
        await q.query(`CREATE UNIQUE INDEX care_follow_ups_missed_uq ON care_follow_ups (task_id) WHERE kind = 'MISSED_CALLBACK'`);
        await q.query(`CREATE INDEX care_follow_ups_region ON care_follow_ups USING gist (region_path)`);
    }
    async down(q) {
        await q.query(`DROP TABLE care_follow_ups`);
        await q.query(`DROP TABLE care_visits`);
        await q.query(`DROP TABLE visit_task_events`);
        await q.query(`DROP TABLE visit_tasks`);
        await q.query(`DROP TABLE visit_rules`);
        await q.query(`DROP TABLE care_enrollment_events`);
        await q.query(`DROP TABLE care_enrollments`);
        await q.query(`DROP TYPE care_group`);
    }
}
//# sourceMappingURL=1796300000000-care-visits.js.map