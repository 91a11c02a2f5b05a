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
const COLUMNS = `id, code, name, level, path::text AS path, parent_id`;
const toRegion = (r) => ({ id: r.id, code: r.code, name: r.name, level: r.level, path: r.path, parentId: r.parent_id });
let RegionsRepository = class RegionsRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async byIds(ids, manager = this.db.manager) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM regions WHERE id = ANY($1::uuid[])`, [ids]);
        return rows.map(toRegion);
    }
    async childrenOf(parentIds) {
        const rows = await this.db.query(`SELECT ${COLUMNS} FROM regions WHERE parent_id = ANY($1::uuid[]) ORDER BY code`, [parentIds]);
        return rows.map(toRegion);
    }
    async roots() {
        const rows = await this.db.query(`SELECT ${COLUMNS} FROM regions WHERE parent_id IS NULL ORDER BY code`);
        return rows.map(toRegion);
    }
    async byCode(code, manager = this.db.manager) {
        const rows = await manager.query(`SELECT ${COLUMNS} FROM regions WHERE code = $1`, [code]);
        return rows[0] ? toRegion(rows[0]) : null;
    }
    /** Inserts a node under `parent` (or as a root); its path is the parent's path plus its own code. */
    async insert(manager, input) {
        const path = input.parent ? `${input.parent.path}.${input.code}` : input.code;
        const rows = await manager.query(`INSERT INTO regions (code, name, level, parent_id, path) VALUES ($1, $2, $3, $4, $5::ltree) RETURNING ${COLUMNS}`, [input.code, input.name, input.level, input.parent?.id ?? null, path]);
        return toRegion(rows[0]);
    }
    async stationsOf(regionIds) {
        const rows = await this.db.query(`SELECT id, kind, name, address, region_id FROM stations WHERE region_id = ANY($1::uuid[]) ORDER BY kind, name`, [regionIds]);
        return rows.map((r) => ({ id: r.id, kind: r.kind, name: r.name, address: r.address, regionId: r.region_id }));
    }
};
RegionsRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], RegionsRepository);
export { RegionsRepository };
//# sourceMappingURL=regions.repository.js.map