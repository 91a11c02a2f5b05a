import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/config.js';
import type { PgListener } from '../notifications/pg-channel.js';
import { authErrors } from './auth.errors.js';
import { SOCKET_CLOSE_UNAUTHORIZED, SessionRegistry } from './sessions.registry.js';
import type { AuthSessionsRepository } from './sessions.repository.js';

/** A registry whose database answer to isLive is released by hand, and whose channel is a stub. */
function registryWithPendingRead() {
  let release: (live: boolean) => void = () => undefined;
  const reads = { count: 0 };
  const repo = {
    isLive: () => {
      reads.count++;
      return new Promise<boolean>((resolve) => (release = resolve));
    },
  } as unknown as AuthSessionsRepository;
  const channel = { subscribe: () => () => undefined, onLost: () => undefined, publish: () => Promise.resolve() };
  const listener = { channel: () => channel } as unknown as PgListener;
  const config = { sessionCacheSeconds: 3600 } as AppConfig;
  const registry = new SessionRegistry({ manager: {} } as DataSource, repo, listener, config);
  return { registry, reads, release: (live: boolean) => release(live) };
}

describe('SessionRegistry', () => {
  it('keeps a revocation heard while the database was read: no stale "live" is cached over it', async () => {
    const { registry, reads, release } = registryWithPendingRead();
    const pending = registry.isLive('s1', 'p1');
    registry.revoked(['s1']);
    release(true);
    expect(await pending).toBe(false);
    expect(await registry.isLive('s1', 'p1')).toBe(false);
    expect(reads.count).toBe(1);
  });

  it('closes at once a socket attached to a session already known revoked', () => {
    const { registry } = registryWithPendingRead();
    registry.revoked(['s2']);
    const closed: [number, string][] = [];
    registry.attach('s2', { close: (code, reason) => closed.push([code, reason]), once: () => undefined }, Date.now() + 60_000);
    expect(closed).toEqual([[SOCKET_CLOSE_UNAUTHORIZED, authErrors.sessionRevoked.reason]]);
    expect(authErrors.sessionRevoked.reason).toBe('SESSION_REVOKED');
  });
});
