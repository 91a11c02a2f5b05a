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
    await (await openDatabase(url)).destroy();
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
