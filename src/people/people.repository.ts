import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Role } from '../scope/role.js';

export interface PersonRow {
  id: string;
  name: string;
  phone: string;
  address: string | null;
  grid_id: string | null;
  id_number_cipher: Buffer | null;
  birth_date: string | null;
  /**
   * Where the person "lives" for scope checks: their grid path and the regions of their region-scoped roles.
   * Organization-scoped grants (ORG_ADMIN, `role_grants.organization_id`) are left out: an organization admin
   * can add a member, and such a grant must not drag the member into another scope's view.
   */
  paths: string[];
  /** The home grid's path alone (null without a grid): the only path used to decide who may enrol the person. */
  grid_path: string | null;
}

export interface GrantRow {
  person_id: string;
  role: Role;
  region_id: string | null;
  organization_id: string | null;
  scope_name: string | null;
}

@Injectable()
export class PeopleRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<PersonRow[]> {
    return manager.query(
      `SELECT p.id, p.name, p.phone, p.address, p.grid_id, p.id_number_cipher, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
              array_remove(array_append(
                coalesce((SELECT array_agg(r.path::text) FROM role_grants g JOIN regions r ON r.id = g.region_id
                           WHERE g.person_id = p.id AND g.revoked_at IS NULL AND g.organization_id IS NULL), '{}'),
                gr.path::text), NULL) AS paths,
              gr.path::text AS grid_path
         FROM persons p LEFT JOIN regions gr ON gr.id = p.grid_id
        WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  async grantsOf(personIds: readonly string[]): Promise<GrantRow[]> {
    return this.db.query(
      `SELECT g.person_id, g.role, g.region_id, g.organization_id, coalesce(o.name, r.name) AS scope_name
         FROM role_grants g LEFT JOIN regions r ON r.id = g.region_id LEFT JOIN organizations o ON o.id = g.organization_id
        WHERE g.person_id = ANY($1::uuid[]) AND g.revoked_at IS NULL
        ORDER BY g.granted_at, g.role`,
      [personIds],
    );
  }

  async credentialsByPhone(phone: string): Promise<{ id: string; password_hash: string | null } | null> {
    const rows = await this.db.query(`SELECT id, password_hash FROM persons WHERE phone = $1`, [phone]);
    return rows[0] ?? null;
  }

  /** Sets a password hash (password change, or the first password after 代办注册); `lock` rows for update. */
  async setPasswordHash(manager: EntityManager, personId: string, hash: string): Promise<void> {
    await manager.query(`UPDATE persons SET password_hash = $2 WHERE id = $1`, [personId, hash]);
  }

  async credentialsById(manager: EntityManager, personId: string): Promise<{ id: string; password_hash: string | null } | null> {
    const rows = await manager.query(`SELECT id, password_hash FROM persons WHERE id = $1 FOR UPDATE`, [personId]);
    return rows[0] ?? null;
  }

  async phoneTaken(manager: EntityManager, phone: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM persons WHERE phone = $1`, [phone]);
    return rows.length > 0;
  }

  async idNumberTaken(manager: EntityManager, hash: Buffer): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM persons WHERE id_number_hash = $1`, [hash]);
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    p: {
      name: string;
      phone: string;
      passwordHash: string | null;
      idNumberCipher: Buffer | null;
      idNumberHash: Buffer | null;
      birthDate: string | null;
      address: string | null;
      gridId: string | null;
    },
  ): Promise<string> {
    const rows = await manager.query(
      `INSERT INTO persons (name, phone, password_hash, id_number_cipher, id_number_hash, birth_date, address, grid_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [p.name, p.phone, p.passwordHash, p.idNumberCipher, p.idNumberHash, p.birthDate, p.address, p.gridId],
    );
    return rows[0].id;
  }

  /** Records an ID number for a person who had none (stored encrypted with its lookup hash) and its birth date. */
  async setIdNumber(manager: EntityManager, personId: string, cipher: Buffer, hash: Buffer, birthDate: string): Promise<void> {
    await manager.query(`UPDATE persons SET id_number_cipher = $2, id_number_hash = $3, birth_date = $4, updated_at = now() WHERE id = $1`, [
      personId,
      cipher,
      hash,
      birthDate,
    ]);
  }

  async grant(
    manager: EntityManager,
    personId: string,
    role: Role,
    regionId: string | null,
    grantedBy: string | null,
    organizationId: string | null = null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO role_grants (person_id, role, region_id, organization_id, granted_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`,
      [personId, role, regionId, organizationId, grantedBy],
    );
  }

  /** Revokes a region-scoped grant (e.g. VOLUNTEER when a volunteer is suspended). */
  async revokeRegionRole(manager: EntityManager, personId: string, role: Role, regionId: string): Promise<void> {
    await manager.query(
      `UPDATE role_grants SET revoked_at = now() WHERE person_id = $1 AND role = $2 AND region_id = $3 AND organization_id IS NULL AND revoked_at IS NULL`,
      [personId, role, regionId],
    );
  }

  /** Revokes `role` granted for an organization, of one person or (personId null) of everyone. */
  async revokeOrganizationRole(manager: EntityManager, organizationId: string, role: Role, personId: string | null): Promise<void> {
    await manager.query(
      `UPDATE role_grants SET revoked_at = now() WHERE organization_id = $1 AND role = $2 AND revoked_at IS NULL AND ($3::uuid IS NULL OR person_id = $3)`,
      [organizationId, role, personId],
    );
  }

  async logPiiAccess(viewerId: string, subjectId: string, field: string, purpose: string | null): Promise<void> {
    await this.db.query(`INSERT INTO pii_access_log (viewer_id, subject_id, field, purpose) VALUES ($1, $2, $3, $4)`, [viewerId, subjectId, field, purpose]);
  }
}
