import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Projects 民生项目, the third list (docs/projects.md): projects with their funding lines, indicators, linked
 * resources and history; consultations 议事协商; applications 承接申请; activities with volunteer sign-ups;
 * disbursements by milestone (idempotent by key); evaluations; and the evaluator grants of third-party
 * evaluator organizations.
 */
export class Projects1796200000000 implements MigrationInterface {
  name = 'Projects1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE consultations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        topic text NOT NULL CHECK (length(topic) BETWEEN 2 AND 200),
        held_at timestamptz NOT NULL,
        participants integer NOT NULL CHECK (participants BETWEEN 1 AND 10000),
        decisions text NOT NULL CHECK (length(decisions) BETWEEN 2 AND 2000),
        need_ids uuid[] NOT NULL DEFAULT '{}',
        recorded_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consultations_path_gist ON consultations USING gist (path)`);
    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
        category text NOT NULL,
        description text NOT NULL CHECK (length(description) BETWEEN 2 AND 4000),
        target_groups text[] NOT NULL DEFAULT '{}',
        region_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        starts_on timestamptz NOT NULL,
        ends_on timestamptz NOT NULL CHECK (ends_on > starts_on),
        budget_fen bigint NOT NULL CHECK (budget_fen > 0),
        status text NOT NULL DEFAULT 'PROPOSED'
          CHECK (status IN ('PROPOSED','APPROVED','PUBLISHED','UNDERTAKEN','RUNNING','EVALUATED','CLOSED','REJECTED','CANCELLED','SUSPENDED')),
        status_reason text CHECK (length(status_reason) <= 500),
        apply_by timestamptz,
        organization_id uuid REFERENCES organizations(id),
        consultation_id uuid REFERENCES consultations(id),
        proposed_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX projects_path_gist ON projects USING gist (path)`);
    await q.query(`CREATE INDEX projects_created_idx ON projects (created_at DESC, id DESC)`);
    // Money in integer fen: what each line reserved, released and paid out never passes its amount.
    await q.query(`
      CREATE TABLE project_funding_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        position smallint NOT NULL,
        source text NOT NULL CHECK (source IN ('GOVERNMENT_PURCHASE','CHARITY_FUND','SELF_RAISED')),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        charity_id uuid REFERENCES charities(id),
        reserved_fen bigint NOT NULL DEFAULT 0,
        released_fen bigint NOT NULL DEFAULT 0,
        disbursed_fen bigint NOT NULL DEFAULT 0,
        UNIQUE (project_id, position),
        CHECK ((source = 'CHARITY_FUND') = (charity_id IS NOT NULL)),
        CHECK (reserved_fen BETWEEN 0 AND amount_fen),
        CHECK (released_fen >= 0 AND disbursed_fen >= 0 AND released_fen + disbursed_fen <= reserved_fen)
      )`);
    await q.query(`
      CREATE TABLE project_indicators (
        project_id uuid NOT NULL REFERENCES projects(id),
        metric text NOT NULL CHECK (metric IN ('SERVICE_MINUTES','PEOPLE_SERVED','NEEDS_FULFILLED','SESSIONS_HELD','VOLUNTEERS_ENGAGED','SATISFACTION_RATE')),
        target integer NOT NULL CHECK (target >= 0),
        PRIMARY KEY (project_id, metric)
      )`);
    await q.query(
      `CREATE TABLE project_resources (project_id uuid NOT NULL REFERENCES projects(id), resource_id uuid NOT NULL REFERENCES resources(id), PRIMARY KEY (project_id, resource_id))`,
    );
    await q.query(`
      CREATE TABLE project_events (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL REFERENCES projects(id),
        action text NOT NULL,
        from_status text NOT NULL,
        to_status text NOT NULL,
        actor_id uuid REFERENCES persons(id),
        reason text CHECK (length(reason) <= 500),
        data jsonb,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_events_project_idx ON project_events (project_id, id)`);
    await q.query(`
      CREATE TABLE project_applications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        plan text NOT NULL CHECK (length(plan) BETWEEN 2 AND 4000),
        quote_fen bigint NOT NULL CHECK (quote_fen > 0),
        team text CHECK (length(team) <= 500),
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED','WITHDRAWN','AWARDED','NOT_AWARDED')),
        decision_reason text CHECK (length(decision_reason) <= 500),
        applied_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        decided_at timestamptz
      )`);
    // One live application per organization and project.
    await q.query(`CREATE UNIQUE INDEX project_applications_live_uq ON project_applications (project_id, organization_id) WHERE status = 'SUBMITTED'`);
    await q.query(`CREATE INDEX project_applications_org_idx ON project_applications (organization_id)`);
    await q.query(`
      CREATE TABLE project_activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        title text NOT NULL CHECK (length(title) BETWEEN 2 AND 100),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL CHECK (ends_at > starts_at),
        address text NOT NULL CHECK (length(address) BETWEEN 2 AND 200),
        region_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        volunteer_slots integer NOT NULL CHECK (volunteer_slots BETWEEN 1 AND 500),
        required_skills text[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED','CONFIRMED','CANCELLED')),
        people_served integer CHECK (people_served >= 0),
        served_need_ids uuid[] NOT NULL DEFAULT '{}',
        surveyed integer NOT NULL DEFAULT 0 CHECK (surveyed >= 0),
        satisfied integer NOT NULL DEFAULT 0 CHECK (satisfied BETWEEN 0 AND surveyed),
        confirmed_by uuid REFERENCES persons(id),
        confirmed_at timestamptz,
        created_by uuid NOT NULL REFERENCES persons(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_activities_project_idx ON project_activities (project_id, starts_at)`);
    await q.query(`
      CREATE TABLE activity_signups (
        id bigserial PRIMARY KEY,
        activity_id uuid NOT NULL REFERENCES project_activities(id),
        volunteer_id uuid NOT NULL REFERENCES volunteers(id),
        status text NOT NULL CHECK (status IN ('SIGNED_UP','WAITLISTED','CANCELLED')),
        minutes integer CHECK (minutes BETWEEN 1 AND 1440),
        attended boolean NOT NULL DEFAULT false,
        signed_up_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (activity_id, volunteer_id)
      )`);
    await q.query(`CREATE INDEX activity_signups_volunteer_idx ON activity_signups (volunteer_id) WHERE status = 'SIGNED_UP'`);
    await q.query(`
      CREATE TABLE project_disbursements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
        milestone text NOT NULL CHECK (length(milestone) BETWEEN 1 AND 100),
        amount_fen bigint NOT NULL CHECK (amount_fen > 0),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        recorded_by uuid NOT NULL REFERENCES persons(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (project_id, idempotency_key)
      )`);
    await q.query(`
      CREATE TABLE project_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id),
        stage text NOT NULL CHECK (stage IN ('MIDTERM','FINAL')),
        scores jsonb NOT NULL,
        total_score numeric(5,2) NOT NULL CHECK (total_score BETWEEN 0 AND 100),
        conclusion text NOT NULL CHECK (length(conclusion) BETWEEN 2 AND 2000),
        indicators jsonb NOT NULL,
        evaluator_id uuid NOT NULL REFERENCES persons(id),
        evaluator_organization_id uuid REFERENCES organizations(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX project_evaluations_project_idx ON project_evaluations (project_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX project_evaluations_final_uq ON project_evaluations (project_id) WHERE stage = 'FINAL'`);
    // A street admin grants a third-party evaluator organization the right to evaluate projects under a region.
    await q.query(`
      CREATE TABLE project_evaluator_grants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organizations(id),
        region_id uuid NOT NULL REFERENCES regions(id),
        path ltree NOT NULL,
        granted_by uuid NOT NULL REFERENCES persons(id),
        granted_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, region_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'project_evaluator_grants',
      'project_evaluations',
      'project_disbursements',
      'activity_signups',
      'project_activities',
      'project_applications',
      'project_events',
      'project_resources',
      'project_indicators',
      'project_funding_lines',
      'projects',
      'consultations',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
