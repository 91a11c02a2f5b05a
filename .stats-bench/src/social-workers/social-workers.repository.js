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
const COLUMNS = `w.id, w.person_id, w.level, w.certificate_no, w.station_id, r.path::text AS station_path, w.created_at, w.created_at::text AS created_key`;
const FROM = `social_workers w JOIN stations s ON s.id = w.station_id JOIN regions r ON r.id = s.region_id`;
const SELECT = `SELECT ${COLUMNS} FROM ${FROM}`;
/** Social workers newest first; the cursor is (created_at, id). */
export const SOCIAL_WORKER_ORDER = { keys: [{ sql: 'w.created_at', type: 'timestamptz' }, { sql: 'w.id', type: 'uuid' }], direction: 'DESC' };
const toWorker = (r) => ({
    id: r.id,
    personId: r.person_id,
    level: r.level,
    certificateNo: r.certificate_no,
    stationId: r.station_id,
    stationPath: r.station_path,
    createdAt: r.created_at,
    createdKey: r.created_key,
});
let SocialWorkersRepository = class SocialWorkersRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async byIds(ids, manager = this.db.manager) {
        const rows = await manager.query(`${SELECT} WHERE w.id = ANY($1::uuid[])`, [ids]);
        return rows.map(toWorker);
    }
    async byPersonIds(ids) {
        const rows = await this.db.query(`${SELECT} WHERE w.person_id = ANY($1::uuid[])`, [ids]);
        return rows.map(toWorker);
    }
    async station(manager, id) {
        const rows = await manager.query(`SELECT s.id, s.kind, s.name, s.address, s.region_id, r.path::text AS path FROM stations s JOIN regions r ON r.id = s.region_id WHERE s.id = $1`, [id]);
        const r = rows[0];
        return r ? { id: r.id, kind: r.kind, name: r.name, address: r.address, regionId: r.region_id, path: r.path } : null;
    }
    async stationsByIds(ids) {
        const rows = await this.db.query(`SELECT id, kind, name, address, region_id FROM stations WHERE id = ANY($1::uuid[])`, [ids]);
        return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, address: r.address, regionId: r.region_id }));
    }
    async insertStation(manager, s) {
        const rows = await manager.query(`INSERT INTO stations (kind, name, region_id, address) VALUES ($1, $2, $3, $4) ON CONFLICT (region_id, kind, name) DO NOTHING RETURNING id`, [s.kind, s.name, s.regionId, s.address]);
        return rows[0]?.id ?? null;
    }
    /** Null when the person already has a profile or the certificate number is taken (the caller tells which). */
    async insert(manager, w) {
        const rows = await manager.query(`INSERT INTO social_workers (person_id, level, certificate_no, station_id, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING id`, [w.personId, w.level, w.certificateNo, w.stationId, w.createdBy]);
        return rows[0]?.id ?? null;
    }
    async exists(manager, personId, certificateNo) {
        const [r] = await manager.query(`SELECT EXISTS (SELECT 1 FROM social_workers WHERE person_id = $1) AS person, EXISTS (SELECT 1 FROM social_workers WHERE certificate_no = $2) AS certificate`, [personId, certificateNo]);
        return r;
    }
    /** A page of social workers whose station lies in `scopes` (and under `regionPath` when given), newest first. */
    async list(f, page) {
        const w = new SqlWhere();
        w.and(w.scope('r.path', f.scopes));
        if (f.regionPath !== undefined)
            w.and(`r.path <@ ${w.param(f.regionPath)}::ltree`);
        const { rows, total } = await keysetPage(this.db, { select: COLUMNS, from: FROM, where: w, order: SOCIAL_WORKER_ORDER, page });
        return { rows: rows.map(toWorker), total };
    }
    /**
     * One row per street and per community in the subtree of `path` (or the region itself), each counting the
     * social workers attached there: a street's row its 社工站 (street-level station), a community's row its 社工室
     * (stations in the community or its grids). Every worker is counted exactly once. Ordered by code, so each
     * street comes just before its communities.
     */
    async countsPerStreetAndCommunity(path) {
        return this.db.query(`SELECT c.id AS "regionId", c.name AS "regionName", c.level AS "regionLevel",
              count(w.id)::int AS total,
              count(w.id) FILTER (WHERE w.level = 'ASSISTANT')::int AS assistant,
              count(w.id) FILTER (WHERE w.level = 'INTERMEDIATE')::int AS intermediate,
              count(w.id) FILTER (WHERE w.level = 'SENIOR')::int AS senior
         FROM regions c
         LEFT JOIN regions sr ON CASE WHEN c.level = 'STREET' THEN sr.id = c.id ELSE sr.path <@ c.path END
         LEFT JOIN stations s ON s.region_id = sr.id
         LEFT JOIN social_workers w ON w.station_id = s.id
        WHERE c.level IN ('STREET', 'COMMUNITY') AND (c.path <@ $1::ltree OR (c.level = 'COMMUNITY' AND c.path @> $1::ltree))
        GROUP BY c.id, c.name, c.level, c.code ORDER BY c.code`, [path]);
    }
};
SocialWorkersRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], SocialWorkersRepository);
export { SocialWorkersRepository };
//# sourceMappingURL=social-workers.repository.js.map