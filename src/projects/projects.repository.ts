import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { HistoryEntry, TransitionStore } from '../common/state-machine.js';
import { scopePredicate, ScopePaths } from '../scope/actor.js';
import {
  ApplicationStatus,
  Consultation,
  EvaluationScore,
  EvaluationStage,
  FundingLine,
  FundingSource,
  PastEvaluation,
  Project,
  ProjectActivity,
  ProjectApplication,
  ProjectEvaluation,
  ProjectEvaluatorGrant,
  ProjectEvent,
  ProjectIndicator,
  ProjectMetric,
  SignupStatus,
} from './project.model.js';
import { ProjectAction, ProjectStatus } from './project-transitions.js';
import { NeedCategory } from '../needs/need.model.js';

/** What a transition may change besides the status (a typed patch, never raw columns from callers). */
export interface ProjectPatch {
  statusReason?: string | null;
  applyBy?: Date;
  organizationId?: string;
}

const PROJECT_COLUMNS = `p.id, p.title, p.status, p.category, p.description, p.target_groups, p.starts_on, p.ends_on, p.apply_by, p.budget_fen,
  p.status_reason, p.consultation_id, p.created_at, p.region_id, p.path::text AS path, p.organization_id, p.proposed_by,
  coalesce((SELECT sum(f.reserved_fen - f.released_fen - f.disbursed_fen) FROM project_funding_lines f WHERE f.project_id = p.id), 0) AS reserved_fen,
  coalesce((SELECT sum(f.disbursed_fen) FROM project_funding_lines f WHERE f.project_id = p.id), 0) AS disbursed_fen,
  ARRAY(SELECT n.grid_path::text FROM needs n WHERE n.project_id = p.id UNION SELECT a.path::text FROM project_activities a WHERE a.project_id = p.id) AS concerned_paths`;

/** A row of PROJECT_COLUMNS (bigint sums come back as text). */
interface ProjectRow {
  id: string;
  title: string;
  status: ProjectStatus;
  category: Project['category'];
  description: string;
  target_groups: string[];
  starts_on: Date;
  ends_on: Date;
  apply_by: Date | null;
  budget_fen: string | number;
  reserved_fen: string | number;
  disbursed_fen: string | number;
  status_reason: string | null;
  consultation_id: string | null;
  created_at: Date;
  region_id: string;
  path: string;
  organization_id: string | null;
  proposed_by: string;
  concerned_paths: string[] | null;
}

const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  title: r.title,
  status: r.status,
  category: r.category,
  description: r.description,
  targetGroups: r.target_groups,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  applyBy: r.apply_by,
  budgetFen: Number(r.budget_fen),
  reservedFen: Number(r.reserved_fen),
  disbursedFen: Number(r.disbursed_fen),
  statusReason: r.status_reason,
  consultationId: r.consultation_id,
  createdAt: r.created_at,
  regionId: r.region_id,
  path: r.path,
  organizationId: r.organization_id,
  proposedBy: r.proposed_by,
  concernedPaths: r.concerned_paths ?? [],
  view: 'FULL',
});

const ACTIVITY_COLUMNS = `a.id, a.project_id, a.title, a.starts_at, a.ends_at, a.address, a.region_id, a.path::text AS path, a.volunteer_slots, a.required_skills,
  a.status, a.people_served, a.served_need_ids, a.confirmed_at, p.category,
  (SELECT count(*)::int FROM activity_signups s WHERE s.activity_id = a.id AND s.status = 'SIGNED_UP') AS signed_up,
  (SELECT count(*)::int FROM activity_signups s WHERE s.activity_id = a.id AND s.status = 'WAITLISTED') AS waitlisted,
  (SELECT count(*)::int FROM activity_signups s WHERE s.activity_id = a.id AND s.attended) AS attended`;

interface ActivityRow {
  id: string;
  project_id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  address: string;
  region_id: string;
  path: string;
  volunteer_slots: number;
  required_skills: string[];
  status: ProjectActivity['status'];
  people_served: number | null;
  served_need_ids: string[];
  confirmed_at: Date | null;
  category: NeedCategory;
  signed_up: number;
  waitlisted: number;
  attended: number;
}

