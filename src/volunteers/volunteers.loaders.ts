import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKeys, GqlContext, loader, LoaderKey } from '../common/graphql/context.js';
import { Volunteer, VolunteerTeam } from './volunteer.model.js';
import { canSeeTeam } from './volunteer-teams.service.js';
import { VolunteersRepository } from './volunteers.repository.js';
import { canSeeVolunteer } from './volunteers.service.js';

const VOLUNTEER = new LoaderKey<string, Volunteer | null>('volunteer');
const VOLUNTEER_BY_PERSON = new LoaderKey<string, Volunteer | null>('volunteerByPerson');
const TEAM = new LoaderKey<string, VolunteerTeam | null>('volunteerTeam');

/** Volunteers and teams of a request, for every field that leads to one (needs, matches, resources, rosters). */
@Injectable()
export class VolunteerLoaders {
  constructor(private readonly repo: VolunteersRepository) {}

  volunteer(ctx: GqlContext): DataLoader<string, Volunteer | null> {
    return loader(ctx, VOLUNTEER, async (ids) => byKeys(ids, await this.repo.byIds(ids), (v) => v.id));
  }

  byPerson(ctx: GqlContext): DataLoader<string, Volunteer | null> {
    return loader(ctx, VOLUNTEER_BY_PERSON, async (ids) => byKeys(ids, await this.repo.byPersonIds(ids), (v) => v.personId));
  }

  team(ctx: GqlContext): DataLoader<string, VolunteerTeam | null> {
    return loader(ctx, TEAM, async (ids) => byKeys(ids, await this.repo.teamsByIds(ids), (t) => t.id));
  }

  /** The volunteer if the viewer may see them (the rule of `volunteer(id)`), else null. */
  async visibleVolunteer(ctx: GqlContext, id: string): Promise<Volunteer | null> {
    const v = await this.volunteer(ctx).load(id);
    return v && ctx.actor && canSeeVolunteer(ctx.actor, v) ? v : null;
  }

  /** The team if the viewer may see it (the rule of `volunteerTeam(id)`), else null. */
  async visibleTeam(ctx: GqlContext, id: string): Promise<VolunteerTeam | null> {
    const t = await this.team(ctx).load(id);
    return t && ctx.actor && canSeeTeam(ctx.actor, t) ? t : null;
  }
}
