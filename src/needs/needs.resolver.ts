import { Args, ArgsType, Context, Field, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { byKeys, groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { decodeCursor, decodeKeysetCursor, PageArgs, toConnection } from '../common/graphql/connection.js';
import { BatchAssignment } from '../matching/match-candidate.model.js';
import { BATCH_DISPATCHERS, MatchingResolver, toBatch } from '../matching/matching.resolver.js';
import { PeopleRepository, PersonRow } from '../people/people.repository.js';
import { PeopleService } from '../people/people.service.js';
import { Person } from '../people/person.model.js';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from '../volunteers/volunteer.model.js';
import { volunteerByPersonLoader, volunteerLoader } from '../volunteers/volunteers.resolver.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { Urgency } from './need-deadlines.js';
import { NEED_STAFF } from './need-transitions.js';
import { Need, NeedConnection, NeedEvent, NeedFilter, NeedReview, PostNeedInput, RATING_TAG_LIST } from './need.model.js';
import type { Connection } from '../common/graphql/connection.js';
import { NeedsRepository } from './needs.repository.js';
import { DISPUTE_RESOLVERS, DisputeOutcome, NeedsService } from './needs.service.js';
import { DeadlinePolicyModel } from './deadline-policy.model.js';

@ArgsType()
class NeedsArgs extends PageArgs {
  @Field(() => NeedFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => NeedFilter) filter?: NeedFilter | null;
}

registerEnumType(DisputeOutcome, { name: 'DisputeOutcome', description: 'How staff settle a disputed completion' });

const personRowLoader = (ctx: GqlContext, repo: PeopleRepository) =>
  loader<string, PersonRow | null>(ctx, 'personRow', async (ids) => byKeys(ids, await repo.byIds(ids), (p) => p.id));

@Resolver(() => Need)
export class NeedsResolver {
  constructor(
    private readonly service: NeedsService,
    private readonly repo: NeedsRepository,
    private readonly people: PeopleService,
    private readonly peopleRepo: PeopleRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly matching: MatchingResolver,
  ) {}

  @Authorize()
  @Mutation(() => Need, { description: '点单: a resident posts a need, or a grid/community worker posts one for a resident (代办)' })
  postNeed(@CurrentActor() actor: Actor, @Args('input') input: PostNeedInput): Promise<Need> {
    return this.service.post(actor, input);
  }

  @Authorize(...NEED_STAFF)
  @Mutation(() => Need, { description: '受理 (首接负责): SUBMITTED → ACCEPTED' })
  acceptNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.accept(actor, id);
  }

  @Authorize(...NEED_STAFF)
  @Mutation(() => Need, { description: '不予受理, with the reason told once (一次告知): SUBMITTED → REJECTED' })
  rejectNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.reject(actor, id, reason);
  }

  @Authorize(...NEED_STAFF)
  @Mutation(() => Need, { description: '发布: ACCEPTED → OPEN, claimable by volunteers of the area' })
  publishNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.publish(actor, id);
  }

  @Authorize(...NEED_STAFF)
  @Mutation(() => Need, { description: '派单: → CLAIMED by that volunteer. Choosing someone other than the top match candidate needs a reason, and is recorded' })
  dispatchNeed(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('volunteerId', { type: () => ID }) volunteerId: string,
    @Args('reason', { type: () => String, nullable: true, description: 'Why the top candidate was overridden' }) reason?: string | null,
  ): Promise<Need> {
    return this.service.dispatch(actor, id, volunteerId, reason);
  }

  @Authorize(Role.VOLUNTEER)
  @Mutation(() => Need, { description: '接单: the caller’s volunteer profile claims an OPEN need (exactly one claimant wins)' })
  claimNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.claim(actor, id);
  }

  @Authorize(Role.VOLUNTEER)
  @Mutation(() => Need, { description: '退单: CLAIMED → OPEN with the reason recorded' })
  withdrawClaim(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.withdraw(actor, id, reason);
  }

  @Authorize(...NEED_STAFF)
  @Mutation(() => Need, { description: '爽约: the volunteer did not come; CLAIMED → OPEN and the no-show counts against their reliability' })
  reportNoShow(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.noShow(actor, id, reason);
  }

  @Authorize(Role.VOLUNTEER)
  @Mutation(() => Need, { description: '开始服务 (签到): CLAIMED → IN_SERVICE' })
  startService(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.start(actor, id);
  }

  @Authorize(Role.VOLUNTEER)
  @Mutation(() => Need, { description: '完成服务 (签退): IN_SERVICE → COMPLETED with the minutes served' })
  completeService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('minutes', { type: () => Int }) minutes: number,
    @Args('note', { type: () => String, nullable: true }) note?: string | null,
  ): Promise<Need> {
    return this.service.complete(actor, id, minutes, note);
  }

  @Authorize()
  @Mutation(() => Need, { description: '确认+好差评: COMPLETED → CONFIRMED by the beneficiary (or the proxy / a community worker for a proxy-posted need); earns the volunteer hours' })
  confirmService(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('rating', { type: () => Int, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' }) rating: number,
    @Args('comment', { type: () => String, nullable: true }) comment?: string | null,
    @Args('tags', { type: () => [String], nullable: true, description: 'From ratingTags' }) tags?: string[] | null,
    @Args('minutes', { type: () => Int, nullable: true, description: 'Confirmed minutes when fewer than reported (核定时长); the time bank earns these' }) minutes?: number | null,
  ): Promise<Need> {
    return this.service.confirm(actor, id, rating, comment, tags, minutes);
  }

  @Authorize(...DISPUTE_RESOLVERS)
  @Mutation(() => Need, { description: '异议处理 (community worker / street admin in scope): CONFIRM with the minutes established (earns exactly those), REOPEN, or CANCEL; resolves the DISPUTE item' })
  resolveDispute(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('note') note: string,
    @Args('minutes', { type: () => Int, nullable: true, description: 'Required for CONFIRM' }) minutes?: number | null,
    @Args('outcome', { type: () => DisputeOutcome, nullable: true, defaultValue: DisputeOutcome.CONFIRM }) outcome?: DisputeOutcome | null,
  ): Promise<Need> {
    return this.service.resolveDispute(actor, id, outcome ?? DisputeOutcome.CONFIRM, minutes, note);
  }

  @Authorize(...NEED_STAFF)
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

  @Authorize()
  @Mutation(() => Need, { description: '异议: the beneficiary or proxy disputes a completion; it is then not auto-confirmed' })
  disputeService(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.dispute(actor, id, reason);
  }

  @Authorize(...NEED_STAFF)
  @Mutation(() => Need, { description: '办结: CONFIRMED → CLOSED once no review item is open' })
  closeNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need> {
    return this.service.close(actor, id);
  }

  @Authorize()
  @Mutation(() => Need, { description: '取消: by the poster, the beneficiary or community staff, before the service starts' })
  cancelNeed(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Need> {
    return this.service.cancel(actor, id, reason);
  }

  @Authorize(...BATCH_DISPATCHERS)
  @Mutation(() => BatchAssignment, { description: '批量派单: computes the optimal assignment under a region and dispatches each pair (each in its own transaction)' })
  async batchDispatch(
    @CurrentActor() actor: Actor,
    @Args('regionId', { type: () => ID }) regionId: string,
    @Args('capacity', { type: () => Int, nullable: true, defaultValue: 1 }) capacity: number,
  ): Promise<BatchAssignment> {
    const plan = await this.matching.plan(actor, regionId, capacity);
    const outcome = new Map<string, string | null>();
    for (const p of plan.pairs) {
      try {
        // The plan is optimal as a whole, so no single pair is an override of it.
        await this.service.dispatch(actor, p.needId, p.volunteerId, '批量派单（最优分配）');
        outcome.set(p.needId, null);
      } catch (err) {
        outcome.set(p.needId, err instanceof Error ? err.message : '派单失败');
      }
    }
    return toBatch(plan, outcome);
  }

  @Authorize(Role.STREET_ADMIN, Role.SYSTEM_ADMIN)
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

  @Authorize(...NEED_STAFF)
  @Query(() => [DeadlinePolicyModel], { description: '办理时限 in force for a region, per urgency, with the region that sets each (null = default)' })
  needDeadlinePolicies(@CurrentActor() actor: Actor, @Args('regionId', { type: () => ID }) regionId: string): Promise<DeadlinePolicyModel[]> {
    return this.service.deadlinePolicies(actor, regionId);
  }

  @Authorize()
  @Query(() => Need, { nullable: true })
  need(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Need | null> {
    return this.service.find(actor, id);
  }

  @Authorize()
  @Query(() => NeedConnection, { description: 'Needs the caller may see: their own, those they serve, OPEN ones of their service area, and all in their staff scope; newest first' })
  async needs(@CurrentActor() actor: Actor, @Args() args: NeedsArgs): Promise<Connection<Need>> {
    const after = args.after ? decodeKeysetCursor(args.after, 'timestamp') : null;
    const { rows, total } = await this.service.list(actor, args.filter, args.first, after);
    return toConnection(rows, args.first, total, (n) => [n.createdAt.toISOString(), n.id], (n) => n);
  }

  @Authorize(Role.VOLUNTEER)
  @Query(() => NeedConnection, { description: '志愿者的需求推荐: OPEN needs the caller may claim, ranked by the match score' })
  async openNeedsForMe(@CurrentActor() actor: Actor, @Args() page: PageArgs): Promise<Connection<Need>> {
    const ranked = await this.service.feed(actor);
    let start = 0;
    if (page.after) {
      const [score, id] = decodeCursor(page.after, 2);
      const at = ranked.findIndex((r) => r.need.id === id);
      // The need may have left the feed (claimed meanwhile): continue after its score instead.
      start = at >= 0 ? at + 1 : ranked.findIndex((r) => Math.round(r.score * 10) < Number(score));
      if (start < 0) start = ranked.length;
    }
    const rows = ranked.slice(start, start + page.first + 1);
    return toConnection(rows, page.first, ranked.length, (r) => [Math.round(r.score * 10), r.need.id], (r) => r.need);
  }

  @Authorize(...NEED_STAFF)
  @Query(() => [NeedReview], { description: '回访/整改事项 in the caller’s scope (low ratings, deadline callbacks)' })
  needReviews(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => String, nullable: true, description: 'OPEN or RESOLVED' }) status?: string | null,
    @Args('needId', { type: () => ID, nullable: true }) needId?: string | null,
  ): Promise<NeedReview[]> {
    return this.service.reviews(actor, status ?? null, needId ?? null);
  }

  @Authorize(...NEED_STAFF)
  @Mutation(() => NeedReview, { description: '办结回访/整改事项 with what was done' })
  resolveNeedReview(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('resolution') resolution: string): Promise<NeedReview> {
    return this.service.resolveReview(actor, id, resolution);
  }

  @Authorize()
  @Query(() => [String], { description: 'Tags a rating may carry' })
  ratingTags(): string[] {
    return [...RATING_TAG_LIST];
  }

  // ---------------------------------------------------------------- fields

  private async personFor(ctx: GqlContext, id: string): Promise<Person | null> {
    const row = await personRowLoader(ctx, this.peopleRepo).load(id);
    if (!row || !ctx.actor) return null;
    // Whoever may see the need meets its people at least masked (王*, 138****0001).
    return this.people.view(ctx.actor, row) ?? this.people.maskedView(row);
  }

  @ResolveField(() => Person, { description: '服务对象, masked unless the viewer may see them (DESIGN.md §11)' })
  beneficiary(@Parent() n: Need, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.personFor(ctx, n.beneficiaryId);
  }

  @ResolveField(() => Person, { description: 'Who posted it (the beneficiary, or a proxy 代办)' })
  postedBy(@Parent() n: Need, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.personFor(ctx, n.postedById);
  }

  @ResolveField(() => Volunteer, { nullable: true })
  claimedBy(@Parent() n: Need, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    return n.claimedById ? volunteerLoader(ctx, this.volunteers).load(n.claimedById) : Promise.resolve(null);
  }

  @ResolveField(() => String, { nullable: true, description: 'Exact address: for the resident’s side, staff in scope, and the volunteer only while the need is claimed by them' })
  async address(@Parent() n: Need, @Context() ctx: GqlContext): Promise<string | null> {
    if (!ctx.actor) return null;
    const volunteer = await volunteerByPersonLoader(ctx, this.volunteers).load(ctx.actor.personId);
    return this.service.addressFor(ctx.actor, n, volunteer);
  }

  @ResolveField(() => Float, { nullable: true, description: 'Exact for whoever may see the address (DESIGN.md §11); rounded to 0.01° (about 1 km) for everyone else' })
  async latitude(@Parent() n: Need, @Context() ctx: GqlContext): Promise<number | null> {
    return (await this.location(n, ctx))?.latitude ?? null;
  }

  @ResolveField(() => Float, { nullable: true, description: 'Exact for whoever may see the address (DESIGN.md §11); rounded to 0.01° (about 1 km) for everyone else' })
  async longitude(@Parent() n: Need, @Context() ctx: GqlContext): Promise<number | null> {
    return (await this.location(n, ctx))?.longitude ?? null;
  }

  private async location(n: Need, ctx: GqlContext) {
    if (!ctx.actor) return null;
    const volunteer = await volunteerByPersonLoader(ctx, this.volunteers).load(ctx.actor.personId);
    return this.service.locationFor(ctx.actor, n, volunteer);
  }

  @ResolveField(() => String, { nullable: true, description: 'Why staff dispatched someone other than the top candidate (staff only)' })
  dispatchOverrideReason(@Parent() n: Need, @Context() ctx: GqlContext): string | null {
    return ctx.actor?.covers(n.gridPath, ...NEED_STAFF) ? n.dispatchOverrideReason : null;
  }

  @ResolveField(() => [NeedEvent], { description: 'Every transition: action, from, to, actor, reason, at' })
  history(@Parent() n: Need, @Context() ctx: GqlContext): Promise<NeedEvent[]> {
    return loader<string, NeedEvent[]>(ctx, 'needEvents', async (ids) => groupByKeys(ids, await this.repo.eventsOf(ids), (e) => e.needId)).load(n.id);
  }
}

@Resolver(() => NeedEvent)
export class NeedEventResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly peopleRepo: PeopleRepository,
  ) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who fired it; null for the system (deadline scheduler, auto-confirmation)' })
  async actor(@Parent() e: NeedEvent, @Context() ctx: GqlContext): Promise<Person | null> {
    if (!e.actorId || !ctx.actor) return null;
    const row = await personRowLoader(ctx, this.peopleRepo).load(e.actorId);
    if (!row) return null;
    return this.people.view(ctx.actor, row) ?? this.people.maskedView(row);
  }
}
