import 'reflect-metadata';
import { join } from 'node:path';
import { logger } from '../common/logging/logger.js';
import { loadConfig, loadDevSecrets } from '../config/config.js';
import { closeDatabase, openDatabase } from '../database/data-source.js';
import { ensureDatabase, startEmbeddedPostgres } from '../database/embedded-postgres.js';
import { seedDemoData } from './demo-data.js';

/** `npm run seed`: migrate and load the demo data into DATABASE_URL, or into the embedded server. */
async function run(): Promise<void> {
  const config = loadConfig();
  let url = config.databaseUrl;
  let stop: (() => Promise<void>) | undefined;
  if (!url) {
    const server = await startEmbeddedPostgres({ dir: join(config.dataDir, 'pg'), password: loadDevSecrets(config.dataDir).embeddedDbPassword });
    await ensureDatabase(server.adminUrl, 'timebank');
    url = server.urlFor('timebank');
    stop = server.stop;
  }
  const db = await openDatabase(url);
  try {
    await seedDemoData(db, config);
    logger.info('demo data ready');
  } finally {
    await closeDatabase(db);
    if (stop) await stop();
  }
}

run().catch((err) => {
  logger.error('seed failed', { message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
});
