import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GqlContext } from '../common/graphql/context.js';
import { Region } from '../regions/region.model.js';
import { RegionLoaders } from '../regions/regions.loaders.js';
import { Actor } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { PeopleLoaders } from './people.loaders.js';
import { PeopleService } from './people.service.js';
import { Person, RoleGrant } from './person.model.js';

@Resolver(() => Person)
export class PeopleResolver {
  constructor(
    private readonly people: PeopleService,
    private readonly loaders: PeopleLoaders,
    private readonly regions: RegionLoaders,
  ) {}

  @Authorize(Permission.SELF)
  @Query(() => Person, { description: '当前登录人 me: the logged-in person, unmasked' })
  me(@CurrentActor() actor: Actor): Promise<Person> {
    return this.people.get(actor, actor.personId);
  }

  @Authorize(Permission.SELF, Permission.PERSON_READ, Permission.PERSON_READ_MASKED)
  @Query(() => Person, { nullable: true, description: "人员 a person as the caller may see them (docs/design.md §11); FORBIDDEN outside the caller's scope" })
  person(@CurrentActor() actor: Actor, @Args('id', { type: () => ID, description: '人员 ID' }) id: string): Promise<Person> {
    return this.people.get(actor, id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description: '身份证号 ID number: full for the person and record-keeping staff (each staff read is logged), masked for other case staff',
  })
  idNumber(@Parent() person: Person, @Context() ctx: GqlContext): Promise<string | null> {
    return this.people.idNumber(ctx.actor?.personId, person);
  }

  @ResolveField(() => [RoleGrant], { description: '角色 roles; for masked viewers without their scope (scopeId and scopeName are null), as the grid is' })
  async roles(@Parent() person: Person, @Context() ctx: GqlContext): Promise<RoleGrant[]> {
    if (person.restricted) return [];
    const roles: RoleGrant[] = (await this.loaders.grants(ctx).load(person.id)).map((g) => ({
      role: g.role,
      scopeId: g.organization_id ?? g.region_id,
      scopeName: g.scope_name,
      scopeType: g.organization_id ? 'ORGANIZATION' : g.region_id ? 'REGION' : 'GLOBAL',
    }));
    // The scope of a role says where the person lives or works: masked viewers do not get it.
    return person.masked ? roles.map((r) => ({ ...r, scopeId: null, scopeName: null })) : roles;
  }

  @ResolveField(() => Region, { nullable: true, description: '所在网格 the grid the person lives in; null for masked viewers or when unknown' })
  grid(@Parent() person: Person, @Context() ctx: GqlContext): Promise<Region | null> | null {
    if (!person.gridId || person.masked) return null;
    return this.regions.region(ctx).load(person.gridId);
  }
}