const toActivity = (r: ActivityRow): ProjectActivity => ({
  id: r.id,
  projectId: r.project_id,
  title: r.title,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  address: r.address,
  regionId: r.region_id,
  path: r.path,
  volunteerSlots: r.volunteer_slots,
  requiredSkills: r.required_skills,
  status: r.status,
  peopleServed: r.people_served,
  servedNeedIds: r.served_need_ids,
  confirmedAt: r.confirmed_at,
  category: r.category,
  signedUpCount: r.signed_up,
  waitlistCount: r.waitlisted,
  attendedCount: r.attended,
  showsPeople: false,
});

const APPLICATION_COLUMNS = `a.id, a.project_id, a.organization_id, o.name AS organization_name, a.plan, a.quote_fen, a.team, a.status, a.decision_reason, a.created_at, a.decided_at`;
interface ApplicationRow {
  id: string;
  project_id: string;
  organization_id: string;
  organization_name: string;
  plan: string;
  quote_fen: string | number;
  team: string | null;
  status: ApplicationStatus;
  decision_reason: string | null;
  created_at: Date;
  decided_at: Date | null;
}
const toApplication = (r: ApplicationRow): ProjectApplication => ({
  id: r.id,
  projectId: r.project_id,
  organizationId: r.organization_id,
  organizationName: r.organization_name,
  plan: r.plan,
  quoteFen: Number(r.quote_fen),
  team: r.team,
  status: r.status,
  decisionReason: r.decision_reason,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
});

interface EvaluationRow {
  id: string;
  project_id: string;
  stage: EvaluationStage;
  scores: EvaluationScore[];
  total_score: string | number;
  conclusion: string;
  indicators: ProjectIndicator[];
  organization_name: string | null;
  created_at: Date;
}

const toEvaluation = (r: EvaluationRow): ProjectEvaluation => ({
  id: r.id,
  projectId: r.project_id,
  stage: r.stage,
  scores: r.scores,
  totalScore: Number(r.total_score),
  conclusion: r.conclusion,
  indicators: r.indicators,
  evaluatorOrganizationName: r.organization_name,
  createdAt: r.created_at,
});

interface ConsultationRow {
  id: string;
  community_id: string;
  topic: string;
  held_at: Date;
  participants: number;
  decisions: string;
  need_ids: string[];
  path: string;
}

const toConsultation = (r: ConsultationRow): Consultation => ({
  id: r.id,
  communityId: r.community_id,
  topic: r.topic,
  heldAt: r.held_at,
  participants: r.participants,
  decisions: r.decisions,
  needIds: r.need_ids,
  needCount: r.need_ids.length,
  path: r.path,
});

export interface ProjectVisibility {
  /** Region scopes where every project is visible (PROJECT_READ). */
  staffScopes: ScopePaths;
  /** Organizations whose projects (awarded or applied to) are visible to the caller. */
  organizationIds: string[];
  personId: string | null;
  publicStatuses: readonly ProjectStatus[];
}

/** Projects and their parts: only this module's tables (docs/projects.md). */
@Injectable()
export class ProjectsRepository implements TransitionStore<Project, ProjectStatus, ProjectAction, ProjectPatch> {
  constructor(private readonly db: DataSource) {}

  // ---------------------------------------------------------------- the aggregate (TransitionStore)

  async lock(m: EntityManager, id: string): Promise<Project | null> {
    const rows = await m.query(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = $1 FOR UPDATE OF p`, [id]);
    return rows[0] ? toProject(rows[0]) : null;
  }

  statusOf(p: Project): ProjectStatus {
    return p.status;
  }

  async apply(m: EntityManager, id: string, to: ProjectStatus, patch: ProjectPatch | undefined): Promise<void> {
    await m.query(
      `UPDATE projects SET status = $2, updated_at = now(),
              status_reason = CASE WHEN $3 THEN $4 ELSE status_reason END,
              apply_by = coalesce($5, apply_by), organization_id = coalesce($6, organization_id)
        WHERE id = $1`,
      [id, to, patch !== undefined && 'statusReason' in patch, patch?.statusReason ?? null, patch?.applyBy ?? null, patch?.organizationId ?? null],
    );
  }

  async recordHistory(m: EntityManager, e: HistoryEntry<ProjectStatus, ProjectAction | 'PROPOSE'>): Promise<void> {
    await m.query(`INSERT INTO project_events (project_id, action, from_status, to_status, actor_id, reason, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      e.id,
      e.action,
      e.from,
      e.to,
      e.actorId,
      e.reason,
      e.data === undefined ? null : JSON.stringify(e.data),
    ]);
  }

