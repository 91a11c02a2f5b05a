import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RegionLevel } from './region-level.js';
import { Region } from './region.model.js';
import { Station } from './station.model.js';

interface RegionRow {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  path: string;
  parent_id: string | null;
}

const COLUMNS = `id, code, name, level, path::text AS path, parent_id`;
const toRegion = (r: RegionRow): Region => ({ id: r.id, code: r.code, name: r.name, level: r.level, path: r.path, parentId: r.parent_id });

@Injectable()
export class RegionsRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<Region[]> {
    const rows: RegionRow[] = await manager.query(`SELECT ${COLUMNS} FROM regions WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map(toRegion);
  }

  async childrenOf(parentIds: readonly string[]): Promise<Region[]> {
    const rows: RegionRow[] = await this.db.query(`SELECT ${COLUMNS} FROM regions WHERE parent_id = ANY($1::uuid[]) ORDER BY code`, [parentIds]);
    return rows.map(toRegion);
  }

  async roots(): Promise<Region[]> {
    const rows: RegionRow[] = await this.db.query(`SELECT ${COLUMNS} FROM regions WHERE parent_id IS NULL ORDER BY code`);
    return rows.map(toRegion);
  }

  /** The region at `level` that holds `path` (the region itself when it is at that level). */
  async ancestorAt(m: EntityManager, path: string, level: 'COMMUNITY' | 'STREET'): Promise<{ id: string; path: string } | null> {
    const rows: { id: string; path: string }[] = await m.query(`SELECT id, path::text AS path FROM regions WHERE path @> $1::ltree AND level = $2 LIMIT 1`, [
      path,
      level,
    ]);
    return rows[0] ?? null;
  }

  async byCode(code: string, manager: EntityManager = this.db.manager): Promise<Region | null> {
    const rows: RegionRow[] = await manager.query(`SELECT ${COLUMNS} FROM regions WHERE code = $1`, [code]);
    return rows[0] ? toRegion(rows[0]) : null;
  }

  /** Inserts a node under `parent` (or as a root); its path is the parent's path plus its own code. */
  async insert(manager: EntityManager, input: { code: string; name: string; level: RegionLevel; parent: Region | null }): Promise<Region> {
    const path = input.parent ? `${input.parent.path}.${input.code}` : input.code;
    const rows: RegionRow[] = await manager.query(
      `INSERT INTO regions (code, name, level, parent_id, path) VALUES ($1, $2, $3, $4, $5::ltree) RETURNING ${COLUMNS}`,
      [input.code, input.name, input.level, input.parent?.id ?? null, path],
    );
    return toRegion(rows[0]);
  }

  async stationsOf(regionIds: readonly string[]): Promise<Station[]> {
    const rows = await this.db.query(`SELECT id, kind, name, address, region_id FROM stations WHERE region_id = ANY($1::uuid[]) ORDER BY kind, name`, [
      regionIds,
    ]);
    return rows.map((r: { id: string; kind: Station['kind']; name: string; address: string | null; region_id: string }) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      address: r.address,
      regionId: r.region_id,
    }));
  }
}
