import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
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

const AVAILABILITY = new LoaderKey<string, Awaited<ReturnType<ResourcesRepository['availabilityOf']>>>('resourceAvailability');
const CHARITY = new LoaderKey<string, Charity | null>('charity');

@Resolver(() => Resource)
export class ResourcesResolver {
  constructor(
    private readonly service: ResourcesService,
    private readonly repo: ResourcesRepository,
    private readonly regions: RegionLoaders,
    private readonly volunteers: VolunteerLoaders,
    private readonly organizations: OrganizationLoaders,
    private readonly charities: CharityRepository,
  ) {}

  @Authorize(Permission.RESOURCE_READ, Permission.LOGGED_IN)
  @Query(() => Resource, { nullable: true, description: '服务资源' })
  resource(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Resource | null> {
    return this.service.get(actor, id);
  }

  @Authorize(Permission.RESOURCE_READ, Permission.LOGGED_IN)
  @Query(() => ResourceConnection, { description: "服务资源清单: resources whose area overlaps the caller's scope, searchable by region and category" })
  resources(@CurrentActor() actor: Actor, @Args() args: ResourcesArgs) {
    return this.service.list(actor, args.filter, args);
  }

  /** LOGGED_IN: a volunteer lists their own resources, a team leader their team's (the provider's own rule). */
  @Authorize(Permission.RESOURCE_MANAGE, Permission.ORGANIZATION_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.CHARITY_MANAGE, Permission.LOGGED_IN)
  @Mutation(() => Resource, { description: '登记服务资源 for a volunteer (self), team, organization, charity or resident unit' })
  createResource(@CurrentActor() actor: Actor, @Args('input') input: CreateResourceInput): Promise<Resource> {
    return this.service.create(actor, input);
  }

  @Authorize(Permission.RESOURCE_MANAGE, Permission.ORGANIZATION_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.CHARITY_MANAGE, Permission.LOGGED_IN)
  @Mutation(() => Resource, { description: '下架 a resource' })
  withdrawResource(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Resource> {
    return this.service.withdraw(actor, id);
  }

  @ResolveField(() => Region, { description: '服务区域' })
  region(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(r.regionId);
  }

  @ResolveField(() => [AvailabilitySlot])
  async availability(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<AvailabilitySlot[]> {
    const slots = await loader(ctx, AVAILABILITY, async (ids) => groupByKeys(ids, await this.repo.availabilityOf(ids), (s) => s.resourceId)).load(r.id);
    return slots.map(toAvailabilitySlot);
  }

  @ResolveField(() => Volunteer, {
    nullable: true,
    description: 'The offering volunteer, if the viewer may see them (same rule as volunteer(id)); listing a resource does not publish its provider',
  })
  volunteer(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Volunteer | null> | null {
    return r.volunteerId ? this.volunteers.visibleVolunteer(ctx, r.volunteerId) : null;
  }

  @ResolveField(() => VolunteerTeam, { nullable: true, description: 'The offering team, if the viewer may see it (same rule as volunteerTeam(id))' })
  team(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<VolunteerTeam | null> | null {
    return r.teamId ? this.volunteers.visibleTeam(ctx, r.teamId) : null;
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The offering organization, if the viewer may see it' })
  organization(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Organization | null> | null {
    return r.organizationId ? this.organizations.visible(ctx, r.organizationId) : null;
  }

  @ResolveField(() => Charity, { nullable: true })
  charity(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Charity | null> | null {
    if (!r.charityId) return null;
    return loader(ctx, CHARITY, async (ids) => byKeys(ids, await this.charities.byIds(ids), (c) => c.id)).load(r.charityId);
  }
}