  async byIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<Project[]> {
    const rows = await m.query(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toProject);
  }

  async insert(
    m: EntityManager,
    p: {
      title: string;
      category: string;
      description: string;
      targetGroups: string[];
      regionId: string;
      path: string;
      startsOn: Date;
      endsOn: Date;
      budgetFen: number;
      consultationId: string | null;
      proposedBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO projects (title, category, description, target_groups, region_id, path, starts_on, ends_on, budget_fen, consultation_id, proposed_by)
       VALUES ($1, $2, $3, $4, $5, $6::ltree, $7, $8, $9, $10, $11) RETURNING id`,
      [p.title, p.category, p.description, p.targetGroups, p.regionId, p.path, p.startsOn, p.endsOn, p.budgetFen, p.consultationId, p.proposedBy],
    );
    return id;
  }

  async insertFundingLine(
    m: EntityManager,
    projectId: string,
    position: number,
    l: { source: FundingSource; amountFen: number; charityId: string | null },
  ): Promise<void> {
    await m.query(`INSERT INTO project_funding_lines (project_id, position, source, amount_fen, charity_id) VALUES ($1, $2, $3, $4, $5)`, [
      projectId,
      position,
      l.source,
      l.amountFen,
      l.charityId,
    ]);
  }

  async insertIndicator(m: EntityManager, projectId: string, metric: ProjectMetric, target: number): Promise<void> {
    await m.query(`INSERT INTO project_indicators (project_id, metric, target) VALUES ($1, $2, $3)`, [projectId, metric, target]);
  }

  async linkResources(m: EntityManager, projectId: string, resourceIds: readonly string[]): Promise<void> {
    await m.query(`INSERT INTO project_resources (project_id, resource_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`, [projectId, resourceIds]);
  }

  async resourceIdsOf(projectIds: readonly string[]): Promise<{ projectId: string; resourceId: string }[]> {
    const rows = await this.db.query(`SELECT project_id, resource_id FROM project_resources WHERE project_id = ANY($1::uuid[])`, [projectIds]);
    return rows.map((r: { project_id: string; resource_id: string }) => ({ projectId: r.project_id, resourceId: r.resource_id }));
  }

  /** A page of visible projects, newest first (keyset on created_at, id). */
  async page(
    vis: ProjectVisibility,
    filter: { status?: ProjectStatus | null; category?: string | null; regionPath?: string | null },
    first: number,
    after: [string, string] | null,
  ): Promise<{ rows: (Project & { createdKey: string })[]; total: number }> {
    const params: unknown[] = [vis.publicStatuses, vis.organizationIds, vis.personId];
    // Staff see the projects of their area, and those that concern it: a linked need's grid or an activity's region
    // lies in their scope (docs/projects.md "Who sees a project"; needs.project_id is read, never written, here).
    const staff = `(${scopePredicate('p.path', vis.staffScopes, params)}
      OR EXISTS (SELECT 1 FROM needs n WHERE n.project_id = p.id AND ${scopePredicate('n.grid_path', vis.staffScopes, params)})
      OR EXISTS (SELECT 1 FROM project_activities pa WHERE pa.project_id = p.id AND ${scopePredicate('pa.path', vis.staffScopes, params)}))`;
    const where = [
      `(p.status = ANY($1::text[]) OR p.organization_id = ANY($2::uuid[]) OR p.proposed_by = $3
      OR EXISTS (SELECT 1 FROM project_applications a WHERE a.project_id = p.id AND a.organization_id = ANY($2::uuid[])) OR ${staff})`,
    ];
    if (filter.status) {
      params.push(filter.status);
      where.push(`p.status = $${params.length}`);
    }
    if (filter.category) {
      params.push(filter.category);
      where.push(`p.category = $${params.length}`);
    }
    if (filter.regionPath) {
      params.push(filter.regionPath);
      where.push(`p.path <@ $${params.length}::ltree`);
    }
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM projects p WHERE ${where.join(' AND ')}`, params);
    if (after) {
      params.push(after[0], after[1]);
      where.push(`(p.created_at, p.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(first + 1);
    // created_key: created_at as PostgreSQL writes it (microseconds kept) for the cursor; a JS Date keeps milliseconds
    // only, and rows made in one transaction share created_at, so a millisecond cursor would skip them.
    const rows: (ProjectRow & { created_key: string })[] = await this.db.query(
      `SELECT ${PROJECT_COLUMNS}, p.created_at::text AS created_key FROM projects p WHERE ${where.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT $${params.length}`,
      params,
    );
    return { rows: rows.map((r) => ({ ...toProject(r), createdKey: r.created_key })), total: n };
  }

  async history(projectIds: readonly string[]): Promise<(ProjectEvent & { projectId: string })[]> {
    const rows = await this.db.query(
      `SELECT project_id, action, from_status, to_status, actor_id, reason, at FROM project_events WHERE project_id = ANY($1::uuid[]) ORDER BY id`,
      [projectIds],
    );
    return rows.map(
      (r: {
        project_id: string;
        action: string;
        from_status: ProjectStatus;
        to_status: ProjectStatus;
        actor_id: string | null;
        reason: string | null;
        at: Date;
      }) => ({
        projectId: r.project_id,
        action: r.action,
        from: r.from_status,
        to: r.to_status,
        actorId: r.actor_id,
        reason: r.reason,
        at: r.at,
      }),
    );
  }

  // ---------------------------------------------------------------- money

  async fundingLines(projectIds: readonly string[], m: EntityManager = this.db.manager): Promise<FundingLine[]> {
    const rows = await m.query(
      `SELECT f.id, f.project_id, f.position, f.source, f.amount_fen, f.charity_id, f.reserved_fen, f.released_fen, f.disbursed_fen, c.name AS charity_name
         FROM project_funding_lines f LEFT JOIN charities c ON c.id = f.charity_id WHERE f.project_id = ANY($1::uuid[]) ORDER BY f.project_id, f.position`,
      [projectIds],
    );
    type Row = {
      id: string;
      project_id: string;
      position: number;
      source: FundingSource;
      amount_fen: string | number;
      charity_id: string | null;
      charity_name: string | null;
      reserved_fen: string | number;
      released_fen: string | number;
      disbursed_fen: string | number;
    };
    return rows.map((r: Row) => ({
      id: r.id,
      projectId: r.project_id,
      position: r.position,
      source: r.source,
      amountFen: Number(r.amount_fen),
      charityId: r.charity_id,
      charityName: r.charity_name,
      reservedTotal: Number(r.reserved_fen),
      reservedFen: Number(r.reserved_fen) - Number(r.released_fen) - Number(r.disbursed_fen),
      releasedFen: Number(r.released_fen),
      disbursedFen: Number(r.disbursed_fen),
    }));
  }

  async addToLine(m: EntityManager, lineId: string, what: 'reserved' | 'released' | 'disbursed', amountFen: number): Promise<void> {
    const column = { reserved: 'reserved_fen', released: 'released_fen', disbursed: 'disbursed_fen' }[what];
    await m.query(`UPDATE project_funding_lines SET ${column} = ${column} + $2 WHERE id = $1`, [lineId, amountFen]);
  }

  async disbursement(m: EntityManager, projectId: string, key: string): Promise<{ amountFen: number; milestone: string } | null> {
    const rows = await m.query(`SELECT amount_fen, milestone FROM project_disbursements WHERE project_id = $1 AND idempotency_key = $2`, [projectId, key]);
    return rows[0] ? { amountFen: Number(rows[0].amount_fen), milestone: rows[0].milestone } : null;
  }

  async insertDisbursement(
    m: EntityManager,
    d: { projectId: string; key: string; milestone: string; amountFen: number; organizationId: string; recordedBy: string },
  ): Promise<void> {
    await m.query(
      `INSERT INTO project_disbursements (project_id, idempotency_key, milestone, amount_fen, organization_id, recorded_by) VALUES ($1, $2, $3, $4, $5, $6)`,
      [d.projectId, d.key, d.milestone, d.amountFen, d.organizationId, d.recordedBy],
    );
  }

  // ---------------------------------------------------------------- applications

  async insertApplication(
    m: EntityManager,
    a: { projectId: string; organizationId: string; plan: string; quoteFen: number; team: string | null; appliedBy: string },
  ): Promise<string | null> {
    const rows = await m.query(
      `INSERT INTO project_applications (project_id, organization_id, plan, quote_fen, team, applied_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (project_id, organization_id) WHERE status = 'SUBMITTED' DO NOTHING RETURNING id`,
      [a.projectId, a.organizationId, a.plan, a.quoteFen, a.team, a.appliedBy],
    );
    return rows[0]?.id ?? null;
  }

  async applications(projectIds: readonly string[], m: EntityManager = this.db.manager): Promise<ProjectApplication[]> {
    const rows = await m.query(
      `SELECT ${APPLICATION_COLUMNS} FROM project_applications a JOIN organizations o ON o.id = a.organization_id WHERE a.project_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
      [projectIds],
    );
    return rows.map(toApplication);
  }

  async applicationsByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<ProjectApplication[]> {
    const rows = await m.query(
      `SELECT ${APPLICATION_COLUMNS} FROM project_applications a JOIN organizations o ON o.id = a.organization_id WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toApplication);
  }

  async lockApplication(m: EntityManager, id: string): Promise<ProjectApplication | null> {
    const rows = await m.query(
      `SELECT ${APPLICATION_COLUMNS} FROM project_applications a JOIN organizations o ON o.id = a.organization_id WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    return rows[0] ? toApplication(rows[0]) : null;
  }

  async setApplicationStatus(m: EntityManager, id: string, status: ApplicationStatus, reason: string | null): Promise<void> {
    await m.query(`UPDATE project_applications SET status = $2, decision_reason = $3, decided_at = now() WHERE id = $1`, [id, status, reason]);
  }

  /** Every other live application of the project becomes NOT_AWARDED with the reason; returns them (to tell them). */
  async declineOthers(m: EntityManager, projectId: string, awardedId: string, reason: string): Promise<{ id: string; organizationId: string }[]> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
    const [rows] = await m.query(
      `UPDATE project_applications SET status = 'NOT_AWARDED', decision_reason = $3, decided_at = now()
        WHERE project_id = $1 AND id <> $2 AND status = 'SUBMITTED' RETURNING id, organization_id`,
      [projectId, awardedId, reason],
    );
    return rows.map((r: { id: string; organization_id: string }) => ({ id: r.id, organizationId: r.organization_id }));
  }

  /** Evaluations of the projects each organization undertook (shown beside its applications). */
  async pastEvaluations(organizationIds: readonly string[]): Promise<PastEvaluation[]> {
    const rows = await this.db.query(
      `SELECT p.organization_id, p.id AS project_id, p.title, e.stage, e.total_score, e.created_at FROM project_evaluations e JOIN projects p ON p.id = e.project_id
        WHERE p.organization_id = ANY($1::uuid[]) ORDER BY e.created_at DESC`,
      [organizationIds],
    );
    type Row = { organization_id: string; project_id: string; title: string; stage: EvaluationStage; total_score: string | number; created_at: Date };
    return rows.map((r: Row) => ({
      organizationId: r.organization_id,
      projectId: r.project_id,
      projectTitle: r.title,
      stage: r.stage,
      totalScore: Number(r.total_score),
      at: r.created_at,
    }));
  }

  // ---------------------------------------------------------------- activities

  async insertActivity(
    m: EntityManager,
    a: {
      projectId: string;
      title: string;
      startsAt: Date;
      endsAt: Date;
      address: string;
      regionId: string;
      path: string;
      slots: number;
      skills: string[];
      createdBy: string;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO project_activities (project_id, title, starts_at, ends_at, address, region_id, path, volunteer_slots, required_skills, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7::ltree, $8, $9, $10) RETURNING id`,
      [a.projectId, a.title, a.startsAt, a.endsAt, a.address, a.regionId, a.path, a.slots, a.skills, a.createdBy],
    );
    return id;
  }

  async activitiesByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<ProjectActivity[]> {
    const rows = await m.query(`SELECT ${ACTIVITY_COLUMNS} FROM project_activities a JOIN projects p ON p.id = a.project_id WHERE a.id = ANY($1::uuid[])`, [
      ids,
    ]);
    return rows.map(toActivity);
  }

  async activitiesOf(projectIds: readonly string[]): Promise<ProjectActivity[]> {
    const rows = await this.db.query(
      `SELECT ${ACTIVITY_COLUMNS} FROM project_activities a JOIN projects p ON p.id = a.project_id WHERE a.project_id = ANY($1::uuid[]) ORDER BY a.starts_at, a.id`,
      [projectIds],
    );
    return rows.map(toActivity);
  }

  /** Locks the activity row: sign-ups, cancellations and the confirmation of one activity are serialized on it. */
  async lockActivity(m: EntityManager, id: string): Promise<ProjectActivity | null> {
    await m.query(`SELECT 1 FROM project_activities WHERE id = $1 FOR UPDATE`, [id]);
    return (await this.activitiesByIds([id], m))[0] ?? null;
  }

  async signupOf(m: EntityManager, activityId: string, volunteerId: string): Promise<{ status: SignupStatus } | null> {
    const rows = await m.query(`SELECT status FROM activity_signups WHERE activity_id = $1 AND volunteer_id = $2`, [activityId, volunteerId]);
    return rows[0] ?? null;
  }

  async upsertSignup(m: EntityManager, activityId: string, volunteerId: string, status: SignupStatus): Promise<void> {
    await m.query(
      `INSERT INTO activity_signups (activity_id, volunteer_id, status) VALUES ($1, $2, $3)
       ON CONFLICT (activity_id, volunteer_id) DO UPDATE SET status = EXCLUDED.status, signed_up_at = now()`,
      [activityId, volunteerId, status],
    );
  }

  async setSignup(m: EntityManager, activityId: string, volunteerId: string, status: SignupStatus): Promise<void> {
    await m.query(`UPDATE activity_signups SET status = $3 WHERE activity_id = $1 AND volunteer_id = $2`, [activityId, volunteerId, status]);
  }

  /** The waitlist in order (by when they joined it). */
  async waitlisted(m: EntityManager, activityId: string): Promise<string[]> {
    const rows: { volunteer_id: string }[] = await m.query(
      `SELECT volunteer_id FROM activity_signups WHERE activity_id = $1 AND status = 'WAITLISTED' ORDER BY signed_up_at, id`,
      [activityId],
    );
    return rows.map((r) => r.volunteer_id);
  }

  async waitlistPosition(m: EntityManager, activityId: string, volunteerId: string): Promise<number | null> {
    const rows = await m.query(
      `SELECT n FROM (SELECT volunteer_id, row_number() OVER (ORDER BY signed_up_at, id)::int AS n FROM activity_signups WHERE activity_id = $1 AND status = 'WAITLISTED') w WHERE volunteer_id = $2`,
      [activityId, volunteerId],
    );
    return rows[0]?.n ?? null;
  }

  async signedUpVolunteerIds(activityIds: readonly string[], m: EntityManager = this.db.manager): Promise<{ activityId: string; volunteerId: string }[]> {
    const rows = await m.query(
      `SELECT activity_id, volunteer_id FROM activity_signups WHERE activity_id = ANY($1::uuid[]) AND status = 'SIGNED_UP' ORDER BY signed_up_at, id`,
      [activityIds],
    );
    return rows.map((r: { activity_id: string; volunteer_id: string }) => ({ activityId: r.activity_id, volunteerId: r.volunteer_id }));
  }

  /** Another activity the volunteer holds a slot in whose time overlaps. */
  async overlappingSignup(m: EntityManager, volunteerId: string, start: Date, end: Date, exceptActivityId: string | null): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM activity_signups s JOIN project_activities a ON a.id = s.activity_id
        WHERE s.volunteer_id = $1 AND s.status = 'SIGNED_UP' AND a.status = 'SCHEDULED' AND a.id IS DISTINCT FROM $4::uuid AND tstzrange(a.starts_at, a.ends_at) && tstzrange($2, $3) LIMIT 1`,
      [volunteerId, start, end, exceptActivityId],
    );
    return rows.length > 0;
  }

  async markAttended(m: EntityManager, activityId: string, volunteerId: string, minutes: number): Promise<void> {
    await m.query(`UPDATE activity_signups SET attended = true, minutes = $3 WHERE activity_id = $1 AND volunteer_id = $2`, [activityId, volunteerId, minutes]);
  }

  async confirmActivity(
    m: EntityManager,
    id: string,
    c: { peopleServed: number; servedNeedIds: string[]; surveyed: number; satisfied: number; by: string; at: Date },
  ): Promise<void> {
    await m.query(
      `UPDATE project_activities SET status = 'CONFIRMED', people_served = $2, served_need_ids = $3, confirmed_by = $4, confirmed_at = $5,
              surveyed = $6, satisfied = $7 WHERE id = $1`,
      [id, c.peopleServed, c.servedNeedIds, c.by, c.at, c.surveyed, c.satisfied],
    );
  }

  async cancelScheduledActivities(m: EntityManager, projectId: string): Promise<void> {
    await m.query(`UPDATE project_activities SET status = 'CANCELLED' WHERE project_id = $1 AND status = 'SCHEDULED'`, [projectId]);
  }

  // ---------------------------------------------------------------- indicators

  /** The actual value of each metric, computed from confirmed activities, attendance and linked needs. */
  async actuals(
    projectIds: readonly string[],
    m: EntityManager = this.db.manager,
  ): Promise<{ projectId: string; values: Record<ProjectMetric, number | null> }[]> {
    const rows = await m.query(
      `SELECT p.id,
              coalesce((SELECT sum(s.minutes) FROM activity_signups s JOIN project_activities a ON a.id = s.activity_id WHERE a.project_id = p.id AND a.status = 'CONFIRMED' AND s.attended), 0)::int AS minutes,
              coalesce((SELECT sum(a.people_served) FROM project_activities a WHERE a.project_id = p.id AND a.status = 'CONFIRMED'), 0)::int AS people,
              (SELECT count(DISTINCT n) FROM project_activities a, unnest(a.served_need_ids) n WHERE a.project_id = p.id AND a.status = 'CONFIRMED')::int AS needs,
              (SELECT count(*) FROM project_activities a WHERE a.project_id = p.id AND a.status = 'CONFIRMED')::int AS sessions,
              (SELECT count(DISTINCT s.volunteer_id) FROM activity_signups s JOIN project_activities a ON a.id = s.activity_id WHERE a.project_id = p.id AND a.status = 'CONFIRMED' AND s.attended)::int AS volunteers,
              (SELECT CASE WHEN sum(a.surveyed) > 0 THEN round(100.0 * sum(a.satisfied) / sum(a.surveyed))::int END FROM project_activities a WHERE a.project_id = p.id AND a.status = 'CONFIRMED') AS satisfaction
         FROM projects p WHERE p.id = ANY($1::uuid[])`,
      [projectIds],
    );
    type Row = { id: string; minutes: number; people: number; needs: number; sessions: number; volunteers: number; satisfaction: number | string | null };
    return rows.map((r: Row) => ({
      projectId: r.id,
      values: {
        SERVICE_MINUTES: r.minutes,
        PEOPLE_SERVED: r.people,
        NEEDS_FULFILLED: r.needs,
        SESSIONS_HELD: r.sessions,
        VOLUNTEERS_ENGAGED: r.volunteers,
        SATISFACTION_RATE: r.satisfaction === null ? null : Number(r.satisfaction),
      },
    }));
  }

  async targets(projectIds: readonly string[], m: EntityManager = this.db.manager): Promise<{ projectId: string; metric: ProjectMetric; target: number }[]> {
    const rows = await m.query(`SELECT project_id, metric, target FROM project_indicators WHERE project_id = ANY($1::uuid[]) ORDER BY metric`, [projectIds]);
    return rows.map((r: { project_id: string; metric: ProjectMetric; target: number }) => ({ projectId: r.project_id, metric: r.metric, target: r.target }));
  }

  /** Needs served by a confirmed activity of each project. */
  async fulfilledNeedIds(projectIds: readonly string[], m: EntityManager = this.db.manager): Promise<string[]> {
    const rows = await m.query(
      `SELECT DISTINCT n FROM project_activities a, unnest(a.served_need_ids) n WHERE a.project_id = ANY($1::uuid[]) AND a.status = 'CONFIRMED'`,
      [projectIds],
    );
    return rows.map((r: { n: string }) => r.n);
  }

  // ---------------------------------------------------------------- evaluations

  async insertEvaluation(
    m: EntityManager,
    e: {
      projectId: string;
      stage: EvaluationStage;
      scores: EvaluationScore[];
      totalScore: number;
      conclusion: string;
      indicators: ProjectIndicator[];
      evaluatorId: string;
      organizationId: string | null;
    },
  ): Promise<string> {
    const [{ id }] = await m.query(
      `INSERT INTO project_evaluations (project_id, stage, scores, total_score, conclusion, indicators, evaluator_id, evaluator_organization_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [e.projectId, e.stage, JSON.stringify(e.scores), e.totalScore, e.conclusion, JSON.stringify(e.indicators), e.evaluatorId, e.organizationId],
    );
    return id;
  }

  async evaluations(projectIds: readonly string[], m: EntityManager = this.db.manager): Promise<ProjectEvaluation[]> {
    const rows = await m.query(
      `SELECT e.*, o.name AS organization_name FROM project_evaluations e LEFT JOIN organizations o ON o.id = e.evaluator_organization_id
        WHERE e.project_id = ANY($1::uuid[]) ORDER BY e.created_at, e.id`,
      [projectIds],
    );
    return rows.map(toEvaluation);
  }

  async insertEvaluatorGrant(
    m: EntityManager,
    g: { organizationId: string; regionId: string; path: string; grantedBy: string },
  ): Promise<ProjectEvaluatorGrant> {
    const [r] = await m.query(
      `INSERT INTO project_evaluator_grants (organization_id, region_id, path, granted_by) VALUES ($1, $2, $3::ltree, $4)
       ON CONFLICT (organization_id, region_id) DO UPDATE SET granted_by = project_evaluator_grants.granted_by RETURNING id, organization_id, region_id, granted_at`,
      [g.organizationId, g.regionId, g.path, g.grantedBy],
    );
    return { id: r.id, organizationId: r.organization_id, regionId: r.region_id, grantedAt: r.granted_at };
  }

  async evaluatorGranted(m: EntityManager, organizationId: string, projectPath: string): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM project_evaluator_grants WHERE organization_id = $1 AND path @> $2::ltree LIMIT 1`, [
      organizationId,
      projectPath,
    ]);
    return rows.length > 0;
  }

  // ---------------------------------------------------------------- consultations

  async insertConsultation(
    m: EntityManager,
    c: { communityId: string; path: string; topic: string; heldAt: Date; participants: number; decisions: string; needIds: string[]; recordedBy: string },
  ): Promise<Consultation> {
    const [r] = await m.query(
      `INSERT INTO consultations (community_id, path, topic, held_at, participants, decisions, need_ids, recorded_by) VALUES ($1, $2::ltree, $3, $4, $5, $6, $7, $8)
       RETURNING id, community_id, path::text AS path, topic, held_at, participants, decisions, need_ids`,
      [c.communityId, c.path, c.topic, c.heldAt, c.participants, c.decisions, c.needIds, c.recordedBy],
    );
    return toConsultation(r);
  }

  async consultationsByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<Consultation[]> {
    const rows = await m.query(
      `SELECT id, community_id, path::text AS path, topic, held_at, participants, decisions, need_ids FROM consultations WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map(toConsultation);
  }
}
