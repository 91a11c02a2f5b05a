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
let ActorRepository = class ActorRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    /** Active grants of a person with their region paths; null when the person does not exist. */
    async grantsOf(personId, manager = this.db.manager) {
        const rows = await manager.query(`SELECT p.id AS person, g.role, g.region_id, r.path::text AS path, g.organization_id
           FROM persons p
           LEFT JOIN role_grants g ON g.person_id = p.id AND g.revoked_at IS NULL
           LEFT JOIN regions r ON r.id = g.region_id
          WHERE p.id = $1`, [personId]);
        if (rows.length === 0)
            return null;
        return rows
            .filter((r) => r.role !== null)
            .map((r) => ({ role: r.role, regionId: r.region_id, regionPath: r.path, organizationId: r.organization_id }));
    }
    /** Who holds `role` granted exactly in each of `regionIds` (e.g. the grid worker of a grid), earliest grant first. */
    async holdersIn(role, regionIds, manager = this.db.manager) {
        return manager.query(`SELECT region_id AS "regionId", person_id AS "personId" FROM role_grants
        WHERE role = $1 AND region_id = ANY($2::uuid[]) AND revoked_at IS NULL ORDER BY granted_at, person_id`, [role, regionIds]);
    }
};
ActorRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], ActorRepository);
export { ActorRepository };
//# sourceMappingURL=actor.repository.js.map