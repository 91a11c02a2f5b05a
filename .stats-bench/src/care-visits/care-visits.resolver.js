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
import { Args, ArgsType, Context, Field, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { byKeys, groupByKeys, loader } from '../common/graphql/context.js';
import { PageArgs } from '../common/graphql/connection.js';
import { Need } from '../needs/need.model.js';
import { NeedsService } from '../needs/needs.service.js';
import { PeopleRepository } from '../people/people.repository.js';
import { PeopleService } from '../people/people.service.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { CareEnrollmentFilter, CareFollowUpFilter, EnrollCareInput, RecordVisitInput, SetVisitRuleInput, VisitTaskFilter } from './care-visit.input.js';
import { CareEnrollment, CareEnrollmentConnection, CareEnrollmentEvent, CareFollowUp, CareFollowUpConnection, CareGroup, CareVisit, VisitorRate, VisitRate, VisitRuleModel, VisitTask, VisitTaskConnection, VisitTaskNotification, } from './care-visit.model.js';
import { CareVisitsService } from './care-visits.service.js';
import { VisitSignals } from './visit-signals.js';
let EnrollmentsArgs = class EnrollmentsArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => CareEnrollmentFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => CareEnrollmentFilter),
    __metadata("design:type", Object)
], EnrollmentsArgs.prototype, "filter", void 0);
EnrollmentsArgs = __decorate([
    ArgsType()
], EnrollmentsArgs);
let VisitTasksArgs = class VisitTasksArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => VisitTaskFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => VisitTaskFilter),
    __metadata("design:type", Object)
], VisitTasksArgs.prototype, "filter", void 0);
VisitTasksArgs = __decorate([
    ArgsType()
], VisitTasksArgs);
let FollowUpsArgs = class FollowUpsArgs extends PageArgs {
    filter;
};
__decorate([
    Field(() => CareFollowUpFilter, { nullable: true }),
    IsOptional(),
    ValidateNested(),
    Type(() => CareFollowUpFilter),
    __metadata("design:type", Object)
], FollowUpsArgs.prototype, "filter", void 0);
FollowUpsArgs = __decorate([
    ArgsType()
], FollowUpsArgs);
const personRows = (ctx, repo) => loader(ctx, 'careVisits.personRow', async (ids) => byKeys(ids, await repo.byIds(ids), (p) => p.id));
/** Shared by the types below: a person as the viewer may see them, masked (王*, no address) when not in their scope. */
async function personFor(ctx, repo, people, id) {
    if (!id || !ctx.actor)
        return null;
    const row = await personRows(ctx, repo).load(id);
    if (!row)
        return null;
    return people.view(ctx.actor, row) ?? people.maskedView(row);
}
let CareEnrollmentResolver = class CareEnrollmentResolver {
    service;
    peopleRepo;
    people;
    constructor(service, peopleRepo, people) {
        this.service = service;
        this.peopleRepo = peopleRepo;
        this.people = people;
    }
    enrollCare(actor, input) {
        return this.service.enroll(actor, input);
    }
    pauseCare(actor, id, until, reason) {
        return this.service.pause(actor, id, until, reason);
    }
    endCare(actor, id, reason) {
        return this.service.end(actor, id, reason);
    }
    careEnrollments(actor, args) {
        return this.service.enrollments(actor, args.filter, args);
    }
    careEnrollment(actor, id) {
        return this.service.enrollment(actor, id);
    }
    myCareEnrollments(actor) {
        return this.service.myEnrollments(actor);
    }
    person(e, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, e.personId);
    }
    consentBy(e, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, e.consentById);
    }
    async history(e, ctx) {
        return loader(ctx, 'careVisits.history', async (ids) => groupByKeys(ids, await this.service.historyOf(ids), (h) => h.enrollmentId)).load(e.id);
    }
};
__decorate([
    Authorize(Permission.CARE_ENROL),
    Mutation(() => CareEnrollment, { description: '登记关爱对象 with consent (the person, or for a minor an adult recorded relative; under 14 a guardian)' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, EnrollCareInput]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "enrollCare", null);
__decorate([
    Authorize(Permission.CARE_ENROL),
    Mutation(() => CareEnrollment, { description: '暂停探访 (hospitalised, staying with family) until a time, with a reason' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('until')),
    __param(3, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Date, String]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "pauseCare", null);
__decorate([
    Authorize(Permission.CARE_ENROL),
    Mutation(() => CareEnrollment, { description: '结束关爱 (moved away, deceased), with a reason; confirms a visitor\'s report' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "endCare", null);
__decorate([
    Authorize(Permission.CARE_READ),
    Query(() => CareEnrollmentConnection, { description: '关爱对象名单 of my scope (every read is access-logged)' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, EnrollmentsArgs]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "careEnrollments", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => CareEnrollment, { nullable: true, description: 'One enrolment: staff in scope (logged) or the person themself' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "careEnrollment", null);
__decorate([
    Authorize(Permission.SELF),
    Query(() => [CareEnrollment], { description: 'My own care enrolments' }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "myCareEnrollments", null);
__decorate([
    ResolveField(() => Person),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareEnrollment, Object]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "person", null);
__decorate([
    ResolveField(() => Person, { nullable: true, description: 'Who consented (the person or their guardian)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareEnrollment, Object]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "consentBy", null);
__decorate([
    ResolveField(() => [CareEnrollmentEvent]),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareEnrollment, Object]),
    __metadata("design:returntype", Promise)
], CareEnrollmentResolver.prototype, "history", null);
CareEnrollmentResolver = __decorate([
    Resolver(() => CareEnrollment),
    __metadata("design:paramtypes", [CareVisitsService,
        PeopleRepository,
        PeopleService])
], CareEnrollmentResolver);
export { CareEnrollmentResolver };
let CareEnrollmentEventResolver = class CareEnrollmentEventResolver {
    peopleRepo;
    people;
    constructor(peopleRepo, people) {
        this.peopleRepo = peopleRepo;
        this.people = people;
    }
    actor(h, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, h.actorId);
    }
};
__decorate([
    ResolveField(() => Person, { nullable: true }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareEnrollmentEvent, Object]),
    __metadata("design:returntype", Promise)
], CareEnrollmentEventResolver.prototype, "actor", null);
CareEnrollmentEventResolver = __decorate([
    Resolver(() => CareEnrollmentEvent),
    __metadata("design:paramtypes", [PeopleRepository,
        PeopleService])
], CareEnrollmentEventResolver);
export { CareEnrollmentEventResolver };
let VisitTaskResolver = class VisitTaskResolver {
    service;
    peopleRepo;
    people;
    signals;
    constructor(service, peopleRepo, people, signals) {
        this.service = service;
        this.peopleRepo = peopleRepo;
        this.people = people;
        this.signals = signals;
    }
    planVisits(actor, regionId, month) {
        return this.service.plan(actor, regionId, month);
    }
    visitTasks(actor, args) {
        return this.service.tasks(actor, args.filter, args);
    }
    visitTask(actor, id) {
        return this.service.task(actor, id);
    }
    assignVisit(actor, taskId, visitorId) {
        return this.service.assign(actor, taskId, visitorId);
    }
    recordVisit(actor, input) {
        return this.service.record(actor, input);
    }
    myVisitTaskNotices(actor) {
        return this.signals.listen(actor.personId);
    }
    person(t, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, t.personId);
    }
    assignee(t, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, t.assigneeId);
    }
    async address(t, ctx) {
        if (!ctx.actor || !this.service.seesTask(ctx.actor, t))
            return null;
        return (await personRows(ctx, this.peopleRepo).load(t.personId))?.address ?? null;
    }
    visits(t, ctx) {
        return loader(ctx, 'careVisits.visits', async (ids) => groupByKeys(ids, await this.service.visitsOfTasks(ids), (v) => v.taskId)).load(t.id);
    }
};
__decorate([
    Authorize(Permission.VISIT_PLAN),
    Mutation(() => Int, { description: '生成探访任务 of a month ("2026-12") for the region; idempotent; returns how many were created' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('month')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "planVisits", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => VisitTaskConnection, { description: '探访任务: my assigned tasks, and for staff the tasks of their scope (logged)' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, VisitTasksArgs]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "visitTasks", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => VisitTask, { nullable: true }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "visitTask", null);
__decorate([
    Authorize(Permission.VISIT_ASSIGN),
    Mutation(() => VisitTask, { description: '改派 to a grid/community/social worker in scope or an approved, vetted volunteer (visitorId: a Person id)' }),
    __param(0, CurrentActor()),
    __param(1, Args('taskId', { type: () => ID })),
    __param(2, Args('visitorId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "assignVisit", null);
__decorate([
    Authorize(Permission.VISIT_RECORD),
    Mutation(() => CareVisit, { description: '探访记录 by the assignee; raiseNeed posts a proxy need in the same transaction (主动发现)' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RecordVisitInput]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "recordVisit", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Subscription(() => VisitTaskNotification, {
        description: '探访提醒: a visit task was assigned to me, or is past its due day',
        resolve: (s) => ({ type: s.type, taskId: s.taskId, at: new Date(s.at) }),
    }),
    __param(0, CurrentActor()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor]),
    __metadata("design:returntype", void 0)
], VisitTaskResolver.prototype, "myVisitTaskNotices", null);
__decorate([
    ResolveField(() => Person, { description: 'Full for staff in scope; masked (王*) for a volunteer visitor, who gets the address below' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VisitTask, Object]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "person", null);
__decorate([
    ResolveField(() => Person, { nullable: true }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VisitTask, Object]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "assignee", null);
__decorate([
    ResolveField(() => String, { nullable: true, description: 'Where to visit: for the assignee and staff in scope only' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VisitTask, Object]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "address", null);
__decorate([
    ResolveField(() => [CareVisit]),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VisitTask, Object]),
    __metadata("design:returntype", Promise)
], VisitTaskResolver.prototype, "visits", null);
VisitTaskResolver = __decorate([
    Resolver(() => VisitTask),
    __metadata("design:paramtypes", [CareVisitsService,
        PeopleRepository,
        PeopleService,
        VisitSignals])
], VisitTaskResolver);
export { VisitTaskResolver };
let CareVisitResolver = class CareVisitResolver {
    service;
    needs;
    peopleRepo;
    people;
    constructor(service, needs, peopleRepo, people) {
        this.service = service;
        this.needs = needs;
        this.peopleRepo = peopleRepo;
        this.people = people;
    }
    async task(v, ctx) {
        return loader(ctx, 'careVisits.task', async (ids) => byKeys(ids, await this.service.tasksByIds(ids), (t) => t.id)).load(v.taskId);
    }
    visitor(v, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, v.visitorId);
    }
    async raisedNeed(v, ctx) {
        if (!v.raisedNeedId || !ctx.actor)
            return null;
        return this.needs.get(ctx.actor, v.raisedNeedId).catch(() => null);
    }
};
__decorate([
    ResolveField(() => VisitTask),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareVisit, Object]),
    __metadata("design:returntype", Promise)
], CareVisitResolver.prototype, "task", null);
__decorate([
    ResolveField(() => Person),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareVisit, Object]),
    __metadata("design:returntype", Promise)
], CareVisitResolver.prototype, "visitor", null);
__decorate([
    ResolveField(() => Need, { nullable: true, description: 'The need raised from this visit (主动发现), if the viewer may see it' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareVisit, Object]),
    __metadata("design:returntype", Promise)
], CareVisitResolver.prototype, "raisedNeed", null);
CareVisitResolver = __decorate([
    Resolver(() => CareVisit),
    __metadata("design:paramtypes", [CareVisitsService,
        NeedsService,
        PeopleRepository,
        PeopleService])
], CareVisitResolver);
export { CareVisitResolver };
let VisitRateResolver = class VisitRateResolver {
    service;
    regions;
    constructor(service, regions) {
        this.service = service;
        this.regions = regions;
    }
    visitRate(actor, regionId, month, group) {
        return this.service.rate(actor, regionId, month, group ?? null);
    }
    visitRule(actor, regionId, group, highRisk) {
        return this.service.rule(actor, regionId, group, highRisk);
    }
    setVisitRule(actor, input) {
        return this.service.setRule(actor, input);
    }
    region(r, ctx) {
        return this.regions.region(ctx).load(r.regionId);
    }
};
__decorate([
    Authorize(Permission.VISIT_RATE_READ),
    Query(() => VisitRate, { description: '探访率 of a month: due, done, missed, rate — with child regions, care groups and visitors' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('month')),
    __param(3, Args('group', { type: () => CareGroup, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Object]),
    __metadata("design:returntype", Promise)
], VisitRateResolver.prototype, "visitRate", null);
__decorate([
    Authorize(Permission.VISIT_RATE_READ),
    Query(() => VisitRuleModel, { description: '探访频次 in force for a care group and tier in a region (inherited from the nearest ancestor)' }),
    __param(0, CurrentActor()),
    __param(1, Args('regionId', { type: () => ID })),
    __param(2, Args('group', { type: () => CareGroup })),
    __param(3, Args('highRisk', { defaultValue: false })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Boolean]),
    __metadata("design:returntype", Promise)
], VisitRateResolver.prototype, "visitRule", null);
__decorate([
    Authorize(Permission.VISIT_RULE_SET),
    Mutation(() => VisitRuleModel, { description: '设置探访频次 for a region and its subtree' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, SetVisitRuleInput]),
    __metadata("design:returntype", Promise)
], VisitRateResolver.prototype, "setVisitRule", null);
__decorate([
    ResolveField(() => Region),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VisitRate, Object]),
    __metadata("design:returntype", Promise)
], VisitRateResolver.prototype, "region", null);
VisitRateResolver = __decorate([
    Resolver(() => VisitRate),
    __metadata("design:paramtypes", [CareVisitsService,
        RegionLoaders])
], VisitRateResolver);
export { VisitRateResolver };
let VisitorRateResolver = class VisitorRateResolver {
    peopleRepo;
    people;
    constructor(peopleRepo, people) {
        this.peopleRepo = peopleRepo;
        this.people = people;
    }
    visitor(r, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, r.visitorId);
    }
};
__decorate([
    ResolveField(() => Person),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VisitorRate, Object]),
    __metadata("design:returntype", Promise)
], VisitorRateResolver.prototype, "visitor", null);
VisitorRateResolver = __decorate([
    Resolver(() => VisitorRate),
    __metadata("design:paramtypes", [PeopleRepository,
        PeopleService])
], VisitorRateResolver);
export { VisitorRateResolver };
let CareFollowUpResolver = class CareFollowUpResolver {
    service;
    peopleRepo;
    people;
    constructor(service, peopleRepo, people) {
        this.service = service;
        this.peopleRepo = peopleRepo;
        this.people = people;
    }
    careFollowUps(actor, args) {
        return this.service.followUps(actor, args.filter, args);
    }
    resolveCareFollowUp(actor, id, resolution) {
        return this.service.resolveFollowUp(actor, id, resolution);
    }
    person(f, ctx) {
        return personFor(ctx, this.peopleRepo, this.people, f.personId);
    }
    async task(f, ctx) {
        return loader(ctx, 'careVisits.task', async (ids) => byKeys(ids, await this.service.tasksByIds(ids), (t) => t.id)).load(f.taskId);
    }
};
__decorate([
    Authorize(Permission.CARE_FOLLOW_UP),
    Query(() => CareFollowUpConnection, { description: '探访跟进事项 of my scope: concerns, missed-visit callbacks, ends to confirm' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, FollowUpsArgs]),
    __metadata("design:returntype", Promise)
], CareFollowUpResolver.prototype, "careFollowUps", null);
__decorate([
    Authorize(Permission.CARE_FOLLOW_UP),
    Mutation(() => CareFollowUp, { description: '办结 a follow-up with what was done (an END_CONFIRMATION resolved here keeps the enrolment)' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('resolution')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], CareFollowUpResolver.prototype, "resolveCareFollowUp", null);
__decorate([
    ResolveField(() => Person),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareFollowUp, Object]),
    __metadata("design:returntype", Promise)
], CareFollowUpResolver.prototype, "person", null);
__decorate([
    ResolveField(() => VisitTask),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [CareFollowUp, Object]),
    __metadata("design:returntype", Promise)
], CareFollowUpResolver.prototype, "task", null);
CareFollowUpResolver = __decorate([
    Resolver(() => CareFollowUp),
    __metadata("design:paramtypes", [CareVisitsService,
        PeopleRepository,
        PeopleService])
], CareFollowUpResolver);
export { CareFollowUpResolver };
//# sourceMappingURL=care-visits.resolver.js.map