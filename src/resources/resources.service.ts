import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { badInput, conflict, DomainException, ErrorCode, forbidden, notFound } from '../common/errors.js';
import { Connection, decodeCursor, decodeKeysetCursor, PageArgs, toConnection } from '../common/graphql/connection.js';
import { isUuid } from '../common/ids.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsRepository } from '../regions/regions.repository.js';
import { Actor, pathWithin } from '../scope/actor.js';
import { Role } from '../scope/role.js';
import { toWeeklySlots } from '../volunteers/availability.js';
import { CreateResourceInput, Resource, ResourceFilter, ResourceKind, ResourceProvider } from './resource.model.js';
import { ResourcesRepository } from './resources.repository.js';

const AREA_LEVELS = [RegionLevel.STREET, RegionLevel.COMMUNITY, RegionLevel.GRID];
/** Community staff list what resident units 驻区单位 offer, and may act for any provider in their scope. */
const COMMUNITY_STAFF: readonly Role[] = [Role.COMMUNITY_WORKER, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];
const CHARITY_MANAGERS: readonly Role[] = [Role.CHARITY_ADMIN, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];
/** Individuals and teams offer services, venues and goods; money comes through organizations, charities and units. */
const FUNDS_PROVIDERS = [ResourceProvider.ORGANIZATION, ResourceProvider.CHARITY, ResourceProvider.RESIDENT_UNIT];

/** Every role: a resource is visible to anyone whose scope overlaps its area. */
const ALL_ROLES = Object.values(Role);

@Injectable()
export class ResourcesService {
  constructor(
    private readonly db: DataSource,
    private readonly repo: ResourcesRepository,
    private readonly regions: RegionsRepository,
  ) {}

  async create(actor: Actor, input: CreateResourceInput): Promise<Resource> {
    const name = input.name.trim();
    if (name.length < 2) throw badInput('name', '资源名称至少2个字');
    const slots = toWeeklySlots(input.availability ?? []);
    const categories = [...new Set(input.categories)];
    if (input.kind === ResourceKind.FUNDS && !FUNDS_PROVIDERS.includes(input.providerKind)) throw badInput('kind', '资金类资源只能由社会组织、慈善资源或驻区单位提供');
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
      if (!r.active) throw conflict('该资源已下架', 'ALREADY_WITHDRAWN');
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
    const params: unknown[] = [];
    const where = [overlapPredicate('x.path', actor.scopePaths(...ALL_ROLES), params)];
    if (!filter?.includeWithdrawn) where.push('x.active');
    if (filter?.regionId) {
      const [region] = isUuid(filter.regionId) ? await this.regions.byIds([filter.regionId]) : [];
      if (!region) throw badInput('filter.regionId', '区划不存在');
      where.push(overlapPredicate('x.path', [region.path], params));
    }
    if (filter?.category) {
      params.push([filter.category]);
      where.push(`x.categories @> $${params.length}::text[]`);
    }
    if (filter?.kind) {
      params.push(filter.kind);
      where.push(`x.kind = $${params.length}`);
    }
    if (filter?.providerKind) {
      params.push(filter.providerKind);
      where.push(`x.provider = $${params.length}`);
    }
    const after = page.after ? decodeKeysetCursor(page.after, 'timestamp') : null;
    const { rows, total } = await this.repo.page(where, params, page.first, after);
    return toConnection(rows, page.first, total, (r) => [r.createdKey, r.id], (r) => r);
  }

  private visible(actor: Actor, path: string): boolean {
    const scopes = actor.scopePaths(...ALL_ROLES);
    if (scopes === 'ALL') return true;
    return scopes.some((s) => path === s || path.startsWith(s + '.') || s.startsWith(path + '.'));
  }

  /** Whether the actor may list resources for this provider; returns the provider id to store. */
  private async checkProvider(m: EntityManager, actor: Actor, kind: ResourceProvider, providerId: string | null, areaPath: string, checkArea = true): Promise<string | null> {
    if (kind === ResourceProvider.RESIDENT_UNIT) {
      if (!actor.covers(areaPath, ...COMMUNITY_STAFF)) throw forbidden('驻区单位资源由所在社区的社区工作者登记');
      return null;
    }
    let id = providerId;
    if (!id && kind === ResourceProvider.VOLUNTEER) id = await this.repo.volunteerIdOfPerson(m, actor.personId);
    if (!id) throw badInput('providerId', kind === ResourceProvider.VOLUNTEER ? '您还不是志愿者' : '请指定提供方');
    const p = await this.repo.provider(m, kind, id);
    if (!p) throw badInput('providerId', '提供方不存在');
    const staff = actor.covers(p.path, ...COMMUNITY_STAFF);
    switch (kind) {
      case ResourceProvider.VOLUNTEER:
        if (p.personId !== actor.personId && !staff) throw forbidden('只能登记本人的志愿服务资源');
        if (p.status !== 'APPROVED') throw conflict('志愿者审核通过后才能登记资源', 'VOLUNTEER_NOT_APPROVED');
        break;
      case ResourceProvider.TEAM:
        if (!staff && !p.leaderPersonIds.includes(actor.personId) && !(p.organizationId && actor.coversOrganization(p.organizationId, Role.ORG_ADMIN))) {
          throw forbidden('只有领队、所属组织管理员或社区工作者可以登记队伍资源');
        }
        break;
      case ResourceProvider.ORGANIZATION:
        if (!actor.coversOrganization(id, Role.ORG_ADMIN) && !actor.covers(p.path, Role.STREET_ADMIN, Role.SYSTEM_ADMIN)) throw forbidden('只有该组织的管理员可以登记组织资源');
        if (p.status !== 'APPROVED') throw conflict('社会组织审核通过后才能登记资源', 'ORGANIZATION_NOT_APPROVED');
        break;
      case ResourceProvider.CHARITY:
        if (!actor.covers(p.path, ...CHARITY_MANAGERS)) throw forbidden('只有本区域的慈善管理员可以登记慈善资源');
        break;
    }
    // The area must lie where the provider serves: a volunteer's community or service regions, a team's
    // community, an organization's or charity's region. Staff acting for a provider are bound by the same rule.
    if (checkArea && !p.areaPaths.some((a) => pathWithin(areaPath, a))) {
      throw new DomainException(ErrorCode.FORBIDDEN, '服务区域超出了提供方的服务范围', { reason: 'AREA_OUTSIDE_PROVIDER_SCOPE' });
    }
    return id;
  }
}

/** `column` overlaps one of the scopes: lies in it or contains it (an area 服务区域 serves everything below it). */
function overlapPredicate(column: string, scopes: 'ALL' | string[], params: unknown[]): string {
  if (scopes === 'ALL') return 'TRUE';
  if (scopes.length === 0) return 'FALSE';
  return '(' + scopes.map((p) => {
    params.push(p);
    return `(${column} <@ $${params.length}::ltree OR ${column} @> $${params.length}::ltree)`;
  }).join(' OR ') + ')';
}
