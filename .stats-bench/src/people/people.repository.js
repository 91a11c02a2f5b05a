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
let PeopleRepository = class PeopleRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async byIds(ids, manager = this.db.manager) {
        return manager.query(`SELECT p.id, p.name, p.phone, p.address, p.grid_id, p.id_number_cipher, to_char(p.birth_date, 'YYYY-MM-DD') AS birth_date,
              array_remove(array_append(
                coalesce((SELECT array_agg(r.path::text) FROM role_grants g JOIN regions r ON r.id = g.region_id
                           WHERE g.person_id = p.id AND g.revoked_at IS NULL AND g.organization_id IS NULL), '{}'),
                gr.path::text), NULL) AS paths,
              gr.path::text AS grid_path
         FROM persons p LEFT JOIN regions gr ON gr.id = p.grid_id
        WHERE p.id = ANY($1::uuid[])`, [ids]);
    }
    async grantsOf(personIds) {
        return this.db.query(`SELECT g.person_id, g.role, g.region_id, g.organization_id, coalesce(o.name, r.name) AS scope_name
         FROM role_grants g LEFT JOIN regions r ON r.id = g.region_id LEFT JOIN organizations o ON o.id = g.organization_id
        WHERE g.person_id = ANY($1::uuid[]) AND g.revoked_at IS NULL
        ORDER BY g.granted_at, g.role`, [personIds]);
    }
    async credentialsByPhone(phone) {
        const rows = await this.db.query(`SELECT id, password_hash FROM persons WHERE phone = $1`, [phone]);
        return rows[0] ?? null;
    }
    async phoneTaken(manager, phone) {
        const rows = await manager.query(`SELECT 1 FROM persons WHERE phone = $1`, [phone]);
        return rows.length > 0;
    }
    async idNumberTaken(manager, hash) {
        const rows = await manager.query(`SELECT 1 FROM persons WHERE id_number_hash = $1`, [hash]);
        return rows.length > 0;
    }
    async insert(manager, p) {
        const rows = await manager.query(`INSERT INTO persons (name, phone, password_hash, id_number_cipher, id_number_hash, birth_date, address, grid_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, [p.name, p.phone, p.passwordHash, p.idNumberCipher, p.idNumberHash, p.birthDate, p.address, p.gridId]);
        return rows[0].id;
    }
    /** Records an ID number for a person who had none (stored encrypted with its lookup hash) and its birth date. */
    async setIdNumber(manager, personId, cipher, hash, birthDate) {
        await manager.query(`UPDATE persons SET id_number_cipher = $2, id_number_hash = $3, birth_date = $4, updated_at = now() WHERE id = $1`, [personId, cipher, hash, birthDate]);
    }
    async grant(manager, personId, role, regionId, grantedBy, organizationId = null) {
        await manager.query(`INSERT INTO role_grants (person_id, role, region_id, organization_id, granted_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING`, [personId, role, regionId, organizationId, grantedBy]);
    }
    async logPiiAccess(viewerId, subjectId, field, purpose) {
        await this.db.query(`INSERT INTO pii_access_log (viewer_id, subject_id, field, purpose) VALUES ($1, $2, $3, $4)`, [viewerId, subjectId, field, purpose]);
    }
};
PeopleRepository = __decorate([
    Injectable(),
    __metadata("design:paramtypes", [DataSource])
], PeopleRepository);
export { PeopleRepository };
//# sourceMappingURL=people.repository.js.map