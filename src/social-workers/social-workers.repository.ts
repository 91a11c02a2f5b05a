import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { keysetPage, KeysetOrder, PageRequest, SqlWhere } from '../common/keyset-page.js';
import { ScopePaths } from '../scope/actor.js';
import { Station, StationKind } from '../regions/station.model.js';
import { SocialWorker, SocialWorkerCount, SocialWorkerLevel } from './social-worker.model.js';

interface Row {
  id: string;
  person_id: string;
  level: SocialWorkerLevel;
  certificate_no: string;
  station_id: string;
  station_path: string;
  created_at: Date;
  created_key: string;
}

const COLUMNS = `w.id, w.person_id, w.level, w.certificate_no, w.station_id, r.path::text AS station_path, w.created_at, w.created_at::text AS created_key`;
const FROM = `social_workers w JOIN stations s ON s.id = w.station_id JOIN regions r ON r.id = s.region_id`;
const SELECT = `SELECT ${COLUMNS} FROM ${FROM}`;

/** Social workers newest first; the cursor is (created_at, id). */
export const SOCIAL_WORKER_ORDER: KeysetOrder = {
  keys: [
    { sql: 'w.created_at', type: 'timestamptz' },
    { sql: 'w.id', type: 'uuid' },
  ],
  direction: 'DESC',
};

const toWorker = (r: Row): SocialWorker => ({
  id: r.id,
  personId: r.person_id,
  level: r.level,
  certificateNo: r.certificate_no,
  stationId: r.station_id,
  stationPath: r.station_path,
  createdAt: r.created_at,
  createdKey: r.created_key,
});

@Injectable()
export class SocialWorkersRepository {
  constructor(private readonly db: DataSource) {}

  async byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<SocialWorker[]> {
    const rows: Row[] = await manager.query(`${SELECT} WHERE w.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toWorker);
  }

  async byPersonIds(ids: readonly string[]): Promise<SocialWorker[]> {
    const rows: Row[] = await this.db.query(`${SELECT} WHERE w.person_id = ANY($1::uuid[])`, [ids]);
    return rows.map(toWorker);
  }

  async station(manager: EntityManager, id: string): Promise<(Station & { path: string }) | null> {
    const rows = await manager.query(
      `SELECT s.id, s.kind, s.name, s.address, s.region_id, r.path::text AS path FROM stations s JOIN regions r ON r.id = s.region_id WHERE s.id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? { id: r.id, kind: r.kind, name: r.name, address: r.address, regionId: r.region_id, path: r.path } : null;
  }

  async stationsByIds(ids: readonly string[]): Promise<Station[]> {
    const rows = await this.db.query(`SELECT id, kind, name, address, region_id FROM stations WHERE id = ANY($1::uuid[])`, [ids]);
    return rows.map((r: { id: string; kind: StationKind; name: string; address: string | null; region_id: string }) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      address: r.address,
      regionId: r.region_id,
    }));
  }

  async insertStation(manager: EntityManager, s: { kind: StationKind; name: string; regionId: string; address: string | null }): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO stations (kind, name, region_id, address) VALUES ($1, $2, $3, $4) ON CONFLICT (region_id, kind, name) DO NOTHING RETURNING id`,
      [s.kind, s.name, s.regionId, s.address],
    );
    return rows[0]?.id ?? null;
  }

  /** Null when the person already has a profile or the certificate number is taken (the caller tells which). */
  async insert(
    manager: EntityManager,
    w: { personId: string; level: SocialWorkerLevel; certificateNo: string; stationId: string; createdBy: string },
  ): Promise<string | null> {
    const rows = await manager.query(
      `INSERT INTO social_workers (person_id, level, certificate_no, station_id, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`,
      [w.personId, w.level, w.certificateNo, w.stationId, w.createdBy],
    );
    return rows[0]?.id ?? null;
  }

  async exists(manager: EntityManager, personId: string, certificateNo: string): Promise<{ person: boolean; certificate: boolean }> {
    const [r] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM social_workers WHERE person_id = $1) AS person, EXISTS (SELECT 1 FROM social_workers WHERE certificate_no = $2) AS certificate`,
      [personId, certificateNo],
    );
    return r;
  }

  /** A page of social workers whose station lies in `scopes` (and under `regionPath` when given), newest first. */
  async list(f: { scopes: ScopePaths; regionPath?: string }, page: PageRequest): Promise<{ rows: SocialWorker[]; total: number }> {
    const w = new SqlWhere();
    w.and(w.scope('r.path', f.scopes));
    if (f.regionPath !== undefined) w.and(`r.path <@ ${w.param(f.regionPath)}::ltree`);
    const { rows, total } = await keysetPage<Row>(this.db, { select: COLUMNS, from: FROM, where: w, order: SOCIAL_WORKER_ORDER, page });
    return { rows: rows.map(toWorker), total };
  }

  /**
   * One row per street and per community in the subtree of `path` (or the region itself), each counting the
   * social workers attached there: a street's row its 社工站 (street-level station), a community's row its 社工室
   * (stations in the community or its grids). Every worker is counted exactly once. Ordered by code, so each
   * street comes just before its communities.
   */
  async countsPerStreetAndCommunity(path: string): Promise<SocialWorkerCount[]> {
    return this.db.query(
      `SELECT c.id AS "regionId", c.name AS "regionName", c.level AS "regionLevel",
              count(w.id)::int AS total,
              count(w.id) FILTER (WHERE w.level = 'ASSISTANT')::int AS assistant,
              count(w.id) FILTER (WHERE w.level = 'INTERMEDIATE')::int AS intermediate,
              count(w.id) FILTER (WHERE w.level = 'SENIOR')::int AS senior
         FROM regions c
         LEFT JOIN regions sr ON CASE WHEN c.level = 'STREET' THEN sr.id = c.id ELSE sr.path <@ c.path END
         LEFT JOIN stations s ON s.region_id = sr.id
         LEFT JOIN social_workers w ON w.station_id = s.id
        WHERE c.level IN ('STREET', 'COMMUNITY') AND (c.path <@ $1::ltree OR (c.level = 'COMMUNITY' AND c.path @> $1::ltree))
        GROUP BY c.id, c.name, c.level, c.code ORDER BY c.code`,
      [path],
    );
  }
}
