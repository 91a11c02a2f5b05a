import { Args, ArgsType, Context, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { byKeys, groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { Connection, PageArgs } from '../common/graphql/connection.js';
import { Need } from '../needs/need.model.js';
import { NeedsService } from '../needs/needs.service.js';
import { PeopleRepository, PersonRow } from '../people/people.repository.js';
import { PeopleService } from '../people/people.service.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { CareEnrollmentFilter, CareFollowUpFilter, EnrollCareInput, RecordVisitInput, SetVisitRuleInput, VisitTaskFilter } from './care-visit.input.js';
import {
  CareEnrollment,
  CareEnrollmentConnection,
  CareEnrollmentEvent,
  CareFollowUp,
  CareFollowUpConnection,
  CareGroup,
  CareVisit,
  VisitorRate,
  VisitRate,
  VisitRuleModel,
  VisitTask,
  VisitTaskConnection,
  VisitTaskNotification,
} from './care-visit.model.js';
import { CareVisitsService } from './care-visits.service.js';
import { VisitSignal, VisitSignals } from './visit-signals.js';

@ArgsType()
class EnrollmentsArgs extends PageArgs {
  @Field(() => CareEnrollmentFilter, { nullable: true, description: '筛选 filter; null = all in my scope' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CareEnrollmentFilter)
  filter?: CareEnrollmentFilter | null;
}

@ArgsType()
class VisitTasksArgs extends PageArgs {
  @Field(() => VisitTaskFilter, { nullable: true, description: '筛选 filter; null = all I may see' })
  @IsOptional()
  @ValidateNested()
  @Type(() => VisitTaskFilter)
  filter?: VisitTaskFilter | null;
}

@ArgsType()
class FollowUpsArgs extends PageArgs {
  @Field(() => CareFollowUpFilter, { nullable: true, description: '筛选 filter; null = all in my scope' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CareFollowUpFilter)
  filter?: CareFollowUpFilter | null;
}

const personRows = (ctx: GqlContext, repo: PeopleRepository) =>
  loader<string, PersonRow | null>(ctx, 'careVisits.personRow', async (ids) => byKeys(ids, await repo.byIds(ids), (p) => p.id));

/** Shared by the types below: a person as the viewer may see them, masked (王*, no address) when not in their scope. */
async function personFor(ctx: GqlContext, repo: PeopleRepository, people: PeopleService, id: string | null): Promise<Person | null> {
  if (!id || !ctx.actor) return null;
  const row = await personRows(ctx, repo).load(id);
  if (!row) return null;
  return people.view(ctx.actor, row) ?? people.maskedView(row);
}

@Resolver(() => CareEnrollment)
export class CareEnrollmentResolver {
  constructor(
    private readonly service: CareVisitsService,
    private readonly peopleRepo: PeopleRepository,
    private readonly people: PeopleService,
  ) {}

  @Authorize(Permission.CARE_ENROL)
  @Mutation(() => CareEnrollment, {
    description: '登记关爱对象 enrol a person for care visits with consent (the person, or for a minor an adult recorded relative; under 14 a guardian)',
  })
  enrollCare(
    @CurrentActor() actor: Actor,
    @Args('input', { description: '登记内容 person, care group, tier and consent' }) input: EnrollCareInput,
  ): Promise<CareEnrollment> {
    return this.service.enroll(actor, input);
  }

  @Authorize(Permission.CARE_ENROL)
  @Mutation(() => CareEnrollment, {
    description: '暂停探访 pause visits (hospitalised, staying with family) until a time, with a reason; due tasks before it are cancelled',
  })
  pauseCare(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '关爱登记 ID' }) id: string,
    @Args('until', { description: '暂停至 DateTime ISO 8601 with time zone, in the future and within 366 days' }) until: Date,
    @Args('reason', { description: '原因 reason, 1–500 characters' }) reason: string,
  ): Promise<CareEnrollment> {
    return this.service.pause(actor, id, until, reason);
  }

  @Authorize(Permission.CARE_ENROL)
  @Mutation(() => CareEnrollment, { description: "结束关爱 end care (moved away, deceased), with a reason; confirms a visitor's report" })
  endCare(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '关爱登记 ID' }) id: string,
    @Args('reason', { description: '原因 reason, 1–500 characters' }) reason: string,
  ): Promise<CareEnrollment> {
    return this.service.end(actor, id, reason);
  }

  @Authorize(Permission.CARE_READ)
  @Query(() => CareEnrollmentConnection, { description: '关爱对象名单 care enrolments of my scope (every read is access-logged)' })
  careEnrollments(@CurrentActor() actor: Actor, @Args() args: EnrollmentsArgs): Promise<Connection<CareEnrollment>> {
    return this.service.enrollments(actor, args.filter, args);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => CareEnrollment, { nullable: true, description: '关爱登记 one enrolment: staff in scope (logged) or the person themself; null if none' })
  careEnrollment(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '关爱登记 ID' }) id: string): Promise<CareEnrollment | null> {
    return this.service.enrollment(actor, id);
  }

  @Authorize(Permission.SELF)
  @Query(() => [CareEnrollment], { description: '我的关爱登记 my own care enrolments' })
  myCareEnrollments(@CurrentActor() actor: Actor): Promise<CareEnrollment[]> {
    return this.service.myEnrollments(actor);
  }

  @ResolveField(() => Person, { description: '关爱对象 the enrolled person: full for staff in scope, masked (王*) otherwise' })
  person(@Parent() e: CareEnrollment, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, e.personId);
  }

  @ResolveField(() => Person, { nullable: true, description: '同意人 who consented (the person or their guardian), masked unless in the viewer’s scope' })
  consentBy(@Parent() e: CareEnrollment, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, e.consentById);
  }

  @ResolveField(() => [CareEnrollmentEvent], { description: '历史 the enrolment’s events, oldest first' })
  async history(@Parent() e: CareEnrollment, @Context() ctx: GqlContext): Promise<CareEnrollmentEvent[]> {
    return loader<string, CareEnrollmentEvent[]>(ctx, 'careVisits.history', async (ids) =>
      groupByKeys(ids, await this.service.historyOf(ids), (h) => h.enrollmentId),
    ).load(e.id);
  }
}

