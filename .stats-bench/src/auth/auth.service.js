var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
import { Inject, Injectable } from '@nestjs/common';
import { invalidIdNumber } from '../people/people.errors.js';
import { authErrors } from './auth.errors.js';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badInput, DomainException, ErrorCode, unauthenticated } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { APP_CONFIG } from '../config/config.js';
import { PeopleRepository } from '../people/people.repository.js';
import { ID_NUMBER_FIELD, PeopleService } from '../people/people.service.js';
import { parseIdNumber } from '../privacy/id-number.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Actor } from '../scope/actor.js';
import { ActorRepository } from '../scope/actor.repository.js';
import { Role } from '../scope/role.js';
import { signAccessToken } from './access-token.js';
import { decoyHash, hashPassword, isAcceptablePassword, PASSWORD_RULE, verifyPassword } from './password.js';
import { SessionsRepository } from './sessions.repository.js';
const sha256 = (s) => createHash('sha256').update(s).digest();
let AuthService = class AuthService {
    db;
    config;
    sessions;
    people;
    peopleService;
    actors;
    regions;
    cipher;
    constructor(db, config, sessions, people, peopleService, actors, regions, cipher) {
        this.db = db;
        this.config = config;
        this.sessions = sessions;
        this.people = people;
        this.peopleService = peopleService;
        this.actors = actors;
        this.regions = regions;
        this.cipher = cipher;
    }
    /**
     * Wrong password and unknown phone are the same UNAUTHENTICATED answer with the same cost. After
     * `loginMaxFailures` failures for one phone within the window, further attempts are RATE_LIMITED — also when
     * the guesses arrive in parallel: each attempt is taken before the password is checked.
     */
    async login(input) {
        const key = this.cipher.throttleKeyFor(input.phone);
        const allowed = await this.db.transaction((m) => this.sessions.takeAttempt(m, key, this.config.loginWindowSeconds, this.config.loginMaxFailures));
        if (!allowed)
            throw new DomainException(ErrorCode.RATE_LIMITED, '登录失败次数过多，请稍后再试');
        const found = await this.people.credentialsByPhone(input.phone);
        const ok = await verifyPassword(input.password, found?.password_hash ?? (await decoyHash()));
        // A failed attempt stays recorded as taken above.
        if (!found || !found.password_hash || !ok)
            throw unauthenticated('手机号或密码错误');
        return this.db.transaction(async (m) => {
            await this.sessions.clearFailures(m, key);
            return this.issue(m, found.id, null);
        });
    }
    /** Rotates a refresh token. Presenting one that was already used revokes its whole family (token theft). */
    async refresh(token) {
        const [id, secret] = token.split('.');
        if (!isUuid(id) || !secret)
            throw unauthenticated('刷新令牌无效');
        const outcome = await this.db.transaction(async (m) => {
            const row = await this.sessions.lockRefresh(m, id);
            const hash = sha256(secret);
            if (!row || row.token_hash.length !== hash.length || !timingSafeEqual(row.token_hash, hash))
                return { error: '刷新令牌无效' };
            if (row.revoked_at)
                return { error: '刷新令牌已失效' };
            if (row.used_at) {
                await this.sessions.revokeFamily(m, row.family_id);
                return { error: '刷新令牌已被使用，请重新登录' };
            }
            if (row.expires_at.getTime() <= Date.now())
                return { error: '登录已过期，请重新登录' };
            await this.sessions.markUsed(m, row.id);
            return { payload: await this.issue(m, row.person_id, row.family_id) };
        });
        // The family revocation must commit even though the call fails, so the error is thrown after the transaction.
        if ('error' in outcome)
            throw unauthenticated(outcome.error);
        return outcome.payload;
    }
    async logout(actor, token) {
        const [id] = token.split('.');
        if (!isUuid(id))
            return false;
        return this.db.transaction(async (m) => {
            const row = await this.sessions.lockRefresh(m, id);
            if (!row || row.person_id !== actor.personId)
                return false;
            await this.sessions.revokeFamily(m, row.family_id);
            return true;
        });
    }
    async registerResident(input) {
        const name = input.name.trim();
        if (!name)
            throw badInput('name', '请输入姓名');
        if (!isAcceptablePassword(input.password))
            throw badInput('password', PASSWORD_RULE);
        let idNumber = null;
        if (input.idNumber) {
            const parsed = parseIdNumber(input.idNumber);
            if ('problem' in parsed)
                throw invalidIdNumber(parsed.problem);
            idNumber = parsed;
        }
        const passwordHash = await hashPassword(input.password);
        return this.db.transaction(async (m) => {
            const grid = await this.regions.require(input.gridId, 'gridId', RegionLevel.GRID, m);
            if (await this.people.phoneTaken(m, input.phone))
                throw authErrors.phoneTaken();
            const idHash = idNumber ? this.cipher.lookupHash(idNumber.normalized, ID_NUMBER_FIELD) : null;
            if (idHash && (await this.people.idNumberTaken(m, idHash)))
                throw authErrors.idNumberTaken();
            const personId = await this.people.insert(m, {
                name,
                phone: input.phone,
                passwordHash,
                idNumberCipher: idNumber ? this.cipher.encrypt(idNumber.normalized, ID_NUMBER_FIELD) : null,
                idNumberHash: idHash,
                birthDate: idNumber?.birthDate ?? null,
                address: input.address?.trim() || null,
                gridId: grid.id,
            });
            await this.people.grant(m, personId, Role.RESIDENT, grid.id, personId);
            return this.issue(m, personId, null);
        });
    }
    async issue(m, personId, familyId) {
        const secret = randomBytes(32).toString('base64url');
        const tokenId = await this.sessions.insertRefresh(m, personId, familyId, sha256(secret), this.config.refreshTokenTtlSeconds);
        const now = Date.now();
        const [row] = await this.people.byIds([personId], m);
        const grants = (await this.actors.grantsOf(personId, m)) ?? [];
        const me = this.peopleService.view(new Actor(personId, grants), row);
        return {
            accessToken: signAccessToken(personId, this.config.tokenSecret, this.config.accessTokenTtlSeconds, now),
            refreshToken: `${tokenId}.${secret}`,
            accessTokenExpiresAt: new Date(now + this.config.accessTokenTtlSeconds * 1000),
            me,
        };
    }
};
AuthService = __decorate([
    Injectable(),
    __param(1, Inject(APP_CONFIG)),
    __metadata("design:paramtypes", [DataSource, Object, SessionsRepository,
        PeopleRepository,
        PeopleService,
        ActorRepository,
        RegionsService,
        PiiCipher])
], AuthService);
export { AuthService };
//# sourceMappingURL=auth.service.js.map