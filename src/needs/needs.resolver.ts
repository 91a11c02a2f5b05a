import { Args, ArgsType, Context, Field, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { BidirectionalPageArgs, PageArgs } from '../common/graphql/connection.js';
import type { Connection } from '../common/graphql/connection.js';
import { BatchAssignment, toBatch } from '../matching/match-candidate.model.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from '../volunteers/volunteer.model.js';
import { VolunteerLoaders } from '../volunteers/volunteers.loaders.js';
import { DeadlinePolicyModel } from './deadline-policy.model.js';
import { Urgency } from './need-deadlines.js';
import { Need, NeedConnection, NeedEvent, NeedEventConnection, NeedFilter, NeedReview, PostNeedInput, RATING_TAG_LIST } from './need.model.js';
import type { NeedRecord } from './need.record.js';
import { NeedsRepository } from './needs.repository.js';
import { DisputeOutcome, NeedsService } from './needs.service.js';
import { NeedSeriesService } from './need-series.service.js';
import { GeoPoint } from './need-effects.js';
import { needErrors } from './needs.errors.js';

/** Check-in coordinates: both or none, in range. */
function geo(latitude: number | null | undefined, longitude: number | null | undefined): GeoPoint | null {
  if ((latitude ?? null) === null && (longitude ?? null) === null) return null;
  if (latitude === null || latitude === undefined) throw needErrors.latitudeMissing();
  if (longitude === null || longitude === undefined) throw needErrors.longitudeMissing();
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) throw needErrors.latitudeMissing();
  return { latitude, longitude };
}

