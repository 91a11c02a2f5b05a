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
/** Organizations newest first; the cursor is (created_at, id). */
export const ORGANIZATION_ORDER = { keys: [{ sql: 'o.created_at', type: 'timestamptz' }, { sql: 'o.id', type: 'uuid' }], direction: 'DESC' };
const COLUMNS = `o.id, o.name, o.credit_code, o.category, o.registration, o.status, o.description, o.address, o.status_reason,
  o.created_at, o.created_at::text AS created_key, o.region_id, o.path::text AS path, o.registered_by`;
const toOrg = (r) => ({
    id: r.id,
    name: r.name,
    creditCode: r.credit_code,
    category: r.category,
    registration: r.registration,
    status: r.status,
    description: r.description,
    address: r.address,
    statusReason: r.status_reason,
    createdAt: r.created_at,
    regionId: r.region_id,
    path: r.path,
    registeredBy: r.registered_by,
    createdKey: r.created_key,
});
let OrganizationsRepository = class OrganizationsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async byIds(ids, manager = this.db.manager) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
        return rows.map(toOrg);
    }
    async lock(manager, id) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM organizations o WHERE o.id = $1 FOR UPDATE`, [id]);
        return rows[0] ? toOrg(rows[0]) : null;
    }
    /** Inserts a PENDING organization; null when the credit code is already registered. */
    async insert(manager, o) {
        const rows = await manager.query(`INSERT INTO organizations (name, credit_code, category, registration, region_id, path, description, address, registered_by)
       SELECT $1, $2, $3, $4, r.id, r.path, $6, $7, $8 FROM regions r WHERE r.id = $5
       ON CONFLICT (credit_code) DO NOTHING RETURNING id`, [o.name, o.creditCode, o.category, o.registration, o.regionId, o.description, o.address, o.registeredBy]);
        return rows[0]?.id ?? null;
    }
    async setStatus(manager, id, status, reviewer, reason) {
        await manager.query(`UPDATE organizations SET status = $2, reviewed_by = $3, reviewed_at = now(), status_reason = $4 WHERE id = $1`, [id, status, reviewer, reason]);
    }
    async upsertMember(manager, orgId, personId, isAdmin, addedBy) {
        await manager.query(`INSERT INTO organization_members (organization_id, person_id, is_admin, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id, person_id) DO UPDATE SET is_admin = EXCLUDED.is_admin`, [orgId, personId, isAdmin, addedBy]);
    }
    async removeMember(manager, orgId, personId) {
        const rows = await manager.query(`DELETE FROM organization_members WHERE organization_id = $1 AND person_id = $2 RETURNING person_id`, [orgId, personId]);
        return rows.length > 0;
    }
    async adminIds(manager, orgId) {
        const rows = await manager.query(`SELECT person_id FROM organization_members WHERE organization_id = $1 AND is_admin`, [orgId]);
        return rows.map((r) => r.person_id);
    }
    async grantAdmin(manager, personId, org, grantedBy) {
        await manager.query(`INSERT INTO role_grants (person_id, role, region_id, organization_id, granted_by) VALUES ($1, 'ORG_ADMIN', $2, $3, $4) ON CONFLICT DO NOTHING`, [personId, org.regionId, org.id, grantedBy]);
    }
    async revokeAdmin(manager, orgId, personId) {
        await manager.query(`UPDATE role_grants SET revoked_at = now() WHERE organization_id = $1 AND role = 'ORG_ADMIN' AND revoked_at IS NULL AND ($2::uuid IS NULL OR person_id = $2)`, [orgId, personId]);
    }
    async membersOf(orgIds) {
        const rows = await this.db.query(`SELECT organization_id, person_id, is_admin, added_at FROM organization_members WHERE organization_id = ANY($1::uuid[]) ORDER BY is_admin DESC, added_at`, [orgIds]);
        return rows.map((r) => ({
            organizationId: r.organization_id,
            personId: r.person_id,
            isAdmin: r.is_admin,
            addedAt: r.added_at,
        }));
    }
    /** A page of organizations: approved ones, the viewer's own (registered or administered) and staff views in scope. */
    async list(f, page) {
        const w = new SqlWhere();
        const viewer = w.param(f.viewerId);
        const own = w.param(f.ownOrganizationIds);
        w.and(`(o.status = 'APPROVED' OR o.registered_by = ${viewer} OR o.id = ANY(${own}::uuid[]) OR ${w.scope('o.path', f.staffScopes)})`);
        if (f.regionPath !== undefined)
            w.and(`o.path <@ ${w.param(f.regionPath)}::ltree`);
        if (f.category !== undefined)
            w.and(`o.category = ${w.param(f.category)}`);
        if (f.status !== undefined)
            w.and(`o.status = ${w.param(f.status)}`);
        const { rows, total } = await keysetPage(this.db, { select: COLUMNS, from: 'organizations o', where: w, order: ORGANIZATION_ORDER, page });
        return { rows: rows.map(toOrg), total };
    }
    async countsByCategory(path) {
        return this.db.query(`SELECT category, count(*)::int AS count FROM organizations WHERE status = 'APPROVED' AND path <@ $1::ltree GROUP BY category ORDER BY category`, [path]);
    }
};
OrganizationsRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], OrganizationsRepository);
export { OrganizationsRepository };
//# sourceMappingURL=organizations.repository.js.map