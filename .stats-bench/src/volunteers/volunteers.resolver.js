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
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { groupByKeys, loader } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor, Public } from '../scope/scope.decorators.js';
import { AvailabilitySlot, toAvailabilitySlot } from './availability.model.js';
import { CreateVolunteerTeamInput, RegionPageArgs, RegisterVolunteerInput, UpdateMyVolunteerProfileInput, VolunteersArgs } from './volunteer.input.js';
import { EmergencyContact, Skill, Volunteer, VolunteerStatus, VolunteerTeam, VolunteerTeamMember } from './volunteer.model.js';
import { VolunteerTeamsService } from './volunteer-teams.service.js';
import { VolunteerLoaders } from './volunteers.loaders.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { canSeeEmergencyContact, canSeeVolunteer, VolunteersService } from './volunteers.service.js';
export const VolunteerConnection = ConnectionType(Volunteer, 'Volunteer');
export const VolunteerTeamConnection = ConnectionType(VolunteerTeam, 'VolunteerTeam');
let VolunteersResolver = class VolunteersResolver {
    service;
    people;
    repo;
    regions;
    constructor(service, people, repo, regions) {
        this.service = service;
        this.people = people;
        this.repo = repo;
        this.regions = regions;
    }
    volunteer(actor, id) {
        return this.service.get(actor, id);
    }
    volunteers(actor, args) {
        return this.service.list(actor, args.filter, args);
    }
    skills() {
        return this.service.skills();
    }
    registerVolunteer(actor, input) {
        return this.service.register(actor, input);
    }
    updateMyVolunteerProfile(actor, input) {
        return this.service.updateMine(actor, input);
    }
    approveVolunteer(actor, id) {
        return this.service.review(actor, id, 'approve', null);
    }
    rejectVolunteer(actor, id, reason) {
        return this.service.review(actor, id, 'reject', reason);
    }
    suspendVolunteer(actor, id, reason) {
        return this.service.review(actor, id, 'suspend', reason);
    }
    person(v, ctx) {
        // A volunteer record is visible to whoever may see the volunteer; their person is at least masked.
        return this.people.shown(ctx, v.personId);
    }
    community(v, ctx) {
        return this.regions.region(ctx).load(v.communityId);
    }
    async serviceRegions(v, ctx) {
        const links = await loader(ctx, 'volunteerRegions', async (ids) => groupByKeys(ids, await this.repo.regionIdsOf(ids), (r) => r.volunteer_id)).load(v.id);
        const regions = await this.regions.region(ctx).loadMany(links.map((l) => l.region_id));
        return regions.filter((r) => !!r && !(r instanceof Error));
    }
    async availability(v, ctx) {
        const slots = await loader(ctx, 'volunteerAvailability', async (ids) => groupByKeys(ids, await this.repo.availabilityOf(ids), (s) => s.volunteerId)).load(v.id);
        return slots.map(toAvailabilitySlot);
    }
    teams(v, ctx) {
        return loader(ctx, 'volunteerMemberships', async (ids) => groupByKeys(ids, await this.repo.membershipsOf(ids), (x) => x.volunteerId)).load(v.id);
    }
    emergencyContact(v, ctx) {
        if (!v.emergencyContactName || !v.emergencyContactPhone || !ctx.actor)
            return null;
        if (!canSeeEmergencyContact(ctx.actor, v))
            return null;
        return { name: v.emergencyContactName, phone: v.emergencyContactPhone };
    }
};
__decorate([
    Authorize(Permission.SELF, Permission.VOLUNTEER_READ, Permission.VOLUNTEER_PEER_READ),
    Query(() => Volunteer, { nullable: true, description: 'A volunteer; visible to themselves and to roles whose scope holds their community' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "volunteer", null);
__decorate([
    Authorize(Permission.SELF, Permission.VOLUNTEER_READ, Permission.VOLUNTEER_PEER_READ),
    Query(() => VolunteerConnection, { description: 'Volunteers whose community lies in the caller\'s scope, newest first' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, VolunteersArgs]),
    __metadata("design:returntype", void 0)
], VolunteersResolver.prototype, "volunteers", null);
__decorate([
    Public(),
    Query(() => [Skill], { description: '技能清单 (the seeded list registerVolunteer accepts)' }),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "skills", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => Volunteer, { description: '志愿者注册 (the caller); PENDING until a community worker approves' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RegisterVolunteerInput]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "registerVolunteer", null);
__decorate([
    Authorize(Permission.SELF),
    Mutation(() => Volunteer, { description: '志愿者资料更新: the caller updates their own skills, service regions, weekly availability or emergency contact' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, UpdateMyVolunteerProfileInput]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "updateMyVolunteerProfile", null);
__decorate([
    Authorize(Permission.VOLUNTEER_RECORD),
    Mutation(() => Volunteer, { description: '审核通过 (or reinstate a suspended volunteer): assigns the volunteer number and grants VOLUNTEER in the community' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "approveVolunteer", null);
__decorate([
    Authorize(Permission.VOLUNTEER_RECORD),
    Mutation(() => Volunteer, { description: '驳回 a pending application, with the reason' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "rejectVolunteer", null);
__decorate([
    Authorize(Permission.VOLUNTEER_RECORD),
    Mutation(() => Volunteer, { description: '暂停 an approved volunteer (revokes the VOLUNTEER role), with the reason' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "suspendVolunteer", null);
__decorate([
    ResolveField(() => Person, { description: 'The person, masked as the viewer may see them (DESIGN.md §11)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Volunteer, Object]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "person", null);
__decorate([
    ResolveField(() => Region, { description: '所属社区' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Volunteer, Object]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "community", null);
__decorate([
    ResolveField(() => [Region], { description: '服务区域' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Volunteer, Object]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "serviceRegions", null);
__decorate([
    ResolveField(() => [AvailabilitySlot], { description: '每周可服务时间 (Asia/Shanghai)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Volunteer, Object]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "availability", null);
__decorate([
    ResolveField(() => [VolunteerTeamMember], { description: '所在志愿服务队' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Volunteer, Object]),
    __metadata("design:returntype", Promise)
], VolunteersResolver.prototype, "teams", null);
__decorate([
    ResolveField(() => EmergencyContact, { nullable: true, description: '紧急联系人: only for the volunteer and community staff in scope' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Volunteer, Object]),
    __metadata("design:returntype", Object)
], VolunteersResolver.prototype, "emergencyContact", null);
VolunteersResolver = __decorate([
    Resolver(() => Volunteer),
    __metadata("design:paramtypes", [VolunteersService,
        PeopleLoaders,
        VolunteersRepository,
        RegionLoaders])
], VolunteersResolver);
export { VolunteersResolver };
let VolunteerTeamsResolver = class VolunteerTeamsResolver {
    teams;
    repo;
    regions;
    constructor(teams, repo, regions) {
        this.teams = teams;
        this.repo = repo;
        this.regions = regions;
    }
    volunteerTeam(actor, id) {
        return this.teams.get(actor, id);
    }
    volunteerTeams(actor, args) {
        return this.teams.list(actor, args.regionId, args);
    }
    createVolunteerTeam(actor, input) {
        return this.teams.create(actor, input);
    }
    /** LOGGED_IN: a team's leaders manage its members too (the team's own rule). */
    addVolunteerTeamMember(actor, teamId, volunteerId, isLeader) {
        return this.teams.addMember(actor, teamId, volunteerId, isLeader);
    }
    removeVolunteerTeamMember(actor, teamId, volunteerId) {
        return this.teams.removeMember(actor, teamId, volunteerId);
    }
    community(t, ctx) {
        return this.regions.region(ctx).load(t.communityId);
    }
    organizationId(t) {
        return t.organizationId;
    }
    members(t, ctx) {
        return loader(ctx, 'teamMembers', async (ids) => groupByKeys(ids, await this.repo.membersOf(ids), (m) => m.teamId)).load(t.id);
    }
};
__decorate([
    Authorize(Permission.VOLUNTEER_TEAM_READ, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.LOGGED_IN),
    Query(() => VolunteerTeam, { nullable: true, description: '志愿服务队' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], VolunteerTeamsResolver.prototype, "volunteerTeam", null);
__decorate([
    Authorize(Permission.VOLUNTEER_TEAM_READ, Permission.LOGGED_IN),
    Query(() => VolunteerTeamConnection, { description: 'Teams in the caller\'s scope, optionally under a region' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RegionPageArgs]),
    __metadata("design:returntype", void 0)
], VolunteerTeamsResolver.prototype, "volunteerTeams", null);
__decorate([
    Authorize(Permission.VOLUNTEER_TEAM_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE),
    Mutation(() => VolunteerTeam, { description: '组建志愿服务队 with an approved adult leader' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, CreateVolunteerTeamInput]),
    __metadata("design:returntype", Promise)
], VolunteerTeamsResolver.prototype, "createVolunteerTeam", null);
__decorate([
    Authorize(Permission.VOLUNTEER_TEAM_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.LOGGED_IN),
    Mutation(() => VolunteerTeam, { description: 'Adds a volunteer to a team (isLeader: as 领队, adults only)' }),
    __param(0, CurrentActor()),
    __param(1, Args('teamId', { type: () => ID })),
    __param(2, Args('volunteerId', { type: () => ID })),
    __param(3, Args('isLeader', { defaultValue: false })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Boolean]),
    __metadata("design:returntype", Promise)
], VolunteerTeamsResolver.prototype, "addVolunteerTeamMember", null);
__decorate([
    Authorize(Permission.VOLUNTEER_TEAM_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.LOGGED_IN),
    Mutation(() => VolunteerTeam),
    __param(0, CurrentActor()),
    __param(1, Args('teamId', { type: () => ID })),
    __param(2, Args('volunteerId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], VolunteerTeamsResolver.prototype, "removeVolunteerTeamMember", null);
__decorate([
    ResolveField(() => Region),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VolunteerTeam, Object]),
    __metadata("design:returntype", Promise)
], VolunteerTeamsResolver.prototype, "community", null);
__decorate([
    ResolveField(() => ID, { nullable: true, description: 'The social organization running the team' }),
    __param(0, Parent()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VolunteerTeam]),
    __metadata("design:returntype", Object)
], VolunteerTeamsResolver.prototype, "organizationId", null);
__decorate([
    ResolveField(() => [VolunteerTeamMember], { description: '队员, leaders first' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VolunteerTeam, Object]),
    __metadata("design:returntype", Promise)
], VolunteerTeamsResolver.prototype, "members", null);
VolunteerTeamsResolver = __decorate([
    Resolver(() => VolunteerTeam),
    __metadata("design:paramtypes", [VolunteerTeamsService,
        VolunteersRepository,
        RegionLoaders])
], VolunteerTeamsResolver);
export { VolunteerTeamsResolver };
let VolunteerTeamMemberResolver = class VolunteerTeamMemberResolver {
    loaders;
    constructor(loaders) {
        this.loaders = loaders;
    }
    async volunteer(m, ctx) {
        const v = await this.loaders.volunteer(ctx).load(m.volunteerId);
        if (!v || !ctx.actor)
            return null;
        if (canSeeVolunteer(ctx.actor, v))
            return v;
        // Through the roster, as everywhere for non-staff: approved members only (no applications or suspensions).
        return v.status === VolunteerStatus.APPROVED && (await this.loaders.visibleTeam(ctx, m.teamId)) ? v : null;
    }
    async team(m, ctx) {
        const team = await this.loaders.visibleTeam(ctx, m.teamId);
        if (team || !ctx.actor)
            return team;
        // One's own membership (e.g. a pending applicant who registered into the team) always shows its team.
        const member = await this.loaders.volunteer(ctx).load(m.volunteerId);
        return member?.personId === ctx.actor.personId ? this.loaders.team(ctx).load(m.teamId) : null;
    }
};
__decorate([
    ResolveField(() => Volunteer, { nullable: true, description: 'The member: shown to whoever may see the volunteer, or (approved members) the team, else null' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VolunteerTeamMember, Object]),
    __metadata("design:returntype", Promise)
], VolunteerTeamMemberResolver.prototype, "volunteer", null);
__decorate([
    ResolveField(() => VolunteerTeam, { nullable: true, description: 'The team, if the viewer may see it or is this member' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [VolunteerTeamMember, Object]),
    __metadata("design:returntype", Promise)
], VolunteerTeamMemberResolver.prototype, "team", null);
VolunteerTeamMemberResolver = __decorate([
    Resolver(() => VolunteerTeamMember),
    __metadata("design:paramtypes", [VolunteerLoaders])
], VolunteerTeamMemberResolver);
export { VolunteerTeamMemberResolver };
/** `Person.volunteer`: the person's volunteer profile, if any, under the same rule as `volunteer(id)`. */
let PersonVolunteerResolver = class PersonVolunteerResolver {
    loaders;
    constructor(loaders) {
        this.loaders = loaders;
    }
    async volunteer(person, ctx) {
        const v = await this.loaders.byPerson(ctx).load(person.id);
        return v && ctx.actor && canSeeVolunteer(ctx.actor, v) ? v : null;
    }
};
__decorate([
    ResolveField(() => Volunteer, { nullable: true, description: '志愿者档案, if the person is a volunteer and the viewer may see it (same rule as volunteer(id))' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Person, Object]),
    __metadata("design:returntype", Promise)
], PersonVolunteerResolver.prototype, "volunteer", null);
PersonVolunteerResolver = __decorate([
    Resolver(() => Person),
    __metadata("design:paramtypes", [VolunteerLoaders])
], PersonVolunteerResolver);
export { PersonVolunteerResolver };
//# sourceMappingURL=volunteers.resolver.js.map