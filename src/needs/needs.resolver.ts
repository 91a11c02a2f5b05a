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
  @Field(() => NeedFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NeedFilter) filter?: NeedFilter | null;
}

registerEnumType(DisputeOutcome, { name: 'DisputeOutcome', description: 'How staff settle a disputed completion' });

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
  @Mutation(() => Need, { description: '点单: a resident posts a need, or a grid/community worker posts one for a resident (代办)' })
  postNeed(@CurrentActor() actor: Actor, @Args('input') input: PostNeedInput): Promise<Need> {
    // With a recurrence: the series and its first occurrences; the answer is the first occurrence (docs/everyday.md).
    return input.recurrence ? this.series.post(actor, input) : this.service.post(actor, input);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '受理 (首接负责): SUBMITTED → ACCEPTED' })
  acceptNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.accept(actor, id);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '不予受理, with the reason told once (一次告知): SUBMITTED → REJECTED' })
  rejectNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.reject(actor, id, reason);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '发布: ACCEPTED → OPEN, claimable by volunteers of the area' })
  publishNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.publish(actor, id);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, {
    description: '派单: → CLAIMED by that volunteer. Choosing someone other than the top match candidate needs a reason, and is recorded',
  })
  dispatchNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('volunteerId', { type: () => ID }) volunteerId: string,
    @Args('reason', { type: () => String, nullable: true, description: 'Why the top candidate was overridden' }) reason?: string | null,
  ): Promise<Need> {
    return this.service.dispatch(actor, id, volunteerId, reason);
  }

  @Authorize(Permission.NEED_CLAIM)
  @Mutation(() => Need, { description: '接单: the caller’s volunteer profile claims an OPEN need (exactly one claimant wins)' })
  claimNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.claim(actor, id);
  }

  @Authorize(Permission.NEED_SERVE)
  @Mutation(() => Need, { description: '退单: CLAIMED → OPEN with the reason recorded' })
  withdrawClaim(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.withdraw(actor, id, reason);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '爽约: the volunteer did not come; CLAIMED → OPEN and the no-show counts against their reliability' })
  reportNoShow(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.noShow(actor, id, reason);
  }

  @Authorize(Permission.NEED_SERVE)
  @Mutation(() => Need, { description: '开始服务 (签到): CLAIMED → IN_SERVICE' })
  startService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('latitude', { type: () => Float, nullable: true, description: 'Where the volunteer checks in (the distance to the need is kept)' })
    latitude?: number | null,
    @Args('longitude', { type: () => Float, nullable: true }) longitude?: number | null,
  ): Promise<Need> {
    return this.service.start(actor, id, geo(latitude, longitude));
  }

  @Authorize(Permission.NEED_SERVE)
  @Mutation(() => Need, { description: '完成服务 (签退): IN_SERVICE → COMPLETED with the minutes served' })
  completeService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('minutes', { type: () => Int }) minutes: number,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
    @Args('latitude', { type: () => Float, nullable: true, description: 'Where the volunteer checks out (the distance to the need is kept)' })
    latitude?: number | null,
    @Args('longitude', { type: () => Float, nullable: true }) longitude?: number | null,
  ): Promise<Need> {
    return this.service.complete(actor, id, minutes, note, geo(latitude, longitude));
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, {
    description: '确认+好差评: COMPLETED → CONFIRMED by the beneficiary (or the proxy / a community worker for a proxy-posted need); earns the volunteer hours',
  })
  confirmService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('rating', { type: () => Int, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' }) rating: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
    @Args('tags', { type: () => [String], nullable: true, description: 'From ratingTags' }) tags?: string[] | null,
    @Args('minutes', { type: () => Int, nullable: true, description: 'Confirmed minutes when fewer than reported (核定时长); the time bank earns these' })
    minutes?: number | null,
  ): Promise<Need> {
    return this.service.confirm(actor, id, rating, comment, tags, minutes);
  }

  @Authorize(Permission.NEED_DISPUTE_RESOLVE)
  @Mutation(() => Need, {
    description:
      '异议处理 (community worker / street admin in scope): CONFIRM with the minutes established (earns exactly those), REOPEN, or CANCEL; resolves the DISPUTE item',
  })
  resolveDispute(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
    @Args('minutes', { type: () => Int, nullable: true, description: 'Required for CONFIRM' }) minutes?: number | null,
    @Args('outcome', { type: () => DisputeOutcome, nullable: true, defaultValue: DisputeOutcome.CONFIRM }) outcome?: DisputeOutcome | null,
  ): Promise<Need> {
    return this.service.resolveDispute(actor, id, outcome ?? DisputeOutcome.CONFIRM, minutes, note);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '改期 (staff in scope): a new future window; an EXPIRED (or waiting) need becomes OPEN again; recorded in history' })
  rescheduleNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('windowStart') windowStart: Date,
    @Args('windowEnd') windowEnd: Date,
    @Args('reason') reason: string,
  ): Promise<Need> {
    return this.service.reschedule(actor, id, windowStart, windowEnd, reason);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, { description: '异议: the beneficiary or proxy disputes a completion; it is then not auto-confirmed' })
  disputeService(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.dispute(actor, id, reason);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => Need, { description: '办结: CONFIRMED → CLOSED once no review item is open' })
  closeNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.close(actor, id);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Need, { description: '取消: by the poster, the beneficiary or community staff, before the service starts' })
  cancelNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.cancel(actor, id, reason);
  }

  @Authorize(Permission.NEED_BATCH_DISPATCH)
  @Mutation(() => BatchAssignment, {
    description: '批量派单: computes the optimal assignment under a region and dispatches each pair (each in its own transaction)',
  })
  async batchDispatch(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('capacity', { type: () => Int, nullable: true, defaultValue: 1 }) capacity: number,
  ): Promise<BatchAssignment> {
    const { plan, outcome } = await this.service.batchDispatch(actor, regionId, capacity);
    return toBatch(plan, outcome);
  }

  @Authorize(Permission.NEED_DEADLINE_SET)
  @Mutation(() => DeadlinePolicyModel, { description: '设置办理时限: accept and claim deadlines per urgency for a region and everything under it' })
  async setNeedDeadlinePolicy(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('urgency', { type: () => Urgency }) urgency: Urgency,
    @Args('acceptMinutes', { type: () => Int }) acceptMinutes: number,
    @Args('claimMinutes', { type: () => Int }) claimMinutes: number,
  ): Promise<DeadlinePolicyModel> {
    const p = await this.service.setDeadlinePolicy(actor, regionId, urgency, { acceptMinutes, claimMinutes });
    return { regionId, urgency, ...p };
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => [DeadlinePolicyModel], { description: '办理时限 in force for a region, per urgency, with the region that sets each (null = default)' })
  needDeadlinePolicies(@CurrentActor() actor: Actor, @Args('regionId', { type: () => ID }) regionId: string): Promise<DeadlinePolicyModel[]> {
    return this.service.deadlinePolicies(actor, regionId);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => Need, { nullable: true })
  need(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need | null> {
    return this.service.find(actor, id);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => NeedConnection, {
    description: 'Needs the caller may see: their own, those they serve, OPEN ones of their service area, and all in their staff scope; newest first',
  })
  needs(@CurrentActor() actor: Actor, @Args() args: NeedsArgs): Promise<Connection<Need>> {
    return this.service.page(actor, args.filter, args.first, args.after);
  }

  @Authorize(Permission.NEED_CLAIM)
  @Query(() => NeedConnection, { description: '志愿者的需求推荐: OPEN needs the caller may claim, ranked by the match score' })
  openNeedsForMe(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<Need>> {
    return this.service.feedPage(actor, page.first, page.after);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Query(() => [NeedReview], { description: '回访/整改事项 in the caller’s scope (low ratings, deadline callbacks)' })
  needReviews(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => String, nullable: true, description: 'OPEN or RESOLVED' }) status?: string | null,
    @Args('needId', { type: () => ID, nullable: true }) needId?: string | null,
  ): Promise<NeedReview[]> {
    return this.service.reviews(actor, status ?? null, needId ?? null);
  }

  @Authorize(Permission.NEED_TRIAGE)
  @Mutation(() => NeedReview, { description: '办结回访/整改事项 with what was done' })
  resolveNeedReview(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('resolution') resolution: string): Promise<NeedReview> {
    return this.service.resolveReview(actor, id, resolution);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => [String], { description: 'Tags a rating may carry' })
  ratingTags(): string[] {
    return [...RATING_TAG_LIST];
  }

  // ---------------------------------------------------------------- fields

  private personFor(ctx: GqlContext, id: string): Promise<Person | null> {
    // Whoever may see the need meets its people at least masked (王*, 138****0001).
    return this.people.shown(ctx, id);
  }

  @ResolveField(() => Person, { description: '服务对象, masked unless the viewer may see them (docs/design.md §11)' })
  beneficiary(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.personFor(ctx, n.beneficiaryId);
  }

  @ResolveField(() => Person, { description: 'Who posted it (the beneficiary, or a proxy 代办)' })
  postedBy(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.personFor(ctx, n.postedById);
  }

  @ResolveField(() => Volunteer, { nullable: true })
  claimedBy(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    return n.claimedById ? this.volunteers.volunteer(ctx).load(n.claimedById) : Promise.resolve(null);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Exact address: for the resident’s side, staff in scope, and the volunteer only while the need is claimed by them',
  })
  async address(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<string | null> {
    if (!ctx.actor) return null;
    const volunteer = await this.volunteers.byPerson(ctx).load(ctx.actor.personId);
    return this.service.addressFor(ctx.actor, n, volunteer);
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Exact for whoever may see the address (docs/design.md §11); rounded to 0.01° (about 1 km) for everyone else',
  })
  async latitude(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<number | null> {
    return (await this.location(n, ctx))?.latitude ?? null;
  }

  @ResolveField(() => Float, {
    nullable: true,
    description: 'Exact for whoever may see the address (docs/design.md §11); rounded to 0.01° (about 1 km) for everyone else',
  })
  async longitude(@Parent() n: NeedRecord, @Context() ctx: GqlContext): Promise<number | null> {
    return (await this.location(n, ctx))?.longitude ?? null;
  }

  private async location(n: NeedRecord, ctx: GqlContext) {
    if (!ctx.actor) return null;
    const volunteer = await this.volunteers.byPerson(ctx).load(ctx.actor.personId);
    return this.service.locationFor(ctx.actor, n, volunteer);
  }

  @ResolveField(() => String, { nullable: true, description: 'Why staff dispatched someone other than the top candidate (staff only)' })
  dispatchOverrideReason(@Parent() n: NeedRecord, @Context() ctx: GqlContext): string | null {
    return this.service.dispatchOverrideReasonFor(ctx.actor, n);
  }

  @ResolveField(() => [NeedEvent], { description: 'Every transition: action, from, to, actor, reason, at' })
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

  @ResolveField(() => Person, { nullable: true, description: 'Who fired it; null for the system (deadline scheduler, auto-confirmation)' })
  async actor(@Parent() e: NeedEvent, @Context() ctx: GqlContext): Promise<Person | null> {
    if (!e.actorId || !ctx.actor) return null;
    return this.people.shown(ctx, e.actorId);
  }
}
