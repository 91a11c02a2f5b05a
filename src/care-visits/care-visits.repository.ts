import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { scopePredicate, ScopePaths } from '../scope/actor.js';
import { HistoryEntry, TransitionStore } from '../common/state-machine.js';
import { CareEnrollment, CareEnrollmentEvent, CareFollowUp, CareFollowUpKind, CareStatus, CareVisit, VisitTask } from './care-visit.model.js';
import { CareGroup, RuleRow, VisitMode } from './visit-schedule.js';
import { VisitTaskAction, VisitTaskStatus } from './visit-task-transitions.js';

const ENROLLMENT = `SELECT e.id, e.person_id AS "personId", e.care_group AS "group", e.high_risk AS "highRisk", e.consent_by AS "consentById",
  e.consent_at AS "consentAt", e.enrolled_at AS "enrolledAt", e.paused_until AS "pausedUntil", e.pause_reason AS "pauseReason",
  e.ended_at AS "endedAt", e.end_reason AS "endReason", e.end_reported_at AS "endReportedAt", e.grid_id AS "gridId", e.grid_path::text AS "gridPath",
  CASE WHEN e.ended_at IS NOT NULL THEN 'ENDED' WHEN e.paused_until > now() THEN 'PAUSED' ELSE 'ACTIVE' END AS status
  FROM care_enrollments e`;

const TASK = `SELECT t.id, t.enrollment_id AS "enrollmentId", t.person_id AS "personId", t.care_group AS "group", t.month, t.slot,
  to_char(t.earliest, 'YYYY-MM-DD') AS earliest, to_char(t.due, 'YYYY-MM-DD') AS due, to_char(t.last, 'YYYY-MM-DD') AS last, t.modes,
  t.status, t.assignee_id AS "assigneeId", t.assigned_by AS "assignedBy", t.attempts, t.done_at AS "doneAt", t.missed_at AS "missedAt", t.grid_id AS "gridId", t.grid_path::text AS "gridPath"
  FROM visit_tasks t`;

const VISIT = `SELECT v.id, v.task_id AS "taskId", v.visitor_id AS "visitorId", v.visited_at AS "visitedAt", v.mode, v.outcome, v.counted, v.minutes,
  v.findings, v.risks, v.raised_need_id AS "raisedNeedId" FROM care_visits v`;

const FOLLOW_UP = `SELECT f.id, f.kind, f.task_id AS "taskId", f.visit_id AS "visitId", f.person_id AS "personId", f.region_path::text AS "regionPath",
  f.note, f.due_at AS "dueAt", f.status, f.resolution, f.resolved_at AS "resolvedAt", f.created_at AS "createdAt" FROM care_follow_ups f`;

/**
 * A timestamp sort key as PostgreSQL writes it (microseconds kept), for a page cursor: a JS Date keeps milliseconds
 * only, and rows made in one transaction (a month's tasks, a batch of enrolments) share the timestamp, so a
 * millisecond cursor would skip them.
 */
const keyOf = (column: string, alias: string) => `${column}::text AS "${alias}"`;

/** What a task transition may change besides its status (typed; never raw columns from callers). */
export interface VisitTaskPatch {
  assigneeId?: string;
  assignedBy?: string;
  attempt?: boolean;
  doneAt?: Date;
  missedAt?: Date;
  overdueAt?: Date;
}

export interface EnrollmentPatch {
  pausedUntil?: Date | null;
  pauseReason?: string | null;
  endedAt?: Date;
  endReason?: string;
  endReportedAt?: Date | null;
}

export interface PlannedTask {
  enrollmentId: string;
  personId: string;
  group: CareGroup;
  month: string;
  slot: number;
  earliest: string;
  due: string;
  last: string;
  modes: VisitMode[];
  gridId: string;
  gridPath: string;
  assigneeId: string | null;
}

export interface RateCounts {
  key: string | null;
  due: number;
  done: number;
  missed: number;
  pending: number;
}

/** Who sees which tasks: staff scopes (whole scope) and the caller (tasks assigned to them). */
export interface TaskVisibility {
  personId: string;
  staffScopes: ScopePaths;
}

/** Rosters, visit rules, tasks, visits and follow-ups (the care-visit tables only). */
@Injectable()
export class CareVisitsRepository implements TransitionStore<VisitTask, VisitTaskStatus, VisitTaskAction, VisitTaskPatch> {
  constructor(private readonly db: DataSource) {}

  // ---------------------------------------------------------------- enrolments