@Resolver(() => CareEnrollmentEvent)
export class CareEnrollmentEventResolver {
  constructor(
    private readonly peopleRepo: PeopleRepository,
    private readonly people: PeopleService,
  ) {}

  @ResolveField(() => Person, { nullable: true, description: '操作人 who did it, masked unless in the viewer’s scope; null = the system' })
  actor(@Parent() h: CareEnrollmentEvent, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, h.actorId);
  }
}

@Resolver(() => VisitTask)
export class VisitTaskResolver {
  constructor(
    private readonly service: CareVisitsService,
    private readonly peopleRepo: PeopleRepository,
    private readonly people: PeopleService,
    private readonly signals: VisitSignals,
  ) {}

  @Authorize(Permission.VISIT_PLAN)
  @Mutation(() => Int, { description: '生成探访任务 plan the visit tasks of a month ("2026-12") for the region; idempotent; returns how many were created' })
  planVisits(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 ID' }) regionId: string,
    @Args('month', { description: '月份 YYYY-MM (Asia/Shanghai)' }) month: string,
  ): Promise<number> {
    return this.service.plan(actor, regionId, month);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => VisitTaskConnection, { description: '探访任务列表 visit tasks: my assigned tasks, and for staff the tasks of their scope (logged)' })
  visitTasks(@CurrentActor() actor: Actor, @Args() args: VisitTasksArgs): Promise<Connection<VisitTask>> {
    return this.service.tasks(actor, args.filter, args);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => VisitTask, { nullable: true, description: '探访任务 one task: its assignee or staff in scope (logged); null if none' })
  visitTask(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '探访任务 ID' }) id: string): Promise<VisitTask | null> {
    return this.service.task(actor, id);
  }

  @Authorize(Permission.VISIT_ASSIGN)
  @Mutation(() => VisitTask, {
    description: '指派/改派 assign a task to a grid/community/social worker in scope or an approved, vetted volunteer (visitorId: a Person id)',
  })
  assignVisit(
    @CurrentActor() actor: Actor,
    @Args('taskId', { type: () => ID, description: '探访任务 ID' }) taskId: string,
    @Args('visitorId', { type: () => ID, description: '探访者 the Person id of the new assignee' }) visitorId: string,
  ): Promise<VisitTask> {
    return this.service.assign(actor, taskId, visitorId);
  }

  @Authorize(Permission.VISIT_RECORD)
  @Mutation(() => CareVisit, { description: '记录探访 record a visit, by the assignee; raiseNeed posts a proxy need in the same transaction (主动发现)' })
  recordVisit(@CurrentActor() actor: Actor, @Args('input', { description: '探访记录内容' }) input: RecordVisitInput): Promise<CareVisit> {
    return this.service.record(actor, input);
  }

  @Authorize(Permission.LOGGED_IN)
  @Subscription(() => VisitTaskNotification, {
    description: '探访提醒 visit task notices: a visit task was assigned to me, or is past its due day',
    resolve: (s: VisitSignal): VisitTaskNotification => ({ type: s.type, taskId: s.taskId, at: new Date(s.at) }),
  })
  myVisitTaskNotices(@CurrentActor() actor: Actor) {
    return this.signals.listen(actor.personId);
  }

  @ResolveField(() => Person, {
    description: '关爱对象 the person to visit: full for staff in scope; masked (王*) for a volunteer visitor, who gets the address below',
  })
  person(@Parent() t: VisitTask, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, t.personId);
  }

  @ResolveField(() => Person, { nullable: true, description: '被指派人 assignee, masked unless in the viewer’s scope; null = not assigned yet' })
  assignee(@Parent() t: VisitTask, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, t.assigneeId);
  }

  @ResolveField(() => String, { nullable: true, description: '探访地址 where to visit: for the assignee and staff in scope only; null for others' })
  async address(@Parent() t: VisitTask, @Context() ctx: GqlContext): Promise<string | null> {
    if (!ctx.actor || !this.service.seesTask(ctx.actor, t)) return null;
    return (await personRows(ctx, this.peopleRepo).load(t.personId))?.address ?? null;
  }

  @ResolveField(() => [CareVisit], { description: '探访记录 the visits recorded for this task, attempts included' })
  visits(@Parent() t: VisitTask, @Context() ctx: GqlContext): Promise<CareVisit[]> {
    return loader<string, CareVisit[]>(ctx, 'careVisits.visits', async (ids) => groupByKeys(ids, await this.service.visitsOfTasks(ids), (v) => v.taskId)).load(
      t.id,
    );
  }
}

