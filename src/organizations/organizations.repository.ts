import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { keysetPage, KeysetOrder, PageRequest, SqlWhere } from '../common/keyset-page.js';
import { ScopePaths } from '../scope/actor.js';
import {
  Organization,
  OrganizationCategory,
  OrganizationCategoryCount,
  OrganizationMember,
  OrganizationRegistration,
  OrganizationStatus,
} from './organization.model.js';

/** Organizations newest first; the cursor is (created_at, id). */
export const ORGANIZATION_ORDER: KeysetOrder = {
  keys: [
    { sql: 'o.created_at', type: 'timestamptz' },
    { sql: 'o.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

export interface OrganizationListFilter {
  viewerId: string;
  /** Organizations the viewer administers (ORGANIZATION_MANAGE through an organization grant). */
  ownOrganizationIds: string[];
  /** Where every state is visible (ORGANIZATION_READ). */
  staffScopes: ScopePaths;
  regionPath?: string;
  category?: OrganizationCategory;
  status?: OrganizationStatus;
}

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
    o: {
      name: string;
      creditCode: string;
      category: OrganizationCategory;
      registration: OrganizationRegistration;
      regionId: string;
      path: string;
      description: string | null;
      address: string | null;
      registeredBy: string;
    },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO organizations (name, credit_code, category, registration, region_id, path, description, address, registered_by)
       VALUES ($1, $2, $3, $4, $5, $9::ltree, $6, $7, $8)
       ON CONFLICT (credit_code) DO NOTHING RETURNING id`,
      [o.name, o.creditCode, o.category, o.registration, o.regionId, o.description, o.address, o.registeredBy, o.path],
    );
    return rows[0]?.id ?? null;
  }

  async setStatus(manager: EntityManager, id: string, status: OrganizationStatus, reviewer: string, reason: string | null): Promise<void> {
    await manager.query(`UPDATE organizations SET status = $2, reviewed_by = $3, reviewed_at = now(), status_reason = $4 WHERE id = $1`, [
      id,
      status,
      reviewer,
      reason,
    ]);
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

  /** A page of organizations: approved ones, the viewer's own (registered or administered) and staff views in scope. */
  async list(f: OrganizationListFilter, page: PageRequest): Promise<{ rows: (Organization & { createdKey: string })[]; total: number }> {
    const w = new SqlWhere();
    const viewer = w.param(f.viewerId);
    const own = w.param(f.ownOrganizationIds);
    w.and(`(o.status = 'APPROVED' OR o.registered_by = ${viewer} OR o.id = ANY(${own}::uuid[]) OR ${w.scope('o.path', f.staffScopes)})`);
    if (f.regionPath !== undefined) w.and(`o.path <@ ${w.param(f.regionPath)}::ltree`);
    if (f.category !== undefined) w.and(`o.category = ${w.param(f.category)}`);
    if (f.status !== undefined) w.and(`o.status = ${w.param(f.status)}`);
    const { rows, total } = await keysetPage<OrgRow>(this.db, { select: COLUMNS, from: 'organizations o', where: w, order: ORGANIZATION_ORDER, page });
    return { rows: rows.map(toOrg), total };
  }

  async countsByCategory(path: string): Promise<OrganizationCategoryCount[]> {
    return this.db.query(
      `SELECT category, count(*)::int AS count FROM organizations WHERE status = 'APPROVED' AND path <@ $1::ltree GROUP BY category ORDER BY category`,
      [path],
    );
  }
}
