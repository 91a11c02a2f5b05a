import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection.js';
import { byKeys, groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { Need } from '../needs/need.model.js';
import { NeedsRepository } from '../needs/needs.repository.js';
import { Organization } from '../organizations/organization.model.js';
import { OrganizationLoaders } from '../organizations/organizations.loaders.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { ResourcesRepository } from '../resources/resources.repository.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { Volunteer } from '../volunteers/volunteer.model.js';
import { VolunteerLoaders } from '../volunteers/volunteers.loaders.js';
import { PeopleLoaders } from '../people/people.loaders.js';
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
  Consultation,
  FundingLine,
  PastEvaluation,
  Project,
  ProjectActivity,
  ProjectApplication,
  ProjectEvaluation,
  ProjectEvaluatorGrant,
  ProjectEvent,
  ProjectIndicator,
  ProjectNeed,
  ProjectNotice,
  ProjectResource,
} from './project.model.js';
import { ProjectSignal, ProjectSignals } from './project-signals.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';

export const ProjectConnection = ConnectionType(Project, 'Project');

const projectLoader = (ctx: GqlContext, service: ProjectsService) => loader<string, Project | null>(ctx, 'project', (ids) => service.findMany(ctx.actor, ids));

/** 民生项目 operations (docs/projects.md): each resolver is a guard, its arguments and one service call. */
@Resolver(() => Project)
export class ProjectsResolver {
  constructor(
    private readonly service: ProjectsService,
    private readonly repo: ProjectsRepository,
    private readonly regions: RegionLoaders,
    private readonly organizations: OrganizationLoaders,
    private readonly needsRepo: NeedsRepository,
    private readonly resourcesRepo: ResourcesRepository,
    private readonly signals: ProjectSignals,
  ) {}

  @Authorize(Permission.LOGGED_IN)
  @Subscription(() => ProjectNotice, {
    description: '承接结果通知: to the admins of each applying organization, whether it was awarded or not (SELF: only my organizations)',
    resolve: (s: ProjectSignal): ProjectNotice => ({
      type: s.type,
      projectId: s.projectId,
      applicationId: s.applicationId,
      organizationId: s.organizationId,
      at: new Date(s.at),
    }),
  })
  myProjectNotices(@CurrentActor() actor: Actor) {
    return this.signals.listen((s) => actor.can(Permission.PROJECT_APPLY, { organizationId: s.organizationId }));
  }

  @Public()
  @Query(() => Project, { nullable: true, description: '民生项目: public without login from PUBLISHED on (no personal data); staff in scope see every status' })
  project(@Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext): Promise<Project | null> {
    return this.service.find(ctx.actor, id);
  }

  @Public()
  @Query(() => ProjectConnection, {
    description: 'Projects, newest first: public ones for anyone; staff in scope, proposers and organizations also see their own',
  })
  projects(@Args() args: ProjectsArgs, @Context() ctx: GqlContext) {
    return this.service.list(ctx.actor, args);
  }

  @Authorize(Permission.PROJECT_PROPOSE)
  @Mutation(() => Project, {
    description: '立项申请: a station social worker or community worker proposes for their area, linking needs, resources and a consultation',
  })
  proposeProject(@CurrentActor() actor: Actor, @Args('input') input: ProposeProjectInput): Promise<Project> {
    return this.service.propose(actor, input);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => Project, { description: '立项: the street admin approves; charity-fund lines are reserved from their funds' })
  approveProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<Project> {
    return this.service.approve(actor, id, note);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => Project, { description: '不予立项 with the reason (一次告知); linked needs return to the open feed' })
  rejectProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Project> {
    return this.service.reject(actor, id, reason);
  }

