import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { PgChannel, PgListener } from '../notifications/pg-channel.js';
import { authErrors, SessionEndReason } from './auth.errors.js';
import { AuthSessionsRepository } from './sessions.repository.js';

export const SESSION_CHANNEL = 'wushe_session_revoked';
const MAX_CACHED = 20_000;

/** Something that can be closed when its session ends: an open graphql-ws socket. */
export interface Closable {
  close(code: number, reason: string): void;
}

/** graphql-ws close codes: 4401 Unauthorized (the client should log in or refresh again). */
export const SOCKET_CLOSE_UNAUTHORIZED = 4401;

/**
 * Whether an access token's session is still live, answered from a short-TTL cache kept coherent across
 * instances (docs/security.md): a revocation commits a row in auth_sessions and a pg_notify; every instance
 * LISTENs and drops the session from its cache and closes its open sockets at once. If the listener connection
 * is lost, the cache is cleared and the TTL (SESSION_CACHE_SECONDS) bounds how long a missed notice could matter.
 */
@Injectable()
export class SessionRegistry {
  private readonly cache = new Map<string, { personId: string; live: boolean; revoked: boolean; until: number }>();
  /** Counts revocation notices and cache losses, so that `isLive` can tell that one came while it read. */
  private generation = 0;
  private readonly sockets = new Map<string, Set<Closable>>();
  /** The ids of revoked sessions, on the PgChannel `wushe_session_revoked` (src/notifications/pg-channel.ts). */
  private readonly channel: PgChannel<string[]>;

  constructor(
    private readonly db: DataSource,
    private readonly repo: AuthSessionsRepository,
    listener: PgListener,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.channel = listener.channel<string[]>(SESSION_CHANNEL, (raw) => (Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : null));
    this.channel.subscribe((ids) => this.revoked(ids));
    this.channel.onLost(() => {
      this.generation++;
      this.cache.clear();
    });
  }

  async isLive(sessionId: string, personId: string): Promise<boolean> {
    const now = Date.now();
    const hit = this.cache.get(sessionId);
    if (hit && hit.until > now) return hit.live && hit.personId === personId;
    const generation = this.generation;
    const live = await this.repo.isLive(this.db.manager, sessionId, personId);
    // A revocation notice (or a lost listener) may have come in while the database answered: the answer read before
    // it must not overwrite it. A session known revoked stays so (revocation is final); if the cache was cleared
    // meanwhile, a "live" answer is returned but not cached, so that the next request asks the database again.
    if (this.knownRevoked(sessionId)) return false;
    if (live && generation !== this.generation) return true;
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(sessionId, { personId, live, revoked: false, until: now + this.config.sessionCacheSeconds * 1000 });
    return live;
  }

  /** Whether this instance heard (or made) the revocation of `sessionId` within the cache's lifetime. */
  private knownRevoked(sessionId: string): boolean {
    const entry = this.cache.get(sessionId);
    return entry !== undefined && entry.revoked;
  }

  /**
   * Revokes inside `m` and announces the revoked ids on the channel (every instance hears them when `m` commits);
   * call `revoked(ids)` after the commit for this instance too, so that it does not wait for its own notice.
   */
  async revoke(m: EntityManager, personId: string, ids: string[] | null, reason: SessionEndReason): Promise<string[]> {
    const revoked = await this.repo.revoke(m, personId, ids, reason);
    if (revoked.length) await this.channel.publish(m, revoked);
    return revoked;
  }

  /** Forgets the sessions and closes their sockets. */
  revoked(ids: string[]): void {
    this.generation++;
    // Kept at least a minute even with SESSION_CACHE_SECONDS=0: `isLive` and `attach` read it after an await.
    const until = Date.now() + Math.max(60, this.config.sessionCacheSeconds) * 1000;
    for (const id of ids) {
      this.cache.set(id, { personId: '', live: false, revoked: true, until });
      for (const s of this.sockets.get(id) ?? []) s.close(SOCKET_CLOSE_UNAUTHORIZED, authErrors.sessionRevoked.reason);
      this.sockets.delete(id);
    }
  }

  /** Tracks an open socket of `sessionId` until it closes; it is closed when the session is revoked or `expiresAt` passes. */
  attach(sessionId: string, socket: Closable & { once(event: 'close', cb: () => void): unknown }, expiresAt: number): void {
    // Revoked between the check that let the socket in and now: the notice found no socket to close, so close it here.
    if (this.knownRevoked(sessionId)) {
      socket.close(SOCKET_CLOSE_UNAUTHORIZED, authErrors.sessionRevoked.reason);
      return;
    }
    let set = this.sockets.get(sessionId);
    if (!set) this.sockets.set(sessionId, (set = new Set()));
    if (set.has(socket)) return;
    set.add(socket);
    const timer = setTimeout(() => socket.close(SOCKET_CLOSE_UNAUTHORIZED, authErrors.tokenExpired.reason), Math.max(0, expiresAt - Date.now()));
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      set.delete(socket);
      if (set.size === 0 && this.sockets.get(sessionId) === set) this.sockets.delete(sessionId);
    });
  }
}
