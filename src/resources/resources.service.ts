import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, forbidden, notFound } from '../common/errors.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { pageRequest } from '../common/keyset-page.js';
import { isUuid } from '../common/ids.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Permission } from '../scope/permission.js';
import { toWeeklySlots } from '../volunteers/availability.js';
import { VolunteerHooks } from '../volunteers/volunteer-hooks.js';
import { VolunteersRepository } from '../volunteers/volunteers.repository.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { CharityRepository } from '../charity/charity.repository.js';
import { CreateResourceInput, Resource, ResourceFilter, ResourceKind, ResourceProvider } from './resource.model.js';
import { resourceErrors } from './resources.errors.js';
import { ProviderInfo, RESOURCE_ORDER, ResourcesRepository } from './resources.repository.js';

const AREA_LEVELS = [RegionLevel.STREET, RegionLevel.COMMUNITY, RegionLevel.GRID];
/** Individuals and teams offer services, venues and goods; money comes through organizations, charities and units. */
const FUNDS_PROVIDERS = [ResourceProvider.ORGANIZATION, ResourceProvider.CHARITY, ResourceProvider.RESIDENT_UNIT];

@Injectable()
export class ResourcesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ResourcesRepository,
    private readonly regions: RegionsService,
    private readonly volunteers: VolunteersRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly charities: CharityRepository,
    volunteerHooks: VolunteerHooks,
  ) {
    // A volunteer who leaves service (suspended or rejected) offers nothing any more, in the same transaction.
    volunteerHooks.onOutOfService((m, volunteerId) => this.repo.withdrawOfVolunteer(m, volunteerId));
  }

  async create(actor: Actor, input: CreateResourceInput): Promise<Resource> {
    const name = input.name.trim();
    if (name.length < 2) throw badInput('name', '资源名称至少2个字');
    const slots = toWeeklySlots(input.availability ?? []);
    const categories = [...new Set(input.categories)];
    if (input.kind === ResourceKind.FUNDS && !FUNDS_PROVIDERS.includes(input.providerKind))
      throw badInput('kind', '资金类资源只能由社会组织、慈善资源或驻区单位提供');
    const unitName = input.unitName?.trim() || null;
    if (input.providerKind === ResourceProvider.RESIDENT_UNIT) {
      if (!unitName || unitName.length < 2) throw badInput('unitName', '请填写驻区单位名称');
    } else if (unitName) {
      throw badInput('unitName', '只有驻区单位需要填写单位名称');
    }
    if (input.providerId && !isUuid(input.providerId)) throw badInput('providerId', '提供方不存在');
    if (!isUuid(input.regionId)) throw badInput('regionId', '区划不存在');
    if (input.capacityUnit && input.capacity == null) throw badInput('capacity', '填写了容量单位时请填写容量');

    const id = await this.db.transaction(async (m) => {
      const [region] = await this.regions.byIds([input.regionId], m);
      if (!region) throw badInput('regionId', '区划不存在');
      if (!AREA_LEVELS.includes(region.level)) throw badInput('regionId', '服务区域应为街道、社区或网格');
      const providerId = await this.checkProvider(m, actor, input.providerKind, input.providerId ?? null, region.path);
      return this.repo.insert(
        m,
        {
          name,
          kind: input.kind,
          categories,
          description: input.description?.trim() || null,
          capacity: input.capacity ?? null,
          capacityUnit: input.capacityUnit?.trim() || null,
          availabilityNote: input.availabilityNote?.trim() || null,
          regionId: region.id,
          regionPath: region.path,
          provider: input.providerKind,
          providerId,
          unitName,
          createdBy: actor.personId,
        },
        slots,
      );
    });
    return (await this.repo.byIds([id]))[0];
  }

  /** 下架: by whoever may list for the provider; the row stays for the history of matches that used it. */
  async withdraw(actor: Actor, id: string): Promise<Resource> {
    if (!isUuid(id)) throw notFound('资源');
    await this.db.transaction(async (m) => {
      const r = await this.repo.lock(m, id);
      if (!r) throw notFound('资源');
      const providerId = r.volunteerId ?? r.teamId ?? r.organizationId ?? r.charityId;
      if (r.createdBy !== actor.personId) await this.checkProvider(m, actor, r.providerKind, providerId, r.path, false);
      if (!r.active) throw resourceErrors.alreadyWithdrawn();
      await this.repo.deactivate(m, id);
    });
    return (await this.repo.byIds([id]))[0];
  }

  async get(actor: Actor, id: string): Promise<Resource | null> {
    if (!isUuid(id)) return null;
    const [r] = await this.repo.byIds([id]);
    if (!r) return null;
    if (!this.visible(actor, r.path) && r.createdBy !== actor.personId) throw forbidden('无权查看该资源');
    return r;
  }

  /** Resources whose area overlaps the caller's scopes (contains them or lies in them), newest first. */
  async list(actor: Actor, filter: ResourceFilter | null | undefined, page: PageArgs): Promise<Connection<Resource>> {
    const request = pageRequest(page, RESOURCE_ORDER);
    const regionPath = filter?.regionId ? (await this.regions.require(filter.regionId, 'filter.regionId')).path : undefined;
    const { rows, total } = await this.repo.list(
      {
        scopes: actor.scopeOf(Permission.RESOURCE_READ),
        includeWithdrawn: !!filter?.includeWithdrawn,
        regionPath,
        category: filter?.category || undefined,
        kind: filter?.kind || undefined,
        providerKind: filter?.providerKind || undefined,
      },
      request,
    );
    return toConnection(
      rows,
      page.first,
      total,
      (r) => [r.createdKey, r.id],
      (r) => r,
    );
  }

  /** RESOURCE_READ: the resource's area overlaps (lies in or contains) a scope of the viewer. */
  private visible(actor: Actor, path: string): boolean {
    const scopes = actor.scopeOf(Permission.RESOURCE_READ);
    if (scopes === 'ALL') return true;
    return scopes.some((s) => path === s || path.startsWith(s + '.') || s.startsWith(path + '.'));
  }

  /** Who a provider is and where it serves, read through its own module's repository. */
  private async provider(m: EntityManager, kind: Exclude<ResourceProvider, 'RESIDENT_UNIT'>, id: string): Promise<ProviderInfo | null> {
    const none = { personId: null, organizationId: null, leaderPersonIds: [] as string[] };
    switch (kind) {
      case ResourceProvider.VOLUNTEER: {
        const v = await this.volunteers.serviceArea(m, id);
        return v && { ...none, path: v.community_path, status: v.status, personId: v.person_id, areaPaths: [v.community_path, ...v.region_paths] };
      }
      case ResourceProvider.TEAM: {
        const [t] = await this.volunteers.teamsByIds([id], m);
        if (!t) return null;
        const leaders = (await this.volunteers.teamMembers(m, id)).filter((x) => x.is_leader).map((x) => x.person_id);
        return { ...none, path: t.communityPath, status: null, organizationId: t.organizationId, leaderPersonIds: leaders, areaPaths: [t.communityPath] };
      }
      case ResourceProvider.ORGANIZATION: {
        const [o] = await this.organizations.byIds([id], m);
        return o ? { ...none, path: o.path, status: o.status, organizationId: o.id, areaPaths: [o.path] } : null;
      }
      case ResourceProvider.CHARITY: {
        const [c] = await this.charities.byIds([id], m);
        return c ? { ...none, path: c.path, status: null, areaPaths: [c.path] } : null;
      }
    }
  }

  /** Whether the actor may list resources for this provider; returns the provider id to store. */
  private async checkProvider(
    m: EntityManager,
    actor: Actor,
    kind: ResourceProvider,
    providerId: string | null,
    areaPath: string,
    checkArea = true,
  ): Promise<string | null> {
    if (kind === ResourceProvider.RESIDENT_UNIT) {
      if (!actor.can(Permission.RESOURCE_MANAGE, { regionPath: areaPath })) throw forbidden('驻区单位资源由所在社区的社区工作者登记');
      return null;
    }
    let id = providerId;
    if (!id && kind === ResourceProvider.VOLUNTEER) id = (await this.volunteers.byPersonIds([actor.personId], m))[0]?.id ?? null;
    if (!id) throw badInput('providerId', kind === ResourceProvider.VOLUNTEER ? '您还不是志愿者' : '请指定提供方');
    const p = await this.provider(m, kind, id);
    if (!p) throw badInput('providerId', '提供方不存在');
    const staff = actor.can(Permission.RESOURCE_MANAGE, { regionPath: p.path });
    switch (kind) {
      case ResourceProvider.VOLUNTEER:
        if (p.personId !== actor.personId && !staff) throw forbidden('只能登记本人的志愿服务资源');
        if (p.status !== 'APPROVED') throw resourceErrors.volunteerNotApproved();
        break;
      case ResourceProvider.TEAM:
        if (!staff && !p.leaderPersonIds.includes(actor.personId) && !actor.can(Permission.VOLUNTEER_TEAM_ORG_MANAGE, { organizationId: p.organizationId })) {
          throw forbidden('只有领队、所属组织管理员或社区工作者可以登记队伍资源');
        }
        break;
      case ResourceProvider.ORGANIZATION:
        if (!actor.can(Permission.ORGANIZATION_MANAGE, { organizationId: id }) && !actor.can(Permission.ORGANIZATION_REVIEW, { regionPath: p.path }))
          throw forbidden('只有该组织的管理员可以登记组织资源');
        if (p.status !== 'APPROVED') throw resourceErrors.organizationNotApproved();
        break;
      case ResourceProvider.CHARITY:
        if (!actor.can(Permission.CHARITY_MANAGE, { regionPath: p.path })) throw forbidden('只有本区域的慈善管理员可以登记慈善资源');
        break;
    }
    // The area must lie where the provider serves: a volunteer's community or service regions, a team's
    // community, an organization's or charity's region. Staff acting for a provider are bound by the same rule.
    if (checkArea && !p.areaPaths.some((a) => pathWithin(areaPath, a))) {
      throw resourceErrors.areaOutsideProvider();
    }
    return id;
  }
}
