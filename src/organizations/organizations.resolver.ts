import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, groupByKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { ConnectionType } from '../common/graphql/connection.js';
import { PeopleRepository, PersonRow } from '../people/people.repository.js';
import { PeopleService } from '../people/people.service.js';
import { Person } from '../people/person.model.js';
import { Region } from '../regions/region.model.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { regionLoader } from '../regions/regions.resolver.js';
import { Actor } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { OrganizationsArgs, RegisterOrganizationInput } from './organization.input.js';
import { Organization, OrganizationCategoryCount, OrganizationMember } from './organization.model.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { OrganizationsService } from './organizations.service.js';

export const OrganizationConnection = ConnectionType(Organization, 'Organization');

export const organizationLoader = (ctx: GqlContext, repo: OrganizationsRepository) =>
  loader<string, Organization | null>(ctx, 'organization', async (ids) => byKeys(ids, await repo.byIds(ids), (o) => o.id));

@Resolver(() => Organization)
export class OrganizationsResolver {
  constructor(
    private readonly service: OrganizationsService,
    private readonly repo: OrganizationsRepository,
    private readonly regions: RegionsRepository,
  ) {}

  @Authorize()
  @Query(() => Organization, { nullable: true, description: '社会组织' })
  organization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Organization | null> {
    return this.service.get(actor, id);
  }

  @Authorize()
  @Query(() => OrganizationConnection, { description: 'Approved organizations, plus pending ones the caller registered, administers or reviews' })
  organizations(@CurrentActor() actor: Actor, @Args() args: OrganizationsArgs) {
    return this.service.list(actor, args.filter, args);
  }

  @Authorize()
  @Query(() => [OrganizationCategoryCount], { description: 'Approved organizations by category under a region (statistics)' })
  organizationCounts(@Args('regionId', { type: () => ID }) regionId: string): Promise<OrganizationCategoryCount[]> {
    return this.service.countsByCategory(regionId);
  }

  @Authorize()
  @Mutation(() => Organization, { description: '社会组织登记 (PENDING until the street admin approves); the caller becomes its admin' })
  registerOrganization(@CurrentActor() actor: Actor, @Args('input') input: RegisterOrganizationInput): Promise<Organization> {
    return this.service.register(actor, input);
  }

  @Authorize(Role.STREET_ADMIN, Role.SYSTEM_ADMIN)
  @Mutation(() => Organization, { description: '街道审核通过 (or reinstate): grants ORG_ADMIN scoped to the organization to its admins' })
  approveOrganization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Organization> {
    return this.service.review(actor, id, 'approve', null);
  }

  @Authorize(Role.STREET_ADMIN, Role.SYSTEM_ADMIN)
  @Mutation(() => Organization)
  rejectOrganization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Organization> {
    return this.service.review(actor, id, 'reject', reason);
  }

  @Authorize(Role.STREET_ADMIN, Role.SYSTEM_ADMIN)
  @Mutation(() => Organization, { description: 'Suspends an approved organization and revokes its admins\' ORG_ADMIN grants' })
  suspendOrganization(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string, @Args('reason') reason: string): Promise<Organization> {
    return this.service.review(actor, id, 'suspend', reason);
  }

  @Authorize(Role.ORG_ADMIN, Role.STREET_ADMIN, Role.SYSTEM_ADMIN)
  @Mutation(() => Organization, { description: 'Adds a member (isAdmin: grants ORG_ADMIN scoped to the organization once approved)' })
  addOrganizationMember(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('isAdmin', { defaultValue: false }) isAdmin: boolean,
  ): Promise<Organization> {
    return this.service.addMember(actor, organizationId, personId, isAdmin);
  }

  @Authorize(Role.ORG_ADMIN, Role.STREET_ADMIN, Role.SYSTEM_ADMIN)
  @Mutation(() => Organization)
  removeOrganizationMember(
    @CurrentActor() actor: Actor,
    @Args('organizationId', { type: () => ID }) organizationId: string,
    @Args('personId', { type: () => ID }) personId: string,
  ): Promise<Organization> {
    return this.service.removeMember(actor, organizationId, personId);
  }

  @ResolveField(() => Region, { description: '所在区划 (street or community)' })
  region(@Parent() o: Organization, @Context() ctx: GqlContext): Promise<Region | null> {
    return regionLoader(ctx, this.regions).load(o.regionId);
  }

  @ResolveField(() => [OrganizationMember], { description: 'Members, admins first; shown to the organization\'s admins and staff in scope (empty for others)' })
  members(@Parent() o: Organization, @Context() ctx: GqlContext): Promise<OrganizationMember[]> | OrganizationMember[] {
    if (!ctx.actor || !this.service.canSeeMembers(ctx.actor, o)) return [];
    return loader<string, OrganizationMember[]>(ctx, 'organizationMembers', async (ids) => groupByKeys(ids, await this.repo.membersOf(ids), (m) => m.organizationId)).load(o.id);
  }
}

@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly people: PeopleService,
  ) {}

  @ResolveField(() => Person, { nullable: true, description: 'Masked unless the viewer may see the person' })
  async person(@Parent() m: OrganizationMember, @Context() ctx: GqlContext): Promise<Person | null> {
    const row = await loader<string, PersonRow | null>(ctx, 'personRow', async (ids) => byKeys(ids, await this.repo.byIds(ids), (p) => p.id)).load(m.personId);
    if (!row || !ctx.actor) return null;
    return this.people.view(ctx.actor, row) ?? this.people.maskedView(row);
  }
}