@ArgsType()
class NeedsArgs extends PageArgs {
  @Field(() => NeedFilter, { nullable: true, description: '筛选条件 filter；省略为调用者可见的全部需求' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NeedFilter)
  filter?: NeedFilter | null;
}

registerEnumType(DisputeOutcome, {
  name: 'DisputeOutcome',
  description: '异议处理结果 how staff settle a disputed completion',
  valuesMap: {
    CONFIRM: { description: '确认服务，按核定的时长 minutes 计入时间银行 confirm with the minutes established' },
    REOPEN: { description: '服务未按报告进行，需求重新开放（服务时段已过则为 EXPIRED）reopen' },
    CANCEL: { description: '不再需要服务：取消需求，不计时长 cancel, nothing is earned' },
  },
});

@Resolver(() => Need)
export class NeedsResolver {
  constructor(
    private readonly service: NeedsService,
    private readonly repo: NeedsRepository,
    private readonly people: PeopleLoaders,
    private readonly volunteers: VolunteerLoaders,
    private readonly series: NeedSeriesService,
  ) {}

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, { description: '点单 post a need：居民本人发布，或网格员/社区工作者为居民代办 proxy；带 recurrence 时创建周期需求并返回第一次' })
  postNeed(@CurrentActor() actor: Actor, @Args('input', { description: '需求内容 the need' }) input: PostNeedInput): Promise<Need> {
    // With a recurrence: the series and its first occurrences; the answer is the first occurrence (docs/everyday.md).
    return input.recurrence ? this.series.post(actor, input) : this.service.post(actor, input);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '受理 accept（首接负责）：SUBMITTED → ACCEPTED（辖区工作人员 staff in scope）' })
  acceptNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '需求 id' }) id: string): Promise<Need> {
    return this.service.accept(actor, id);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '不予受理 reject，理由一次告知（一次告知）：SUBMITTED → REJECTED' })
  rejectNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('reason', { description: '不予受理的理由 reason（必填，告知居民）' }) reason: string,
  ): Promise<Need> {
    return this.service.reject(actor, id, reason);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '发布 publish：ACCEPTED → OPEN，服务区域内的志愿者可接单' })
  publishNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '需求 id' }) id: string): Promise<Need> {
    return this.service.publish(actor, id);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, {
    description: '派单 dispatch：→ CLAIMED，指派给该志愿者。选择非首位匹配候选人须说明理由，并记录',
  })
  dispatchNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('volunteerId', { type: () => ID, description: '被指派的志愿者 volunteer 的 id' }) volunteerId: string,
    @Args('reason', {
      type: () => String,
      nullable: true,
      description: '不选首位候选人的理由 why the top candidate was overridden（此时必填；仅工作人员可见）',
    })
    reason?: string | null,
  ): Promise<Need> {
    return this.service.dispatch(actor, id, volunteerId, reason);
  }

  @Authorize(Permission.NEED_CLAIM)
  @Mutation(() => Need, { description: '接单 claim：调用者的志愿者身份接一个 OPEN 需求（并发时只有一人成功，其他人为 CONFLICT）' })
  claimNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '需求 id' }) id: string): Promise<Need> {
    return this.service.claim(actor, id);
  }

  @Authorize(Permission.NEED_SERVE)
  @Mutation(() => Need, { description: '退单 withdraw：CLAIMED → OPEN（服务时段已过则 EXPIRED），记录原因；计入可靠度' })
  withdrawClaim(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('reason', { description: '退单原因 reason（必填）' }) reason: string,
  ): Promise<Need> {
    return this.service.withdraw(actor, id, reason);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '爽约 no-show：志愿者未到；CLAIMED → OPEN，计入其可靠度（服务时段开始后才能报告）' })
  reportNoShow(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('reason', { description: '情况说明 reason（必填）' }) reason: string,
  ): Promise<Need> {
    return this.service.noShow(actor, id, reason);
  }

  @Authorize(Permission.NEED_SERVE)
  @Mutation(() => Need, { description: '开始服务（签到）start：CLAIMED → IN_SERVICE（接单志愿者）' })
  startService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('latitude', {
      type: () => Float,
      nullable: true,
      description: '签到位置纬度 check-in latitude（WGS84；与 longitude 同时提供或都不提供；保留到需求位置的距离）',
    })
    latitude?: number | null,
    @Args('longitude', { type: () => Float, nullable: true, description: '签到位置经度 check-in longitude（WGS84；与 latitude 同时提供或都不提供）' })
    longitude?: number | null,
  ): Promise<Need> {
    return this.service.start(actor, id, geo(latitude, longitude));
  }

  @Authorize(Permission.NEED_SERVE)
  @Mutation(() => Need, { description: '完成服务（签退）complete：IN_SERVICE → COMPLETED，报告服务时长（分钟）' })
  completeService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('minutes', { type: () => Int, description: '服务时长 minutes served，单位分钟（不超过开始以来的时间加容差）' }) minutes: number,
    @Args('note', { type: () => String, nullable: true, description: '服务备注 note' }) note?: string | null,
    @Args('latitude', {
      type: () => Float,
      nullable: true,
      description: '签退位置纬度 check-out latitude（WGS84；与 longitude 同时提供或都不提供；保留到需求位置的距离）',
    })
    latitude?: number | null,
    @Args('longitude', { type: () => Float, nullable: true, description: '签退位置经度 check-out longitude（WGS84；与 latitude 同时提供或都不提供）' })
    longitude?: number | null,
  ): Promise<Need> {
    return this.service.complete(actor, id, minutes, note, geo(latitude, longitude));
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, {
    description: '确认+好差评 confirm and rate：COMPLETED → CONFIRMED，由服务对象确认（代办的需求也可由代办人或社区工作者确认）；志愿者经时间银行获得时长',
  })
  confirmService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('rating', { type: () => Int, description: '评分 rating：5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' }) rating: number,
    @Args('comment', { type: () => String, nullable: true, description: '评价内容 comment' }) comment?: string | null,
    @Args('tags', { type: () => [String], nullable: true, description: '评价标签 tags（取自 ratingTags）' }) tags?: string[] | null,
    @Args('minutes', { type: () => Int, nullable: true, description: '核定时长 confirmed minutes，单位分钟（少于报告时长时填写）；时间银行按此计入' })
    minutes?: number | null,
  ): Promise<Need> {
    return this.service.confirm(actor, id, rating, comment, tags, minutes);
  }

  @Authorize(Permission.NEED_DISPUTE_RESOLVE)
  @Mutation(() => Need, {
    description:
      '异议处理 settle a dispute（辖区社区工作者/街道管理员）：CONFIRM 按核定时长确认（正好计入这些分钟）、REOPEN 重新开放或 CANCEL 取消；同时办结 DISPUTE 事项',
  })
  resolveDispute(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('note', { description: '处理说明 note（必填，记入 history 和事项）' }) note: string,
    @Args('minutes', { type: () => Int, nullable: true, description: '核定时长 minutes established，单位分钟；CONFIRM 时必填' }) minutes?: number | null,
    @Args('outcome', { type: () => DisputeOutcome, nullable: true, defaultValue: DisputeOutcome.CONFIRM, description: '处理结果 outcome（默认 CONFIRM）' })
    outcome?: DisputeOutcome | null,
  ): Promise<Need> {
    return this.service.resolveDispute(actor, id, outcome ?? DisputeOutcome.CONFIRM, minutes, note);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '改期 reschedule（辖区工作人员）：新的将来时段；EXPIRED（或等待中）的需求重新 OPEN；记入 history' })
  rescheduleNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('windowStart', { description: '新的服务时段开始 window start，DateTime（ISO 8601，带时区），须在将来' }) windowStart: Date,
    @Args('windowEnd', { description: '新的服务时段结束 window end，DateTime（ISO 8601，带时区），晚于开始' }) windowEnd: Date,
    @Args('reason', { description: '改期原因 reason（必填）' }) reason: string,
  ): Promise<Need> {
    return this.service.reschedule(actor, id, windowStart, windowEnd, reason);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, { description: '异议 dispute：服务对象或代办人对完成的服务提出异议；此后不再自动确认，生成 DISPUTE 事项由工作人员处理' })
  disputeService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('reason', { description: '异议原因 reason（必填）' }) reason: string,
  ): Promise<Need> {
    return this.service.dispute(actor, id, reason);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '办结 close：CONFIRMED → CLOSED（无未办结的回访/整改事项时）' })
  closeNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '需求 id' }) id: string): Promise<Need> {
    return this.service.close(actor, id);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, { description: '取消 cancel：发布人、服务对象或社区工作人员在服务开始前取消；释放资源预订' })
  cancelNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '需求 id' }) id: string,
    @Args('reason', { description: '取消原因 reason（必填）' }) reason: string,
  ): Promise<Need> {
    return this.service.cancel(actor, id, reason);
  }

  @Authorize(Permission.NEED_BATCH_DISPATCH)
  @Mutation(() => BatchAssignment, {
    description: '批量派单 batch dispatch：计算区域下的最优分配并逐对派单（每对一个事务，结果见 dispatched / error）',
  })
  async batchDispatch(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region（如街道）的 id，在调用者辖区内' }) regionId: string,
    @Args('capacity', { type: () => Int, nullable: true, defaultValue: 1, description: '每位志愿者最多分配的需求数 needs per volunteer（1–5，默认 1）' })
    capacity: number,
  ): Promise<BatchAssignment> {
    const { plan, outcome } = await this.service.batchDispatch(actor, regionId, capacity);
    return toBatch(plan, outcome);
  }

  @Authorize(Permission.NEED_DEADLINE_SET)
  @Mutation(() => DeadlinePolicyModel, { description: '设置办理时限 set the deadline policy：某区域及其下级某紧急程度的受理、接单时限（分钟）' })
  async setNeedDeadlinePolicy(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id（在调用者辖区内）' }) regionId: string,
    @Args('urgency', { type: () => Urgency, description: '紧急程度 urgency' }) urgency: Urgency,
    @Args('acceptMinutes', { type: () => Int, description: '从发布到受理的时限 accept deadline，单位分钟' }) acceptMinutes: number,
    @Args('claimMinutes', { type: () => Int, description: '从发布到接单/派单的时限 claim deadline，单位分钟' }) claimMinutes: number,
  ): Promise<DeadlinePolicyModel> {
    const p = await this.service.setDeadlinePolicy(actor, regionId, urgency, { acceptMinutes, claimMinutes });
    return { regionId, urgency, ...p };
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => [DeadlinePolicyModel], { description: '区域现行的办理时限 deadline policies in force，每个紧急程度一条，带设置所在区域（null = 默认值）' })
  needDeadlinePolicies(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID, description: '区域 region 的 id' }) regionId: string,
  ): Promise<DeadlinePolicyModel[]> {
    return this.service.deadlinePolicies(actor, regionId);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => Need, {
    nullable: true,
    description:
      '一个需求 need：仅需求的各方可见（服务对象、发布人、接单志愿者、辖区工作人员；服务区域内的志愿者仅在 OPEN 时）；不存在为 null，不可见为 FORBIDDEN',
  })
  need(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '需求 id' }) id: string): Promise<Need | null> {
    return this.service.find(actor, id);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => NeedConnection, {
    description: '调用者可见的需求 needs：自己的、自己服务的、服务区域内 OPEN 的，以及工作人员辖区内的全部；按发布时间从新到旧',
  })
  needs(@CurrentActor() actor: Actor, @Args() args: NeedsArgs): Promise<Connection<Need>> {
    return this.service.page(actor, args.filter, args.first, args.after);
  }

  @Authorize(Permission.NEED_CLAIM)
  @Query(() => NeedConnection, { description: '志愿者的需求推荐 feed：调用者可接的 OPEN 需求，按匹配分 match score 排序' })
  openNeedsForMe(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<Need>> {
    return this.service.feedPage(actor, page.first, page.after);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => [NeedReview], { description: '回访/整改事项 review items（调用者辖区内：差评、超时回访、异议、过期回访）' })
  needReviews(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => String, nullable: true, description: '状态 status：OPEN 待办 或 RESOLVED 已办结；省略为全部' }) status?: string | null,
    @Args('needId', { type: () => ID, nullable: true, description: '只看该需求 need 的事项' }) needId?: string | null,
  ): Promise<NeedReview[]> {
    return this.service.reviews(actor, status ?? null, needId ?? null);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => NeedReview, { description: '办结回访/整改事项 resolve a review item，说明办理结果' })
  resolveNeedReview(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '事项 review item 的 id' }) id: string,
    @Args('resolution', { description: '办理结果 resolution（必填）' }) resolution: string,
  ): Promise<NeedReview> {
    return this.service.resolveReview(actor, id, resolution);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => [String], { description: '好差评可用的标签 tags a rating may carry' })
  ratingTags(): string[] {
    return [...RATING_TAG_LIST];
  }

  // ---------------------------------------------------------------- fields

  private personFor(ctx: GqlContext, id: string): Promise<Person | null> {
    // Whoever may see the need meets its people at least masked (王*, 138****0001).
    return this.people.shown(ctx, id);
  }

  @ResolveField(() => Person, { description: '服务对象 beneficiary：可见需求者都能看到，未获授权者看到掩码（王*、138****0001）(docs/design.md §11)' })
  beneficiary(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.personFor(ctx, n.beneficiaryId);
  }

  @ResolveField(() => Person, { description: '发布人 poster（服务对象本人，或代办人 proxy 代办），掩码规则同上' })
  postedBy(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.personFor(ctx, n.postedById);
  }

  @ResolveField(() => Volunteer, { nullable: true, description: '接单/被派单的志愿者 claimant；无人接单为 null' })
  claimedBy(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    return n.claimedById ? this.volunteers.volunteer(ctx).load(n.claimedById) : Promise.resolve(null);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      '详细地址 exact address：仅需求方（服务对象、发布人）、辖区工作人员 staff in scope，以及接单志愿者在 CLAIMED / IN_SERVICE 期间可见；其他人为 null',
  })
  async address(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<string | null> {
    if (!ctx.actor) return null;
    const volunteer = await this.volunteers.byPerson(ctx).load(ctx.actor.personId);
    return this.service.addressFor(ctx.actor, n, volunteer);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: '纬度 latitude（WGS84）：能看地址者为精确值 (docs/design.md §11)，其他人取 0.01°（约 1 公里）；无位置为 null',
  })
  async latitude(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<number | null> {
    return (await this.location(n, ctx))?.latitude ?? null;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: '经度 longitude（WGS84）：能看地址者为精确值 (docs/design.md §11)，其他人取 0.01°（约 1 公里）；无位置为 null',
  })
  async longitude(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<number | null> {
    return (await this.location(n, ctx))?.longitude ?? null;
  }

  private async location(n: NeedRecord, ctx: GqlContext) {
    if (!ctx.actor) return null;
    const volunteer = await this.volunteers.byPerson(ctx).load(ctx.actor.personId);
    return this.service.locationFor(ctx.actor, n, volunteer);
  }

  @ResolveField(() => String, { nullable: true, description: '派单时不选首位候选人的理由 dispatch override reason（仅辖区工作人员可见）' })
  dispatchOverrideReason(@Parent() n: NeedRecord, @Context() ctx: GqlContext): string | null {
    return this.service.dispatchOverrideReasonFor(ctx.actor, n);
  }

  @ResolveField(() => [NeedEvent], { description: '流转记录 history：每次变更的动作、前后状态、操作人、原因、时间' })
  history(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<NeedEvent[]> {
    return loader<string, NeedEvent[]>(ctx, 'needEvents', async (ids) => groupByKeys(ids, await this.repo.eventsOf(ids), (e) => e.needId)).load(n.id);
  }

  @ResolveField(() => NeedEventConnection, {
    description: '需求记录分页: the same history as `history`, oldest first, as a connection that pages both ways (`last: n` gives the n latest events)',
  })
  historyConnection(@Parent() n: NeedRecord, @Args() page: BidirectionalPageArgs): Promise<Connection<NeedEvent>> {
    return this.service.historyPage(n, page);
  }
}

@Resolver(() => NeedEvent)
export class NeedEventResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => Person, { nullable: true, description: '操作人 actor（掩码规则同需求上的人员）；系统操作（时限调度、自动确认）为 null' })
  async actor(@Parent() e: NeedEvent, @Context() ctx: GqlContext): Promise<Person | null> {
    if (!e.actorId || !ctx.actor) return null;
    return this.people.shown(ctx, e.actorId);
  }
}
