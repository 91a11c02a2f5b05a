import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Grant } from './actor.js';
import { Role } from './role.js';

@Injectable()
export class ActorRepository {
  constructor(private readonly db: DataSource) {}

  /** Active grants of a person with their region paths; null when the person does not exist. */
  async grantsOf(personId: string, manager: EntityManager = this.db.manager): Promise<Grant[] | null> {
    const rows: { role: Role; region_id: string | null; path: string | null; organization_id: string | null; person: string | null }[] = await manager.query(
      `SELECT p.id AS person, g.role, g.region_id, r.path::text AS path, g.organization_id
           FROM persons p
           LEFT JOIN role_grants g ON g.person_id = p.id AND g.revoked_at IS NULL
           LEFT JOIN regions r ON r.id = g.region_id
          WHERE p.id = $1`,
      [personId],
    );
    if (rows.length === 0) return null;
    return rows.filter((r) => r.role !== null).map((r) => ({ role: r.role, regionId: r.region_id, regionPath: r.path, organizationId: r.organization_id }));
  }

  /** Who holds `role` granted exactly in each of `regionIds` (e.g. the grid worker of a grid), earliest grant first. */
  async holdersIn(role: Role, regionIds: readonly string[], manager: EntityManager = this.db.manager): Promise<{ regionId: string; personId: string }[]> {
    return manager.query(
      `SELECT region_id AS "regionId", person_id AS "personId" FROM role_grants
        WHERE role = $1 AND region_id = ANY($2::uuid[]) AND revoked_at IS NULL ORDER BY granted_at, person_id`,
      [role, regionIds],
    );
  }
}
