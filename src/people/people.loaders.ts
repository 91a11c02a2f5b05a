import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKeys, GqlContext, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { GrantRow, PeopleRepository, PersonRow } from './people.repository.js';
import { PeopleService } from './people.service.js';
import { Person } from './person.model.js';

const PERSON_ROW = new LoaderKey<string, PersonRow | null>('personRow');
const PERSON_GRANTS = new LoaderKey<string, GrantRow[]>('personGrants');

/** The one person loader of a request: every field that shows a person (volunteer, member, relative …) uses it. */
@Injectable()
export class PeopleLoaders {
  constructor(
    private readonly repo: PeopleRepository,
    private readonly people: PeopleService,
  ) {}

  /** Person rows with their scope paths, by id. */
  rows(ctx: GqlContext): DataLoader<string, PersonRow | null> {
    return loader(ctx, PERSON_ROW, async (ids) => byKeys(ids, await this.repo.byIds(ids), (p) => p.id));
  }

  /**
   * The person as the viewer may see them, at least masked: for people shown next to a record the viewer may
   * see (a volunteer they may see, a relative, a member, the actor of a need event). Null without a viewer.
   */
  async shown(ctx: GqlContext, id: string): Promise<Person | null> {
    const row = await this.rows(ctx).load(id);
    if (!row || !ctx.actor) return null;
    return this.people.view(ctx.actor, row) ?? this.people.maskedView(row);
  }

  /** The masked person behind a restricted view (a match candidate the viewer may not see otherwise): no roles either. */
  async restricted(ctx: GqlContext, id: string): Promise<Person | null> {
    const row = await this.rows(ctx).load(id);
    if (!row || !ctx.actor) return null;
    return { ...this.people.maskedView(row), restricted: true };
  }

  grants(ctx: GqlContext): DataLoader<string, GrantRow[]> {
    return loader(ctx, PERSON_GRANTS, async (ids) => groupByKeys(ids, await this.repo.grantsOf(ids), (r) => r.person_id));
  }
}