@Resolver(() => CareVisit)
export class CareVisitResolver {
  constructor(
    private readonly service: CareVisitsService,
    private readonly needs: NeedsService,
    private readonly peopleRepo: PeopleRepository,
    private readonly people: PeopleService,
  ) {}

  @ResolveField(() => VisitTask, { description: '探访任务 the task this visit was recorded for' })
  async task(@Parent() v: CareVisit, @Context() ctx: GqlContext): Promise<VisitTask | null> {
    return loader<string, VisitTask | null>(ctx, 'careVisits.task', async (ids) => byKeys(ids, await this.service.tasksByIds(ids), (t) => t.id)).load(v.taskId);
  }

  @ResolveField(() => Person, { description: '探访者 who visited, masked unless in the viewer’s scope' })
  visitor(@Parent() v: CareVisit, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, v.visitorId);
  }

  @ResolveField(() => Need, { nullable: true, description: '主动发现需求 the need raised from this visit, if the viewer may see it; null otherwise' })
  async raisedNeed(@Parent() v: CareVisit, @Context() ctx: GqlContext): Promise<Need | null> {
    if (!v.raisedNeedId || !ctx.actor) return null;
    return this.needs.get(ctx.actor, v.raisedNeedId).catch(() => null);
  }
}

@Resolver(() => VisitRate)
export class VisitRateResolver {
  constructor(
    private readonly service: CareVisitsService,
    private readonly regions: RegionLoaders,
  ) {}

