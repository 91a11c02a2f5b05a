var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { keysetPage, SqlWhere } from '../common/keyset-page.js';
import { ResourceProvider } from './resource.model.js';
/** Resources newest first; the cursor is (created_at, id). */
export const RESOURCE_ORDER = { keys: [{ sql: 'x.created_at', type: 'timestamptz' }, { sql: 'x.id', type: 'uuid' }], direction: 'DESC' };
const COLUMNS = `x.id, x.name, x.kind, x.categories, x.description, x.capacity, x.capacity_unit, x.availability_note, x.provider, x.unit_name,
  x.active, x.created_at, x.created_at::text AS created_key, x.region_id, x.path::text AS path, x.volunteer_id, x.team_id, x.organization_id,
  x.charity_id, x.created_by`;
const toResource = (r) => ({
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
let ResourcesRepository = class ResourcesRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async byIds(ids, manager = this.db.manager) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM resources x WHERE x.id = ANY($1::uuid[])`, [ids]);
        return rows.map(toResource);
    }
    async lock(manager, id) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM resources x WHERE x.id = $1 FOR UPDATE`, [id]);
        return rows[0] ? toResource(rows[0]) : null;
    }
    async volunteerIdOfPerson(manager, personId) {
        const rows = await manager.query(`SELECT id FROM volunteers WHERE person_id = $1`, [personId]);
        return rows[0]?.id ?? null;
    }
    async provider(manager, kind, id) {
        const sql = {
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
        if (kind === ResourceProvider.RESIDENT_UNIT)
            return null;
        const rows = await manager.query(sql[kind], [id]);
        const r = rows[0];
        return r ? { path: r.path, status: r.status, personId: r.person_id, organizationId: r.organization_id, leaderPersonIds: r.leaders, areaPaths: r.areas } : null;
    }
    async insert(manager, r, slots) {
        const col = (k) => (r.provider === k ? r.providerId : null);
        const rows = await manager.query(`INSERT INTO resources (name, kind, categories, description, capacity, capacity_unit, availability_note, region_id, path, provider,
              volunteer_id, team_id, organization_id, charity_id, unit_name, created_by)
       SELECT $1, $2, $3::text[], $4, $5, $6, $7, g.id, g.path, $9, $10, $11, $12, $13, $14, $15 FROM regions g WHERE g.id = $8 RETURNING id`, [
            r.name, r.kind, r.categories, r.description, r.capacity, r.capacityUnit, r.availabilityNote, r.regionId, r.provider,
            col(ResourceProvider.VOLUNTEER), col(ResourceProvider.TEAM), col(ResourceProvider.ORGANIZATION), col(ResourceProvider.CHARITY), r.unitName, r.createdBy,
        ]);
        const id = rows[0].id;
        if (slots.length) {
            await manager.query(`INSERT INTO resource_availability (resource_id, weekday, start_minute, end_minute)
         SELECT $1, unnest($2::smallint[]), unnest($3::smallint[]), unnest($4::smallint[])`, [id, slots.map((s) => s.weekday), slots.map((s) => s.startMinute), slots.map((s) => s.endMinute)]);
        }
        return id;
    }
    async deactivate(manager, id) {
        await manager.query(`UPDATE resources SET active = false WHERE id = $1`, [id]);
    }
    async availabilityOf(ids) {
        const rows = await this.db.query(`SELECT resource_id, weekday, start_minute, end_minute FROM resource_availability WHERE resource_id = ANY($1::uuid[]) ORDER BY weekday, start_minute`, [ids]);
        return rows.map((r) => ({ resourceId: r.resource_id, weekday: r.weekday, startMinute: r.start_minute, endMinute: r.end_minute }));
    }
    /** A page of resources whose area overlaps `scopes` (lies in or contains one), newest first. */
    async list(f, page) {
        const w = new SqlWhere();
        const overlap = (scopes) => {
            if (scopes === 'ALL')
                return 'TRUE';
            if (scopes.length === 0)
                return 'FALSE';
            return '(' + scopes.map((path) => { const p = w.param(path); return `(x.path <@ ${p}::ltree OR x.path @> ${p}::ltree)`; }).join(' OR ') + ')';
        };
        w.and(overlap(f.scopes));
        if (!f.includeWithdrawn)
            w.and('x.active');
        if (f.regionPath !== undefined)
            w.and(overlap([f.regionPath]));
        if (f.category !== undefined)
            w.and(`x.categories @> ${w.param([f.category])}::text[]`);
        if (f.kind !== undefined)
            w.and(`x.kind = ${w.param(f.kind)}`);
        if (f.providerKind !== undefined)
            w.and(`x.provider = ${w.param(f.providerKind)}`);
        const { rows, total } = await keysetPage(this.db, { select: COLUMNS, from: 'resources x', where: w, order: RESOURCE_ORDER, page });
        return { rows: rows.map(toResource), total };
    }
};
ResourcesRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], ResourcesRepository);
export { ResourcesRepository };
//# sourceMappingURL=resources.repository.js.map