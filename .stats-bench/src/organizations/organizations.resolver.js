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
import { ConnectionType } from '../common/graphql/connection.js';
import { PeopleLoaders } from '../people/people.loaders.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { OrganizationsArgs, RegisterOrganizationInput } from './organization.input.js';
import { Organization, OrganizationCategoryCount, OrganizationMember } from './organization.model.js';
import { OrganizationLoaders } from './organizations.loaders.js';
import { canSeeMembers, OrganizationsService } from './organizations.service.js';
export const OrganizationConnection = ConnectionType(Organization, 'Organization');
let OrganizationsResolver = class OrganizationsResolver {
    service;
    loaders;
    regions;
    constructor(service, loaders, regions) {
        this.service = service;
        this.loaders = loaders;
        this.regions = regions;
    }
    /** LOGGED_IN: approved organizations are public within the platform. */
    organization(actor, id) {
        return this.service.get(actor, id);
    }
    organizations(actor, args) {
        return this.service.list(actor, args.filter, args);
    }
    organizationCounts(regionId) {
        return this.service.countsByCategory(regionId);
    }
    registerOrganization(actor, input) {
        return this.service.register(actor, input);
    }
    approveOrganization(actor, id) {
        return this.service.review(actor, id, 'approve', null);
    }
    rejectOrganization(actor, id, reason) {
        return this.service.review(actor, id, 'reject', reason);
    }
    suspendOrganization(actor, id, reason) {
        return this.service.review(actor, id, 'suspend', reason);
    }
    addOrganizationMember(actor, organizationId, personId, isAdmin) {
        return this.service.addMember(actor, organizationId, personId, isAdmin);
    }
    removeOrganizationMember(actor, organizationId, personId) {
        return this.service.removeMember(actor, organizationId, personId);
    }
    region(o, ctx) {
        return this.regions.region(ctx).load(o.regionId);
    }
    members(o, ctx) {
        if (!ctx.actor || !canSeeMembers(ctx.actor, o))
            return [];
        return this.loaders.members(ctx).load(o.id);
    }
};
__decorate([
    Authorize(Permission.ORGANIZATION_READ, Permission.ORGANIZATION_MANAGE, Permission.LOGGED_IN),
    Query(() => Organization, { nullable: true, description: '社会组织' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "organization", null);
__decorate([
    Authorize(Permission.ORGANIZATION_READ, Permission.ORGANIZATION_MANAGE, Permission.LOGGED_IN),
    Query(() => OrganizationConnection, { description: 'Approved organizations, plus pending ones the caller registered, administers or reviews' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, OrganizationsArgs]),
    __metadata("design:returntype", void 0)
], OrganizationsResolver.prototype, "organizations", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Query(() => [OrganizationCategoryCount], { description: 'Approved organizations by category under a region (statistics)' }),
    __param(0, Args('regionId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [String]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "organizationCounts", null);
__decorate([
    Authorize(Permission.LOGGED_IN),
    Mutation(() => Organization, { description: '社会组织登记 (PENDING until the street admin approves); the caller becomes its admin' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, RegisterOrganizationInput]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "registerOrganization", null);
__decorate([
    Authorize(Permission.ORGANIZATION_REVIEW),
    Mutation(() => Organization, { description: '街道审核通过 (or reinstate): grants ORG_ADMIN scoped to the organization to its admins' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "approveOrganization", null);
__decorate([
    Authorize(Permission.ORGANIZATION_REVIEW),
    Mutation(() => Organization),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "rejectOrganization", null);
__decorate([
    Authorize(Permission.ORGANIZATION_REVIEW),
    Mutation(() => Organization, { description: 'Suspends an approved organization and revokes its admins\' ORG_ADMIN grants' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __param(2, Args('reason')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "suspendOrganization", null);
__decorate([
    Authorize(Permission.ORGANIZATION_MANAGE, Permission.ORGANIZATION_REVIEW),
    Mutation(() => Organization, { description: 'Adds a member (isAdmin: grants ORG_ADMIN scoped to the organization once approved)' }),
    __param(0, CurrentActor()),
    __param(1, Args('organizationId', { type: () => ID })),
    __param(2, Args('personId', { type: () => ID })),
    __param(3, Args('isAdmin', { defaultValue: false })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String, Boolean]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "addOrganizationMember", null);
__decorate([
    Authorize(Permission.ORGANIZATION_MANAGE, Permission.ORGANIZATION_REVIEW),
    Mutation(() => Organization),
    __param(0, CurrentActor()),
    __param(1, Args('organizationId', { type: () => ID })),
    __param(2, Args('personId', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String, String]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "removeOrganizationMember", null);
__decorate([
    ResolveField(() => Region, { description: '所在区划 (street or community)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Organization, Object]),
    __metadata("design:returntype", Promise)
], OrganizationsResolver.prototype, "region", null);
__decorate([
    ResolveField(() => [OrganizationMember], { description: 'Members, admins first; shown to the organization\'s admins and staff in scope (empty for others)' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Organization, Object]),
    __metadata("design:returntype", Object)
], OrganizationsResolver.prototype, "members", null);
OrganizationsResolver = __decorate([
    Resolver(() => Organization),
    __metadata("design:paramtypes", [OrganizationsService,
        OrganizationLoaders,
        RegionLoaders])
], OrganizationsResolver);
export { OrganizationsResolver };
let OrganizationMemberResolver = class OrganizationMemberResolver {
    people;
    constructor(people) {
        this.people = people;
    }
    person(m, ctx) {
        return this.people.shown(ctx, m.personId);
    }
};
__decorate([
    ResolveField(() => Person, { nullable: true, description: 'Masked unless the viewer may see the person' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [OrganizationMember, Object]),
    __metadata("design:returntype", Promise)
], OrganizationMemberResolver.prototype, "person", null);
OrganizationMemberResolver = __decorate([
    Resolver(() => OrganizationMember),
    __metadata("design:paramtypes", [PeopleLoaders])
], OrganizationMemberResolver);
export { OrganizationMemberResolver };
//# sourceMappingURL=organizations.resolver.js.map