import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { byKeys, loader } from '../common/graphql/context.js';
import type { GqlContext } from '../common/graphql/context.js';
import { PeopleRepository } from '../people/people.repository.js';
import { PeopleService } from '../people/people.service.js';
import { Person } from '../people/person.model.js';
import { Actor } from '../scope/actor.js';
import { Authorize, CurrentActor } from '../scope/scope.decorators.js';
import { Volunteer } from './volunteer.model.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { VolunteersService } from './volunteers.service.js';

export const volunteerLoader = (ctx: GqlContext, repo: VolunteersRepository) =>
  loader<string, Volunteer | null>(ctx, 'volunteer', async (ids) => byKeys(ids, await repo.byIds(ids), (v) => v.id));

export const volunteerByPersonLoader = (ctx: GqlContext, repo: VolunteersRepository) =>
  loader<string, Volunteer | null>(ctx, 'volunteerByPerson', async (ids) => byKeys(ids, await repo.byPersonIds(ids), (v) => v.personId));

@Resolver(() => Volunteer)
export class VolunteersResolver {
  constructor(
    private readonly volunteers: VolunteersService,
    private readonly people: PeopleService,
    private readonly peopleRepo: PeopleRepository,
  ) {}

  @Authorize()
  @Query(() => Volunteer, { nullable: true, description: 'A volunteer; visible to themselves and to roles whose scope holds their community' })
  volunteer(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<Volunteer | null> {
    return this.volunteers.get(actor, id);
  }

  @ResolveField(() => Person, { description: 'The person, masked as the viewer may see them (DESIGN.md §11)' })
  async person(@Parent() v: Volunteer, @Context() ctx: GqlContext): Promise<Person | null> {
    const row = await loader<string, Awaited<ReturnType<PeopleRepository['byIds']>>[number] | null>(ctx, 'personRow', async (ids) =>
      byKeys(ids, await this.peopleRepo.byIds(ids), (p) => p.id),
    ).load(v.personId);
    if (!row || !ctx.actor) return null;
    // A volunteer record is visible to whoever may see the volunteer; their person is at least masked.
    return this.people.view(ctx.actor, row) ?? this.people.maskedView(row);
  }
}

/** `Person.volunteer`: the person's volunteer profile, if any (visible to whoever may see the person). */
@Resolver(() => Person)
export class PersonVolunteerResolver {
  constructor(private readonly repo: VolunteersRepository) {}

  @ResolveField(() => Volunteer, { nullable: true, description: '志愿者档案, if the person is registered as a volunteer' })
  volunteer(@Parent() person: Person, @Context() ctx: GqlContext): Promise<Volunteer | null> {
    return volunteerByPersonLoader(ctx, this.repo).load(person.id);
  }
}
