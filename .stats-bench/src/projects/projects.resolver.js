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
import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection.js';
import { byKeys, groupByKeys, loader } from '../common/graphql/context.js';
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
import { ApplyForProjectInput, AttendanceInput, DisburseProjectFundsInput, EvaluateProjectInput, ProjectsArgs, ProposeProjectInput, RecordConsultationInput, SatisfactionInput, ScheduleActivityInput, } from './project.input.js';
import { ActivitySignup, Consultation, FundingLine, PastEvaluation, Project, ProjectActivity, ProjectApplication, ProjectEvaluation, ProjectEvaluatorGrant, ProjectEvent, ProjectIndicator, ProjectNeed, ProjectResource, } from './project.model.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';
export const ProjectConnection = ConnectionType(Project, 'Project');
const projectLoader = (ctx, service) => loader(ctx, 'project', (ids) => service.findMany(ctx.actor, ids));
/** 民生项目 operations (docs/projects.md): each resolver is a guard, its arguments and one service call. */
let ProjectsResolver = class ProjectsResolver {
    service;
    repo;
    regions;
    organizations;
    needsRepo;
    resourcesRepo;
    constructor(service, repo, regions, organizations, needsRepo, resourcesRepo) {
        this.service = service;
        this.repo = repo;
        this.regions = regions;
        this.organizations = organizations;
        this.needsRepo = needsRepo;
        this.resourcesRepo = resourcesRepo;
    }
    project(id, ctx) {
        return this.service.find(ctx.actor, id);
    }
    projects(args, ctx) {
        return this.service.list(ctx.actor, args);
    }
    proposeProject(actor, input) {
        return this.service.propose(actor, input);
    }
    approveProject(actor, id, note) {
        return this.service.approve(actor, id, note);
    }
    rejectProject(actor, id, reason) {
        return this.service.reject(actor, id, reason);
    }
    publishProject(actor, id, applyBy) {
        return this.service.publish(actor, id, applyBy);
    }
    applyForProject(actor, input) {
        return this.service.applyFor(actor, input);
    }
    withdrawProjectApplication(actor, id) {
        return this.service.withdrawApplication(actor, id);
    }
    awardProject(actor, projectId, applicationId, reason) {
        return this.service.award(actor, projectId, applicationId, reason);
    }
    startProject(actor, id) {
        return this.service.start(actor, id);
    }
    suspendProject(actor, id, reason) {
        return this.service.suspend(actor, id, reason);
    }
    resumeProject(actor, id) {
        return this.service.resume(actor, id);
    }
    scheduleActivity(actor, input) {
        return this.service.scheduleActivity(actor, input);
    }
    signUpForActivity(actor, activityId, waitlist) {
        return this.service.signUp(actor, activityId, waitlist ?? false);
    }
    cancelActivitySignup(actor, activityId) {
        return this.service.cancelSignup(actor, activityId);
    }
    confirmActivity(actor, activityId, attendance, peopleServed, needIds, satisfaction) {
        return this.service.confirmActivity(actor, activityId, attendance, peopleServed, needIds, satisfaction);
    }
    disburseProjectFunds(actor, input) {
        return this.service.disburse(actor, input);
    }
    evaluateProject(actor, input) {
        return this.service.evaluate(actor, input);
    }
    grantProjectEvaluator(actor, organizationId, regionId) {
        return this.service.grantEvaluator(actor, organizationId, regionId);
    }
    closeProject(actor, id) {
        return this.service.close(actor, id);
    }
    cancelProject(actor, id, reason) {
        return this.service.cancel(actor, id, reason);
    }
    recordConsultation(actor, input) {
        return this.service.recordConsultation(actor, input);
    }
    // ---------------------------------------------------------------- fields
    region(p, ctx) {
        return this.regions.region(ctx).load(p.regionId);
    }
    organization(p, ctx) {
        return p.organizationId ? this.organizations.organization(ctx).load(p.organizationId) : null;
    }
    fundingLines(p, ctx) {
        return loader(ctx, 'projectFunding', async (ids) => groupByKeys(ids, await this.repo.fundingLines(ids), (l) => l.projectId)).load(p.id);
    }
    async needCount(p, ctx) {
        return (await this.linkedNeeds(p, ctx)).length;
    }
    async needs(p, ctx) {
        if (p.view !== 'FULL')
            return [];
        const rows = await this.linkedNeeds(p, ctx);
        const fulfilled = new Set(await this.repo.fulfilledNeedIds([p.id]));
        return rows.map((n) => ({ id: n.id, title: n.title, category: n.category, status: n.status, fulfilled: fulfilled.has(n.id) }));
    }
    linkedNeeds(p, ctx) {
        return loader(ctx, 'projectNeeds', async (ids) => groupByKeys(ids, await this.needsRepo.linkedToProjects(ids), (n) => n.projectId)).load(p.id);
    }
    async resources(p, ctx) {
        const links = await loader(ctx, 'projectResources', async (ids) => groupByKeys(ids, await this.repo.resourceIdsOf(ids), (l) => l.projectId)).load(p.id);
        if (links.length === 0)
            return [];
        const rows = await this.resourcesRepo.byIds(links.map((l) => l.resourceId));
        return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind }));
    }
    async applications(p, ctx) {
        const all = await loader(ctx, 'projectApplications', async (ids) => groupByKeys(ids, await this.repo.applications(ids), (a) => a.projectId)).load(p.id);
        return this.service.visibleApplications(ctx.actor, p, all);
    }
    async activities(p, ctx) {
        const rows = await loader(ctx, 'projectActivities', async (ids) => groupByKeys(ids, await this.repo.activitiesOf(ids), (a) => a.projectId)).load(p.id);
        return rows.map((a) => ({ ...a, showsPeople: p.view === 'FULL' }));
    }
    async indicators(p, ctx) {
        return loader(ctx, 'projectIndicators', async (ids) => {
            const map = await this.service.indicators(ids);
            return ids.map((id) => map.get(id) ?? []);
        }).load(p.id);
    }
    evaluations(p, ctx) {
        return loader(ctx, 'projectEvaluations', async (ids) => groupByKeys(ids, await this.repo.evaluations(ids), (e) => e.projectId)).load(p.id);
    }
    async history(p, ctx) {
        const rows = await loader(ctx, 'projectHistory', async (ids) => groupByKeys(ids, await this.repo.history(ids), (e) => e.projectId)).load(p.id);
        return p.view === 'FULL' ? rows : rows.map((e) => ({ ...e, actorId: null }));
    }
    async consultation(p) {
        return p.consultationId ? ((await this.repo.consultationsByIds([p.consultationId]))[0] ?? null) : null;
    }
};
__decorate([
    Public(),
    Query(() => Project, { nullable: true, description: '民生项目: public without login from PUBLISHED on (no personal data); staff in scope see every status' }),
    __param(0, Args('id', { type: () => ID })),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "project", null);
__decorate([
    Public(),
    Query(() => ProjectConnection, { description: 'Projects, newest first: public ones for anyone; staff in scope, proposers and organizations also see their own' }),
    __param(0, Args()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProjectsArgs, Object]),
    __metadata("design:returntype", void 0)
], ProjectsResolver.prototype, "projects", null);
__decorate([
    Authorize(Permission.PROJECT_PROPOSE),
    Mutation(() => Project, { description: '立项申请: a station social worker or community worker proposes for their area, linking needs, resources and a consultation' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, ProposeProjectInput]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "proposeProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPROVE),
    Mutation(() => Project, { description: '立项: the street admin approves; charity-fund lines are reserved from their funds' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('note', { type: () => String, nullable: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "approveProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPROVE),
    Mutation(() => Project, { description: '不予立项 with the reason (一次告知); linked needs return to the open feed' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "rejectProject", null);
__decorate([
    Authorize(Permission.PROJECT_BROKER),
    Mutation(() => Project, { description: '信息发布: public, applications open until applyBy' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('applyBy', { type: () => Date })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Date]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "publishProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPLY),
    Mutation(() => ProjectApplication, { description: '承接申请: an approved organization whose category and area fit applies with a plan and a quote ≤ budget' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, ApplyForProjectInput]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "applyForProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPLY),
    Mutation(() => ProjectApplication, { description: '撤回承接申请 (before the award)' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "withdrawProjectApplication", null);
__decorate([
    Authorize(Permission.PROJECT_BROKER),
    Mutation(() => Project, { description: '确定承接组织 with the reason; the other applicants are told → UNDERTAKEN' }),
    __param(0, CurrentActor()),
    __param(1, Args('projectId', { type: () => ID })),
    __param(2, Args('applicationId', { type: () => ID })),
    __param(3, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "awardProject", null);
__decorate([
    Authorize(Permission.PROJECT_BROKER),
    Mutation(() => Project, { description: '启动实施 → RUNNING' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "startProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER),
    Mutation(() => Project, { description: '暂停 a running project (e.g. its organization was suspended) → SUSPENDED' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "suspendProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER),
    Mutation(() => Project, { description: '恢复实施 → RUNNING' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "resumeProject", null);
__decorate([
    Authorize(Permission.PROJECT_RUN),
    Mutation(() => ProjectActivity, { description: '安排活动/班次 with volunteer slots (the undertaking organization)' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, ScheduleActivityInput]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "scheduleActivity", null);
__decorate([
    Authorize(Permission.ACTIVITY_SIGN_UP),
    Mutation(() => ProjectActivity, { description: '报名: takes a slot (exclusive); when full, CONFLICT — or a waitlist place with waitlist: true' }),
    __param(0, CurrentActor()),
    __param(1, Args('activityId', { type: () => ID })),
    __param(2, Args('waitlist', { type: () => Boolean, nullable: true, defaultValue: false, description: 'Join the waitlist when every slot is taken' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Boolean]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "signUpForActivity", null);
__decorate([
    Authorize(Permission.ACTIVITY_SIGN_UP),
    Mutation(() => ProjectActivity, { description: '取消报名; the first on the waitlist moves up' }),
    __param(0, CurrentActor()),
    __param(1, Args('activityId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "cancelActivitySignup", null);
__decorate([
    Authorize(Permission.PROJECT_RUN),
    Mutation(() => ProjectActivity, { description: '确认出勤: each attendee earns the minutes through the time bank (source ACTIVITY, group hours donate-only)' }),
    __param(0, CurrentActor()),
    __param(1, Args('activityId', { type: () => ID })),
    __param(2, Args('attendance', { type: () => [AttendanceInput] })),
    __param(3, Args('peopleServed', { type: () => Int })),
    __param(4, Args('needIds', { type: () => [ID], nullable: true, description: 'Linked needs this session served (they count as fulfilled)' })),
    __param(5, Args('satisfaction', { type: () => SatisfactionInput, nullable: true, description: 'The on-site satisfaction survey 满意度调查' })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, Array, Number, Object, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "confirmActivity", null);
__decorate([
    Authorize(Permission.PROJECT_DISBURSE),
    Mutation(() => Project, { description: '按里程碑拨付: pays a tranche of the charity reservations to the undertaking organization; idempotent by key' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, DisburseProjectFundsInput]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "disburseProjectFunds", null);
__decorate([
    Authorize(Permission.PROJECT_EVALUATE, Permission.PROJECT_EVALUATE_AS_ORG),
    Mutation(() => ProjectEvaluation, { description: '绩效评估: weighted scores (weights sum to 100), total computed; FINAL → EVALUATED' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, EvaluateProjectInput]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "evaluateProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPROVE),
    Mutation(() => ProjectEvaluatorGrant, { description: '授权第三方评估机构: the organization may evaluate projects under the region' }),
    __param(0, CurrentActor()),
    __param(1, Args('organizationId', { type: () => ID })),
    __param(2, Args('regionId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "grantProjectEvaluator", null);
__decorate([
    Authorize(Permission.PROJECT_APPROVE, Permission.PROJECT_BROKER),
    Mutation(() => Project, { description: '结项 → CLOSED' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "closeProject", null);
__decorate([
    Authorize(Permission.PROJECT_APPROVE),
    Mutation(() => Project, { description: '取消项目: releases what the funds still hold for it, frees unserved needs' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "cancelProject", null);
__decorate([
    Authorize(Permission.CONSULTATION_RECORD),
    Mutation(() => Consultation, { description: '议事协商: a community records a consultation meeting; proposals may cite it' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RecordConsultationInput]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "recordConsultation", null);
__decorate([
    ResolveField(() => Region),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "region", null);
__decorate([
    ResolveField(() => Organization, { nullable: true, description: '承接组织' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Object)
], ProjectsResolver.prototype, "organization", null);
__decorate([
    ResolveField(() => [FundingLine]),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "fundingLines", null);
__decorate([
    ResolveField(() => Int, { description: 'Linked needs (a count: public)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "needCount", null);
__decorate([
    ResolveField(() => [ProjectNeed], { description: 'Linked needs (title, category, status; empty for public viewers)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "needs", null);
__decorate([
    ResolveField(() => [ProjectResource]),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "resources", null);
__decorate([
    ResolveField(() => [ProjectApplication], { description: 'All for staff in scope; an organization sees its own; the public sees the award' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "applications", null);
__decorate([
    ResolveField(() => [ProjectActivity]),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "activities", null);
__decorate([
    ResolveField(() => [ProjectIndicator], { description: '绩效指标: target and the actual computed from operations' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "indicators", null);
__decorate([
    ResolveField(() => [ProjectEvaluation], { description: 'Evaluation results (public)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "evaluations", null);
__decorate([
    ResolveField(() => [ProjectEvent], { description: 'Every transition with reason and time; the actor only for staff' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project, Object]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "history", null);
__decorate([
    ResolveField(() => Consultation, { nullable: true, description: 'The consultation the proposal cites' }),
    __param(0, Parent()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Project]),
    __metadata("design:returntype", Promise)
], ProjectsResolver.prototype, "consultation", null);
ProjectsResolver = __decorate([
    Resolver(() => Project),
    __metadata("design:paramtypes", [ProjectsService,
        ProjectsRepository,
        RegionLoaders,
        OrganizationLoaders,
        NeedsRepository,
        ResourcesRepository])
], ProjectsResolver);
export { ProjectsResolver };
let ProjectEventResolver = class ProjectEventResolver {
    people;
    constructor(people) {
        this.people = people;
    }
    actor(e, ctx) {
        if (!e.actorId || !ctx.actor)
            return null;
        return this.people.shown(ctx, e.actorId);
    }
};
__decorate([
    ResolveField(() => Person, { nullable: true, description: 'Who fired it (masked as the registry does); null for public viewers' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProjectEvent, Object]),
    __metadata("design:returntype", Object)
], ProjectEventResolver.prototype, "actor", null);
ProjectEventResolver = __decorate([
    Resolver(() => ProjectEvent),
    __metadata("design:paramtypes", [PeopleLoaders])
], ProjectEventResolver);
export { ProjectEventResolver };
let ProjectActivityResolver = class ProjectActivityResolver {
    service;
    repo;
    volunteers;
    constructor(service, repo, volunteers) {
        this.service = service;
        this.repo = repo;
        this.volunteers = volunteers;
    }
    async signedUp(a, ctx) {
        if (!a.showsPeople)
            return [];
        const rows = await loader(ctx, 'activitySignups', async (ids) => groupByKeys(ids, await this.repo.signedUpVolunteerIds(ids), (s) => s.activityId)).load(a.id);
        const vols = await Promise.all(rows.map((r) => this.volunteers.volunteer(ctx).load(r.volunteerId)));
        return vols.filter((v) => !!v);
    }
    mySignup(a, ctx) {
        return this.service.mySignup(ctx.actor, a.id);
    }
};
__decorate([
    ResolveField(() => [Volunteer], { description: 'Volunteers holding a slot (staff and the organization; public viewers see the counts only)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProjectActivity, Object]),
    __metadata("design:returntype", Promise)
], ProjectActivityResolver.prototype, "signedUp", null);
__decorate([
    ResolveField(() => ActivitySignup, { nullable: true, description: 'The calling volunteer\'s place (slot or waitlist)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProjectActivity, Object]),
    __metadata("design:returntype", Promise)
], ProjectActivityResolver.prototype, "mySignup", null);
ProjectActivityResolver = __decorate([
    Resolver(() => ProjectActivity),
    __metadata("design:paramtypes", [ProjectsService,
        ProjectsRepository,
        VolunteerLoaders])
], ProjectActivityResolver);
export { ProjectActivityResolver };
let ProjectApplicationResolver = class ProjectApplicationResolver {
    repo;
    constructor(repo) {
        this.repo = repo;
    }
    pastEvaluations(a, ctx) {
        return loader(ctx, 'pastEvaluations', async (ids) => groupByKeys(ids, await this.repo.pastEvaluations(ids), (e) => e.organizationId))
            .load(a.organizationId)
            .then((list) => list.filter((e) => e.projectId !== a.projectId));
    }
};
__decorate([
    ResolveField(() => [PastEvaluation], { description: 'Evaluations of projects this organization undertook before, shown beside its application' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [ProjectApplication, Object]),
    __metadata("design:returntype", Promise)
], ProjectApplicationResolver.prototype, "pastEvaluations", null);
ProjectApplicationResolver = __decorate([
    Resolver(() => ProjectApplication),
    __metadata("design:paramtypes", [ProjectsRepository])
], ProjectApplicationResolver);
export { ProjectApplicationResolver };
/** `Need.project`: the project a need is linked to, as the viewer may see it (the link is the needs module's). */
let NeedProjectResolver = class NeedProjectResolver {
    service;
    needs;
    constructor(service, needs) {
        this.service = service;
        this.needs = needs;
    }
    async project(n, ctx) {
        const link = await loader(ctx, 'needProjectLink', async (ids) => byKeys(ids, await this.needs.projectLinks(ids), (l) => l.needId)).load(n.id);
        return link?.projectId ? projectLoader(ctx, this.service).load(link.projectId) : null;
    }
};
__decorate([
    ResolveField(() => Project, { nullable: true, description: 'The 民生项目 serving this need (it left the open feed)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Need, Object]),
    __metadata("design:returntype", Promise)
], NeedProjectResolver.prototype, "project", null);
NeedProjectResolver = __decorate([
    Resolver(() => Need),
    __metadata("design:paramtypes", [ProjectsService,
        NeedsRepository])
], NeedProjectResolver);
export { NeedProjectResolver };
//# sourceMappingURL=projects.resolver.js.map