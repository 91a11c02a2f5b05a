import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CharityKind } from '../charity/charity.model.js';
import { CharityRepository } from '../charity/charity.repository.js';
import { CharityService } from '../charity/charity.service.js';
import { badInput } from '../common/errors.js';
import { Connection, toConnection } from '../common/graphql/connection.js';
import { KeysetOrder, pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { ServiceConfirmationHooks } from '../common/service-confirmed.js';
import { CommitmentChecks, CommitmentSource, CommitmentWindow } from '../common/commitments.js';
import { fireTransition, TransitionErrors } from '../common/state-machine.js';
import { MatchingService } from '../matching/matching.service.js';
import { NeedCategory } from '../needs/need.model.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { OrganizationStatus } from '../organizations/organization.model.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { RegionLevel } from '../regions/region-level.js';
import { Region } from '../regions/region.model.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { VolunteerStatus } from '../volunteers/volunteer.model.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { ProjectSignals, ProjectSignalType } from './project-signals.js';
import { allocateTranche, organizationFits, scoresProblem, totalScore } from './organization-fit.js';
import {
  ApplyForProjectInput,
  AttendanceInput,
  DisburseProjectFundsInput,
  EvaluateProjectInput,
  ProjectsArgs,
  ProposeProjectInput,
  RecordConsultationInput,
  SatisfactionInput,
  ScheduleActivityInput,
} from './project.input.js';
import {
  ActivitySignup,
  ActivityStatus,
  ApplicationStatus,
  Consultation,
  EvaluationStage,
  FundingSource,
  Project,
  ProjectActivity,
  ProjectApplication,
  ProjectEvaluation,
  ProjectEvaluatorGrant,
  ProjectIndicator,
  SignupStatus,
} from './project.model.js';
import { PROJECT_MACHINE, ProjectAction, ProjectParty, ProjectStatus, PUBLIC_STATUSES } from './project-transitions.js';
import { projectErrors } from './projects.errors.js';
import { ProjectPatch, ProjectsRepository } from './projects.repository.js';

const ERRORS: TransitionErrors<ProjectStatus> = {
  notFound: () => projectErrors.notFound(),
  forbidden: () => projectErrors.forbidden(),
  illegal: (status) => projectErrors.illegal(status),
  reasonRequired: () => projectErrors.reasonRequired(),
};

/** The cursor of `projects`: (created at as PostgreSQL writes it, microseconds kept; id), newest first. */
const PROJECT_CURSOR: KeysetOrder = {
  keys: [
    { sql: 'p.created_at', type: 'timestamptz' },
    { sql: 'p.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

const OVERLAP_REASON = '该时段已有其他服务安排';
const DAY = 24 * 3600_000;

type Effects = (m: EntityManager, p: Project, to: ProjectStatus) => Promise<{ patch?: ProjectPatch; data?: unknown; reason?: string | null } | void>;

/**
 * Projects 民生项目 (docs/projects.md): the station's loop from needs to a funded, undertaken, delivered and
 * evaluated project. Every state change goes through the one table (project-transitions.ts) and `fireTransition`;
 * money moves through the charity module's fund accounts; minutes through the time bank's confirmation hook.
 */
@Injectable()
export class ProjectsService implements OnModuleInit, CommitmentSource {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ProjectsRepository,
    private readonly regions: RegionsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly charities: CharityRepository,
    private readonly charity: CharityService,
    private readonly resources: ResourcesRepository,
    private readonly needs: NeedsRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly matching: MatchingService,
    private readonly hooks: ServiceConfirmationHooks,
    private readonly commitments: CommitmentChecks,
    private readonly signals: ProjectSignals,
  ) {}

  onModuleInit(): void {
    this.commitments.register(this);
  }

  /** A need claim or dispatch asks this: a slot (not a waitlist place) in a scheduled activity overlapping the window. */
  overlaps(m: EntityManager, w: CommitmentWindow): Promise<boolean> {
    return this.repo.overlappingSignup(m, w.volunteerId, w.start, w.end, null);
  }

  // ---------------------------------------------------------------- parties and the engine

  /** How the actor relates to the project (ProjectParty), from the one permission matrix. */
  partiesOf(actor: Actor, p: Project): Set<ProjectParty> {
    const parties = new Set<ProjectParty>();
    const at = { regionPath: p.path };
    if (actor.can(Permission.PROJECT_APPROVE, at)) parties.add(ProjectParty.APPROVER);
    if (actor.can(Permission.PROJECT_BROKER, at)) parties.add(ProjectParty.BROKER);
    if (actor.can(Permission.PROJECT_EVALUATE, at)) parties.add(ProjectParty.EVALUATOR);
    if (actor.can(Permission.PROJECT_DISBURSE, at)) parties.add(ProjectParty.DISBURSER);
    if (p.organizationId && actor.can(Permission.PROJECT_RUN, { organizationId: p.organizationId })) parties.add(ProjectParty.ORGANIZATION);
    return parties;
  }

  private async fire(
    m: EntityManager,
    actor: Actor,
    id: string,
    action: ProjectAction,
    reason: string | null,
    effects?: Effects,
    extra?: (p: Project) => Promise<ProjectParty[]>,
  ): Promise<Project> {
    if (!isUuid(id)) throw projectErrors.notFound();
    await fireTransition(m, PROJECT_MACHINE, this.repo, {
      id,
      action,
      actorId: actor.personId,
      reason,
      partiesOf: async (p) => new Set([...this.partiesOf(actor, p), ...(extra ? await extra(p) : [])]),
      effects: effects ? (p, to) => effects(m, p, to) : undefined,
      errors: ERRORS,
    });
    return (await this.repo.byIds([id], m))[0];
  }

  /** State-gated operations that change no status (apply, schedule, confirm an activity): the table decides, nothing is recorded. */
  private async gate(m: EntityManager, actor: Actor, id: string, action: ProjectAction, parties?: Set<ProjectParty>): Promise<Project> {
    const p = isUuid(id) ? await this.repo.lock(m, id) : null;
    if (!p) throw projectErrors.notFound();
    const d = PROJECT_MACHINE.decide(p.status, action, parties ?? this.partiesOf(actor, p));
    if (!d.ok) throw d.code === 'CONFLICT' ? projectErrors.illegal(p.status) : projectErrors.forbidden();
    return p;
  }

  private tx<T>(run: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(run);
  }

  // ---------------------------------------------------------------- reading (信息公开)

  /** FULL for staff in scope, the proposer and the undertaking organization; PUBLIC (no personal data) from PUBLISHED on; otherwise hidden. */
  viewOf(actor: Actor | undefined, p: Project): 'FULL' | 'PUBLIC' | null {
    if (actor) {
      const at = { regionPath: p.path };
      if (
        p.proposedBy === actor.personId ||
        actor.can(Permission.PROJECT_READ, at) ||
        actor.can(Permission.PROJECT_BROKER, at) ||
        actor.can(Permission.PROJECT_APPROVE, at) ||
        actor.can(Permission.PROJECT_EVALUATE, at) ||
        actor.can(Permission.PROJECT_DISBURSE, at) ||
        (p.organizationId && actor.can(Permission.PROJECT_RUN, { organizationId: p.organizationId })) ||
        (p.concernedPaths ?? []).some((path) => actor.can(Permission.PROJECT_READ, { regionPath: path }))
      )
        return 'FULL';
    }
    return PUBLIC_STATUSES.includes(p.status) ? 'PUBLIC' : null;
  }

  private withView(actor: Actor | undefined, p: Project | undefined): Project | null {
    if (!p) return null;
    const view = this.viewOf(actor, p);
    return view ? { ...p, view } : null;
  }

  async find(actor: Actor | undefined, id: string): Promise<Project | null> {
    if (!isUuid(id)) return null;
    return this.withView(actor, (await this.repo.byIds([id]))[0]);
  }

  async findMany(actor: Actor | undefined, ids: readonly string[]): Promise<(Project | null)[]> {
    const rows = new Map((await this.repo.byIds(ids.filter(isUuid))).map((p) => [p.id, p]));
    return ids.map((id) => this.withView(actor, rows.get(id)));
  }

  async list(actor: Actor | undefined, args: ProjectsArgs): Promise<Connection<Project>> {
    let regionPath: string | null = null;
    if (args.filter?.regionId) {
      const [region] = isUuid(args.filter.regionId) ? await this.regions.byIds([args.filter.regionId]) : [];
      if (!region) throw badInput('filter.regionId', '区域不存在');
      regionPath = region.path;
    }
    // The keyset helper checks the cursor's parts (a crafted one is BAD_USER_INPUT 分页游标无效, never a SQL error).
    const after = pageRequest({ first: args.first, after: args.after ?? undefined }, PROJECT_CURSOR).after as [string, string] | null;
    const organizationIds = actor ? actor.grants.filter((g) => g.organizationId).map((g) => g.organizationId!) : [];
    const { rows, total } = await this.repo.page(
      { staffScopes: actor ? actor.scopeOf(Permission.PROJECT_READ) : [], organizationIds, personId: actor?.personId ?? null, publicStatuses: PUBLIC_STATUSES },
      { status: args.filter?.status, category: args.filter?.category, regionPath },
      args.first,
      after,
    );
    return toConnection(
      rows,
      args.first,
      total,
      (p) => [p.createdKey, p.id],
      ({ createdKey: _k, ...p }) => ({ ...p, view: this.viewOf(actor, p) ?? 'PUBLIC' }),
    );
  }

  /** The computed indicators of each project: target from the proposal, actual from operations. */
  async indicators(projectIds: readonly string[], m?: EntityManager): Promise<Map<string, ProjectIndicator[]>> {
    const [targets, actuals] = await Promise.all([this.repo.targets(projectIds, m), this.repo.actuals(projectIds, m)]);
    const values = new Map(actuals.map((a) => [a.projectId, a.values]));
    const out = new Map<string, ProjectIndicator[]>(projectIds.map((id) => [id, []]));
    for (const t of targets) {
      const actual = values.get(t.projectId)?.[t.metric] ?? null;
      out.get(t.projectId)!.push({
        metric: t.metric,
        target: t.target,
        actual,
        progress: actual === null || t.target === 0 ? null : Math.round((actual / t.target) * 1000) / 1000,
      });
    }
    return out;
  }

  /** Applications the viewer may see: all for FULL viewers, their own organizations' otherwise, and the award publicly. */
  visibleApplications(actor: Actor | undefined, p: Project, apps: ProjectApplication[]): ProjectApplication[] {
    if (p.view === 'FULL') return apps;
    return apps.filter((a) => a.status === ApplicationStatus.AWARDED || (actor && actor.can(Permission.PROJECT_APPLY, { organizationId: a.organizationId })));
  }

  // ---------------------------------------------------------------- proposal and approval

  async propose(actor: Actor, input: ProposeProjectInput): Promise<Project> {
    const region = await this.projectRegion(input.regionId);
    if (!actor.can(Permission.PROJECT_PROPOSE, { regionPath: region.path })) throw projectErrors.outOfScope();
    if (!(input.startsOn instanceof Date) || !(input.endsOn instanceof Date) || input.endsOn.getTime() <= input.startsOn.getTime()) throw projectErrors.dates();
    if (input.fundingLines.length === 0) throw projectErrors.fundingEmpty();
    const street = streetPathOf(region);
    const metrics = input.indicators.map((i) => i.metric);
    if (new Set(metrics).size !== metrics.length || input.indicators.some((i) => !Number.isInteger(i.target) || i.target < 0)) throw projectErrors.indicators();
    const needIds = [...new Set(input.needIds ?? [])];
    const resourceIds = [...new Set(input.resourceIds ?? [])];
    if (needIds.some((id) => !isUuid(id))) throw projectErrors.needsUnavailable(needIds.filter((id) => !isUuid(id)).length);
    if (resourceIds.some((id) => !isUuid(id))) throw projectErrors.resourceUnavailable();
    const id = await this.tx(async (m) => {
      let budget = 0;
      for (const [i, line] of input.fundingLines.entries()) {
        if (!Number.isSafeInteger(line.amountFen) || line.amountFen <= 0) throw projectErrors.fundingAmount(i);
        budget += line.amountFen;
        if ((line.source === FundingSource.CHARITY_FUND) !== !!line.charityId) throw projectErrors.fundingCharity(i);
        if (line.charityId) {
          const [fund] = isUuid(line.charityId) ? await this.charities.byIds([line.charityId], m) : [];
          if (!fund || fund.kind !== CharityKind.FUND || !pathWithin(fund.path, street)) throw projectErrors.fundingCharity(i);
        }
      }
      if (resourceIds.length > 0) {
        const found = await this.resources.byIds(resourceIds, m);
        if (found.length !== resourceIds.length || found.some((r) => !r.active || !(pathWithin(r.path, street) || pathWithin(street, r.path))))
          throw projectErrors.resourceUnavailable();
      }
      if (input.consultationId) {
        const [c] = isUuid(input.consultationId) ? await this.repo.consultationsByIds([input.consultationId], m) : [];
        if (!c || !pathWithin(c.path, street)) throw projectErrors.consultation();
      }
      const projectId = await this.repo.insert(m, {
        title: input.title.trim(),
        category: input.category,
        description: input.description.trim(),
        targetGroups: (input.targetGroups ?? []).map((t) => t.trim()).filter(Boolean),
        regionId: region.id,
        path: region.path,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        budgetFen: budget,
        consultationId: input.consultationId ?? null,
        proposedBy: actor.personId,
      });
      for (const [i, line] of input.fundingLines.entries())
        await this.repo.insertFundingLine(m, projectId, i, { source: line.source, amountFen: line.amountFen, charityId: line.charityId ?? null });
      for (const ind of input.indicators) await this.repo.insertIndicator(m, projectId, ind.metric, ind.target);
      if (resourceIds.length > 0) await this.repo.linkResources(m, projectId, resourceIds);
      if (needIds.length > 0) {
        // The needs module owns the link: only needs nobody holds, under the project's region, not linked elsewhere.
        const linked = await this.needs.linkToProject(m, needIds, projectId, region.path);
        if (linked.length !== needIds.length) throw projectErrors.needsUnavailable(needIds.length - linked.length);
      }
      await this.repo.recordHistory(m, {
        id: projectId,
        action: 'PROPOSE',
        from: ProjectStatus.PROPOSED,
        to: ProjectStatus.PROPOSED,
        actorId: actor.personId,
        reason: null,
        data: { budgetFen: budget, needs: needIds.length },
      });
      return projectId;
    });
    return (await this.find(actor, id))!;
  }

  /** 立项: the street admin approves; each charity line is reserved from its fund in the same transaction. */
  approve(actor: Actor, id: string, note: string | null | undefined): Promise<Project> {
    if (note && note.length > 500) throw badInput('note', '备注不超过500字');
    return this.tx((m) =>
      this.fire(m, actor, id, ProjectAction.APPROVE, note?.trim() || null, async (m2, p) => {
        const reserved: { charityId: string; amountFen: number; transferId: string }[] = [];
        for (const line of await this.repo.fundingLines([p.id], m2)) {
          if (line.source !== FundingSource.CHARITY_FUND) continue;
          const transferId = await this.charity.reserveForProject(m2, {
            charityId: line.charityId!,
            projectId: p.id,
            amountFen: line.amountFen,
            recordedBy: actor.personId,
            purpose: `项目预留：${p.title}`,
          });
          await this.repo.addToLine(m2, line.id, 'reserved', line.amountFen);
          reserved.push({ charityId: line.charityId!, amountFen: line.amountFen, transferId });
        }
        return { data: { reserved } };
      }),
    );
  }

  reject(actor: Actor, id: string, reason: string): Promise<Project> {
    if (reason && reason.length > 500) throw badInput('reason', '理由不超过500字');
    return this.tx((m) =>
      this.fire(m, actor, id, ProjectAction.REJECT, reason, async (m2, p) => {
        await this.needs.unlinkFromProject(m2, p.id, []);
        return { patch: { statusReason: reason.trim() } };
      }),
    );
  }

  publish(actor: Actor, id: string, applyBy: Date, now = new Date()): Promise<Project> {
    return this.tx((m) =>
      this.fire(m, actor, id, ProjectAction.PUBLISH, null, async (_m2, p) => {
        if (!(applyBy instanceof Date) || applyBy.getTime() <= now.getTime() || applyBy.getTime() > p.endsOn.getTime()) throw projectErrors.applyBy();
        return { patch: { applyBy }, data: { applyBy: applyBy.toISOString() } };
      }),
    );
  }

  // ---------------------------------------------------------------- applications and award

  async applyFor(actor: Actor, input: ApplyForProjectInput, now = new Date()): Promise<ProjectApplication> {
    if (!isUuid(input.organizationId)) throw projectErrors.organizationNotFound();
    if (!actor.can(Permission.PROJECT_APPLY, { organizationId: input.organizationId })) throw projectErrors.forbidden();
    const id = await this.tx(async (m) => {
      const p = await this.gate(m, actor, input.projectId, ProjectAction.APPLY, new Set([ProjectParty.APPLICANT]));
      if (p.applyBy && p.applyBy.getTime() < now.getTime()) throw projectErrors.applicationsClosed();
      const [org] = await this.organizations.byIds([input.organizationId], m);
      if (!org) throw projectErrors.organizationNotFound();
      if (org.status !== OrganizationStatus.APPROVED) throw projectErrors.organizationNotFit('组织未通过审核或已暂停');
      if (!organizationFits(p.category, org.category)) throw projectErrors.organizationNotFit('组织类别与项目领域不符');
      if (!(pathWithin(p.path, org.path) || pathWithin(org.path, p.path))) throw projectErrors.organizationNotFit('组织不在项目所在区域');
      if (input.quoteFen > p.budgetFen) throw projectErrors.quoteOverBudget(p.budgetFen);
      const applicationId = await this.repo.insertApplication(m, {
        projectId: p.id,
        organizationId: org.id,
        plan: input.plan.trim(),
        quoteFen: input.quoteFen,
        team: input.team?.trim() || null,
        appliedBy: actor.personId,
      });
      if (!applicationId) throw projectErrors.applicationExists();
      return applicationId;
    });
    return (await this.repo.applicationsByIds([id]))[0];
  }

  async withdrawApplication(actor: Actor, applicationId: string): Promise<ProjectApplication> {
    if (!isUuid(applicationId)) throw projectErrors.applicationNotFound();
    await this.tx(async (m) => {
      const found = (await this.repo.applicationsByIds([applicationId], m))[0];
      if (!found) throw projectErrors.applicationNotFound();
      if (!actor.can(Permission.PROJECT_APPLY, { organizationId: found.organizationId })) throw projectErrors.forbidden();
      // Project first, then the application: the same order as an award, so the two never deadlock.
      await this.gate(m, actor, found.projectId, ProjectAction.APPLY, new Set([ProjectParty.APPLICANT]));
      const a = (await this.repo.lockApplication(m, applicationId))!;
      if (a.status !== ApplicationStatus.SUBMITTED) throw projectErrors.applicationNotLive();
      await this.repo.setApplicationStatus(m, a.id, ApplicationStatus.WITHDRAWN, null);
    });
    return (await this.repo.applicationsByIds([applicationId]))[0];
  }

  /** 承接: the station awards one live application with a reason; every other live one is declined and told. */
  award(actor: Actor, projectId: string, applicationId: string, reason: string): Promise<Project> {
    if (reason && reason.length > 500) throw badInput('reason', '理由不超过500字');
    return this.tx((m) =>
      this.fire(m, actor, projectId, ProjectAction.AWARD, reason, async (m2, p) => {
        const a = isUuid(applicationId) ? await this.repo.lockApplication(m2, applicationId) : null;
        if (!a || a.projectId !== p.id) throw projectErrors.applicationNotFound();
        if (a.status !== ApplicationStatus.SUBMITTED) throw projectErrors.applicationNotLive();
        const [org] = await this.organizations.byIds([a.organizationId], m2);
        if (!org || org.status !== OrganizationStatus.APPROVED) throw projectErrors.organizationNotFit('组织未通过审核或已暂停');
        await this.repo.setApplicationStatus(m2, a.id, ApplicationStatus.AWARDED, reason.trim());
        const declined = await this.repo.declineOthers(m2, p.id, a.id, `已确定承接组织：${org.name}。${reason.trim()}`.slice(0, 500));
        await this.signals.publish(m2, { type: ProjectSignalType.AWARDED, projectId: p.id, applicationId: a.id, organizationId: a.organizationId });
        for (const d of declined)
          await this.signals.publish(m2, { type: ProjectSignalType.NOT_AWARDED, projectId: p.id, applicationId: d.id, organizationId: d.organizationId });
        return {
          patch: { organizationId: a.organizationId },
          data: { applicationId: a.id, organizationId: a.organizationId, quoteFen: a.quoteFen, declined: declined.length },
        };
      }),
    );
  }

  start(actor: Actor, id: string): Promise<Project> {
    return this.tx((m) => this.fire(m, actor, id, ProjectAction.START, null));
  }

  suspend(actor: Actor, id: string, reason: string): Promise<Project> {
    return this.tx((m) => this.fire(m, actor, id, ProjectAction.SUSPEND, reason, async () => ({ patch: { statusReason: reason.trim() } })));
  }

  resume(actor: Actor, id: string): Promise<Project> {
    return this.tx((m) => this.fire(m, actor, id, ProjectAction.RESUME, null, async () => ({ patch: { statusReason: null } })));
  }

  close(actor: Actor, id: string): Promise<Project> {
    return this.tx((m) => this.fire(m, actor, id, ProjectAction.CLOSE, null));
  }

  /** Cancelling releases what each fund still holds for the project, cancels the activities not held yet and frees the unserved needs. */
  cancel(actor: Actor, id: string, reason: string): Promise<Project> {
    if (reason && reason.length > 500) throw badInput('reason', '理由不超过500字');
    return this.tx((m) =>
      this.fire(m, actor, id, ProjectAction.CANCEL, reason, async (m2, p) => {
        const released: { charityId: string; amountFen: number }[] = [];
        for (const line of await this.repo.fundingLines([p.id], m2)) {
          if (line.source !== FundingSource.CHARITY_FUND || line.reservedFen <= 0) continue;
          await this.charity.releaseForProject(m2, {
            charityId: line.charityId!,
            projectId: p.id,
            amountFen: line.reservedFen,
            recordedBy: actor.personId,
            purpose: `项目取消：${p.title}`,
          });
          await this.repo.addToLine(m2, line.id, 'released', line.reservedFen);
          released.push({ charityId: line.charityId!, amountFen: line.reservedFen });
        }
        await this.repo.cancelScheduledActivities(m2, p.id);
        await this.needs.unlinkFromProject(m2, p.id, await this.repo.fulfilledNeedIds([p.id], m2));
        return { patch: { statusReason: reason.trim() }, data: { released } };
      }),
    );
  }

  // ---------------------------------------------------------------- money out

  /** Pays a tranche to the undertaking organization against a milestone, from the charity reservations in line order. */
  async disburse(actor: Actor, input: DisburseProjectFundsInput): Promise<Project> {
    const key = input.idempotencyKey.trim();
    const milestone = input.milestone.trim();
    if (!key) throw badInput('idempotencyKey', '请填写幂等键');
    if (!milestone) throw badInput('milestone', '请填写里程碑');
    if (!isUuid(input.projectId)) throw projectErrors.notFound();
    return this.tx(async (m) => {
      const locked = await this.repo.lock(m, input.projectId);
      if (!locked) throw projectErrors.notFound();
      if (!actor.can(Permission.PROJECT_DISBURSE, { regionPath: locked.path })) throw projectErrors.forbidden();
      const before = await this.repo.disbursement(m, locked.id, key);
      if (before) {
        if (before.amountFen !== input.amountFen || before.milestone !== milestone) throw projectErrors.idempotencyMismatch();
        return (await this.repo.byIds([locked.id], m))[0];
      }
      return this.fire(m, actor, locked.id, ProjectAction.DISBURSE, milestone, async (m2, p) => {
        if (!p.organizationId) throw projectErrors.noOrganization();
        const lines = (await this.repo.fundingLines([p.id], m2)).filter((l) => l.source === FundingSource.CHARITY_FUND);
        const held = lines.reduce((s, l) => s + l.reservedFen, 0);
        const pieces = allocateTranche(
          input.amountFen,
          lines.map((l) => ({ id: l.id, held: l.reservedFen })),
        );
        if (!pieces) throw projectErrors.overDisbursement(held);
        const transfers: string[] = [];
        for (const piece of pieces) {
          const line = lines.find((l) => l.id === piece.id)!;
          transfers.push(
            await this.charity.disburseForProject(m2, {
              charityId: line.charityId!,
              projectId: p.id,
              amountFen: piece.amount,
              recordedBy: actor.personId,
              purpose: `项目拨付：${p.title}（${milestone}）`,
            }),
          );
          await this.repo.addToLine(m2, line.id, 'disbursed', piece.amount);
        }
        await this.repo.insertDisbursement(m2, {
          projectId: p.id,
          key,
          milestone,
          amountFen: input.amountFen,
          organizationId: p.organizationId,
          recordedBy: actor.personId,
        });
        return { data: { amountFen: input.amountFen, milestone, idempotencyKey: key, organizationId: p.organizationId, transfers } };
      });
    });
  }

  // ---------------------------------------------------------------- activities

  async scheduleActivity(actor: Actor, input: ScheduleActivityInput, now = new Date()): Promise<ProjectActivity> {
    const start = input.startsAt;
    const end = input.endsAt;
    if (start.getTime() <= now.getTime() || end.getTime() <= start.getTime() || end.getTime() - start.getTime() > DAY) throw projectErrors.activityTimes();
    const skills = [...new Set((input.requiredSkills ?? []).map((s) => s.trim()).filter(Boolean))];
    const id = await this.tx(async (m) => {
      const p = await this.gate(m, actor, input.projectId, ProjectAction.SCHEDULE_ACTIVITY);
      const [projectRegion] = await this.regions.byIds([p.regionId], m);
      let place = projectRegion;
      if (input.regionId) {
        const [r] = isUuid(input.regionId) ? await this.regions.byIds([input.regionId], m) : [];
        if (!r) throw projectErrors.activityRegion();
        place = r;
      }
      if (![RegionLevel.COMMUNITY, RegionLevel.GRID].includes(place.level) || !pathWithin(place.path, p.path)) throw projectErrors.activityRegion();
      return this.repo.insertActivity(m, {
        projectId: p.id,
        title: input.title.trim(),
        startsAt: start,
        endsAt: end,
        address: input.address.trim(),
        regionId: place.id,
        path: place.path,
        slots: input.volunteerSlots,
        skills,
        createdBy: actor.personId,
      });
    });
    return (await this.activities(actor, [id]))[0]!;
  }

  /** Activities with `showsPeople` set for the viewer. */
  async activities(actor: Actor | undefined, ids: readonly string[]): Promise<(ProjectActivity | null)[]> {
    const rows = await this.repo.activitiesByIds(ids.filter(isUuid));
    const projects = new Map((await this.repo.byIds([...new Set(rows.map((a) => a.projectId))])).map((p) => [p.id, p]));
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => {
      const a = byId.get(id);
      const p = a && projects.get(a.projectId);
      const view = p ? this.viewOf(actor, p) : null;
      return a && view ? { ...a, showsPeople: view === 'FULL' } : null;
    });
  }

  /** 报名: one slot per volunteer; at most `volunteerSlots` signed up even under a race (the activity row is locked); the rest CONFLICT or the waitlist. */
  async signUp(actor: Actor, activityId: string, waitlist: boolean, now = new Date()): Promise<ProjectActivity> {
    const [v] = await this.volunteers.byPersonIds([actor.personId]);
    if (!v || v.status !== VolunteerStatus.APPROVED) throw projectErrors.notVolunteer();
    const [found] = isUuid(activityId) ? await this.repo.activitiesByIds([activityId]) : [];
    if (!found) throw projectErrors.activityNotFound();
    if (!actor.can(Permission.ACTIVITY_SIGN_UP, { regionPath: found.path })) throw projectErrors.notEligible('活动不在您的服务区域');
    await this.tx(async (m) => {
      // The volunteer's hold lock (shared with need claims), then the activity row.
      await this.needs.lockVolunteer(m, v.id);
      const a = (await this.repo.lockActivity(m, activityId))!;
      const [p] = await this.repo.byIds([a.projectId], m);
      if (!PROJECT_MACHINE.from(ProjectAction.SCHEDULE_ACTIVITY).includes(p.status)) throw projectErrors.illegal(p.status);
      if (a.status !== ActivityStatus.SCHEDULED || a.startsAt.getTime() <= now.getTime()) throw projectErrors.activityClosed();
      const existing = await this.repo.signupOf(m, a.id, v.id);
      if (existing && existing.status !== SignupStatus.CANCELLED) throw projectErrors.alreadySignedUp();
      const fit = await this.matching.checkSession(m, v.id, {
        category: a.category,
        requiredSkills: a.requiredSkills,
        start: a.startsAt,
        end: a.endsAt,
        path: a.path,
        requiresVetting: a.category === NeedCategory.CHILD_CARE,
      });
      if (!fit) throw projectErrors.notVolunteer();
      if (fit.excluded.includes(OVERLAP_REASON) || (await this.repo.overlappingSignup(m, v.id, a.startsAt, a.endsAt, a.id))) throw projectErrors.overlapping();
      if (fit.excluded.length > 0) throw projectErrors.notEligible(fit.excluded.join('；'));
      if (a.signedUpCount < a.volunteerSlots) await this.repo.upsertSignup(m, a.id, v.id, SignupStatus.SIGNED_UP);
      else if (waitlist) await this.repo.upsertSignup(m, a.id, v.id, SignupStatus.WAITLISTED);
      else throw projectErrors.activityFull();
    });
    return (await this.activities(actor, [activityId]))[0] ?? { ...(await this.repo.activitiesByIds([activityId]))[0], showsPeople: false };
  }

  /** Cancelling a slot moves the first on the waitlist up, in the same transaction. */
  async cancelSignup(actor: Actor, activityId: string): Promise<ProjectActivity> {
    const [v] = await this.volunteers.byPersonIds([actor.personId]);
    if (!v) throw projectErrors.notVolunteer();
    if (!isUuid(activityId)) throw projectErrors.activityNotFound();
    await this.tx(async (m) => {
      const a = await this.repo.lockActivity(m, activityId);
      if (!a) throw projectErrors.activityNotFound();
      if (a.status !== ActivityStatus.SCHEDULED) throw projectErrors.activityClosed();
      const mine = await this.repo.signupOf(m, a.id, v.id);
      if (!mine || mine.status === SignupStatus.CANCELLED) throw projectErrors.notSignedUp();
      await this.repo.setSignup(m, a.id, v.id, SignupStatus.CANCELLED);
      if (mine.status === SignupStatus.SIGNED_UP) {
        // The first waitlisted volunteer who still fits moves up; an unfit one (vetting lapsed, now busy, …) keeps
        // their waitlist place and is passed over (docs/projects.md, "Waitlist").
        for (const next of await this.repo.waitlisted(m, a.id)) {
          if (await this.stillFits(m, a, next)) {
            await this.repo.setSignup(m, a.id, next, SignupStatus.SIGNED_UP);
            break;
          }
        }
      }
    });
    return (await this.activities(actor, [activityId]))[0] ?? { ...(await this.repo.activitiesByIds([activityId]))[0], showsPeople: false };
  }

  /** The sign-up fitness rules, re-checked for a waitlisted volunteer about to take a slot. */
  private async stillFits(
    m: EntityManager,
    a: { id: string; category: NeedCategory; requiredSkills: string[]; startsAt: Date; endsAt: Date; path: string },
    volunteerId: string,
  ): Promise<boolean> {
    const [v] = await this.volunteers.byIds([volunteerId]);
    if (!v || v.status !== VolunteerStatus.APPROVED) return false;
    const fit = await this.matching.checkSession(m, volunteerId, {
      category: a.category,
      requiredSkills: a.requiredSkills,
      start: a.startsAt,
      end: a.endsAt,
      path: a.path,
      requiresVetting: a.category === NeedCategory.CHILD_CARE,
    });
    if (!fit || fit.excluded.length > 0) return false;
    return !(await this.repo.overlappingSignup(m, volunteerId, a.startsAt, a.endsAt, a.id));
  }

  async mySignup(actor: Actor | undefined, activityId: string): Promise<ActivitySignup | null> {
    if (!actor) return null;
    const [v] = await this.volunteers.byPersonIds([actor.personId]);
    if (!v) return null;
    const s = await this.repo.signupOf(this.db.manager, activityId, v.id);
    if (!s) return null;
    return {
      activityId,
      status: s.status,
      waitlistPosition: s.status === SignupStatus.WAITLISTED ? await this.repo.waitlistPosition(this.db.manager, activityId, v.id) : null,
    };
  }

  /**
   * 确认出勤: the organization records who attended and for how long; each attendee earns through the time bank in
   * this transaction (one service record each, source ACTIVITY, group-activity hours donate-only). The linked needs
   * it served count as fulfilled.
   */
  async confirmActivity(
    actor: Actor,
    activityId: string,
    attendance: AttendanceInput[],
    peopleServed: number,
    needIds: string[] | null | undefined,
    satisfaction: SatisfactionInput | null | undefined,
    now = new Date(),
  ): Promise<ProjectActivity> {
    if (!Number.isInteger(peopleServed) || peopleServed < 0 || peopleServed > 100000) throw badInput('peopleServed', '服务人次应为非负整数');
    const ids = attendance.map((x) => x.volunteerId);
    if (new Set(ids).size !== ids.length) throw projectErrors.attendance('同一志愿者重复');
    if (ids.some((x) => !isUuid(x))) throw projectErrors.attendance('志愿者不存在');
    if (satisfaction && satisfaction.satisfied > satisfaction.surveyed) throw projectErrors.satisfaction();
    const served = [...new Set(needIds ?? [])];
    const [found] = isUuid(activityId) ? await this.repo.activitiesByIds([activityId]) : [];
    if (!found) throw projectErrors.activityNotFound();
    await this.tx(async (m) => {
      const p = await this.gate(m, actor, found.projectId, ProjectAction.CONFIRM_ACTIVITY);
      const a = (await this.repo.lockActivity(m, activityId))!;
      if (a.status !== ActivityStatus.SCHEDULED) throw projectErrors.activityClosed();
      if (a.startsAt.getTime() > now.getTime()) throw projectErrors.notStarted();
      const signed = new Set((await this.repo.signedUpVolunteerIds([a.id], m)).map((s) => s.volunteerId));
      if (ids.some((x) => !signed.has(x))) throw projectErrors.attendance('只能为已报名的志愿者记录出勤');
      const length = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
      if (attendance.some((x) => !Number.isInteger(x.minutes) || x.minutes < 1 || x.minutes > length))
        throw projectErrors.attendance(`时长应为 1–${length} 分钟`);
      if (served.length > 0) {
        const linked = new Set((await this.needs.linkedToProjects([p.id])).map((n) => n.id));
        if (served.some((n) => !linked.has(n))) throw projectErrors.servedNeeds();
      }
      const people = new Map((await this.volunteers.byIds(ids, m)).map((x) => [x.id, x.personId]));
      for (const x of attendance) {
        await this.repo.markAttended(m, a.id, x.volunteerId, x.minutes);
        await this.hooks.confirmed(m, {
          source: 'ACTIVITY',
          sourceId: a.id,
          needId: null,
          volunteerId: x.volunteerId,
          volunteerPersonId: people.get(x.volunteerId)!,
          beneficiaryPersonId: null,
          gridId: a.regionId,
          minutes: x.minutes,
          title: `${p.title}：${a.title}`.slice(0, 100),
          category: p.category,
          address: a.address,
          startedAt: a.startsAt,
          endedAt: a.endsAt,
          confirmedBy: actor.personId,
          confirmedAt: now,
          groupActivity: true,
        });
      }
      await this.repo.confirmActivity(m, a.id, {
        peopleServed,
        servedNeedIds: served,
        surveyed: satisfaction?.surveyed ?? 0,
        satisfied: satisfaction?.satisfied ?? 0,
        by: actor.personId,
        at: now,
      });
    });
    return (await this.activities(actor, [activityId]))[0]!;
  }

  // ---------------------------------------------------------------- evaluation

  async evaluate(actor: Actor, input: EvaluateProjectInput): Promise<ProjectEvaluation> {
    const problem = scoresProblem(input.scores);
    if (problem) throw projectErrors.scores(problem);
    const orgId = input.evaluatorOrganizationId ?? null;
    if (orgId && (!isUuid(orgId) || !actor.can(Permission.PROJECT_EVALUATE_AS_ORG, { organizationId: orgId }))) throw projectErrors.evaluatorNotGranted();
    const scores = input.scores.map((s) => ({ criterion: s.criterion.trim(), weight: s.weight, score: s.score }));
    const total = totalScore(scores);
    const action = input.stage === EvaluationStage.FINAL ? ProjectAction.EVALUATE_FINAL : ProjectAction.EVALUATE_MIDTERM;
    let evaluationId = '';
    await this.tx((m) =>
      this.fire(
        m,
        actor,
        input.projectId,
        action,
        input.conclusion.trim().slice(0, 500),
        async (m2, p) => {
          const indicators = (await this.indicators([p.id], m2)).get(p.id)!;
          evaluationId = await this.repo.insertEvaluation(m2, {
            projectId: p.id,
            stage: input.stage,
            scores,
            totalScore: total,
            conclusion: input.conclusion.trim(),
            indicators,
            evaluatorId: actor.personId,
            organizationId: orgId,
          });
          return { data: { evaluationId, totalScore: total, evaluatorOrganizationId: orgId } };
        },
        async (p) => {
          // A granted evaluator organization (never the undertaking one) is an EVALUATOR too.
          if (!orgId) return [];
          if (orgId === p.organizationId || !(await this.repo.evaluatorGranted(m, orgId, p.path))) throw projectErrors.evaluatorNotGranted();
          return [ProjectParty.EVALUATOR];
        },
      ),
    );
    return (await this.repo.evaluations([input.projectId])).find((e) => e.id === evaluationId)!;
  }

  async grantEvaluator(actor: Actor, organizationId: string, regionId: string): Promise<ProjectEvaluatorGrant> {
    const [region] = isUuid(regionId) ? await this.regions.byIds([regionId]) : [];
    if (!region) throw badInput('regionId', '区域不存在');
    if (!actor.can(Permission.PROJECT_APPROVE, { regionPath: region.path })) throw projectErrors.forbidden();
    return this.tx(async (m) => {
      const [org] = isUuid(organizationId) ? await this.organizations.byIds([organizationId], m) : [];
      if (!org || org.status !== OrganizationStatus.APPROVED) throw projectErrors.organizationNotFound();
      return this.repo.insertEvaluatorGrant(m, { organizationId: org.id, regionId: region.id, path: region.path, grantedBy: actor.personId });
    });
  }

  // ---------------------------------------------------------------- consultation

  async recordConsultation(actor: Actor, input: RecordConsultationInput): Promise<Consultation> {
    const [community] = isUuid(input.communityId) ? await this.regions.byIds([input.communityId]) : [];
    if (!community || community.level !== RegionLevel.COMMUNITY) throw projectErrors.consultationCommunity();
    if (!actor.can(Permission.CONSULTATION_RECORD, { regionPath: community.path })) throw projectErrors.forbidden();
    const needIds = [...new Set(input.needIds ?? [])];
    if (needIds.some((id) => !isUuid(id))) throw projectErrors.consultationNeeds();
    return this.tx(async (m) => {
      if (needIds.length > 0) {
        const found = await this.needs.byIds(needIds, m);
        if (found.length !== needIds.length || found.some((n) => !pathWithin(n.gridPath, community.path))) throw projectErrors.consultationNeeds();
      }
      return this.repo.insertConsultation(m, {
        communityId: community.id,
        path: community.path,
        topic: input.topic.trim(),
        heldAt: input.heldAt,
        participants: input.participants,
        decisions: input.decisions.trim(),
        needIds,
        recordedBy: actor.personId,
      });
    });
  }

  // ---------------------------------------------------------------- helpers

  private async projectRegion(regionId: string): Promise<Region> {
    const [region] = isUuid(regionId) ? await this.regions.byIds([regionId]) : [];
    if (!region || (region.level !== RegionLevel.STREET && region.level !== RegionLevel.COMMUNITY)) throw projectErrors.regionNotFound();
    return region;
  }
}

/** The street a project belongs to: itself, or the parent of a community (ltree labels). */
export function streetPathOf(region: Pick<Region, 'level' | 'path'>): string {
  return region.level === RegionLevel.COMMUNITY ? region.path.split('.').slice(0, -1).join('.') : region.path;
}
