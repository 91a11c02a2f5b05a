import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { badInput } from '../common/errors.js';
import { isUuid } from '../common/ids.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { PeopleRepository } from '../people/people.repository.js';
import { ID_NUMBER_FIELD, PeopleService } from '../people/people.service.js';
import { IdNumberClaims } from '../people/id-number-claims.js';
import { ID_NUMBER_MESSAGES, parseIdNumber } from '../privacy/id-number.js';
import { PiiCipher } from '../privacy/pii-cipher.js';
import { RegionLevel } from '../regions/region-level.js';
import { RegionsService } from '../regions/regions.service.js';
import { Actor } from '../scope/actor.js';
import { ActorRepository } from '../scope/actor.repository.js';
import { Role } from '../scope/role.js';
import { signAccessToken } from './access-token.js';
import { AuthPayload } from './auth-payload.model.js';
import { authErrors, SessionEndReason } from './auth.errors.js';
import { LoginInput, RegisterResidentInPersonInput, RegisterResidentInput, RequestPhoneCodeInput, SetPasswordWithCodeInput } from './auth.input.js';
import { PhoneVerificationService } from './phone-verification.service.js';
import type { ClientInfo } from './session.decorator.js';
import { Session } from './session.model.js';
import { SessionRegistry } from './sessions.registry.js';
import { Permission } from '../scope/permission.js';
import { Person } from '../people/person.model.js';
import { decoyHash, hashPassword, isAcceptablePassword, PASSWORD_RULE, verifyPassword } from './password.js';
import { AuthSessionsRepository, SESSION_ORDER, SessionsRepository } from './sessions.repository.js';
import { Connection, PageArgs, toConnection } from '../common/graphql/connection.js';
import { pageRequest } from '../common/keyset-page.js';

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** The shape of the refresh tokens `issue` hands out: `<uuid>.<32 random bytes in base64url>`. */
const REFRESH_TOKEN_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[A-Za-z0-9_-]{20,100}$/i;

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsRepository,
    private readonly people: PeopleRepository,
    private readonly peopleService: PeopleService,
    private readonly actors: ActorRepository,
    private readonly regions: RegionsService,
    private readonly cipher: PiiCipher,
    private readonly authSessions: AuthSessionsRepository,
    private readonly registry: SessionRegistry,
    private readonly verification: PhoneVerificationService,
    private readonly idNumbers: IdNumberClaims,
  ) {}

  /**
   * Wrong password and unknown phone are the same UNAUTHENTICATED answer with the same cost. After
   * `loginMaxFailures` failures for one phone within the window, further attempts are RATE_LIMITED — also when
   * the guesses arrive in parallel: each attempt is taken before the password is checked.
   */
  async login(input: LoginInput, client?: ClientInfo): Promise<AuthPayload> {
    const key = this.cipher.throttleKeyFor(input.phone);
    const allowed = await this.db.transaction((m) => this.sessions.takeAttempt(m, key, this.config.loginWindowSeconds, this.config.loginMaxFailures));
    if (!allowed) throw authErrors.loginThrottled();
    const found = await this.people.credentialsByPhone(input.phone);
    const ok = await verifyPassword(input.password, found?.password_hash ?? (await decoyHash()));
    // A failed attempt stays recorded as taken above.
    if (!found || !found.password_hash || !ok) throw authErrors.badCredentials();
    return this.db.transaction(async (m) => {
      await this.sessions.clearFailures(m, key);
      return this.issue(m, found.id, null, client);
    });
  }

  /** Rotates a refresh token. Presenting one that was already used revokes its whole family (token theft). */
  async refresh(token: string): Promise<AuthPayload> {
    const [id, secret] = token.split('.');
    if (!isUuid(id) || !secret) throw authErrors.refreshInvalid();
    const outcome = await this.db.transaction(async (m) => {
      const row = await this.sessions.lockRefresh(m, id);
      const hash = sha256(secret);
      if (!row || row.token_hash.length !== hash.length || !timingSafeEqual(row.token_hash, hash)) return { error: true };
      if (row.revoked_at) return { error: true };
      if (row.used_at) {
        // A used token came back (stolen?): the whole session ends, its access tokens included.
        return { error: true, revoked: await this.registry.revoke(m, row.person_id, [row.family_id], SessionEndReason.RefreshReused) };
      }
      if (row.expires_at.getTime() <= Date.now()) return { error: true };
      await this.sessions.markUsed(m, row.id);
      await this.authSessions.touch(m, row.family_id, this.config.refreshTokenTtlSeconds);
      return { payload: await this.issue(m, row.person_id, row.family_id) };
    });
    // The revocation must commit even though the call fails, so the error is thrown after the transaction.
    if (outcome.revoked) this.registry.revoked(outcome.revoked);
    if (outcome.error) throw authErrors.refreshInvalid();
    return outcome.payload!;
  }

  /**
   * Ends the session of the request's access token, and the one `refreshToken` belongs to when given (if it is
   * the caller's): both stop working at once, on every instance, and their open subscriptions close.
   */
  async logout(actor: Actor, token: string | null | undefined, currentSessionId: string | null): Promise<boolean> {
    // Issued refresh tokens are `<uuid>.<base64url secret>`, well under 200 characters; anything else is refused
    // unread, before this session is ended (an emoji or an empty string was taken for "no token": attack harness).
    if (token !== null && token !== undefined && (token.length > 200 || !REFRESH_TOKEN_SHAPE.test(token))) throw authErrors.refreshTokenMalformed();
    const [id] = (token ?? '').split('.');
    const revoked = await this.db.transaction(async (m) => {
      const ids = currentSessionId ? [currentSessionId] : [];
      if (isUuid(id)) {
        const row = await this.sessions.lockRefresh(m, id);
        if (row && row.person_id === actor.personId) ids.push(row.family_id);
      }
      return ids.length ? this.registry.revoke(m, actor.personId, ids, SessionEndReason.Logout) : [];
    });
    this.registry.revoked(revoked);
    return revoked.length > 0;
  }

  /** Ends every session of the caller (all devices); answers how many were live. */
  async logoutEverywhere(actor: Actor): Promise<number> {
    const revoked = await this.db.transaction((m) => this.registry.revoke(m, actor.personId, null, SessionEndReason.LogoutEverywhere));
    this.registry.revoked(revoked);
    return revoked.length;
  }

  /** Ends one of the caller's sessions (e.g. a lost phone), found in mySessions. */
  async revokeSession(actor: Actor, sessionId: string): Promise<boolean> {
    if (!isUuid(sessionId)) throw authErrors.sessionNotFound();
    const revoked = await this.db.transaction((m) => this.registry.revoke(m, actor.personId, [sessionId], SessionEndReason.RevokedByUser));
    if (!revoked.length) throw authErrors.sessionNotFound();
    this.registry.revoked(revoked);
    return true;
  }

  /** The caller's live sessions, newest first, as a keyset page. */
  async mySessions(actor: Actor, currentSessionId: string | null, page: PageArgs): Promise<Connection<Session>> {
    const { rows, total } = await this.authSessions.livePage(this.db.manager, actor.personId, pageRequest(page, SESSION_ORDER));
    return toConnection(
      rows,
      page.first,
      total,
      (r) => [r.created_key!, r.id],
      (r) => ({
        id: r.id,
        createdAt: r.created_at,
        lastUsedAt: r.last_used_at,
        expiresAt: r.expires_at,
        userAgent: r.user_agent,
        current: r.id === currentSessionId,
      }),
    );
  }

  /**
   * A new password ends every session (a thief's included); the caller gets a fresh one. The current password is
   * checked under the person's row lock, and wrong guesses count against the login throttle of the phone.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, client?: ClientInfo): Promise<AuthPayload> {
    if (!isAcceptablePassword(newPassword)) throw authErrors.weakPassword();
    const hash = await hashPassword(newPassword);
    const outcome = await this.db.transaction(async (m) => {
      const found = await this.people.credentialsById(m, actor.personId);
      if (!found?.password_hash || !(await verifyPassword(currentPassword, found.password_hash))) return { wrong: true as const };
      await this.people.setPasswordHash(m, actor.personId, hash);
      const revoked = await this.registry.revoke(m, actor.personId, null, SessionEndReason.PasswordChanged);
      return { revoked, payload: await this.issue(m, actor.personId, null, client) };
    });
    if ('wrong' in outcome) throw authErrors.wrongPassword();
    this.registry.revoked(outcome.revoked);
    return outcome.payload;
  }

  /** Asks for a one-time code; the answer is the same whether or not the phone is registered. */
  async requestPhoneCode(input: RequestPhoneCodeInput, client: ClientInfo): Promise<boolean> {
    return this.verification.requestCode(input.phone, input.purpose, client.ip);
  }

  /**
   * Sets the password of the phone's account with a SET_PASSWORD code: the first password after 代办注册, or a
   * forgotten one. Every session of the account ends. An unknown phone gets the same CODE_INVALID as a wrong code.
   */
  async setPasswordWithCode(input: SetPasswordWithCodeInput, client: ClientInfo): Promise<AuthPayload> {
    if (!isAcceptablePassword(input.password)) throw authErrors.weakPassword();
    await this.verification.verify(input.phone, 'SET_PASSWORD', input.code);
    const hash = await hashPassword(input.password);
    const found = await this.people.credentialsByPhone(input.phone);
    if (!found) throw authErrors.codeInvalid();
    const outcome = await this.db.transaction(async (m) => {
      await this.people.setPasswordHash(m, found.id, hash);
      const revoked = await this.registry.revoke(m, found.id, null, SessionEndReason.PasswordSet);
      return { revoked, payload: await this.issue(m, found.id, null, client) };
    });
    this.registry.revoked(outcome.revoked);
    return outcome.payload;
  }

  /**
   * 代办注册: a grid or community worker registers a resident met in person (ID checked on paper), in a grid of
   * their scope. No password: the resident sets one through a SET_PASSWORD code sent to the phone.
   */
  async registerInPerson(actor: Actor, input: RegisterResidentInPersonInput): Promise<Person> {
    const name = input.name.trim();
    if (!name) throw badInput('name', '请输入姓名');
    const idNumber = this.parseId(input.idNumber);
    await this.idNumbers.inPersonAllowed(actor.personId);
    let refused = false;
    const personId = await this.db
      .transaction(async (m) => {
        const grid = await this.regions.require(input.gridId, 'gridId', RegionLevel.GRID, m);
        if (!actor.can(Permission.RESIDENT_REGISTER_IN_PERSON, { regionPath: grid.path })) throw authErrors.gridOutOfScope();
        return this.insertResident(m, { name, phone: input.phone, passwordHash: null, idNumber, address: input.address, gridId: grid.id }, () => {
          refused = true;
        });
      })
      .catch(async (e: unknown) => {
        // A refusal says the phone or ID number is registered somewhere: each one counts against the worker.
        if (refused) await this.idNumbers.inPersonRefused(actor.personId);
        throw e;
      });
    const [row] = await this.people.byIds([personId]);
    return this.peopleService.view(actor, row)!;
  }

  private parseId(raw: string | null | undefined): { normalized: string; birthDate: string } | null {
    if (!raw) return null;
    const parsed = parseIdNumber(raw);
    if ('problem' in parsed) throw badInput('idNumber', ID_NUMBER_MESSAGES[parsed.problem], `ID_${parsed.problem}`);
    return parsed;
  }

  /**
   * One refusal for a phone or an ID number already registered (REGISTRATION_REFUSED), so that registration does
   * not tell anyone which of the two exists (issue 10 §3).
   */
  private async insertResident(
    m: EntityManager,
    p: {
      name: string;
      phone: string;
      passwordHash: string | null;
      idNumber: { normalized: string; birthDate: string } | null;
      address?: string | null;
      gridId: string;
    },
    onRefused: () => void = () => undefined,
  ): Promise<string> {
    const idHash = p.idNumber ? this.cipher.lookupHash(p.idNumber.normalized, ID_NUMBER_FIELD) : null;
    if ((await this.people.phoneTaken(m, p.phone)) || (idHash && (await this.people.idNumberTaken(m, idHash)))) {
      onRefused();
      throw authErrors.registrationRefused();
    }
    const personId = await this.people.insert(m, {
      name: p.name,
      phone: p.phone,
      passwordHash: p.passwordHash,
      idNumberCipher: p.idNumber ? this.cipher.encrypt(p.idNumber.normalized, ID_NUMBER_FIELD) : null,
      idNumberHash: idHash,
      birthDate: p.idNumber?.birthDate ?? null,
      address: p.address?.trim() || null,
      gridId: p.gridId,
    });
    await this.people.grant(m, personId, Role.RESIDENT, p.gridId, personId);
    return personId;
  }

  /**
   * Self-registration. Throttled per address; with PHONE_VERIFICATION on, the phone must be proven by a REGISTER
   * code. A taken phone or ID number is one answer (REGISTRATION_REFUSED), never which of the two.
   */
  async registerResident(input: RegisterResidentInput, client?: ClientInfo): Promise<AuthPayload> {
    const name = input.name.trim();
    if (!name) throw badInput('name', '请输入姓名');
    if (!isAcceptablePassword(input.password)) throw badInput('password', PASSWORD_RULE);
    const idNumber = this.parseId(input.idNumber);
    if (client)
      await this.verification.throttleAddress(
        'register-ip',
        client.ip,
        this.config.phoneVerification.registrationsPerAddress,
        authErrors.registrationThrottled,
      );
    if (this.verification.enabled) await this.verification.verify(input.phone, 'REGISTER', input.code);
    const passwordHash = await hashPassword(input.password);
    return this.db.transaction(async (m) => {
      const grid = await this.regions.require(input.gridId, 'gridId', RegionLevel.GRID, m);
      const personId = await this.insertResident(m, { name, phone: input.phone, passwordHash, idNumber, address: input.address, gridId: grid.id });
      return this.issue(m, personId, null, client);
    });
  }

  /** Issues a token pair: in session `sessionId` (a refresh), or a new session. */
  private async issue(m: EntityManager, personId: string, sessionId: string | null, client?: ClientInfo): Promise<AuthPayload> {
    const secret = randomBytes(32).toString('base64url');
    const sid = sessionId ?? (await this.authSessions.insert(m, personId, this.config.refreshTokenTtlSeconds, client?.userAgent ?? null));
    const tokenId = await this.sessions.insertRefresh(m, personId, sid, sha256(secret), this.config.refreshTokenTtlSeconds);
    const now = Date.now();
    const [row] = await this.people.byIds([personId], m);
    const grants = (await this.actors.grantsOf(personId, m)) ?? [];
    const me = this.peopleService.view(new Actor(personId, grants), row)!;
    return {
      accessToken: signAccessToken(personId, this.config.tokenSecret, this.config.accessTokenTtlSeconds, now, sid),
      refreshToken: `${tokenId}.${secret}`,
      accessTokenExpiresAt: new Date(now + this.config.accessTokenTtlSeconds * 1000),
      me,
    };
  }
}