  @Authorize(Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '信息发布: public, applications open until applyBy' })
  publishProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('applyBy', { type: () => Date }) applyBy: Date,
  ): Promise<Project> {
    return this.service.publish(actor, id, applyBy);
  }

  @Authorize(Permission.PROJECT_APPLY)
  @Mutation(() => ProjectApplication, {
    description: '承接申请: an approved organization whose category and area fit applies with a plan and a quote ≤ budget',
  })
  applyForProject(@CurrentActor() actor: Actor, @Args('input') input: ApplyForProjectInput): Promise<ProjectApplication> {
    return this.service.applyFor(actor, input);
  }

  @Authorize(Permission.PROJECT_APPLY)
  @Mutation(() => ProjectApplication, { description: '撤回承接申请 (before the award)' })
  withdrawProjectApplication(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ProjectApplication> {
    return this.service.withdrawApplication(actor, id);
  }

  @Authorize(Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '确定承接组织 with the reason; the other applicants are told → UNDERTAKEN' })
  awardProject(
    @CurrentActor() actor: Actor,
    @Args('projectId', { type: () => ID }) projectId: string,
    @Args('applicationId', { type: () => ID }) applicationId: string,
    @Args('reason') reason: string,
  ): Promise<Project> {
    return this.service.award(actor, projectId, applicationId, reason);
  }

  @Authorize(Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '启动实施 → RUNNING' })
  startProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Project> {
    return this.service.start(actor, id);
  }

  @Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '暂停 a running project (e.g. its organization was suspended) → SUSPENDED' })
  suspendProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Project> {
    return this.service.suspend(actor, id, reason);
  }

  @Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '恢复实施 → RUNNING' })
  resumeProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Project> {
    return this.service.resume(actor, id);
  }

  @Authorize(Permission.PROJECT_RUN)
  @Mutation(() => ProjectActivity, { description: '安排活动/班次 with volunteer slots (the undertaking organization)' })
  scheduleActivity(@CurrentActor() actor: Actor, @Args('input') input: ScheduleActivityInput): Promise<ProjectActivity> {
    return this.service.scheduleActivity(actor, input);
  }

  @Authorize(Permission.ACTIVITY_SIGN_UP)
  @Mutation(() => ProjectActivity, { description: '报名: takes a slot (exclusive); when full, CONFLICT — or a waitlist place with waitlist: true' })
  signUpForActivity(
    @CurrentActor() actor: Actor,
    @Args('activityId', { type: () => ID }) activityId: string,
    @Args('waitlist', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Join the waitlist when every slot is taken' })
    waitlist: boolean,
  ): Promise<ProjectActivity> {
    return this.service.signUp(actor, activityId, waitlist ?? false);
  }

  @Authorize(Permission.ACTIVITY_SIGN_UP)
  @Mutation(() => ProjectActivity, { description: '取消报名; the first on the waitlist moves up' })
  cancelActivitySignup(@CurrentActor() actor: Actor, @Args('activityId', { type: () => ID }) activityId: string): Promise<ProjectActivity> {
    return this.service.cancelSignup(actor, activityId);
  }

  @Authorize(Permission.PROJECT_RUN)
  @Mutation(() => ProjectActivity, {
    description: '确认出勤: each attendee earns the minutes through the time bank (source ACTIVITY, group hours donate-only)',
  })
  confirmActivity(
    @CurrentActor() actor: Actor,
    @Args('activityId', { type: () => ID }) activityId: string,
    @Args('attendance', { type: () => [AttendanceInput] }) attendance: AttendanceInput[],
    @Args('peopleServed', { type: () => Int }) peopleServed: number,
    @Args('needIds', { type: () => [ID], nullable: true, description: 'Linked needs this session served (they count as fulfilled)' }) needIds?: string[] | null,
    @Args('satisfaction', { type: () => SatisfactionInput, nullable: true, description: 'The on-site satisfaction survey 满意度调查' })
    satisfaction?: SatisfactionInput | null,
  ): Promise<ProjectActivity> {
    return this.service.confirmActivity(actor, activityId, attendance, peopleServed, needIds, satisfaction);
  }

  @Authorize(Permission.PROJECT_DISBURSE)
  @Mutation(() => Project, { description: '按里程碑拨付: pays a tranche of the charity reservations to the undertaking organization; idempotent by key' })
  disburseProjectFunds(@CurrentActor() actor: Actor, @Args('input') input: DisburseProjectFundsInput): Promise<Project> {
    return this.service.disburse(actor, input);
  }

  @Authorize(Permission.PROJECT_EVALUATE, Permission.PROJECT_EVALUATE_AS_ORG)
  @Mutation(() => ProjectEvaluation, { description: '绩效评估: weighted scores (weights sum to 100), total computed; FINAL → EVALUATED' })
  evaluateProject(@CurrentActor() actor: Actor, @Args('input') input: EvaluateProjectInput): Promise<ProjectEvaluation> {
    return this.service.evaluate(actor, input);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => ProjectEvaluatorGrant, { description: '授权第三方评估机构: the organization may evaluate projects under the region' })
  grantProjectEvaluator(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('regionId', { type: () => ID }) regionId: string,
  ): Promise<ProjectEvaluatorGrant> {
    return this.service.grantEvaluator(actor, organizationId, regionId);
  }

  @Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '结项 → CLOSED' })
  closeProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Project> {
    return this.service.close(actor, id);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => Project, { description: '取消项目: releases what the funds still hold for it, frees unserved needs' })
  cancelProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Project> {
    return this.service.cancel(actor, id, reason);
  }

  @Authorize(Permission.CONSULTATION_RECORD)
  @Mutation(() => Consultation, { description: '议事协商: a community records a consultation meeting; proposals may cite it' })
  recordConsultation(@CurrentActor() actor: Actor, @Args('input') input: RecordConsultationInput): Promise<Consultation> {
    return this.service.recordConsultation(actor, input);
  }

  // ---------------------------------------------------------------- fields

  @ResolveField(() => Region)
  region(@Parent() p: Project, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(p.regionId);
  }

  @ResolveField(() => Organization, { nullable: true, description: '承接组织' })
  organization(@Parent() p: Project, @Context() ctx: GqlContext): Promise<Organization | null> | null {
    return p.organizationId ? this.organizations.organization(ctx).load(p.organizationId) : null;
  }

  @ResolveField(() => [FundingLine])
  fundingLines(@Parent() p: Project, @Context() ctx: GqlContext): Promise<FundingLine[]> {
    return loader<string, FundingLine[]>(ctx, 'projectFunding', async (ids) => groupByKeys(ids, await this.repo.fundingLines(ids), (l) => l.projectId)).load(
      p.id,
    );
  }

  @ResolveField(() => Int, { description: 'Linked needs (a count: public)' })
  async needCount(@Parent() p: Project, @Context() ctx: GqlContext): Promise<number> {
    return (await this.linkedNeeds(p, ctx)).length;
  }

  @ResolveField(() => [ProjectNeed], { description: 'Linked needs (title, category, status; empty for public viewers)' })
  async needs(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectNeed[]> {
    if (p.view !== 'FULL') return [];
    const rows = await this.linkedNeeds(p, ctx);
    const fulfilled = new Set(await this.repo.fulfilledNeedIds([p.id]));
    return rows.map((n) => ({ id: n.id, title: n.title, category: n.category, status: n.status, fulfilled: fulfilled.has(n.id) }));
  }

  private linkedNeeds(p: Project, ctx: GqlContext) {
    return loader<string, Awaited<ReturnType<NeedsRepository['linkedToProjects']>>>(ctx, 'projectNeeds', async (ids) =>
      groupByKeys(ids, await this.needsRepo.linkedToProjects(ids), (n) => n.projectId),
    ).load(p.id);
  }

  @ResolveField(() => [ProjectResource])
  async resources(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectResource[]> {
    const links = await loader<string, { projectId: string; resourceId: string }[]>(ctx, 'projectResources', async (ids) =>
      groupByKeys(ids, await this.repo.resourceIdsOf(ids), (l) => l.projectId),
    ).load(p.id);
    if (links.length === 0) return [];
    const rows = await this.resourcesRepo.byIds(links.map((l) => l.resourceId));
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
  }

  @ResolveField(() => [ProjectApplication], { description: 'All for staff in scope; an organization sees its own; the public sees the award' })
  async applications(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectApplication[]> {
    const all = await loader<string, ProjectApplication[]>(ctx, 'projectApplications', async (ids) =>
      groupByKeys(ids, await this.repo.applications(ids), (a) => a.projectId),
    ).load(p.id);
    return this.service.visibleApplications(ctx.actor, p, all);
  }

  @ResolveField(() => [ProjectActivity])
  async activities(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectActivity[]> {
    const rows = await loader<string, ProjectActivity[]>(ctx, 'projectActivities', async (ids) =>
      groupByKeys(ids, await this.repo.activitiesOf(ids), (a) => a.projectId),
    ).load(p.id);
    return rows.map((a) => ({ ...a, showsPeople: p.view === 'FULL' }));
  }

  @ResolveField(() => [ProjectIndicator], { description: '绩效指标: target and the actual computed from operations' })
  async indicators(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectIndicator[]> {
    return loader<string, ProjectIndicator[]>(ctx, 'projectIndicators', async (ids) => {
      const map = await this.service.indicators(ids);
      return ids.map((id) => map.get(id) ?? []);
    }).load(p.id);
  }

  @ResolveField(() => [ProjectEvaluation], { description: 'Evaluation results (public)' })
  evaluations(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectEvaluation[]> {
    return loader<string, ProjectEvaluation[]>(ctx, 'projectEvaluations', async (ids) =>
      groupByKeys(ids, await this.repo.evaluations(ids), (e) => e.projectId),
    ).load(p.id);
  }

  @ResolveField(() => [ProjectEvent], { description: 'Every transition with reason and time; the actor only for staff' })
  async history(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectEvent[]> {
    const rows = await loader<string, (ProjectEvent & { projectId: string })[]>(ctx, 'projectHistory', async (ids) =>
      groupByKeys(ids, await this.repo.history(ids), (e) => e.projectId),
    ).load(p.id);
    return p.view === 'FULL' ? rows : rows.map((e) => ({ ...e, actorId: null }));
  }

  @ResolveField(() => Consultation, { nullable: true, description: 'The consultation the proposal cites' })
  async consultation(@Parent() p: Project): Promise<Consultation | null> {
    return p.consultationId ? ((await this.repo.consultationsByIds([p.consultationId]))[0] ?? null) : null;
  }
}

@Resolver(() => ProjectEvent)
export class ProjectEventResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who fired it (masked as the registry does); null for public viewers' })
  actor(@Parent() e: ProjectEvent, @Context() ctx: GqlContext): Promise<Person | null> | null {
    if (!e.actorId || !ctx.actor) return null;
    return this.people.shown(ctx, e.actorId);
  }
}

@Resolver(() => ProjectActivity)
export class ProjectActivityResolver {
  constructor(
    private readonly service: ProjectsService,
    private readonly repo: ProjectsRepository,
    private readonly volunteers: VolunteerLoaders,
  ) {}

  @ResolveField(() => [Volunteer], { description: 'Volunteers holding a slot (staff and the organization; public viewers see the counts only)' })
  async signedUp(@Parent() a: ProjectActivity, @Context() ctx: GqlContext): Promise<Volunteer[]> {
    if (!a.showsPeople) return [];
    const rows = await loader<string, { activityId: string; volunteerId: string }[]>(ctx, 'activitySignups', async (ids) =>
      groupByKeys(ids, await this.repo.signedUpVolunteerIds(ids), (s) => s.activityId),
    ).load(a.id);
    const vols = await Promise.all(rows.map((r) => this.volunteers.volunteer(ctx).load(r.volunteerId)));
    return vols.filter((v): v is Volunteer => !!v);
  }

  @ResolveField(() => ActivitySignup, { nullable: true, description: "The calling volunteer's place (slot or waitlist)" })
  mySignup(@Parent() a: ProjectActivity, @Context() ctx: GqlContext): Promise<ActivitySignup | null> {
    return this.service.mySignup(ctx.actor, a.id);
  }
}

@Resolver(() => ProjectApplication)
export class ProjectApplicationResolver {
  constructor(private readonly repo: ProjectsRepository) {}

  @ResolveField(() => [PastEvaluation], { description: 'Evaluations of projects this organization undertook before, shown beside its application' })
  pastEvaluations(@Parent() a: ProjectApplication, @Context() ctx: GqlContext): Promise<PastEvaluation[]> {
    return loader<string, PastEvaluation[]>(ctx, 'pastEvaluations', async (ids) =>
      groupByKeys(ids, await this.repo.pastEvaluations(ids), (e) => e.organizationId),
    )
      .load(a.organizationId)
      .then((list) => list.filter((e) => e.projectId !== a.projectId));
  }
}

/** `Need.project`: the project a need is linked to, as the viewer may see it (the link is the needs module's). */
@Resolver(() => Need)
export class NeedProjectResolver {
  constructor(
    private readonly service: ProjectsService,
    private readonly needs: NeedsRepository,
  ) {}

  @ResolveField(() => Project, { nullable: true, description: 'The 民生项目 serving this need (it left the open feed)' })
  async project(@Parent() n: Need, @Context() ctx: GqlContext): Promise<Project | null> {
    const link = await loader<string, { needId: string; projectId: string | null } | null>(ctx, 'needProjectLink', async (ids) =>
      byKeys(ids, await this.needs.projectLinks(ids), (l) => l.needId),
    ).load(n.id);
    return link?.projectId ? projectLoader(ctx, this.service).load(link.projectId) : null;
  }
}
