var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
import { Injectable } from '@nestjs/common';
/** Refresh tokens (stored hashed, rotated on use) and the failed-login throttle. */
let SessionsRepository = class SessionsRepository {
    async insertRefresh(m, personId, familyId, hash, ttlSeconds) {
        const rows = await m.query(`INSERT INTO refresh_tokens (person_id, family_id, token_hash, expires_at)
       VALUES ($1, coalesce($2::uuid, gen_random_uuid()), $3, now() + make_interval(secs => $4)) RETURNING id`, [personId, familyId, hash, ttlSeconds]);
        return rows[0].id;
    }
    async lockRefresh(m, id) {
        const rows = await m.query(`SELECT * FROM refresh_tokens WHERE id = $1 FOR UPDATE`, [id]);
        return rows[0] ?? null;
    }
    async markUsed(m, id) {
        await m.query(`UPDATE refresh_tokens SET used_at = now() WHERE id = $1`, [id]);
    }
    async revokeFamily(m, familyId) {
        await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
    }
    /**
     * Takes one of the window's attempts for a phone, or answers false when they are used up. Counting and
     * recording are one step under a per-phone lock, so that parallel guesses cannot all see the count below the
     * limit. The attempt counts as a failure until `clearFailures` (a correct password) removes it; rows older
     * than the window are dropped on the way.
     */
    async takeAttempt(m, key, windowSeconds, maxFailures) {
        await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('login:' || encode($1::bytea, 'hex'), 0))`, [key]);
        await m.query(`DELETE FROM login_failures WHERE phone_key = $1 AND at <= now() - make_interval(secs => $2)`, [key, windowSeconds]);
        const rows = await m.query(`SELECT count(*)::int AS n FROM login_failures WHERE phone_key = $1`, [key]);
        if (rows[0].n >= maxFailures)
            return false;
        await m.query(`INSERT INTO login_failures (phone_key) VALUES ($1)`, [key]);
        return true;
    }
    async clearFailures(m, key) {
        await m.query(`DELETE FROM login_failures WHERE phone_key = $1`, [key]);
    }
};
SessionsRepository = __decorate([
    Injectable()
], SessionsRepository);
export { SessionsRepository };
//# sourceMappingURL=sessions.repository.js.map