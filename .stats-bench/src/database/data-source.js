import { DataSource } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';
export function dataSourceOptions(url, extra = {}) {
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
    };
}
/** Opens a pool and brings the schema up to date with the migrations in `migrations/`. */
export async function openDatabase(url) {
    const ds = new DataSource(dataSourceOptions(url));
    await ds.initialize();
    // Several instances may start at once: one migrates while the others wait on this session lock.
    const lock = ds.createQueryRunner();
    await lock.connect();
    try {
        await lock.query(`SELECT pg_advisory_lock(hashtext('wushe:migrations'))`);
        await ds.runMigrations({ transaction: 'each' });
    }
    finally {
        await lock.query(`SELECT pg_advisory_unlock(hashtext('wushe:migrations'))`).catch(() => undefined);
        await lock.release();
    }
    return ds;
}
//# sourceMappingURL=data-source.js.map