  async insertEnrollment(
    m: EntityManager,
    e: { personId: string; group: CareGroup; highRisk: boolean; gridId: string; gridPath: string; consentBy: string; enrolledBy: string },
  ): Promise<string | null> {
    const rows = await m.query(
      `INSERT INTO care_enrollments (person_id, care_group, high_risk, grid_id, grid_path, consent_by, consent_at, enrolled_by)
       VALUES ($1, $2, $3, $4, $5::ltree, $6, now(), $7)
       ON CONFLICT (person_id, care_group) WHERE ended_at IS NULL DO NOTHING RETURNING id`,
      [e.personId, e.group, e.highRisk, e.gridId, e.gridPath, e.consentBy, e.enrolledBy],
    );
    return rows[0]?.id ?? null;
  }

  async enrollmentsByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<CareEnrollment[]> {
    return m.query(`${ENROLLMENT} WHERE e.id = ANY($1::uuid[])`, [ids]);
  }

  async lockEnrollment(m: EntityManager, id: string): Promise<CareEnrollment | null> {
    const rows = await m.query(`${ENROLLMENT} WHERE e.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async enrollmentsOfPerson(personId: string): Promise<CareEnrollment[]> {
    return this.db.query(`${ENROLLMENT} WHERE e.person_id = $1 ORDER BY e.enrolled_at DESC, e.id`, [personId]);
  }

  async updateEnrollment(m: EntityManager, id: string, p: EnrollmentPatch): Promise<void> {
    const cols: Record<keyof EnrollmentPatch, string> = {
      pausedUntil: 'paused_until',
      pauseReason: 'pause_reason',
      endedAt: 'ended_at',
      endReason: 'end_reason',
      endReportedAt: 'end_reported_at',
    };
    const sets: string[] = [];
    const params: unknown[] = [id];
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) continue;
      params.push(v);
      sets.push(`${cols[k as keyof EnrollmentPatch]} = $${params.length}`);
    }
    if (sets.length) await m.query(`UPDATE care_enrollments SET ${sets.join(', ')} WHERE id = $1`, params);
  }

  async recordEnrollmentEvent(
    m: EntityManager,
    e: { enrollmentId: string; action: string; actorId: string | null; reason: string | null; data?: unknown },
  ): Promise<void> {
    await m.query(`INSERT INTO care_enrollment_events (enrollment_id, action, actor_id, reason, data) VALUES ($1, $2, $3, $4, $5)`, [
      e.enrollmentId,
      e.action,
      e.actorId,
      e.reason,
      e.data === undefined ? null : JSON.stringify(e.data),
    ]);
  }

  async enrollmentEvents(ids: readonly string[]): Promise<(CareEnrollmentEvent & { enrollmentId: string })[]> {
    return this.db.query(
      `SELECT enrollment_id AS "enrollmentId", action, actor_id AS "actorId", reason, at FROM care_enrollment_events WHERE enrollment_id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
  }

  /** A page of the roster in `scopes`, newest enrolment first. */
  async enrollmentPage(
    scopes: ScopePaths,
    f: { regionPath: string | null; group: CareGroup | null; status: CareStatus | null },
    first: number,
    after: [string, string] | null,
  ): Promise<{ rows: (CareEnrollment & { enrolledKey: string })[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopePredicate('e.grid_path', scopes, params)];
    if (f.regionPath) where.push(`e.grid_path <@ $${params.push(f.regionPath)}::ltree`);
    if (f.group) where.push(`e.care_group = $${params.push(f.group)}`);
    if (f.status === CareStatus.ENDED) where.push(`e.ended_at IS NOT NULL`);
    if (f.status === CareStatus.PAUSED) where.push(`e.ended_at IS NULL AND e.paused_until > now()`);
    if (f.status === CareStatus.ACTIVE) where.push(`e.ended_at IS NULL AND (e.paused_until IS NULL OR e.paused_until <= now())`);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM care_enrollments e WHERE ${where.join(' AND ')}`, params);
    if (after) where.push(`(e.enrolled_at, e.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const rows = await this.db.query(
      `${ENROLLMENT.replace('FROM care_enrollments e', `, ${keyOf('e.enrolled_at', 'enrolledKey')} FROM care_enrollments e`)}
        WHERE ${where.join(' AND ')} ORDER BY e.enrolled_at DESC, e.id DESC LIMIT $${params.push(first + 1)}`,
      params,
    );
    return { rows, total: n };
  }

  // ---------------------------------------------------------------- rules

  /** Rules set on `regionPath`'s ancestor line or anywhere in its subtree (enough to decide every grid below it). */
  async ruleRows(m: EntityManager, regionPath: string): Promise<RuleRow[]> {
    return m.query(
      `SELECT r.id AS "regionId", r.path::text AS "regionPath", vr.care_group AS "group", vr.high_risk AS "highRisk",
              vr.visits_per_month AS "visitsPerMonth", vr.modes
         FROM visit_rules vr JOIN regions r ON r.id = vr.region_id
        WHERE r.path @> $1::ltree OR r.path <@ $1::ltree`,
      [regionPath],
    );
  }

  async upsertRule(
    m: EntityManager,
    regionId: string,
    group: CareGroup,
    highRisk: boolean,
    visitsPerMonth: number,
    modes: VisitMode[],
    by: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO visit_rules (region_id, care_group, high_risk, visits_per_month, modes, set_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (region_id, care_group, high_risk) DO UPDATE SET visits_per_month = EXCLUDED.visits_per_month, modes = EXCLUDED.modes, set_by = EXCLUDED.set_by, set_at = now()`,
      [regionId, group, highRisk, visitsPerMonth, modes, by],
    );
  }

  // ---------------------------------------------------------------- planning

  /**
   * Live enrolments under `regionPath`, held FOR SHARE so that a pause or end committing meanwhile waits for the
   * plan (and a plan running after it sees it). Concurrent plans share the lock.
   */
  async plannable(
    m: EntityManager,
    regionPath: string,
  ): Promise<{ id: string; personId: string; group: CareGroup; highRisk: boolean; gridId: string; gridPath: string; pausedUntil: Date | null }[]> {
    return m.query(
      `SELECT e.id, e.person_id AS "personId", e.care_group AS "group", e.high_risk AS "highRisk", e.grid_id AS "gridId", e.grid_path::text AS "gridPath", e.paused_until AS "pausedUntil"
         FROM care_enrollments e WHERE e.grid_path <@ $1::ltree AND e.ended_at IS NULL AND e.end_reported_at IS NULL
        ORDER BY e.id FOR SHARE`,
      [regionPath],
    );
  }

  /** Inserts the tasks that do not exist yet (the unique key enrolment × month × slot); returns the new ones. */
  async insertTasks(m: EntityManager, tasks: PlannedTask[]): Promise<{ id: string; assigneeId: string | null }[]> {
    if (tasks.length === 0) return [];
    const col = <K extends keyof PlannedTask>(k: K) => tasks.map((t) => t[k]);
    return m.query(
      `INSERT INTO visit_tasks (enrollment_id, person_id, care_group, month, slot, earliest, due, last, modes, grid_id, grid_path, assignee_id)
       SELECT t.enrollment_id, t.person_id, t.care_group::care_group, t.month, t.slot, t.earliest, t.due, t.last, string_to_array(t.modes, ','), t.grid_id, t.grid_path::ltree, t.assignee_id
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::date[], $7::date[], $8::date[], $9::text[], $10::uuid[], $11::text[], $12::uuid[])
              AS t(enrollment_id, person_id, care_group, month, slot, earliest, due, last, modes, grid_id, grid_path, assignee_id)
       ON CONFLICT (enrollment_id, month, slot) DO NOTHING
       RETURNING id, assignee_id AS "assigneeId"`,
      [
        col('enrollmentId'),
        col('personId'),
        col('group'),
        col('month'),
        col('slot'),
        col('earliest'),
        col('due'),
        col('last'),
        tasks.map((t) => t.modes.join(',')),
        col('gridId'),
        col('gridPath'),
        col('assigneeId'),
      ],
    );
  }

  // ---------------------------------------------------------------- tasks

  async tasksByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<VisitTask[]> {
    return m.query(`${TASK} WHERE t.id = ANY($1::uuid[])`, [ids]);
  }

  async lock(m: EntityManager, id: string): Promise<VisitTask | null> {
    const rows = await m.query(`${TASK} WHERE t.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  statusOf(task: VisitTask): VisitTaskStatus {
    return task.status;
  }

  async apply(m: EntityManager, id: string, to: VisitTaskStatus, p: VisitTaskPatch = {}): Promise<void> {
    await m.query(
      `UPDATE visit_tasks SET status = $2,
              assignee_id = coalesce($3, assignee_id), assigned_by = coalesce($4, assigned_by),
              attempts = attempts + CASE WHEN $5 THEN 1 ELSE 0 END,
              done_at = coalesce($6, done_at), missed_at = coalesce($7, missed_at), overdue_at = coalesce($8, overdue_at)
        WHERE id = $1`,
      [id, to, p.assigneeId ?? null, p.assignedBy ?? null, p.attempt ?? false, p.doneAt ?? null, p.missedAt ?? null, p.overdueAt ?? null],
    );
  }

  async recordHistory(m: EntityManager, e: HistoryEntry<VisitTaskStatus, VisitTaskAction>): Promise<void> {
    await m.query(`INSERT INTO visit_task_events (task_id, action, from_status, to_status, actor_id, reason, data) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
      e.id,
      e.action,
      e.from,
      e.to,
      e.actorId,
      e.reason,
      e.data === undefined ? null : JSON.stringify(e.data),
    ]);
  }

  /** DUE tasks of an enrolment whose due day is not before `fromDay` (those a pause or an end makes not due). */
  async dueTaskIdsOf(m: EntityManager, enrollmentId: string, fromDay: string | null, untilDay: string | null): Promise<string[]> {
    const rows = await m.query(
      `SELECT id FROM visit_tasks WHERE enrollment_id = $1 AND status = 'DUE' AND ($2::date IS NULL OR due >= $2::date) AND ($3::date IS NULL OR due <= $3::date) ORDER BY due`,
      [enrollmentId, fromDay, untilDay],
    );
    return rows.map((r: { id: string }) => r.id);
  }

  /** A page of tasks the caller may see: assigned to them, or (staff) in their scope. */
  async taskPage(
    v: TaskVisibility,
    f: { regionPath: string | null; month: string | null; status: VisitTaskStatus | null; mine: boolean },
    first: number,
    after: [string, string, string] | null,
  ): Promise<{ rows: (VisitTask & { createdKey: string })[]; total: number }> {
    const params: unknown[] = [v.personId];
    const where = [f.mine ? `t.assignee_id = $1` : `(t.assignee_id = $1 OR ${scopePredicate('t.grid_path', v.staffScopes, params)})`];
    if (f.regionPath) where.push(`t.grid_path <@ $${params.push(f.regionPath)}::ltree`);
    if (f.month) where.push(`t.month = $${params.push(f.month)}`);
    if (f.status) where.push(`t.status = $${params.push(f.status)}`);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM visit_tasks t WHERE ${where.join(' AND ')}`, params);
    if (after)
      where.push(`(t.due, t.created_at, t.id) > ($${params.push(after[0])}::date, $${params.push(after[1])}::timestamptz, $${params.push(after[2])}::uuid)`);
    const rows = await this.db.query(
      `${TASK.replace('FROM visit_tasks t', `, ${keyOf('t.created_at', 'createdKey')} FROM visit_tasks t`)} WHERE ${where.join(' AND ')} ORDER BY t.due, t.created_at, t.id LIMIT $${params.push(first + 1)}`,
      params,
    );
    return { rows, total: n };
  }

  /** DUE tasks whose `column` day is before `today`, not yet handled, locked for this scheduler (SKIP LOCKED). */
  async dueForScheduler(m: EntityManager, kind: 'OVERDUE' | 'MISS', today: string, limit: number): Promise<string[]> {
    const cond = kind === 'MISS' ? `last < $1::date` : `due < $1::date AND overdue_at IS NULL`;
    const rows = await m.query(`SELECT id FROM visit_tasks WHERE status = 'DUE' AND ${cond} ORDER BY last, id LIMIT $2 FOR UPDATE SKIP LOCKED`, [today, limit]);
    return rows.map((r: { id: string }) => r.id);
  }

  // ---------------------------------------------------------------- visits

  async insertVisit(
    m: EntityManager,
    v: {
      taskId: string;
      visitorId: string;
      visitedAt: Date;
      mode: VisitMode;
      outcome: string;
      counted: boolean;
      minutes: number;
      findings: string | null;
      risks: string[];
      raisedNeedId: string | null;
    },
  ): Promise<string> {
    const rows = await m.query(
      `INSERT INTO care_visits (task_id, visitor_id, visited_at, mode, outcome, counted, minutes, findings, risks, raised_need_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [v.taskId, v.visitorId, v.visitedAt, v.mode, v.outcome, v.counted, v.minutes, v.findings, v.risks, v.raisedNeedId],
    );
    return rows[0].id;
  }

  async visitsByIds(ids: readonly string[], m: EntityManager = this.db.manager): Promise<CareVisit[]> {
    return m.query(`${VISIT} WHERE v.id = ANY($1::uuid[])`, [ids]);
  }

  async visitsOfTasks(taskIds: readonly string[]): Promise<CareVisit[]> {
    return this.db.query(`${VISIT} WHERE v.task_id = ANY($1::uuid[]) ORDER BY v.visited_at, v.id`, [taskIds]);
  }

  // ---------------------------------------------------------------- follow-ups

  /** Opens a follow-up; a second MISSED_CALLBACK of the same task does nothing (unique index). Returns whether one was made. */
  async openFollowUp(
    m: EntityManager,
    f: { kind: CareFollowUpKind; taskId: string; visitId: string | null; personId: string; regionId: string; regionPath: string; note: string; dueAt: Date },
  ): Promise<boolean> {
    const rows = await m.query(
      `INSERT INTO care_follow_ups (kind, task_id, visit_id, person_id, region_id, region_path, note, due_at)
       VALUES ($1, $2, $3, $4, $5, $6::ltree, $7, $8) ON CONFLICT DO NOTHING RETURNING id`,
      [f.kind, f.taskId, f.visitId, f.personId, f.regionId, f.regionPath, f.note, f.dueAt],
    );
    return rows.length > 0;
  }

  async lockFollowUp(m: EntityManager, id: string): Promise<CareFollowUp | null> {
    const rows = await m.query(`${FOLLOW_UP} WHERE f.id = $1 FOR UPDATE`, [id]);
    return rows[0] ?? null;
  }

  async resolveFollowUp(m: EntityManager, id: string, resolution: string, by: string): Promise<CareFollowUp> {
    await m.query(`UPDATE care_follow_ups SET status = 'RESOLVED', resolution = $2, resolved_by = $3, resolved_at = now() WHERE id = $1`, [id, resolution, by]);
    return (await m.query(`${FOLLOW_UP} WHERE f.id = $1`, [id]))[0];
  }

  /** Resolves the open END_CONFIRMATION items of an enrolment's tasks (staff confirmed the end). */
  async resolveEndConfirmations(m: EntityManager, enrollmentId: string, resolution: string, by: string): Promise<void> {
    await m.query(
      `UPDATE care_follow_ups SET status = 'RESOLVED', resolution = $2, resolved_by = $3, resolved_at = now()
        WHERE kind = 'END_CONFIRMATION' AND status = 'OPEN' AND task_id IN (SELECT id FROM visit_tasks WHERE enrollment_id = $1)`,
      [enrollmentId, resolution, by],
    );
  }

  async followUpPage(
    scopes: ScopePaths,
    f: { regionPath: string | null; status: string | null },
    first: number,
    after: [string, string] | null,
  ): Promise<{ rows: (CareFollowUp & { createdKey: string })[]; total: number }> {
    const params: unknown[] = [];
    const where = [scopePredicate('f.region_path', scopes, params)];
    if (f.regionPath) where.push(`f.region_path <@ $${params.push(f.regionPath)}::ltree`);
    if (f.status) where.push(`f.status = $${params.push(f.status)}`);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM care_follow_ups f WHERE ${where.join(' AND ')}`, params);
    if (after) where.push(`(f.created_at, f.id) < ($${params.push(after[0])}::timestamptz, $${params.push(after[1])}::uuid)`);
    const rows = await this.db.query(
      `${FOLLOW_UP.replace(' FROM care_follow_ups f', `, ${keyOf('f.created_at', 'createdKey')} FROM care_follow_ups f`)} WHERE ${where.join(' AND ')} ORDER BY f.created_at DESC, f.id DESC LIMIT $${params.push(first + 1)}`,
      params,
    );
    return { rows, total: n };
  }

  // ---------------------------------------------------------------- rate

  /**
   * Due (not cancelled), done, missed and still-open tasks of `month` under `regionPath`, grouped by `by`: the
   * child region (its path label one level below), the care group, or the assignee; null = one total.
   */
  async rateCounts(regionPath: string, month: string, group: CareGroup | null, by: 'child' | 'group' | 'visitor' | null): Promise<RateCounts[]> {
    const key = { child: `subpath(t.grid_path, nlevel($1::ltree), 1)::text`, group: `t.care_group::text`, visitor: `t.assignee_id::text` }[by ?? 'child'];
    const keyExpr = by ? key : 'NULL::text';
    return this.db.query(
      `SELECT ${keyExpr} AS key,
              count(*) FILTER (WHERE t.status <> 'CANCELLED')::int AS due,
              count(*) FILTER (WHERE t.status = 'DONE')::int AS done,
              count(*) FILTER (WHERE t.status = 'MISSED')::int AS missed,
              count(*) FILTER (WHERE t.status = 'DUE')::int AS pending
         FROM visit_tasks t
        WHERE t.grid_path <@ $1::ltree AND t.month = $2 AND ($3::care_group IS NULL OR t.care_group = $3::care_group)
          ${by === 'child' ? 'AND nlevel(t.grid_path) > nlevel($1::ltree)' : ''}
        GROUP BY 1`,
      [regionPath, month, group],
    );
  }
}
