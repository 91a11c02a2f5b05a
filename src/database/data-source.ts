import type pg from 'pg';
import { DataSource, DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: { max: 20, application_name: 'wushe-timebank' },
    ...extra,
  } as DataSourceOptions;
}

/**
 * Opens a pool and brings the schema up to date with the migrations in `migrations/`. With `statementTimeoutMs`
 * every query of the pool runs under that PostgreSQL statement_timeout (docs/security.md): the migrations run
 * first on a short-lived pool without it, since a migration may legitimately take longer than any request.
 */
export async function openDatabase(url: string, statementTimeoutMs?: number): Promise<DataSource> {
  if (statementTimeoutMs) {
    await closeDatabase(await openDatabase(url));
    const timed = new DataSource(dataSourceOptions(url, { extra: { max: 20, application_name: 'wushe-timebank', statement_timeout: statementTimeoutMs } }));
    return timed.initialize();
  }
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  // Several instances may start at once: one migrates while the others wait on this session lock.
  const lock = ds.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('wushe:migrations'))`);
    await ds.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext('wushe:migrations'))`).catch(() => undefined);
    await lock.release();
  }
  return ds;
}

/** How long {@link closeDatabase} waits for the sockets after the pool has ended (a server that never answers). */
const SOCKETS_CLOSED_WITHIN_MS = 5000;

/**
 * Ends the pool and waits until every connection's socket has closed. pg's `pool.end()` (behind `destroy()`) resolves
 * as soon as it has asked each connection to terminate, while the sockets close a little later, when the server has
 * ended its backends; a process, or a Jest worker asked to exit, would still hold them for that moment (Jest reports
 * "A worker process has failed to exit gracefully" when it outlasts its 500 ms). The connections are read from the
 * pool's client list (`_clients`, pg-pool's own field: pg has no public accessor for it).
 */
export async function closeDatabase(ds: DataSource): Promise<void> {
  if (!ds.isInitialized) return;
  const pool = (ds.driver as unknown as { master?: { _clients?: pg.Client[] } }).master;
  const open = (pool?._clients ?? []).filter((client) => !(client as unknown as { _ended?: boolean })._ended);
  const closed = open.map((client) => new Promise<void>((resolve) => client.once('end', () => resolve())));
  await ds.destroy();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, SOCKETS_CLOSED_WITHIN_MS);
    timer.unref();
  });
  await Promise.race([Promise.all(closed), limit]);
  clearTimeout(timer);
}
