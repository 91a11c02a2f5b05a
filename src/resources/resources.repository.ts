import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
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

  async volunteerIdOfPerson(manager: EntityManager, personId: string): Promise<string | null> {
    const rows = await manager.query(`SELECT id FROM volunteers WHERE person_id = $1`, [personId]);
    return rows[0]?.id ?? null;
  }

  async provider(manager: EntityManager, kind: ResourceProvider, id: string): Promise<ProviderInfo | null> {
    const sql: Record<Exclude<ResourceProvider, 'RESIDENT_UNIT'>, string> = {
      VOLUNTEER: `SELECT r.path::text AS path, v.status::text AS status, v.person_id, NULL::uuid AS organization_id, '{}'::uuid[] AS leaders,
                         array_prepend(r.path::text, coalesce((SELECT array_agg(vr.path::text) FROM volunteer_regions vr WHERE vr.volunteer_id = v.id), '{}')) AS areas
                    FROM volunteers v JOIN regions r ON r.id = v.community_id WHERE v.id = $1`,
      TEAM: `SELECT t.path::text AS path, NULL AS status, NULL::uuid AS person_id, t.organization_id,
                    coalesce((SELECT array_agg(v.person_id) FROM volunteer_team_members m JOIN volunteers v ON v.id = m.volunteer_id
                               WHERE m.team_id = t.id AND m.is_leader), '{}') AS leaders, ARRAY[t.path::text] AS areas
               FROM volunteer_teams t WHERE t.id = $1`,
      ORGANIZATION: `SELECT o.path::text AS path, o.status::text AS status, NULL::uuid AS person_id, o.id AS organization_id, '{}'::uuid[] AS leaders, ARRAY[o.path::text] AS areas FROM organizations o WHERE o.id = $1`,
      CHARITY: `SELECT c.path::text AS path, NULL AS status, NULL::uuid AS person_id, NULL::uuid AS organization_id, '{}'::uuid[] AS leaders, ARRAY[c.path::text] AS areas FROM charities c WHERE c.id = $1`,
    };
    if (kind === ResourceProvider.RESIDENT_UNIT) return null;
    const rows = await manager.query(sql[kind], [id]);
    const r = rows[0];
    return r ? { path: r.path, status: r.status, personId: r.person_id, organizationId: r.organization_id, leaderPersonIds: r.leaders, areaPaths: r.areas } : null;
  }

  async insert(
    manager: EntityManager,
    r: {
      name: string; kind: ResourceKind; categories: ResourceCategory[]; description: string | null; capacity: number | null; capacityUnit: string | null;
      availabilityNote: string | null; regionId: string; provider: ResourceProvider; providerId: string | null; unitName: string | null; createdBy: string;
    },
    slots: WeeklySlot[],
  ): Promise<string> {
    const col = (k: ResourceProvider) => (r.provider === k ? r.providerId : null);
    const rows = await manager.query(
      `INSERT INTO resources (name, kind, categories, description, capacity, capacity_unit, availability_note, region_id, path, provider,
              volunteer_id, team_id, organization_id, charity_id, unit_name, created_by)
       SELECT $1, $2, $3::text[], $4, $5, $6, $7, g.id, g.path, $9, $10, $11, $12, $13, $14, $15 FROM regions g WHERE g.id = $8 RETURNING id`,
      [
        r.name, r.kind, r.categories, r.description, r.capacity, r.capacityUnit, r.availabilityNote, r.regionId, r.provider,
        col(ResourceProvider.VOLUNTEER), col(ResourceProvider.TEAM), col(ResourceProvider.ORGANIZATION), col(ResourceProvider.CHARITY), r.unitName, r.createdBy,
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
    return rows.map((r: { resource_id: string; weekday: number; start_minute: number; end_minute: number }) => ({ resourceId: r.resource_id, weekday: r.weekday, startMinute: r.start_minute, endMinute: r.end_minute }));
  }

  async page(where: string[], params: unknown[], first: number, after: [string, string] | null): Promise<{ rows: Resource[]; total: number }> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM resources x WHERE ${where.join(' AND ')}`, params);
    const p = [...params];
    const conds = [...where];
    if (after) {
      p.push(after[0], after[1]);
      conds.push(`(x.created_at, x.id) < ($${p.length - 1}::timestamptz, $${p.length}::uuid)`);
    }
    p.push(first + 1);
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM resources x WHERE ${conds.join(' AND ')} ORDER BY x.created_at DESC, x.id DESC LIMIT $${p.length}`, p);
    return { rows: rows.map(toResource), total: n };
  }
}
