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
  @Query(() => Resource, {
    nullable: true,
    description: '一个服务资源 resource：服务区域与调用者的 RESOURCE_READ 范围重叠，或由调用者登记；不存在为 null，否则不可见为 FORBIDDEN',
  })
  resource(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '资源 id' }) id: string): Promise<Resource | null> {
    return this.service.get(actor, id);
  }

  @Authorize(Permission.RESOURCE_READ, Permission.LOGGED_IN)
  @Query(() => ResourceConnection, { description: '服务资源清单 resources：服务区域与调用者范围重叠的资源，可按区域、类别、类型和提供方筛选' })
  resources(@CurrentActor() actor: Actor, @Args() args: ResourcesArgs) {
    return this.service.list(actor, args.filter, args);
  }

  /** LOGGED_IN: a volunteer lists their own resources, a team leader their team's (the provider's own rule). */
  @Authorize(Permission.RESOURCE_MANAGE, Permission.ORGANIZATION_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.CHARITY_MANAGE, Permission.LOGGED_IN)
  @Mutation(() => Resource, { description: '登记服务资源 register a resource：志愿者（本人）、服务队、组织、慈善资源或驻区单位' })
  createResource(@CurrentActor() actor: Actor, @Args('input', { description: '资源内容 the resource' }) input: CreateResourceInput): Promise<Resource> {
    return this.service.create(actor, input);
  }

  @Authorize(Permission.RESOURCE_MANAGE, Permission.ORGANIZATION_MANAGE, Permission.VOLUNTEER_TEAM_ORG_MANAGE, Permission.CHARITY_MANAGE, Permission.LOGGED_IN)
  @Mutation(() => Resource, { description: '下架资源 withdraw a resource（提供方或辖区管理员）' })
  withdrawResource(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '资源 id' }) id: string): Promise<Resource> {
    return this.service.withdraw(actor, id);
  }

  @ResolveField(() => Region, { description: '服务区域 area served' })
  region(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(r.regionId);
  }

  @ResolveField(() => [AvailabilitySlot], { description: '每周可用时段 weekly availability slots' })
  async availability(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<AvailabilitySlot[]> {
    const slots = await loader(ctx, AVAILABILITY, async (ids) => groupByKeys(ids, await this.repo.availabilityOf(ids), (s) => s.resourceId)).load(r.id);
    return slots.map(toAvailabilitySlot);
  }

  @ResolveField(() => Volunteer, {
    nullable: true,
    description: '提供资源的志愿者 offering volunteer，仅当调用者可查看该志愿者时（同 volunteer(id) 规则）；登记资源不公开提供方',
  })
  volunteer(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Volunteer | null> | null {
    return r.volunteerId ? this.volunteers.visibleVolunteer(ctx, r.volunteerId) : null;
  }

  @ResolveField(() => VolunteerTeam, { nullable: true, description: '提供资源的服务队 offering team，仅当调用者可查看时（同 volunteerTeam(id) 规则）' })
  team(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<VolunteerTeam | null> | null {
    return r.teamId ? this.volunteers.visibleTeam(ctx, r.teamId) : null;
  }

  @ResolveField(() => Organization, { nullable: true, description: '提供资源的组织 offering organization，仅当调用者可查看时' })
  organization(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Organization | null> | null {
    return r.organizationId ? this.organizations.visible(ctx, r.organizationId) : null;
  }

  @ResolveField(() => Charity, { nullable: true, description: '提供资源的慈善资源 offering charity（如慈善超市）；非慈善提供为 null' })
  charity(@Parent() r: Resource, @Context() ctx: GqlContext): Promise<Charity | null> | null {
    if (!r.charityId) return null;
    return loader(ctx, CHARITY, async (ids) => byKeys(ids, await this.charities.byIds(ids), (c) => c.id)).load(r.charityId);
  }
}
