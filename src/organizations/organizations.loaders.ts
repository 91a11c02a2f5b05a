import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKeys, GqlContext, groupByKeys, loader, LoaderKey } from '../common/graphql/context.js';
import { Organization, OrganizationMember } from './organization.model.js';
import { OrganizationsRepository } from './organizations.repository.js';
import { canSeeOrganization } from './organizations.service.js';

const ORGANIZATION = new LoaderKey<string, Organization | null>('organization');
const MEMBERS = new LoaderKey<string, OrganizationMember[]>('organizationMembers');

/** Organizations of a request by id (and their members), for every field that leads to one. */
@Injectable()
export class OrganizationLoaders {
  constructor(private readonly repo: OrganizationsRepository) {}

  organization(ctx: GqlContext): DataLoader<string, Organization | null> {
    return loader(ctx, ORGANIZATION, async (ids) => byKeys(ids, await this.repo.byIds(ids), (o) => o.id));
  }

  members(ctx: GqlContext): DataLoader<string, OrganizationMember[]> {
    return loader(ctx, MEMBERS, async (ids) => groupByKeys(ids, await this.repo.membersOf(ids), (m) => m.organizationId));
  }

  /** The organization if the viewer may see it (the rule of `organization(id)`), else null. */
  async visible(ctx: GqlContext, id: string): Promise<Organization | null> {
    const org = await this.organization(ctx).load(id);
    return org && ctx.actor && canSeeOrganization(ctx.actor, org) ? org : null;
  }
}
