import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { Charity } from '../charity/charity.model.js';
import { CharityRepository } from '../charity/charity.repository.js';
import { Organization } from '../organizations/organization.model.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { organizationLoader } from '../organizations/organizations.resolver.js';
import { Region } from '../regions/region.model.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { regionLoader } from '../regions/regions.resolver.js';
import { Actor } from '../scope/actor.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { AvailabilitySlot, toAvailabilitySlot } from '../volunteers/availability.model.js';
import { Volunteer, VolunteerTeam } from '../volunteers/volunteer.model.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { visibleTeam, visibleVolunteer } from '../volunteers/volunteers.resolver.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { CreateResourceInput, Resource, ResourcesArgs } from './resource.model.js';
import { ResourcesRepository } from './resources.repository.js';
import { ResourcesService } from './resources.service.js';

export const ResourceConnection = ConnectionType(Resource, 'Resource');

@Resolver(() => Resource)
export class ResourcesResolver {
  constructor(
    private readonly service: ResourcesService,
    private readonly repo: ResourcesRepository,
    private readonly regions: RegionsRepository,
    private readonly volunteers: VolunteersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly charities: CharityRepository,
    private readonly organizationRules: OrganizationsService,
  ) {}

  @Authorize()
  @Query(() => Resource, { nullable: true, description: '服务资源' })
  resource(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Resource | null> {
    return this.service.get(actor, id);
  }

  @Authorize()
  @Query(() => ResourceConnection, { description: '服务资源清单: resources whose area overlaps the caller\'s scope, searchable by region and category' })
  resources(@CurrentActor() actor: Actor, @Args() args: ResourcesArgs) {
    return this.service.list(actor, args.filter, args);
  }

  @Authorize()
  @Mutation(() => Resource, { description: '登记服务资源 for a volunteer (self), team, organization, charity or resident unit' })
  createResource(@CurrentActor() actor: Actor, @Args('input') input: CreateResourceInput): Promise<Resource> {
    return this.service.create(actor, input);
  }

  @Authorize()
  @Mutation(() => Resource, { description: '下架 a resource' })
  withdrawResource(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Resource> {
    return this.service.withdraw(actor, id);
  }

  @ResolveField(() => Region, { description: '服务区域' })
  region(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Region | null> {
    return regionLoader(ctx, this.regions).load(r.regionId);
  }

  @ResolveField(() => [AvailabilitySlot])
  async availability(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<AvailabilitySlot[]> {
    const slots = await loader<string, Awaited<ReturnType<ResourcesRepository['availabilityOf']>>>(ctx, 'resourceAvailability', async (ids) =>
      groupByKeys(ids, await this.repo.availabilityOf(ids), (s) => s.resourceId),
    ).load(r.id);
    return slots.map(toAvailabilitySlot);
  }

  @ResolveField(() => Volunteer, { nullable: true, description: 'The offering volunteer, if the viewer may see them (same rule as volunteer(id)); listing a resource does not publish its provider' })
  volunteer(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Volunteer | null> | null {
    return r.volunteerId ? visibleVolunteer(ctx, this.volunteers, r.volunteerId) : null;
  }

  @ResolveField(() => VolunteerTeam, { nullable: true, description: 'The offering team, if the viewer may see it (same rule as volunteerTeam(id))' })
  team(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<VolunteerTeam | null> | null {
    return r.teamId ? visibleTeam(ctx, this.volunteers, r.teamId) : null;
  }

  @ResolveField(() => Organization, { nullable: true, description: 'The offering organization, if the viewer may see it' })
  async organization(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Organization | null> {
    if (!r.organizationId || !ctx.actor) return null;
    const org = await organizationLoader(ctx, this.organizations).load(r.organizationId);
    return org && this.organizationRules.canSee(ctx.actor, org) ? org : null;
  }

  @ResolveField(() => Charity, { nullable: true })
  charity(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Charity | null> | null {
    if (!r.charityId) return null;
    return loader<string, Charity | null>(ctx, 'charity', async (ids) => byKeys(ids, await this.charities.byIds(ids), (c) => c.id)).load(r.charityId);
  }
}
