import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { KeysetOrder, pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { ServiceConfirmationHooks } from '../common/service-confirmed.js';
import { fireTransition, TransitionErrors } from '../common/state-machine.js';
import { addWorkingDays } from '../needs/need-deadlines.js';
import { NeedCategory } from '../needs/need.model.js';
import { NeedsService } from '../needs/needs.service.js';
import { PeopleRepository } from '../people/people.repository.js';
import { PersonalDataService } from '../people/personal-data.service.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { Region } from '../regions/region.model.js';
import { RegionLevel } from '../regions/region-level.js';
import { Actor } from '../scope/actor.js';
import { ActorRepository } from '../scope/actor.repository.js';
import { Permission } from '../scope/permission.js';
import { Role } from '../scope/role.js';
import { VolunteerStatus } from '../volunteers/volunteer.model.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { careErrors } from './care-visits.errors.js';
import { CareVisitsRepository, PlannedTask, RateCounts } from './care-visits.repository.js';
import {
  CareEnrollment,
  CareFollowUp,
  CareFollowUpKind,
  CareStatus,
  CareVisit,
  VisitOutcome,
  VisitRate,
  VisitRisk,
  VisitRuleModel,
  VisitTask,
} from './care-visit.model.js';
import { CareEnrollmentFilter, CareFollowUpFilter, EnrollCareInput, RecordVisitInput, SetVisitRuleInput, VisitTaskFilter } from './care-visit.input.js';
import { VisitSignals, VisitSignalType } from './visit-signals.js';
import { addMonths, CareGroup, dayOf, endOfDay, monthOf, parseMonth, ruleFor, startOfDay, windowsOf } from './visit-schedule.js';
import { STATUS_LABEL, VisitTaskAction, visitTaskMachine, VisitTaskParty, VisitTaskStatus } from './visit-task-transitions.js';

/** Who may be handed a visit as staff: the grid, community and social workers whose scope holds the person. */
/** A visit takes this long unless the visitor says otherwise. */
const DEFAULT_VISIT_MINUTES = 30;
/** Working days the community has for a concern or a missed-visit callback. */
const FOLLOW_UP_WORKING_DAYS = 3;
const PII_FIELD = 'care_enrollment';

/**
 * The cursors of the care lists, as the keyset helper checks them (a crafted one is BAD_USER_INPUT 分页游标无效).
 * Timestamps travel as PostgreSQL writes them (microseconds kept), so rows sharing a millisecond are never skipped.
 */
const ENROLLMENT_CURSOR: KeysetOrder = {
  keys: [
    { sql: 'e.enrolled_at', type: 'timestamptz' },
    { sql: 'e.id', type: 'uuid' },
  ],
  direction: 'DESC',
};
const TASK_CURSOR: KeysetOrder = {
  keys: [
    { sql: 't.due', type: 'date' },
    { sql: 't.created_at', type: 'timestamptz' },
    { sql: 't.id', type: 'uuid' },
  ],
  direction: 'ASC',
};
const FOLLOW_UP_CURSOR: KeysetOrder = {
  keys: [
    { sql: 'f.created_at', type: 'timestamptz' },
    { sql: 'f.id', type: 'uuid' },
  ],
  direction: 'DESC',
};
const VISIT_TITLE: Record<CareGroup, string> = {
  SPECIAL_HARDSHIP_ELDERLY: '探访关爱：特殊困难老年人',
  CHILD_IN_DIFFICULTY: '探访关爱：困境儿童',
  LEFT_BEHIND_CHILD: '探访关爱：留守儿童',
  DISABLED: '探访关爱：残疾人',
  LOW_INCOME: '探访关爱：低保/特困人员',
};
const VISIT_CATEGORY: Record<CareGroup, NeedCategory> = {
  SPECIAL_HARDSHIP_ELDERLY: NeedCategory.ELDERLY_CARE,
  CHILD_IN_DIFFICULTY: NeedCategory.CHILD_CARE,
  LEFT_BEHIND_CHILD: NeedCategory.CHILD_CARE,
  DISABLED: NeedCategory.DISABILITY_SUPPORT,
  LOW_INCOME: NeedCategory.OTHER,
};
const RISKS = new Set<string>(Object.values(VisitRisk));

const TASK_ERRORS: TransitionErrors<VisitTaskStatus> = {
  notFound: () => careErrors.taskNotFound(),
  forbidden: () => careErrors.taskForbidden(),
  illegal: (s) => careErrors.taskClosed(STATUS_LABEL[s]),
  reasonRequired: () => careErrors.reasonRequired(),
};

const checkReason = (reason: string | null | undefined): string => {
  const r = reason?.trim() ?? '';
  if (!r || r.length > 500) throw careErrors.reasonRequired();
  return r;
};

@Injectable()
export class CareVisitsService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: CareVisitsRepository,
    private readonly people: PeopleRepository,
    private readonly personalData: PersonalDataService,
    private readonly regions: RegionsRepository,
    private readonly actors: ActorRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly needs: NeedsService,
    private readonly hooks: ServiceConfirmationHooks,
    private readonly signals: VisitSignals,
  ) {}

  // ---------------------------------------------------------------- roster

  /** 登记关爱对象 with consent (the rules of sensitive flags), by community or street staff whose scope holds the person's grid. */
  async enroll(actor: Actor, input: EnrollCareInput): Promise<CareEnrollment> {
    const [person] = isUuid(input.personId) ? await this.people.byIds([input.personId]) : [];
    if (!person) throw careErrors.personNotFound();
    if (!person.grid_path || !person.grid_id) {
      if (!person.paths.some((p) => actor.can(Permission.CARE_ENROL, { regionPath: p }))) throw careErrors.enrolForbidden();
      throw careErrors.noGrid();
    }
    if (!actor.can(Permission.CARE_ENROL, { regionPath: person.grid_path })) throw careErrors.enrolForbidden();
    const consentBy = input.consentBy ?? person.id;
    return this.db.transaction(async (m) => {
      await this.personalData.checkConsent(m, person, consentBy, 'consentBy');
      const id = await this.repo.insertEnrollment(m, {
        personId: person.id,
        group: input.group,
        highRisk: input.highRisk ?? false,
        gridId: person.grid_id!,
        gridPath: person.grid_path!,
        consentBy,
        enrolledBy: actor.personId,
      });
      if (!id) throw careErrors.alreadyEnrolled();
      await this.repo.recordEnrollmentEvent(m, {
        enrollmentId: id,
        action: 'ENROL',
        actorId: actor.personId,
        reason: null,
        data: { group: input.group, highRisk: input.highRisk ?? false, consentBy },
      });
      const [e] = await this.repo.enrollmentsByIds([id], m);
      return e;
    });
  }

  /** 暂停 (hospitalised, staying with family): no task is due while it lasts; the open ones that fall in it are cancelled. */
  async pause(actor: Actor, id: string, until: Date, reason: string): Promise<CareEnrollment> {
    const why = checkReason(reason);
    const now = new Date();
    if (!(until instanceof Date) || Number.isNaN(until.getTime()) || until <= now || until.getTime() > now.getTime() + 366 * 86400_000)
      throw careErrors.pauseUntilInvalid();
    return this.db.transaction(async (m) => {
      const e = await this.lockForStaff(m, actor, id);
      await this.applyPause(m, actor.personId, e, until, why);
      return (await this.repo.enrollmentsByIds([id], m))[0];
    });
  }

  /** 结束 (moved away, deceased): the enrolment ends, its open tasks are cancelled, a visitor's report of it is confirmed. */
  async end(actor: Actor, id: string, reason: string): Promise<CareEnrollment> {
    const why = checkReason(reason);
    return this.db.transaction(async (m) => {
      const e = await this.lockForStaff(m, actor, id);
      await this.applyEnd(m, actor.personId, e, why);
      return (await this.repo.enrollmentsByIds([id], m))[0];
    });
  }

  private async lockForStaff(m: EntityManager, actor: Actor, id: string): Promise<CareEnrollment> {
    const e = isUuid(id) ? await this.repo.lockEnrollment(m, id) : null;
    if (!e) throw careErrors.enrollmentNotFound();
    if (!actor.can(Permission.CARE_ENROL, { regionPath: e.gridPath })) throw careErrors.enrolForbidden();
    if (e.endedAt) throw careErrors.enrollmentEnded();
    return e;
  }

  private async applyPause(m: EntityManager, actorId: string, e: CareEnrollment, until: Date, reason: string): Promise<void> {
    await this.repo.updateEnrollment(m, e.id, { pausedUntil: until, pauseReason: reason });
    await this.repo.recordEnrollmentEvent(m, { enrollmentId: e.id, action: 'PAUSE', actorId, reason, data: { until } });
    for (const taskId of await this.repo.dueTaskIdsOf(m, e.id, null, dayOf(until))) await this.cancelTask(m, taskId, actorId, `暂停探访：${reason}`);
  }

  private async applyEnd(m: EntityManager, actorId: string, e: CareEnrollment, reason: string): Promise<void> {
    await this.repo.updateEnrollment(m, e.id, { endedAt: new Date(), endReason: reason });
    await this.repo.recordEnrollmentEvent(m, { enrollmentId: e.id, action: 'END', actorId, reason });
    for (const taskId of await this.repo.dueTaskIdsOf(m, e.id, null, null)) await this.cancelTask(m, taskId, actorId, `结束关爱：${reason}`);
    await this.repo.resolveEndConfirmations(m, e.id, `已确认结束：${reason}`, actorId);
  }

  private async cancelTask(m: EntityManager, taskId: string, actorId: string | null, reason: string): Promise<void> {
    await fireTransition(m, visitTaskMachine, this.repo, {
      id: taskId,
      action: VisitTaskAction.CANCEL,
      actorId,
      reason,
      errors: TASK_ERRORS,
      partiesOf: () => new Set([actorId ? VisitTaskParty.STAFF : VisitTaskParty.SYSTEM]),
    });
  }

  /** Whether the actor may read the enrolment: staff in scope (the read is logged) or the person themself. */
  private async readable(actor: Actor, rows: CareEnrollment[], purpose: string): Promise<CareEnrollment[]> {
    const out = rows.filter((e) => e.personId === actor.personId || actor.can(Permission.CARE_READ, { regionPath: e.gridPath }));
    await this.logReads(
      actor,
      out.map((e) => e.personId),
      purpose,
    );
    return out;
  }

  /** Every staff read of roster data goes to the personal-data access log (not the person's reads of themself). */
  private async logReads(actor: Actor, personIds: string[], purpose: string): Promise<void> {
    for (const id of new Set(personIds)) if (id !== actor.personId) await this.people.logPiiAccess(actor.personId, id, PII_FIELD, purpose);
  }

  async enrollments(actor: Actor, filter: CareEnrollmentFilter | null | undefined, page: PageArgs): Promise<Connection<CareEnrollment>> {
    const scopes = actor.scopeOf(Permission.CARE_READ);
    if (scopes !== 'ALL' && scopes.length === 0) throw careErrors.readForbidden();
    const region = filter?.regionId ? await this.region(filter.regionId) : null;
    if (region && !actor.can(Permission.CARE_READ, { regionPath: region.path })) throw careErrors.readForbidden();
    const after = pageRequest(page, ENROLLMENT_CURSOR).after as [string, string] | null;
    const { rows, total } = await this.repo.enrollmentPage(
      scopes,
      { regionPath: region?.path ?? null, group: filter?.group ?? null, status: filter?.status ?? null },
      page.first,
      after,
    );
    await this.logReads(
      actor,
      rows.slice(0, page.first).map((e) => e.personId),
      'graphql:careEnrollments',
    );
    return toConnection(
      rows,
      page.first,
      total,
      (e) => [e.enrolledKey, e.id],
      ({ enrolledKey: _k, ...e }) => e,
    );
  }

  async enrollment(actor: Actor, id: string): Promise<CareEnrollment | null> {
    const rows = isUuid(id) ? await this.repo.enrollmentsByIds([id]) : [];
    if (rows.length === 0) return null;
    const [e] = await this.readable(actor, rows, 'graphql:careEnrollment');
    if (!e) throw careErrors.readForbidden();
    return e;
  }

  /** The caller's own enrolments (a resident sees that and how they are on the roster). */
  myEnrollments(actor: Actor): Promise<CareEnrollment[]> {
    return this.repo.enrollmentsOfPerson(actor.personId);
  }

  historyOf(ids: readonly string[]) {
    return this.repo.enrollmentEvents(ids);
  }

  // ---------------------------------------------------------------- rules

  async rule(actor: Actor, regionId: string, group: CareGroup, highRisk: boolean): Promise<VisitRuleModel> {
    const region = await this.region(regionId);
    if (!actor.can(Permission.VISIT_RATE_READ, { regionPath: region.path })) throw careErrors.readForbidden();
    const r = ruleFor(await this.repo.ruleRows(this.db.manager, region.path), region.path, group, highRisk);
    return { regionId, group, highRisk, ...r };
  }

  async setRule(actor: Actor, input: SetVisitRuleInput): Promise<VisitRuleModel> {
    if (!Number.isInteger(input.visitsPerMonth) || input.visitsPerMonth < 1 || input.visitsPerMonth > 31) throw careErrors.ruleInvalid();
    const modes = [...new Set(input.modes)];
    if (modes.length === 0) throw careErrors.modesRequired();
    const region = await this.region(input.regionId);
    if (!actor.can(Permission.VISIT_RULE_SET, { regionPath: region.path })) throw careErrors.ruleForbidden();
    await this.db.transaction((m) => this.repo.upsertRule(m, region.id, input.group, input.highRisk, input.visitsPerMonth, modes, actor.personId));
    return { regionId: region.id, group: input.group, highRisk: input.highRisk, visitsPerMonth: input.visitsPerMonth, modes, setByRegionId: region.id };
  }

  private async region(id: string): Promise<Region> {
    const [r] = isUuid(id) ? await this.regions.byIds([id]) : [];
    if (!r) throw careErrors.regionNotFound();
    return r;
  }

  // ---------------------------------------------------------------- planning

  /**
   * Creates the month's tasks for every live enrolment under the region (the scheduler passes actor null and its
   * clock). Idempotent: the unique key (enrolment, month, slot) makes a second run, or a run on another instance at
   * the same time, create nothing twice. Windows already over and windows whose due day a pause covers are skipped.
   */
  async plan(actor: Actor | null, regionId: string, month: string, now = new Date()): Promise<number> {
    const current = monthOf(now);
    if (!parseMonth(month)) throw careErrors.monthInvalid('例如 2026-12');
    if (month < current || month > addMonths(current, 2)) throw careErrors.monthInvalid(`可生成 ${current} 至 ${addMonths(current, 2)} 的任务`);
    const region = await this.region(regionId);
    if (actor && !actor.can(Permission.VISIT_PLAN, { regionPath: region.path })) throw careErrors.planForbidden();
    return this.db.transaction(async (m) => {
      const enrolments = await this.repo.plannable(m, region.path);
      if (enrolments.length === 0) return 0;
      const rules = await this.repo.ruleRows(m, region.path);
      const gridIds = [...new Set(enrolments.map((e) => e.gridId))];
      const gridWorker = new Map<string, string>();
      for (const h of await this.actors.holdersIn(Role.GRID_WORKER, gridIds, m)) if (!gridWorker.has(h.regionId)) gridWorker.set(h.regionId, h.personId);
      const planned: PlannedTask[] = [];
      for (const e of enrolments) {
        const rule = ruleFor(rules, e.gridPath, e.group, e.highRisk);
        for (const w of windowsOf(month, rule.visitsPerMonth)) {
          if (endOfDay(w.last) <= now) continue;
          if (e.pausedUntil && new Date(e.pausedUntil) >= startOfDay(w.due)) continue;
          planned.push({
            enrollmentId: e.id,
            personId: e.personId,
            group: e.group,
            month,
            ...w,
            modes: rule.modes,
            gridId: e.gridId,
            gridPath: e.gridPath,
            assigneeId: gridWorker.get(e.gridId) ?? null,
          });
        }
      }
      const created = await this.repo.insertTasks(m, planned);
      for (const t of created) if (t.assigneeId) await this.signals.publish(m, { type: VisitSignalType.ASSIGNED, taskId: t.id, assigneeId: t.assigneeId });
      if (created.length) logger.info('visit tasks planned', { month, created: created.length });
      return created.length;
    });
  }

  // ---------------------------------------------------------------- tasks

  async tasks(actor: Actor, filter: VisitTaskFilter | null | undefined, page: PageArgs): Promise<Connection<VisitTask>> {
    const region = filter?.regionId ? await this.region(filter.regionId) : null;
    const after = pageRequest(page, TASK_CURSOR).after as [string, string, string] | null;
    const { rows, total } = await this.repo.taskPage(
      { personId: actor.personId, staffScopes: actor.scopeOf(Permission.CARE_READ) },
      { regionPath: region?.path ?? null, month: filter?.month ?? null, status: filter?.status ?? null, mine: filter?.mine ?? false },
      page.first,
      after,
    );
    await this.logReads(
      actor,
      rows.slice(0, page.first).map((t) => t.personId),
      'graphql:visitTasks',
    );
    return toConnection(
      rows,
      page.first,
      total,
      (t) => [t.due, t.createdKey, t.id],
      ({ createdKey: _k, ...t }) => t,
    );
  }

  /** A task the actor may see: its assignee, or staff in scope (logged). */
  async task(actor: Actor, id: string): Promise<VisitTask | null> {
    const [t] = isUuid(id) ? await this.repo.tasksByIds([id]) : [];
    if (!t) return null;
    if (!this.seesTask(actor, t)) throw careErrors.readForbidden();
    await this.logReads(actor, [t.personId], 'graphql:visitTask');
    return t;
  }

  seesTask(actor: Actor, t: VisitTask): boolean {
    return t.assigneeId === actor.personId || actor.can(Permission.CARE_READ, { regionPath: t.gridPath });
  }

  tasksByIds(ids: readonly string[]) {
    return this.repo.tasksByIds(ids);
  }

  visitsOfTasks(ids: readonly string[]) {
    return this.repo.visitsOfTasks(ids);
  }

  /** 改派 to a grid, community or social worker in scope, or an approved, vetted volunteer whose service area holds the grid. */
  async assign(actor: Actor, taskId: string, visitorId: string): Promise<VisitTask> {
    if (!isUuid(taskId)) throw careErrors.taskNotFound();
    return this.db.transaction(async (m) => {
      await fireTransition(m, visitTaskMachine, this.repo, {
        id: taskId,
        action: VisitTaskAction.ASSIGN,
        actorId: actor.personId,
        errors: { ...TASK_ERRORS, forbidden: () => careErrors.assignForbidden() },
        partiesOf: (t) => {
          if (!actor.can(Permission.VISIT_ASSIGN, { regionPath: t.gridPath })) throw careErrors.assignForbidden();
          return new Set([VisitTaskParty.STAFF]);
        },
        effects: async (t) => {
          if (!(await this.eligibleVisitor(m, visitorId, t))) throw careErrors.visitorNotEligible();
          return { patch: { assigneeId: visitorId, assignedBy: actor.personId }, data: { from: t.assigneeId, to: visitorId } };
        },
      });
      await this.signals.publish(m, { type: VisitSignalType.ASSIGNED, taskId, assigneeId: visitorId });
      return (await this.repo.tasksByIds([taskId], m))[0];
    });
  }

  private async eligibleVisitor(m: EntityManager, visitorId: string, t: VisitTask): Promise<boolean> {
    if (!isUuid(visitorId) || visitorId === t.personId) return false;
    const grants = await this.actors.grantsOf(visitorId, m);
    if (!grants) return false;
    const visitor = new Actor(visitorId, grants);
    if (visitor.can(Permission.VISIT_AS_STAFF, { regionPath: t.gridPath })) return true;
    if (!visitor.hasRole(Role.VOLUNTEER)) return false;
    const [v] = await this.volunteers.byPersonIds([visitorId], m);
    if (!v || v.status !== VolunteerStatus.APPROVED || !v.isVetted) return false;
    const regionIds = (await this.volunteers.regionIdsOf([v.id])).map((r) => r.region_id);
    const areas = await this.regions.byIds(regionIds, m);
    return areas.some((a) => t.gridPath === a.path || t.gridPath.startsWith(a.path + '.'));
  }

  // ---------------------------------------------------------------- recording

  /**
   * 探访记录 by the assignee, in one transaction: the visit, the task's move (NOT_HOME and uncounted modes are
   * attempts; WELL/CONCERN complete; HOSPITALIZED pauses; MOVED/DECEASED end the enrolment — at once when the visitor
   * is staff who may end it, otherwise after staff confirm), a raised need (主动发现), a concern's follow-up item and
   * a volunteer visitor's minutes. Anything refused rolls all of it back.
   */
  async record(actor: Actor, input: RecordVisitInput, now = new Date()): Promise<CareVisit> {
    const findings = input.findings?.trim() || null;
    if (findings && findings.length > 2000) throw careErrors.findingsTooLong();
    const risks = [...new Set(input.risks ?? [])];
    const unknown = risks.filter((r) => !RISKS.has(r));
    if (unknown.length) throw careErrors.unknownRisk(unknown.join('、'));
    const seen = input.outcome === VisitOutcome.WELL || input.outcome === VisitOutcome.CONCERN;
    if (input.outcome === VisitOutcome.CONCERN && !findings && risks.length === 0) throw careErrors.concernNeedsFindings();
    if (input.raiseNeed && !seen) throw careErrors.needNotAllowed();
    if (input.pauseUntil && input.outcome !== VisitOutcome.HOSPITALIZED) throw careErrors.pauseUntilOnlyHospitalized();
    const minutes = input.minutes ?? DEFAULT_VISIT_MINUTES;
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 480) throw careErrors.minutesInvalid();
    if (!isUuid(input.taskId)) throw careErrors.taskNotFound();

    return this.db.transaction(async (m) => {
      // A task's window and modes never change: read them to choose the action, then lock in the engine.
      const [pre] = await this.repo.tasksByIds([input.taskId], m);
      if (!pre) throw careErrors.taskNotFound();
      const ends = input.outcome === VisitOutcome.MOVED || input.outcome === VisitOutcome.DECEASED;
      // The enrolment first, as pause and end lock it (then its tasks): the same order, no deadlock.
      const enrolment = !seen && input.outcome !== VisitOutcome.NOT_HOME ? await this.repo.lockEnrollment(m, pre.enrollmentId) : null;
      const counted = seen && pre.modes.includes(input.mode);
      const action = counted
        ? VisitTaskAction.COMPLETE
        : seen || input.outcome === VisitOutcome.NOT_HOME
          ? VisitTaskAction.ATTEMPT
          : VisitTaskAction.REPORT_ABSENCE;
      let visitId = '';
      await fireTransition(m, visitTaskMachine, this.repo, {
        id: input.taskId,
        action,
        actorId: actor.personId,
        errors: TASK_ERRORS,
        partiesOf: (t) => {
          if (t.assigneeId !== actor.personId) throw careErrors.taskForbidden();
          return new Set([VisitTaskParty.ASSIGNEE]);
        },
        effects: async (t) => {
          const at = input.visitedAt;
          if (at.getTime() > now.getTime() + 5 * 60_000) throw careErrors.visitedAtInvalid('不能晚于现在');
          if (at < startOfDay(t.earliest) || at >= endOfDay(t.last)) throw careErrors.visitedAtInvalid(`须在任务期限 ${t.earliest} 至 ${t.last} 之内`);
          const need = input.raiseNeed ? await this.needs.post(actor, { ...input.raiseNeed, beneficiaryId: t.personId }, now, m) : null;
          visitId = await this.repo.insertVisit(m, {
            taskId: t.id,
            visitorId: actor.personId,
            visitedAt: at,
            mode: input.mode,
            outcome: input.outcome,
            counted,
            minutes,
            findings,
            risks,
            raisedNeedId: need?.id ?? null,
          });
          if (input.outcome === VisitOutcome.CONCERN) {
            await this.openFollowUp(m, t, visitId, CareFollowUpKind.CONCERN, `探访发现问题，请跟进：${findings ?? risks.join('、')}`, now);
          }
          if (input.outcome === VisitOutcome.HOSPITALIZED && enrolment && !enrolment.endedAt) {
            await this.applyPause(m, actor.personId, enrolment, input.pauseUntil ?? endOfDay(t.last), '探访时得知住院');
          }
          if (ends && enrolment && !enrolment.endedAt) {
            const reason = input.outcome === VisitOutcome.MOVED ? '探访时得知已迁出' : '探访时得知已去世';
            if (actor.can(Permission.CARE_ENROL, { regionPath: t.gridPath })) {
              await this.applyEnd(m, actor.personId, enrolment, reason);
            } else {
              await this.repo.updateEnrollment(m, enrolment.id, { endReportedAt: now });
              await this.repo.recordEnrollmentEvent(m, { enrollmentId: enrolment.id, action: 'END_REPORTED', actorId: actor.personId, reason });
              await this.openFollowUp(m, t, visitId, CareFollowUpKind.END_CONFIRMATION, `${reason}，请核实后结束关爱登记（endCare）`, now);
            }
          }
          if (counted) await this.earnIfVolunteer(m, actor, t, visitId, at, minutes, now);
          return {
            patch: counted ? { doneAt: now } : action === VisitTaskAction.ATTEMPT ? { attempt: true } : {},
            data: { visitId, outcome: input.outcome, mode: input.mode, needId: need?.id ?? null },
            reason: action === VisitTaskAction.ATTEMPT && seen ? '探访方式不计入本任务' : null,
          };
        },
      });
      return (await this.repo.visitsByIds([visitId], m))[0];
    });
  }

  /** A volunteer visitor (not visiting as staff of the grid) earns the visit's minutes through the time bank, once per visit. */
  private async earnIfVolunteer(m: EntityManager, actor: Actor, t: VisitTask, visitId: string, at: Date, minutes: number, now: Date): Promise<void> {
    if (actor.can(Permission.VISIT_AS_STAFF, { regionPath: t.gridPath })) return;
    const [v] = await this.volunteers.byPersonIds([actor.personId], m);
    if (!v || v.status !== VolunteerStatus.APPROVED) return;
    await this.hooks.confirmed(m, {
      source: 'VISIT',
      sourceId: visitId,
      needId: null,
      volunteerId: v.id,
      volunteerPersonId: actor.personId,
      beneficiaryPersonId: t.personId,
      gridId: t.gridId,
      minutes,
      title: VISIT_TITLE[t.group],
      category: VISIT_CATEGORY[t.group],
      address: null,
      startedAt: at,
      endedAt: new Date(at.getTime() + minutes * 60_000),
      // The staff member who handed the visit to the volunteer answers for it (首接负责).
      confirmedBy: t.assignedBy ?? actor.personId,
      confirmedAt: now,
    });
  }

  private async openFollowUp(m: EntityManager, t: VisitTask, visitId: string | null, kind: CareFollowUpKind, note: string, now: Date): Promise<boolean> {
    const community = await this.communityOf(t.gridPath, m);
    return this.repo.openFollowUp(m, {
      kind,
      taskId: t.id,
      visitId,
      personId: t.personId,
      regionId: community?.id ?? t.gridId,
      regionPath: community?.path ?? t.gridPath,
      note,
      dueAt: addWorkingDays(now, FOLLOW_UP_WORKING_DAYS),
    });
  }

  private async communityOf(gridPath: string, m: EntityManager): Promise<Region | null> {
    const labels = gridPath.split('.');
    for (let i = labels.length - 1; i >= 0; i--) {
      const r = await this.regions.byCode(labels[i], m);
      if (r?.level === RegionLevel.COMMUNITY) return r;
    }
    return null;
  }

  // ---------------------------------------------------------------- scheduler steps

  /** Tasks past their due day: the assignee is told once. Returns how many. */
  async markOverdue(now: Date, limit = 100): Promise<number> {
    return this.db.transaction(async (m) => {
      const ids = await this.repo.dueForScheduler(m, 'OVERDUE', dayOf(now), limit);
      for (const id of ids) {
        const { before } = await fireTransition(m, visitTaskMachine, this.repo, {
          id,
          action: VisitTaskAction.OVERDUE,
          actorId: null,
          errors: TASK_ERRORS,
          partiesOf: () => new Set([VisitTaskParty.SYSTEM]),
          effects: async () => ({ patch: { overdueAt: now } }),
        });
        if (before.assigneeId) await this.signals.publish(m, { type: VisitSignalType.OVERDUE, taskId: id, assigneeId: before.assigneeId });
      }
      return ids.length;
    });
  }

  /** Tasks past their last day become MISSED, once, each with one callback item for the community. Returns how many. */
  async markMissed(now: Date, limit = 100): Promise<number> {
    return this.db.transaction(async (m) => {
      const ids = await this.repo.dueForScheduler(m, 'MISS', dayOf(now), limit);
      for (const id of ids) {
        await fireTransition(m, visitTaskMachine, this.repo, {
          id,
          action: VisitTaskAction.MISS,
          actorId: null,
          reason: '超过最晚探访日期仍未探访',
          errors: TASK_ERRORS,
          partiesOf: () => new Set([VisitTaskParty.SYSTEM]),
          effects: async (t) => {
            await this.openFollowUp(m, t, null, CareFollowUpKind.MISSED_CALLBACK, `未按期探访（${t.earliest} 至 ${t.last}），请回访并尽快补访`, now);
            return { patch: { missedAt: now } };
          },
        });
      }
      return ids.length;
    });
  }

  async rootRegionIds(): Promise<string[]> {
    return (await this.regions.roots()).map((r) => r.id);
  }

  // ---------------------------------------------------------------- follow-ups

  async followUps(actor: Actor, filter: CareFollowUpFilter | null | undefined, page: PageArgs): Promise<Connection<CareFollowUp>> {
    const region = filter?.regionId ? await this.region(filter.regionId) : null;
    const after = pageRequest(page, FOLLOW_UP_CURSOR).after as [string, string] | null;
    const { rows, total } = await this.repo.followUpPage(
      actor.scopeOf(Permission.CARE_FOLLOW_UP),
      { regionPath: region?.path ?? null, status: filter?.status ?? null },
      page.first,
      after,
    );
    await this.logReads(
      actor,
      rows.slice(0, page.first).map((f) => f.personId),
      'graphql:careFollowUps',
    );
    return toConnection(
      rows,
      page.first,
      total,
      (f) => [f.createdKey, f.id],
      ({ createdKey: _k, ...f }) => f,
    );
  }

  /** Closes a follow-up with what was done. Resolving an END_CONFIRMATION means the report was wrong: the enrolment stays. */
  async resolveFollowUp(actor: Actor, id: string, resolution: string): Promise<CareFollowUp> {
    const text = resolution?.trim() ?? '';
    if (!text || text.length > 1000) throw careErrors.resolutionRequired();
    return this.db.transaction(async (m) => {
      const f = isUuid(id) ? await this.repo.lockFollowUp(m, id) : null;
      if (!f) throw careErrors.followUpNotFound();
      if (!actor.can(Permission.CARE_FOLLOW_UP, { regionPath: f.regionPath })) throw careErrors.readForbidden();
      if (f.status !== 'OPEN') throw careErrors.followUpResolved();
      if (f.kind === CareFollowUpKind.END_CONFIRMATION) {
        const [t] = await this.repo.tasksByIds([f.taskId], m);
        const e = await this.repo.lockEnrollment(m, t.enrollmentId);
        if (e && !e.endedAt) {
          await this.repo.updateEnrollment(m, e.id, { endReportedAt: null });
          await this.repo.recordEnrollmentEvent(m, { enrollmentId: e.id, action: 'END_REPORT_REJECTED', actorId: actor.personId, reason: text });
        }
      }
      return this.repo.resolveFollowUp(m, id, text, actor.personId);
    });
  }

  // ---------------------------------------------------------------- rate

  /** 探访率 of a region and month: totals, each child region, each care group, each visitor. */
  async rate(actor: Actor, regionId: string, month: string, group: CareGroup | null): Promise<VisitRate> {
    if (!parseMonth(month)) throw careErrors.monthInvalid('例如 2026-12');
    const region = await this.region(regionId);
    if (!actor.can(Permission.VISIT_RATE_READ, { regionPath: region.path })) throw careErrors.readForbidden();
    const figures = (c: RateCounts | undefined) => {
      const due = c?.due ?? 0;
      const done = c?.done ?? 0;
      return { due, done, missed: c?.missed ?? 0, pending: c?.pending ?? 0, rate: due > 0 ? done / due : null };
    };
    const [total] = await this.repo.rateCounts(region.path, month, group, null);
    const byChild = new Map((await this.repo.rateCounts(region.path, month, group, 'child')).map((c) => [c.key, c]));
    const children = await this.regions.childrenOf([region.id]);
    const byGroup = group ? [] : await this.repo.rateCounts(region.path, month, null, 'group');
    const byVisitor = (await this.repo.rateCounts(region.path, month, group, 'visitor')).filter((c) => c.key !== null);
    const empty = { children: [], groups: [], visitors: [] };
    return {
      regionId: region.id,
      month,
      group,
      ...figures(total),
      children: children.map((c) => ({ regionId: c.id, month, group, ...figures(byChild.get(c.code)), ...empty })),
      groups: byGroup.map((g) => ({ regionId: region.id, month, group: g.key as CareGroup, ...figures(g), ...empty })),
      visitors: byVisitor.map((v) => ({ visitorId: v.key!, ...figures(v) })),
    };
  }
}

export { CareStatus };
