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
    description:
      '承接结果通知 project notices（订阅 subscription）：项目确定承接组织时推送给每个申请组织的管理员，中选与否；只收到本人有 PROJECT_APPLY 权限的组织的通知',
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
  @Query(() => Project, {
    nullable: true,
    description:
      '民生项目 project：自 PUBLISHED 起无需登录公开（不含个人信息）；辖区工作人员 staff in scope、立项人和承接组织可见所有状态；无此项目或不可见为 null',
  })
  project(@Args('id', { type: () => ID, description: '项目 id' }) id: string, @Context() ctx: GqlContext): Promise<Project | null> {
    return this.service.find(ctx.actor, id);
  }

  @Public()
  @Query(() => ProjectConnection, {
    description: '民生项目列表 projects，按创建时间从新到旧：公开项目对所有人可见；辖区工作人员、立项人和申请/承接组织还能看到自己相关的项目',
  })
  projects(@Args() args: ProjectsArgs, @Context() ctx: GqlContext) {
    return this.service.list(ctx.actor, args);
  }

  @Authorize(Permission.PROJECT_PROPOSE)
  @Mutation(() => Project, {
    description: '立项申请 propose a project（PROPOSED）：街道社工站社工或社区工作者为本辖区立项，可关联需求、资源和议事协商',
  })
  proposeProject(@CurrentActor() actor: Actor, @Args('input', { description: '立项申请内容 the proposal' }) input: ProposeProjectInput): Promise<Project> {
    return this.service.propose(actor, input);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => Project, { description: '立项 approve（PROPOSED → APPROVED）：街道管理员 street admin 审批；慈善基金行从基金可用余额预留' })
  approveProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '项目 id' }) id: string,
    @Args('note', { type: () => String, nullable: true, description: '审批意见 note（可选，记入 history）' }) note?: string | null,
  ): Promise<Project> {
    return this.service.approve(actor, id, note);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => Project, { description: '不予立项 reject（PROPOSED → REJECTED），理由一次告知；关联需求回到接单大厅 open feed' })
  rejectProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '项目 id' }) id: string,
    @Args('reason', { description: '不予立项的理由 reason（必填）' }) reason: string,
  ): Promise<Project> {
    return this.service.reject(actor, id, reason);
  }

  @Authorize(Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '信息发布 publish（APPROVED → PUBLISHED）：项目公开，接受承接申请直到 applyBy' })
  publishProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '项目 id' }) id: string,
    @Args('applyBy', { type: () => Date, description: '承接申请截止时间 applications close，DateTime（ISO 8601，带时区）' }) applyBy: Date,
  ): Promise<Project> {
    return this.service.publish(actor, id, applyBy);
  }

  @Authorize(Permission.PROJECT_APPLY)
  @Mutation(() => ProjectApplication, {
    description: '承接申请 apply：已审核、类别和区域相符的组织提交实施方案和报价（报价 ≤ 预算）；每个组织只能有一个有效申请',
  })
  applyForProject(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '承接申请内容 the application' }) input: ApplyForProjectInput,
  ): Promise<ProjectApplication> {
    return this.service.applyFor(actor, input);
  }

  @Authorize(Permission.PROJECT_APPLY)
  @Mutation(() => ProjectApplication, { description: '撤回承接申请 withdraw an application（确定承接前）' })
  withdrawProjectApplication(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '承接申请 application 的 id' }) id: string,
  ): Promise<ProjectApplication> {
    return this.service.withdrawApplication(actor, id);
  }

  @Authorize(Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '确定承接组织 award（PUBLISHED → UNDERTAKEN）并说明理由；其他申请者被告知（NOT_AWARDED）' })
  awardProject(
    @CurrentActor() actor: Actor,
    @Args('projectId', { type: () => ID, description: '项目 id' }) projectId: string,
    @Args('applicationId', { type: () => ID, description: '中选的承接申请 application 的 id（须为有效申请）' }) applicationId: string,
    @Args('reason', { description: '中选理由 reason（必填，告知所有申请者）' }) reason: string,
  ): Promise<Project> {
    return this.service.award(actor, projectId, applicationId, reason);
  }

  @Authorize(Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '启动实施 start（UNDERTAKEN → RUNNING）' })
  startProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '项目 id' }) id: string): Promise<Project> {
    return this.service.start(actor, id);
  }

  @Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '暂停 suspend（RUNNING → SUSPENDED），如承接组织被暂停' })
  suspendProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '项目 id' }) id: string,
    @Args('reason', { description: '暂停原因 reason（必填）' }) reason: string,
  ): Promise<Project> {
    return this.service.suspend(actor, id, reason);
  }

  @Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '恢复实施 resume（SUSPENDED → RUNNING）' })
  resumeProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '项目 id' }) id: string): Promise<Project> {
    return this.service.resume(actor, id);
  }

  @Authorize(Permission.PROJECT_RUN)
  @Mutation(() => ProjectActivity, { description: '安排活动/班次 schedule an activity（承接组织 undertaking organization；项目 UNDERTAKEN 或 RUNNING）' })
  scheduleActivity(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '活动内容 the activity' }) input: ScheduleActivityInput,
  ): Promise<ProjectActivity> {
    return this.service.scheduleActivity(actor, input);
  }

  @Authorize(Permission.ACTIVITY_SIGN_UP)
  @Mutation(() => ProjectActivity, { description: '活动报名 sign up：占一个名额（名额互斥）；满员时为 CONFLICT ACTIVITY_FULL，或在 waitlist: true 时进入候补' })
  signUpForActivity(
    @CurrentActor() actor: Actor,
    @Args('activityId', { type: () => ID, description: '活动 activity 的 id' }) activityId: string,
    @Args('waitlist', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: '满员时进入候补名单 join the waitlist when every slot is taken（默认 false）',
    })
    waitlist: boolean,
  ): Promise<ProjectActivity> {
    return this.service.signUp(actor, activityId, waitlist ?? false);
  }

  @Authorize(Permission.ACTIVITY_SIGN_UP)
  @Mutation(() => ProjectActivity, { description: '取消报名 cancel my sign-up；候补第一位仍符合条件者递补' })
  cancelActivitySignup(
    @CurrentActor() actor: Actor,
    @Args('activityId', { type: () => ID, description: '活动 activity 的 id' }) activityId: string,
  ): Promise<ProjectActivity> {
    return this.service.cancelSignup(actor, activityId);
  }

  @Authorize(Permission.PROJECT_RUN)
  @Mutation(() => ProjectActivity, {
    description: '确认出勤 confirm attendance（活动开始后）：每位出勤者经时间银行 time bank 获得时长（来源 ACTIVITY，集体活动时长只能捐赠 donate-only）',
  })
  confirmActivity(
    @CurrentActor() actor: Actor,
    @Args('activityId', { type: () => ID, description: '活动 activity 的 id' }) activityId: string,
    @Args('attendance', { type: () => [AttendanceInput], description: '出勤记录 attendance：已报名志愿者及其时长（分钟）' }) attendance: AttendanceInput[],
    @Args('peopleServed', { type: () => Int, description: '服务人次 people served（非负整数）' }) peopleServed: number,
    @Args('needIds', { type: () => [ID], nullable: true, description: '本次活动服务的关联需求 linked needs served（计为已满足 fulfilled）' })
    needIds?: string[] | null,
    @Args('satisfaction', { type: () => SatisfactionInput, nullable: true, description: '现场满意度调查 on-site satisfaction survey 满意度调查' })
    satisfaction?: SatisfactionInput | null,
  ): Promise<ProjectActivity> {
    return this.service.confirmActivity(actor, activityId, attendance, peopleServed, needIds, satisfaction);
  }

  @Authorize(Permission.PROJECT_DISBURSE)
  @Mutation(() => Project, { description: '按里程碑拨付 disburse：从慈善基金预留中向承接组织拨付一笔（单位分 fen）；按 idempotencyKey 幂等' })
  disburseProjectFunds(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '拨付内容 the tranche' }) input: DisburseProjectFundsInput,
  ): Promise<Project> {
    return this.service.disburse(actor, input);
  }

  @Authorize(Permission.PROJECT_EVALUATE, Permission.PROJECT_EVALUATE_AS_ORG)
  @Mutation(() => ProjectEvaluation, {
    description: '绩效评估 evaluate：加权评分（权重合计 100），总分自动计算；FINAL 使项目进入 EVALUATED。街道管理员或经授权的第三方评估机构',
  })
  evaluateProject(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '评估内容 the evaluation' }) input: EvaluateProjectInput,
  ): Promise<ProjectEvaluation> {
    return this.service.evaluate(actor, input);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => ProjectEvaluatorGrant, { description: '授权第三方评估机构 grant an evaluator：该组织可评估区域下的项目（街道管理员 street admin）' })
  grantProjectEvaluator(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID, description: '被授权的评估机构 organization 的 id（不能是承接组织）' }) organizationId: string,
    @Args('regionId', { type: () => ID, description: '授权区域 region 的 id（在调用者辖区内）' }) regionId: string,
  ): Promise<ProjectEvaluatorGrant> {
    return this.service.grantEvaluator(actor, organizationId, regionId);
  }

  @Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER)
  @Mutation(() => Project, { description: '结项 close（EVALUATED → CLOSED）' })
  closeProject(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '项目 id' }) id: string): Promise<Project> {
    return this.service.close(actor, id);
  }

  @Authorize(Permission.PROJECT_APPROVE)
  @Mutation(() => Project, { description: '取消项目 cancel（→ CANCELLED）：释放基金仍为其预留的金额，未满足的需求回到接单大厅' })
  cancelProject(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '项目 id' }) id: string,
    @Args('reason', { description: '取消原因 reason（必填）' }) reason: string,
  ): Promise<Project> {
    return this.service.cancel(actor, id, reason);
  }

  @Authorize(Permission.CONSULTATION_RECORD)
  @Mutation(() => Consultation, { description: '记录议事协商 record a consultation：社区记录一次协商会议；立项申请可引用' })
  recordConsultation(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '议事协商记录 the consultation' }) input: RecordConsultationInput,
  ): Promise<Consultation> {
    return this.service.recordConsultation(actor, input);
  }

  // ---------------------------------------------------------------- fields

  @ResolveField(() => Region, { description: '项目所在区域 region（街道或社区）' })
  region(@Parent() p: Project, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(p.regionId);
  }

  @ResolveField(() => Organization, { nullable: true, description: '承接组织 undertaking organization；确定承接前为 null' })
  organization(@Parent() p: Project, @Context() ctx: GqlContext): Promise<Organization | null> | null {
    return p.organizationId ? this.organizations.organization(ctx).load(p.organizationId) : null;
  }

  @ResolveField(() => [FundingLine], { description: '资金来源 funding lines（按录入顺序）' })
  fundingLines(@Parent() p: Project, @Context() ctx: GqlContext): Promise<FundingLine[]> {
    return loader<string, FundingLine[]>(ctx, 'projectFunding', async (ids) => groupByKeys(ids, await this.repo.fundingLines(ids), (l) => l.projectId)).load(
      p.id,
    );
  }

  @ResolveField(() => Int, { description: '关联需求数 linked needs（计数，公开）' })
  async needCount(@Parent() p: Project, @Context() ctx: GqlContext): Promise<number> {
    return (await this.linkedNeeds(p, ctx)).length;
  }

  @ResolveField(() => [ProjectNeed], { description: '关联需求 linked needs（标题、类别、状态）；仅辖区工作人员、立项人和承接组织可见，其他人为空列表' })
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

  @ResolveField(() => [ProjectResource], { description: '关联的服务资源 linked resources' })
  async resources(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectResource[]> {
    const links = await loader<string, { projectId: string; resourceId: string }[]>(ctx, 'projectResources', async (ids) =>
      groupByKeys(ids, await this.repo.resourceIdsOf(ids), (l) => l.projectId),
    ).load(p.id);
    if (links.length === 0) return [];
    const rows = await this.resourcesRepo.byIds(links.map((l) => l.resourceId));
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
  }

  @ResolveField(() => [ProjectApplication], { description: '承接申请 applications：辖区工作人员看到全部；申请组织看到自己的；公众只看到中选的' })
  async applications(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectApplication[]> {
    const all = await loader<string, ProjectApplication[]>(ctx, 'projectApplications', async (ids) =>
      groupByKeys(ids, await this.repo.applications(ids), (a) => a.projectId),
    ).load(p.id);
    return this.service.visibleApplications(ctx.actor, p, all);
  }

  @ResolveField(() => [ProjectActivity], { description: '活动/班次 activities（公开；报名人员名单仅工作人员和承接组织可见）' })
  async activities(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectActivity[]> {
    const rows = await loader<string, ProjectActivity[]>(ctx, 'projectActivities', async (ids) =>
      groupByKeys(ids, await this.repo.activitiesOf(ids), (a) => a.projectId),
    ).load(p.id);
    return rows.map((a) => ({ ...a, showsPeople: p.view === 'FULL' }));
  }

  @ResolveField(() => [ProjectIndicator], { description: '绩效指标 indicators：目标值和由运营数据计算的实际值' })
  async indicators(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectIndicator[]> {
    return loader<string, ProjectIndicator[]>(ctx, 'projectIndicators', async (ids) => {
      const map = await this.service.indicators(ids);
      return ids.map((id) => map.get(id) ?? []);
    }).load(p.id);
  }

  @ResolveField(() => [ProjectEvaluation], { description: '绩效评估结果 evaluations（公开）' })
  evaluations(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectEvaluation[]> {
    return loader<string, ProjectEvaluation[]>(ctx, 'projectEvaluations', async (ids) =>
      groupByKeys(ids, await this.repo.evaluations(ids), (e) => e.projectId),
    ).load(p.id);
  }

  @ResolveField(() => [ProjectEvent], {
    description: '流转记录 history：每次状态变更的动作、原因、时间（公开）；操作人 actor 仅辖区工作人员、立项人和承接组织可见',
  })
  async history(@Parent() p: Project, @Context() ctx: GqlContext): Promise<ProjectEvent[]> {
    const rows = await loader<string, (ProjectEvent & { projectId: string })[]>(ctx, 'projectHistory', async (ids) =>
      groupByKeys(ids, await this.repo.history(ids), (e) => e.projectId),
    ).load(p.id);
    return p.view === 'FULL' ? rows : rows.map((e) => ({ ...e, actorId: null }));
  }

  @ResolveField(() => Consultation, { nullable: true, description: '立项申请引用的议事协商 consultation；无则为 null' })
  async consultation(@Parent() p: Project): Promise<Consultation | null> {
    return p.consultationId ? ((await this.repo.consultationsByIds([p.consultationId]))[0] ?? null) : null;
  }
}

@Resolver(() => ProjectEvent)
export class ProjectEventResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => Person, { nullable: true, description: '操作人 actor（按人员登记规则掩码 masked）；公众看到 null' })
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

  @ResolveField(() => [Volunteer], {
    description: '已占名额的志愿者 volunteers holding a slot（仅辖区工作人员、立项人和承接组织可见；公众看到空列表，只有人数）',
  })
  async signedUp(@Parent() a: ProjectActivity, @Context() ctx: GqlContext): Promise<Volunteer[]> {
    if (!a.showsPeople) return [];
    const rows = await loader<string, { activityId: string; volunteerId: string }[]>(ctx, 'activitySignups', async (ids) =>
      groupByKeys(ids, await this.repo.signedUpVolunteerIds(ids), (s) => s.activityId),
    ).load(a.id);
    const vols = await Promise.all(rows.map((r) => this.volunteers.volunteer(ctx).load(r.volunteerId)));
    return vols.filter((v): v is Volunteer => !!v);
  }

  @ResolveField(() => ActivitySignup, { nullable: true, description: '调用者本人的报名 my sign-up（名额或候补）；未报名或未登录为 null' })
  mySignup(@Parent() a: ProjectActivity, @Context() ctx: GqlContext): Promise<ActivitySignup | null> {
    return this.service.mySignup(ctx.actor, a.id);
  }
}

@Resolver(() => ProjectApplication)
export class ProjectApplicationResolver {
  constructor(private readonly repo: ProjectsRepository) {}

  @ResolveField(() => [PastEvaluation], { description: '历史评估 past evaluations：该组织此前承接项目的绩效评估，列在其申请旁' })
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

  @ResolveField(() => Project, { nullable: true, description: '服务此需求的民生项目 project（需求因此离开接单大厅）；无或不可见为 null' })
  async project(@Parent() n: Need, @Context() ctx: GqlContext): Promise<Project | null> {
    const link = await loader<string, { needId: string; projectId: string | null } | null>(ctx, 'needProjectLink', async (ids) =>
      byKeys(ids, await this.needs.projectLinks(ids), (l) => l.needId),
    ).load(n.id);
    return link?.projectId ? projectLoader(ctx, this.service).load(link.projectId) : null;
  }
}
