import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { keysetPage, KeysetOrder, PageRequest, SqlWhere } from '../common/keyset-page.js';
import { ScopePaths } from '../scope/actor.js';
import { WeeklySlot } from '../volunteers/availability.js';
import { Resource, ResourceCategory, ResourceKind, ResourceProvider } from './resource.model.js';

interface Row {
  id: string;
  name: string;
  kind: ResourceKind;
  categories: ResourceCategory[];
  description: string | null;
  capacity: number | null;
  capacity_unit: string | null;
  availability_note: string | null;
  provider: ResourceProvider;
  unit_name: string | null;
  active: boolean;
  created_at: Date;
  created_key: string;
  region_id: string;
  path: string;
  volunteer_id: string | null;
  team_id: string | null;
  organization_id: string | null;
  charity_id: string | null;
  created_by: string;
}

/** Resources newest first; the cursor is (created_at, id). */
export const RESOURCE_ORDER: KeysetOrder = {
  keys: [
    { sql: 'x.created_at', type: 'timestamptz' },
    { sql: 'x.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

export interface ResourceListFilter {
  /** Where the viewer's roles reach (RESOURCE_READ): resources whose area overlaps them. */
  scopes: ScopePaths;
  includeWithdrawn: boolean;
  regionPath?: string;
  category?: string;
  kind?: ResourceKind;
  providerKind?: ResourceProvider;
}

const COLUMNS = `x.id, x.name, x.kind, x.categories, x.description, x.capacity, x.capacity_unit, x.availability_note, x.provider, x.unit_name,
  x.active, x.created_at, x.created_at::text AS created_key, x.region_id, x.path::text AS path, x.volunteer_id, x.team_id, x.organization_id,
  x.charity_id, x.created_by`;

const toResource = (r: Row): Resource => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  categories: r.categories,
  description: r.description,
  capacity: r.capacity,
  capacityUnit: r.capacity_unit,
  availabilityNote: r.availability_note,
  providerKind: r.provider,
  unitName: r.unit_name,
  active: r.active,
  createdAt: r.created_at,
  createdKey: r.created_key,
  regionId: r.region_id,
  path: r.path,
  volunteerId: r.volunteer_id,
  teamId: r.team_id,
  organizationId: r.organization_id,
  charityId: r.charity_id,
  createdBy: r.created_by,
});

/** What a provider is, for the permission check of its resources. */
export interface ProviderInfo {
  path: string;
  status: string | null;
  personId: string | null;
  organizationId: string | null;
  leaderPersonIds: string[];
  /** Where the provider may offer resources: the area of a resource must lie in one of these paths. */
  areaPaths: string[];
}

@Injectable()
export class ResourcesRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Resource[]> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM resources x WHERE x.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toResource);
  }

  async lock(manager: EntityManager, id: string): Promise<Resource | null> {
    const rows: Row[] = await manager.query(`SELECT ${COLUMNS} FROM resources x WHERE x.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toResource(rows[0]) : null;
  }

  async insert(
    manager: EntityManager,
    r: {
      name: string;
      kind: ResourceKind;
      categories: ResourceCategory[];
      description: string | null;
      capacity: number | null;
      capacityUnit: string | null;
      availabilityNote: string | null;
      regionId: string;
      regionPath: string;
      provider: ResourceProvider;
      providerId: string | null;
      unitName: string | null;
      createdBy: string;
    },
    slots: WeeklySlot[],
  ): Promise<string> {
    const col = (k: ResourceProvider) => (r.provider === k ? r.providerId : null);
    const rows = await manager.query(
      `INSERT INTO resources (name, kind, categories, description, capacity, capacity_unit, availability_note, region_id, path, provider,
              volunteer_id, team_id, organization_id, charity_id, unit_name, created_by)
       VALUES ($1, $2, $3::text[], $4, $5, $6, $7, $8, $16::ltree, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
      [
        r.name,
        r.kind,
        r.categories,
        r.description,
        r.capacity,
        r.capacityUnit,
        r.availabilityNote,
        r.regionId,
        r.provider,
        col(ResourceProvider.VOLUNTEER),
        col(ResourceProvider.TEAM),
        col(ResourceProvider.ORGANIZATION),
        col(ResourceProvider.CHARITY),
        r.unitName,
        r.createdBy,
        r.regionPath,
      ],
    );
    const id = rows[0].id;
    if (slots.length) {
      await manager.query(
        `INSERT INTO resource_availability (resource_id, weekday, start_minute, end_minute)
         SELECT $1, unnest($2::smallint[]), unnest($3::smallint[]), unnest($4::smallint[])`,
        [id, slots.map((s) => s.weekday), slots.map((s) => s.startMinute), slots.map((s) => s.endMinute)],
      );
    }
    return id;
  }

  async deactivate(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`UPDATE resources SET active = false WHERE id = $1`, [id]);
  }

  async availabilityOf(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<(WeeklySlot & { resourceId: string })[]> {
    const rows = await manager.query(
      `SELECT resource_id, weekday, start_minute, end_minute FROM resource_availability WHERE resource_id = ANY($1::uuid[]) ORDER BY weekday, start_minute`,
      [ids],
    );
    return rows.map((r: { resource_id: string; weekday: number; start_minute: number; end_minute: number }) => ({
      resourceId: r.resource_id,
      weekday: r.weekday,
      startMinute: r.start_minute,
      endMinute: r.end_minute,
    }));
  }

  /** 下架 every active resource a volunteer offers (when they are suspended or rejected). */
  async withdrawOfVolunteer(manager: EntityManager, volunteerId: string): Promise<void> {
    await manager.query(`UPDATE resources SET active = false WHERE volunteer_id = $1 AND active`, [volunteerId]);
  }

  /** A page of resources whose area overlaps `scopes` (lies in or contains one), newest first. */
  async list(f: ResourceListFilter, page: PageRequest): Promise<{ rows: Resource[]; total: number }> {
    const w = new SqlWhere();
    const overlap = (scopes: ScopePaths) => {
      if (scopes === 'ALL') return 'TRUE';
      if (scopes.length === 0) return 'FALSE';
      return (
        '(' +
        scopes
          .map((path) => {
            const p = w.param(path);
            return `(x.path <@ ${p}::ltree OR x.path @> ${p}::ltree)`;
          })
          .join(' OR ') +
        ')'
      );
    };
    w.and(overlap(f.scopes));
    if (!f.includeWithdrawn) w.and('x.active');
    if (f.regionPath !== undefined) w.and(overlap([f.regionPath]));
    if (f.category !== undefined) w.and(`x.categories @> ${w.param([f.category])}::text[]`);
    if (f.kind !== undefined) w.and(`x.kind = ${w.param(f.kind)}`);
    if (f.providerKind !== undefined) w.and(`x.provider = ${w.param(f.providerKind)}`);
    const { rows, total } = await keysetPage<Row>(this.db, { select: COLUMNS, from: 'resources x', where: w, order: RESOURCE_ORDER, page });
    return { rows: rows.map(toResource), total };
  }
}
