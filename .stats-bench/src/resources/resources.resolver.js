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
import { byKeys, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { Charity } from '../charity/charity.model.js';
import { CharityRepository } from '../charity/charity.repository.js';
import { Organization } from '../organizations/organization.model.js';
import { OrganizationLoaders } from '../organizations/organizations.loaders.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { AvailabilitySlot, toAvailabilitySlot } from '../volunteers/availability.model.js';
import { Volunteer, VolunteerTeam } from '../volunteers/volunteer.model.js';
import { VolunteerLoaders } from '../volunteers/volunteers.loaders.js';
import { CreateResourceInput, Resource, ResourcesArgs } from './resource.model.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';
export const ResourceConnection = ConnectionType(Resource, 'Resource');
const AVAILABILITY = new LoaderKey('resourceAvailability');
const CHARITY = new LoaderKey('charity');
let ResourcesResolver = class ResourcesResolver {
    service;
    repo;
    regions;
    volunteers;
    organizations;
    charities;
    constructor(service, repo, regions, volunteers, organizations, charities) {
        this.service = service;
        this.repo = repo;
        this.regions = regions;
        this.volunteers = volunteers;
        this.organizations = organizations;
        this.charities = charities;
    }
    resource(actor, id) {
        return this.service.get(actor, id);
    }
    resources(actor, args) {
        return this.service.list(actor, args.filter, args);
    }
    /** LOGGED_IN: a volunteer lists their own resources, a team leader their team's (the provider's own rule). */
    createResource(actor, input) {
        return this.service.create(actor, input);
    }
    withdrawResource(actor, id) {
        return this.service.withdraw(actor, id);
    }
    region(r, ctx) {
        return this.regions.region(ctx).load(r.regionId);
    }
    async availability(r, ctx) {
        const slots = await loader(ctx, AVAILABILITY, async (ids) => groupByKeys(ids, await this.repo.availabilityOf(ids), (s) => s.resourceId)).load(r.id);
        return slots.map(toAvailabilitySlot);
    }
    volunteer(r, ctx) {
        return r.volunteerId ? this.volunteers.visibleVolunteer(ctx, r.volunteerId) : null;
    }
    team(r, ctx) {
        return r.teamId ? this.volunteers.visibleTeam(ctx, r.teamId) : null;
    }
    organization(r, ctx) {
        return r.organizationId ? this.organizations.visible(ctx, r.organizationId) : null;
    }
    charity(r, ctx) {
        if (!r.charityId)
            return null;
        return loader(ctx, CHARITY, async (ids) => byKeys(ids, await this.charities.byIds(ids), (c) => c.id)).load(r.charityId);
    }
};
__decorate([
    Authorize(Permission.RESOURCE_READ, Permission.LOGGED_IN),
    Query(() => Resource, { nullable: true, description: '服务资源' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], ResourcesResolver.prototype, "resource", null);
__decorate([
    Authorize(Permission.RESOURCE_READ, Permission.LOGGED_IN),
    Query(() => ResourceConnection, { description: '服务资源清单: resources whose area overlaps the caller\'s scope, searchable by region and category' }),
    __param(0, CurrentActor()),
    __param(1, Args()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, ResourcesArgs]),
    __metadata("design:returntype", void 0)
], ResourcesResolver.prototype, "resources", null);
__decorate([
    Authorize(Permission.RESOURCE_MANAGE, Permission.ORGANIZATION_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.CHARITY_MANAGE, Permission.LOGGED_IN),
    Mutation(() => Resource, { description: '登记服务资源 for a volunteer (self), team, organization, charity or resident unit' }),
    __param(0, CurrentActor()),
    __param(1, Args('input')),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, CreateResourceInput]),
    __metadata("design:returntype", Promise)
], ResourcesResolver.prototype, "createResource", null);
__decorate([
    Authorize(Permission.RESOURCE_MANAGE, Permission.ORGANIZATION_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.CHARITY_MANAGE, Permission.LOGGED_IN),
    Mutation(() => Resource, { description: '下架 a resource' }),
    __param(0, CurrentActor()),
    __param(1, Args('id', { type: () => ID })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Actor, String]),
    __metadata("design:returntype", Promise)
], ResourcesResolver.prototype, "withdrawResource", null);
__decorate([
    ResolveField(() => Region, { description: '服务区域' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Resource, Object]),
    __metadata("design:returntype", Promise)
], ResourcesResolver.prototype, "region", null);
__decorate([
    ResolveField(() => [AvailabilitySlot]),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Resource, Object]),
    __metadata("design:returntype", Promise)
], ResourcesResolver.prototype, "availability", null);
__decorate([
    ResolveField(() => Volunteer, { nullable: true, description: 'The offering volunteer, if the viewer may see them (same rule as volunteer(id)); listing a resource does not publish its provider' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Resource, Object]),
    __metadata("design:returntype", Object)
], ResourcesResolver.prototype, "volunteer", null);
__decorate([
    ResolveField(() => VolunteerTeam, { nullable: true, description: 'The offering team, if the viewer may see it (same rule as volunteerTeam(id))' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Resource, Object]),
    __metadata("design:returntype", Object)
], ResourcesResolver.prototype, "team", null);
__decorate([
    ResolveField(() => Organization, { nullable: true, description: 'The offering organization, if the viewer may see it' }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Resource, Object]),
    __metadata("design:returntype", Object)
], ResourcesResolver.prototype, "organization", null);
__decorate([
    ResolveField(() => Charity, { nullable: true }),
    __param(0, Parent()),
    __param(1, Context()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Resource, Object]),
    __metadata("design:returntype", Object)
], ResourcesResolver.prototype, "charity", null);
ResourcesResolver = __decorate([
    Resolver(() => Resource),
    __metadata("design:paramtypes", [ResourcesService,
        ResourcesRepository,
        RegionLoaders,
        VolunteerLoaders,
        OrganizationLoaders,
        CharityRepository])
], ResourcesResolver);
export { ResourcesResolver };
//# sourceMappingURL=resources.resolver.js.map