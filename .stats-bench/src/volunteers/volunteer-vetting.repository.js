var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Injectable } from '@nestjs/common';
/** SQL of background vetting 背景审核 and of a volunteer's base location (kept apart from the registry's repository). */
let VolunteerVettingRepository = class VolunteerVettingRepository {
    async lock(m, id) {
        const rows = await m.query(`SELECT v.id, v.person_id, r.path::text AS community_path FROM volunteers v JOIN regions r ON r.id = v.community_id WHERE v.id = $1 FOR UPDATE OF v`, [id]);
        return rows[0] ?? null;
    }
    async setVetted(m, id, vetted, by, note) {
        await m.query(`UPDATE volunteers SET is_vetted = $2, vetted_by = $3, vetted_at = now(), vetting_note = $4, updated_at = now() WHERE id = $1`, [id, vetted, by, note]);
    }
    async setLocation(m, id, latitude, longitude) {
        await m.query(`UPDATE volunteers SET latitude = $2, longitude = $3, updated_at = now() WHERE id = $1`, [id, latitude, longitude]);
    }
};
VolunteerVettingRepository = __decorate([
    Injectable()
], VolunteerVettingRepository);
export { VolunteerVettingRepository };
//# sourceMappingURL=volunteer-vetting.repository.js.map