var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Args, ArgsType, Context, Field, Float, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, registerEnumType } from '@nestjs/graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { groupByKeys, loader } from '../common/graphql/context.js';
import { PageArgs } from '../common/graphql/connection.js';
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
import { Need, NeedConnection, NeedEvent, NeedFilter, NeedReview, PostNeedInput, RATING_TAG_LIST } from './need.model.js';
import { NeedsRepository } from './needs.repository.js';
import { DisputeOutcome, NeedsService } from './needs.service.js';
let NeedsArgs = class NeedsArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => NeedFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => NeedFilter),
    __metadata("design:type", Object)
], NeedsArgs.prototype, "filter", void 0);
NeedsArgs = __decorate([
    ArgsType()
], NeedsArgs);
registerEnumType(DisputeOutcome, { name: 'DisputeOutcome', description: 'How staff settle a disputed completion' });
let NeedsResolver = class NeedsResolver {
    service;
    repo;
    people;
    volunteers;
    constructor(service, repo, people, volunteers) {
        this.service = service;
        this.repo = repo;
        this.people = people;
        this.volunteers = volunteers;
    }
    postNeed(actor, input) {
        return this.service.post(actor, input);
    }
    acceptNeed(actor, id) {
        return this.service.accept(actor, id);
    }
    rejectNeed(actor, id, reason) {
        return this.service.reject(actor, id, reason);
    }
    publishNeed(actor, id) {
        return this.service.publish(actor, id);
    }
    dispatchNeed(actor, id, volunteerId, reason) {
        return this.service.dispatch(actor, id, volunteerId, reason);
    }
    claimNeed(actor, id) {
        return this.service.claim(actor, id);
    }
    withdrawClaim(actor, id, reason) {
        return this.service.withdraw(actor, id, reason);
    }
    reportNoShow(actor, id, reason) {
        return this.service.noShow(actor, id, reason);
    }
    startService(actor, id) {
        return this.service.start(actor, id);
    }
    completeService(actor, id, minutes, note) {
        return this.service.complete(actor, id, minutes, note);
    }
    confirmService(actor, id, rating, comment, tags, minutes) {
        return this.service.confirm(actor, id, rating, comment, tags, minutes);
    }
    resolveDispute(actor, id, note, minutes, outcome) {
        return this.service.resolveDispute(actor, id, outcome ?? DisputeOutcome.CONFIRM, minutes, note);
    }
    rescheduleNeed(actor, id, windowStart, windowEnd, reason) {
        return this.service.reschedule(actor, id, windowStart, windowEnd, reason);
    }
    disputeService(actor, id, reason) {
        return this.service.dispute(actor, id, reason);
    }
    closeNeed(actor, id) {
        return this.service.close(actor, id);
    }
    cancelNeed(actor, id, reason) {
        return this.service.cancel(actor, id, reason);
    }
    async batchDispatch(actor, regionId, capacity) {
        const { plan, outcome } = await this.service.batchDispatch(actor, regionId, capacity);
        return toBatch(plan, outcome);
    }
    async setNeedDeadlinePolicy(actor, regionId, urgency, acceptMinutes, claimMinutes) {
        const p = await this.service.setDeadlinePolicy(actor, regionId, urgency, { acceptMinutes, claimMinutes });
        return { regionId, urgency, ...p };
    }
    needDeadlinePolicies(actor, regionId) {
        return this.service.deadlinePolicies(actor, regionId);
    }
    need(actor, id) {
        return this.service.find(actor, id);
    }
    needs(actor, args) {
        return this.service.page(actor, args.filter, args.first, args.after);
    }
    openNeedsForMe(actor, page) {
        return this.service.feedPage(actor, page.first, page.after);
    }
    needReviews(actor, status, needId) {
        return this.service.reviews(actor, status ?? null, needId ?? null);
    }
    resolveNeedReview(actor, id, resolution) {
        return this.service.resolveReview(actor, id, resolution);
    }
    ratingTags() {
        return [...RATING_TAG_LIST];
    }
    // ---------------------------------------------------------------- fields
    personFor(ctx, id) {
        // Whoever may see the need meets its people at least masked (王*, 138****0001).
        return this.people.shown(ctx, id);
    }
    beneficiary(n, ctx) {
        return this.personFor(ctx, n.beneficiaryId);
    }
    postedBy(n, ctx) {
        return this.personFor(ctx, n.postedById);
    }
    claimedBy(n, ctx) {
        return n.claimedById ? this.volunteers.volunteer(ctx).load(n.claimedById) : Promise.resolve(null);
    }
    async address(n, ctx) {
        if (!ctx.actor)
            return null;
        const volunteer = await this.volunteers.byPerson(ctx).load(ctx.actor.personId);
        return this.service.addressFor(ctx.actor, n, volunteer);
    }
    async latitude(n, ctx) {
        return (await this.location(n, ctx))?.latitude ?? null;
    }
    async longitude(n, ctx) {
        return (await this.location(n, ctx))?.longitude ?? null;
    }
    async location(n, ctx) {
        if (!ctx.actor)
            return null;
        const volunteer = await this.volunteers.byPerson(ctx).load(ctx.actor.personId);
        return this.service.locationFor(ctx.actor, n, volunteer);
    }
    dispatchOverrideReason(n, ctx) {
        return this.service.dispatchOverrideReasonFor(ctx.actor, n);
    }
    history(n, ctx) {
        return loader(ctx, 'needEvents', async (ids) => groupByKeys(ids, await this.repo.eventsOf(ids), (e) => e.needId)).load(n.id);
    }
};
__decorate([
    Authorize(Permission.LOGGED_IN),
    Mutation(() => Need, { description: '点单: a resident posts a need, or a grid/community worker posts one for a resident (代办)' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, PostNeedInput]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "postNeed", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => Need, { description: '受理 (首接负责): SUBMITTED → ACCEPTED' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "acceptNeed", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => Need, { description: '不予受理, with the reason told once (一次告知): SUBMITTED → REJECTED' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "rejectNeed", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => Need, { description: '发布: ACCEPTED → OPEN, claimable by volunteers of the area' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "publishNeed", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => Need, { description: '派单: → CLAIMED by that volunteer. Choosing someone other than the top match candidate needs a reason, and is recorded' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('volunteerId', { type: () => ID })),
    __param(3, Args('reason', { type: () => String, nullable: true, description: 'Why the top candidate was overridden' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "dispatchNeed", null);
__decorate([
    Authorize(Permission.NEED_CLAIM),
    Mutation(() => Need, { description: '接单: the caller’s volunteer profile claims an OPEN need (exactly one claimant wins)' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "claimNeed", null);
__decorate([
    Authorize(Permission.NEED_SERVE),
    Mutation(() => Need, { description: '退单: CLAIMED → OPEN with the reason recorded' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "withdrawClaim", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => Need, { description: '爽约: the volunteer did not come; CLAIMED → OPEN and the no-show counts against their reliability' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "reportNoShow", null);
__decorate([
    Authorize(Permission.NEED_SERVE),
    Mutation(() => Need, { description: '开始服务 (签到): CLAIMED → IN_SERVICE' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "startService", null);
__decorate([
    Authorize(Permission.NEED_SERVE),
    Mutation(() => Need, { description: '完成服务 (签退): IN_SERVICE → COMPLETED with the minutes served' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('minutes', { type: () => Int })),
    __param(3, Args('note', { type: () => String, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Number, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "completeService", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Mutation(() => Need, { description: '确认+好差评: COMPLETED → CONFIRMED by the beneficiary (or the proxy / a community worker for a proxy-posted need); earns the volunteer hours' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('rating', { type: () => Int, description: '5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意' })),
    __param(3, Args('comment', { type: () => String, nullable: true })),
    __param(4, Args('tags', { type: () => [String], nullable: true, description: 'From ratingTags' })),
    __param(5, Args('minutes', { type: () => Int, nullable: true, description: 'Confirmed minutes when fewer than reported (核定时长); the time bank earns these' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Number, Object, Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "confirmService", null);
__decorate([
    Authorize(Permission.NEED_DISPUTE_RESOLVE),
    Mutation(() => Need, { description: '异议处理 (community worker / street admin in scope): CONFIRM with the minutes established (earns exactly those), REOPEN, or CANCEL; resolves the DISPUTE item' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('note')),
    __param(3, Args('minutes', { type: () => Int, nullable: true, description: 'Required for CONFIRM' })),
    __param(4, Args('outcome', { type: () => DisputeOutcome, nullable: true, defaultValue: DisputeOutcome.CONFIRM })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "resolveDispute", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => Need, { description: '改期 (staff in scope): a new future window; an EXPIRED (or waiting) need becomes OPEN again; recorded in history' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('windowStart')),
    __param(3, Args('windowEnd')),
    __param(4, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Date,
        Date, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "rescheduleNeed", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Mutation(() => Need, { description: '异议: the beneficiary or proxy disputes a completion; it is then not auto-confirmed' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "disputeService", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => Need, { description: '办结: CONFIRMED → CLOSED once no review item is open' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "closeNeed", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Mutation(() => Need, { description: '取消: by the poster, the beneficiary or community staff, before the service starts' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "cancelNeed", null);
__decorate([
    Authorize(Permission.NEED_BATCH_DISPATCH),
    Mutation(() => BatchAssignment, { description: '批量派单: computes the optimal assignment under a region and dispatches each pair (each in its own transaction)' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('capacity', { type: () => Int, nullable: true, defaultValue: 1 })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Number]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "batchDispatch", null);
__decorate([
    Authorize(Permission.NEED_DEADLINE_SET),
    Mutation(() => DeadlinePolicyModel, { description: '设置办理时限: accept and claim deadlines per urgency for a region and everything under it' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('urgency', { type: () => Urgency })),
    __param(3, Args('acceptMinutes', { type: () => Int })),
    __param(4, Args('claimMinutes', { type: () => Int })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Number, Number]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "setNeedDeadlinePolicy", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Query(() => [DeadlinePolicyModel], { description: '办理时限 in force for a region, per urgency, with the region that sets each (null = default)' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "needDeadlinePolicies", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => Need, { nullable: true }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "need", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => NeedConnection, { description: 'Needs the caller may see: their own, those they serve, OPEN ones of their service area, and all in their staff scope; newest first' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, NeedsArgs]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "needs", null);
__decorate([
    Authorize(Permission.NEED_CLAIM),
    Query(() => NeedConnection, { description: '志愿者的需求推荐: OPEN needs the caller may claim, ranked by the match score' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, PageArgs]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "openNeedsForMe", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Query(() => [NeedReview], { description: '回访/整改事项 in the caller’s scope (low ratings, deadline callbacks)' }),
    __param(0, CurrentActor()),
    __param(1, Args('status', { type: () => String, nullable: true, description: 'OPEN or RESOLVED' })),
    __param(2, Args('needId', { type: () => ID, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "needReviews", null);
__decorate([
    Authorize(Permission.NEED_TRIAGE),
    Mutation(() => NeedReview, { description: '办结回访/整改事项 with what was done' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('resolution')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "resolveNeedReview", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => [String], { description: 'Tags a rating may carry' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Array)
], NeedsResolver.prototype, "ratingTags", null);
__decorate([
    ResolveField(() => Person, { description: '服务对象, masked unless the viewer may see them (DESIGN.md §11)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "beneficiary", null);
__decorate([
    ResolveField(() => Person, { description: 'Who posted it (the beneficiary, or a proxy 代办)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "postedBy", null);
__decorate([
    ResolveField(() => Volunteer, { nullable: true }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "claimedBy", null);
__decorate([
    ResolveField(() => String, { nullable: true, description: 'Exact address: for the resident’s side, staff in scope, and the volunteer only while the need is claimed by them' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "address", null);
__decorate([
    ResolveField(() => Float, { nullable: true, description: 'Exact for whoever may see the address (DESIGN.md §11); rounded to 0.01° (about 1 km) for everyone else' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "latitude", null);
__decorate([
    ResolveField(() => Float, { nullable: true, description: 'Exact for whoever may see the address (DESIGN.md §11); rounded to 0.01° (about 1 km) for everyone else' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "longitude", null);
__decorate([
    ResolveField(() => String, { nullable: true, description: 'Why staff dispatched someone other than the top candidate (staff only)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Object)
], NeedsResolver.prototype, "dispatchOverrideReason", null);
__decorate([
    ResolveField(() => [NeedEvent], { description: 'Every transition: action, from, to, actor, reason, at' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", Promise)
], NeedsResolver.prototype, "history", null);
NeedsResolver = __decorate([
    Resolver(() => Need),
    __metadata("design:paramtypes", [NeedsService,
        NeedsRepository,
        PeopleLoaders,
        VolunteerLoaders])
], NeedsResolver);
export { NeedsResolver };
let NeedEventResolver = class NeedEventResolver {
    people;
    constructor(people) {
        this.people = people;
    }
    async actor(e, ctx) {
        if (!e.actorId || !ctx.actor)
            return null;
        return this.people.shown(ctx, e.actorId);
    }
};
__decorate([
    ResolveField(() => Person, { nullable: true, description: 'Who fired it; null for the system (deadline scheduler, auto-confirmation)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [NeedEvent, Object]),
    __metadata("design:returntype", Promise)
], NeedEventResolver.prototype, "actor", null);
NeedEventResolver = __decorate([
    Resolver(() => NeedEvent),
    __metadata("design:paramtypes", [PeopleLoaders])
], NeedEventResolver);
export { NeedEventResolver };
//# sourceMappingURL=needs.resolver.js.map