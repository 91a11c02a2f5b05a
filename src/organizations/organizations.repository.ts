import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Organization, OrganizationCategory, OrganizationCategoryCount, OrganizationMember, OrganizationRegistration, OrganizationStatus } from './organization.model.js';

interface OrgRow {
  id: string;
  name: string;
  credit_code: string;
  category: OrganizationCategory;
  registration: OrganizationRegistration;
  status: OrganizationStatus;
  description: string | null;
  address: string | null;
  status_reason: string | null;
  created_at: Date;
  region_id: string;
  path: string;
  registered_by: string;
  created_key: string;
}

const COLUMNS = `o.id, o.name, o.credit_code, o.category, o.registration, o.status, o.description, o.address, o.status_reason,
  o.created_at, o.created_at::text AS created_key, o.region_id, o.path::text AS path, o.registered_by`;

const toOrg = (r: OrgRow): Organization & { createdKey: string } => ({
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

@Injectable()
export class OrganizationsRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Organization[]> {
    const rows: OrgRow[] = await manager.query(`SELECT ${COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toOrg);
  }

  async lock(manager: EntityManager, id: string): Promise<Organization | null> {
    const rows: OrgRow[] = await manager.query(`SELECT ${COLUMNS} FROM organizations o WHERE o.id = $1 FOR UPDATE`, [id]);
    return rows[0] ? toOrg(rows[0]) : null;
  }

  /** Inserts a PENDING organization; null when the credit code is already registered. */
  async insert(
    manager: EntityManager,
    o: { name: string; creditCode: string; category: OrganizationCategory; registration: OrganizationRegistration; regionId: string; description: string | null; address: string | null; registeredBy: string },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO organizations (name, credit_code, category, registration, region_id, path, description, address, registered_by)
       SELECT $1, $2, $3, $4, r.id, r.path, $6, $7, $8 FROM regions r WHERE r.id = $5
       ON CONFLICT (credit_code) DO NOTHING RETURNING id`,
      [o.name, o.creditCode, o.category, o.registration, o.regionId, o.description, o.address, o.registeredBy],
    );
    return rows[0]?.id ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: OrganizationStatus, reviewer: string, reason: string | null): Promise<void> {
    await manager.query(`UPDATE organizations SET status = $2, reviewed_by = $3, reviewed_at = now(), status_reason = $4 WHERE id = $1`, [id, status, reviewer, reason]);
  }

  async upsertMember(manager: EntityManager, orgId: string, personId: string, isAdmin: boolean, addedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO organization_members (organization_id, person_id, is_admin, added_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (organization_id, person_id) DO UPDATE SET is_admin = EXCLUDED.is_admin`,
      [orgId, personId, isAdmin, addedBy],
    );
  }

  async removeMember(manager: EntityManager, orgId: string, personId: string): Promise<boolean> {
    const result = await manager.query(`DELETE FROM organization_members WHERE organization_id = $1 AND person_id = $2 RETURNING person_id`, [orgId, personId]);
    // TypeORM answers a DELETE … RETURNING with [rows, affected]: count the rows, not the pair.
    return (Array.isArray(result[0]) ? result[0] : result).length > 0;
  }

  async adminIds(manager: EntityManager, orgId: string): Promise<string[]> {
    const rows = await manager.query(`SELECT person_id FROM organization_members WHERE organization_id = $1 AND is_admin`, [orgId]);
    return rows.map((r: { person_id: string }) => r.person_id);
  }

  async grantAdmin(manager: EntityManager, personId: string, org: Organization, grantedBy: string): Promise<void> {
    await manager.query(
      `INSERT INTO role_grants (person_id, role, region_id, organization_id, granted_by) VALUES ($1, 'ORG_ADMIN', $2, $3, $4) ON CONFLICT DO NOTHING`,
      [personId, org.regionId, org.id, grantedBy],
    );
  }

  async revokeAdmin(manager: EntityManager, orgId: string, personId: string | null): Promise<void> {
    await manager.query(
      `UPDATE role_grants SET revoked_at = now() WHERE organization_id = $1 AND role = 'ORG_ADMIN' AND revoked_at IS NULL AND ($2::uuid IS NULL OR person_id = $2)`,
      [orgId, personId],
    );
  }

  async membersOf(orgIds: readonly string[]): Promise<OrganizationMember[]> {
    const rows = await this.db.query(
      `SELECT organization_id, person_id, is_admin, added_at FROM organization_members WHERE organization_id = ANY($1::uuid[]) ORDER BY is_admin DESC, added_at`,
      [orgIds],
    );
    return rows.map((r: { organization_id: string; person_id: string; is_admin: boolean; added_at: Date }) => ({
      organizationId: r.organization_id,
      personId: r.person_id,
      isAdmin: r.is_admin,
      addedAt: r.added_at,
    }));
  }

  async page(where: string[], params: unknown[], first: number, after: [string, string] | null): Promise<{ rows: (Organization & { createdKey: string })[]; total: number }> {
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM organizations o WHERE ${where.join(' AND ')}`, params);
    const p = [...params];
    const conds = [...where];
    if (after) {
      p.push(after[0], after[1]);
      conds.push(`(o.created_at, o.id) < ($${p.length - 1}::timestamptz, $${p.length}::uuid)`);
    }
    p.push(first + 1);
    const rows: OrgRow[] = await this.db.query(`SELECT ${COLUMNS} FROM organizations o WHERE ${conds.join(' AND ')} ORDER BY o.created_at DESC, o.id DESC LIMIT $${p.length}`, p);
    return { rows: rows.map(toOrg), total: n };
  }

  async countsByCategory(path: string): Promise<OrganizationCategoryCount[]> {
    return this.db.query(
      `SELECT category, count(*)::int AS count FROM organizations WHERE status = 'APPROVED' AND path <@ $1::ltree GROUP BY category ORDER BY category`,
      [path],
    );
  }
}
