import { Inject, Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { logger } from '../common/logging/logger.js';
import { APP_CONFIG } from '../config/config.js';
import type { AppConfig } from '../config/config.js';
import { DATABASE_URL } from '../database/database.module.js';
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
export class SessionRegistry implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new Map<string, { personId: string; live: boolean; until: number }>();
  private readonly sockets = new Map<string, Set<Closable>>();
  private client: pg.Client | null = null;
  private stopping = false;

  constructor(
    private readonly db: DataSource,
    private readonly repo: AuthSessionsRepository,
    @Inject(DATABASE_URL) private readonly url: string,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'wushe-timebank-sessions' });
    client.on('notification', (msg) => {
      if (msg.channel !== SESSION_CHANNEL || !msg.payload) return;
      try {
        const ids: unknown = JSON.parse(msg.payload);
        if (Array.isArray(ids)) this.revoked(ids.filter((x): x is string => typeof x === 'string'));
      } catch {
        /* not ours */
      }
    });
    client.on('error', (err) => {
      logger.warn('session listener lost', { message: err.message });
      this.client = null;
      this.cache.clear();
      if (!this.stopping) setTimeout(() => void this.connect().catch(() => undefined), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${SESSION_CHANNEL}`);
    this.client = client;
  }

  async isLive(sessionId: string, personId: string): Promise<boolean> {
    const now = Date.now();
    const hit = this.cache.get(sessionId);
    if (hit && hit.until > now) return hit.live && hit.personId === personId;
    const live = await this.repo.isLive(this.db.manager, sessionId, personId);
    if (this.cache.size >= MAX_CACHED) this.cache.clear();
    this.cache.set(sessionId, { personId, live, until: now + this.config.sessionCacheSeconds * 1000 });
    return live;
  }

  /** Revokes inside `m`; call `revoked(ids)` after commit for this instance (the others hear the NOTIFY). */
  revoke(m: EntityManager, personId: string, ids: string[] | null, reason: string): Promise<string[]> {
    return this.repo.revoke(m, personId, ids, reason, SESSION_CHANNEL);
  }

  /** Forgets the sessions and closes their sockets. */
  revoked(ids: string[]): void {
    for (const id of ids) {
      this.cache.set(id, { personId: '', live: false, until: Date.now() + this.config.sessionCacheSeconds * 1000 });
      for (const s of this.sockets.get(id) ?? []) s.close(SOCKET_CLOSE_UNAUTHORIZED, 'SESSION_REVOKED');
      this.sockets.delete(id);
    }
  }

  /** Tracks an open socket of `sessionId` until it closes; it is closed when the session is revoked or `expiresAt` passes. */
  attach(sessionId: string, socket: Closable & { once(event: 'close', cb: () => void): unknown }, expiresAt: number): void {
    let set = this.sockets.get(sessionId);
    if (!set) this.sockets.set(sessionId, (set = new Set()));
    if (set.has(socket)) return;
    set.add(socket);
    const timer = setTimeout(() => socket.close(SOCKET_CLOSE_UNAUTHORIZED, 'TOKEN_EXPIRED'), Math.max(0, expiresAt - Date.now()));
    timer.unref();
    socket.once('close', () => {
      clearTimeout(timer);
      set.delete(socket);
      if (set.size === 0 && this.sockets.get(sessionId) === set) this.sockets.delete(sessionId);
    });
  }
}
