import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
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

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly loaders: OrganizationLoaders,
    private readonly regions: RegionLoaders,
  ) {}

  /** LOGGED_IN: approved organizations are public within the platform. */
  @Authorize(Permission.ORGANIZATION_READ, Permission.ORGANIZATION_MANAGE, Permission.LOGGED_IN)
  @Query(() => Organization, { nullable: true, description: '社会组织 an organization, if the caller may see it; null otherwise' })
  organization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '社会组织 ID' }) id: string): Promise<Organization | null> {
    return this.service.get(actor, id);
  }

  @Authorize(Permission.ORGANIZATION_READ, Permission.ORGANIZATION_MANAGE, Permission.LOGGED_IN)
  @Query(() => OrganizationConnection, { description: '社会组织列表 approved organizations, plus pending ones the caller registered, administers or reviews' })
  organizations(@CurrentActor() actor: Actor, @Args() args: OrganizationsArgs) {
    return this.service.list(actor, args.filter, args);
  }

  @Authorize(Permission.LOGGED_IN)
  @Query(() => [OrganizationCategoryCount], { description: '社会组织分类统计 approved organizations by category under a region (any logged-in user)' })
  organizationCounts(@Args('regionId', { type: () => ID, description: '区域 ID' }) regionId: string): Promise<OrganizationCategoryCount[]> {
    return this.service.countsByCategory(regionId);
  }

  @Authorize(Permission.LOGGED_IN)
  @Mutation(() => Organization, {
    description: '社会组织登记 register an organization (PENDING until the street admin approves); the caller becomes its admin',
  })
  registerOrganization(@CurrentActor() actor: Actor, @Args('input', { description: '登记内容' }) input: RegisterOrganizationInput): Promise<Organization> {
    return this.service.register(actor, input);
  }

  @Authorize(Permission.ORGANIZATION_REVIEW)
  @Mutation(() => Organization, {
    description: '街道审核通过 approve (or reinstate) an organization: grants ORG_ADMIN scoped to the organization to its admins',
  })
  approveOrganization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '社会组织 ID' }) id: string): Promise<Organization> {
    return this.service.review(actor, id, 'approve', null);
  }

  @Authorize(Permission.ORGANIZATION_REVIEW)
  @Mutation(() => Organization, { description: '驳回 reject a pending organization, with the reason (street admins in scope)' })
  rejectOrganization(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '社会组织 ID' }) id: string,
    @Args('reason', { description: '驳回原因 reason' }) reason: string,
  ): Promise<Organization> {
    return this.service.review(actor, id, 'reject', reason);
  }

  @Authorize(Permission.ORGANIZATION_REVIEW)
  @Mutation(() => Organization, { description: "暂停 suspend an approved organization and revoke its admins' ORG_ADMIN grants" })
  suspendOrganization(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID, description: '社会组织 ID' }) id: string,
    @Args('reason', { description: '暂停原因 reason' }) reason: string,
  ): Promise<Organization> {
    return this.service.review(actor, id, 'suspend', reason);
  }

  @Authorize(Permission.ORGANIZATION_MANAGE, Permission.ORGANIZATION_REVIEW)
  @Mutation(() => Organization, { description: '添加成员 add a member (the organization’s admins or street admins in scope)' })
  addOrganizationMember(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID, description: '社会组织 ID' }) organizationId: string,
    @Args('personId', { type: () => ID, description: '成员 ID (a registered person)' }) personId: string,
    @Args('isAdmin', { defaultValue: false, description: '设为管理员 as admin: grants ORG_ADMIN scoped to the organization once approved (default false)' })
    isAdmin: boolean,
  ): Promise<Organization> {
    return this.service.addMember(actor, organizationId, personId, isAdmin);
  }

  @Authorize(Permission.ORGANIZATION_MANAGE, Permission.ORGANIZATION_REVIEW)
  @Mutation(() => Organization, { description: '移除成员 remove a member (and their ORG_ADMIN grant)' })
  removeOrganizationMember(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID, description: '社会组织 ID' }) organizationId: string,
    @Args('personId', { type: () => ID, description: '成员 ID' }) personId: string,
  ): Promise<Organization> {
    return this.service.removeMember(actor, organizationId, personId);
  }

  @ResolveField(() => Region, { description: '所在区划 home region (street or community)' })
  region(@Parent() o: Organization, @Context() ctx: GqlContext): Promise<Region | null> {
    return this.regions.region(ctx).load(o.regionId);
  }

  @ResolveField(() => [OrganizationMember], {
    description: "组织成员 members, admins first; shown to the organization's admins and staff in scope (empty for others)",
  })
  members(@Parent() o: Organization, @Context() ctx: GqlContext): Promise<OrganizationMember[]> | OrganizationMember[] {
    if (!ctx.actor || !canSeeMembers(ctx.actor, o)) return [];
    return this.loaders.members(ctx).load(o.id);
  }
}

@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  constructor(private readonly people: PeopleLoaders) {}

  @ResolveField(() => Person, { nullable: true, description: '成员 the person, masked unless the viewer may see them' })
  person(@Parent() m: OrganizationMember, @Context() ctx: GqlContext): Promise<Person | null> {
    return this.people.shown(ctx, m.personId);
  }
}