  @Authorize(Permission.VISIT_RATE_READ)
  @Query(() => VisitRate, { description: '探访率 visit rate of a month: due, done, missed, rate — with child regions, care groups and visitors' })
  visitRate(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 ID' }) regionId: string,
    @Args('month', { description: '月份 YYYY-MM (Asia/Shanghai)' }) month: string,
    @Args('group', { type: () => CareGroup, nullable: true, description: '关爱类别 only this group; null = all, with a breakdown per group' })
    group: CareGroup | null,
  ): Promise<VisitRate> {
    return this.service.rate(actor, regionId, month, group ?? null);
  }

  @Authorize(Permission.VISIT_RATE_READ)
  @Query(() => VisitRuleModel, { description: '探访频次 the visit rule in force for a care group and tier in a region (inherited from the nearest ancestor)' })
  visitRule(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 ID' }) regionId: string,
    @Args('group', { type: () => CareGroup, description: '关爱类别 care group' }) group: CareGroup,
    @Args('highRisk', { defaultValue: false, description: '高风险档 the high-risk tier (default false)' }) highRisk: boolean,
  ): Promise<VisitRuleModel> {
    return this.service.rule(actor, regionId, group, highRisk);
  }

  @Authorize(Permission.VISIT_RULE_SET)
  @Mutation(() => VisitRuleModel, { description: '设置探访频次 set the visit rule for a region and its subtree' })
  setVisitRule(@CurrentActor() actor: Actor, @Args('input', { description: '探访频次内容' }) input: SetVisitRuleInput): Promise<VisitRuleModel> {
    return this.service.setRule(actor, input);
  }

  @ResolveField(() => Region, { description: '区域 the region these figures are for' })
  region(@Parent() r: VisitRate, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(r.regionId);
  }
}

@Resolver(() => VisitorRate)
export class VisitorRateResolver {
  constructor(
    private readonly peopleRepo: PeopleRepository,
    private readonly people: PeopleService,
  ) {}

  @ResolveField(() => Person, { description: '探访者 the visitor, masked unless in the viewer’s scope' })
  visitor(@Parent() r: VisitorRate, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, r.visitorId);
  }
}

@Resolver(() => CareFollowUp)
export class CareFollowUpResolver {
  constructor(
    private readonly service: CareVisitsService,
    private readonly peopleRepo: PeopleRepository,
    private readonly people: PeopleService,
  ) {}

  @Authorize(Permission.CARE_FOLLOW_UP)
  @Query(() => CareFollowUpConnection, { description: '探访跟进事项 care follow-ups of my scope (logged): concerns, missed-visit callbacks, ends to confirm' })
  careFollowUps(@CurrentActor() actor: Actor, @Args() args: FollowUpsArgs): Promise<Connection<CareFollowUp>> {
    return this.service.followUps(actor, args.filter, args);
  }

  @Authorize(Permission.CARE_FOLLOW_UP)
  @Mutation(() => CareFollowUp, { description: '办结跟进事项 resolve a follow-up with what was done (an END_CONFIRMATION resolved here keeps the enrolment)' })
  resolveCareFollowUp(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '跟进事项 ID' }) id: string,
    @Args('resolution', { description: '办理情况 what was done, 1–1000 characters' }) resolution: string,
  ): Promise<CareFollowUp> {
    return this.service.resolveFollowUp(actor, id, resolution);
  }

  @ResolveField(() => Person, { description: '关爱对象 the person concerned, masked unless in the viewer’s scope' })
  person(@Parent() f: CareFollowUp, @Context() ctx: GqlContext): Promise<Person | null> {
    return personFor(ctx, this.peopleRepo, this.people, f.personId);
  }

  @ResolveField(() => VisitTask, { description: '探访任务 the task it arose from' })
  async task(@Parent() f: CareFollowUp, @Context() ctx: GqlContext): Promise<VisitTask | null> {
    return loader<string, VisitTask | null>(ctx, 'careVisits.task', async (ids) => byKeys(ids, await this.service.tasksByIds(ids), (t) => t.id)).load(f.taskId);
  }
}
