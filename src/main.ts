import 'reflect-metadata';
import { join } from 'node:path';
import { createApp } from './bootstrap.js';
import { logger } from './common/logging/logger.js';
import { ConfigError, loadConfig, loadDevSecrets } from './config/config.js';
import { ensureDatabase, startEmbeddedPostgres } from './database/embedded-postgres.js';
import { seedDemoData } from './seed/demo-data.js';
import { DataSource } from 'typeorm';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  logger.level = config.logLevel;

  let databaseUrl = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!databaseUrl) {
    const dir = join(config.dataDir, 'pg');
    logger.info('starting embedded PostgreSQL', { dir });
    const server = await startEmbeddedPostgres({
      dir,
      password: loadDevSecrets(config.dataDir).embeddedDbPassword,
      onLog: (line) => logger.debug('postgres', { line }),
    });
    await ensureDatabase(server.adminUrl, 'timebank');
    databaseUrl = server.urlFor('timebank');
    stopEmbedded = server.stop;
  }

  const app = await createApp(config, databaseUrl);
  if (config.seedDemo) {
    await seedDemoData(app.get(DataSource), config);
    logger.info('demo data ready');
  }
  await app.listen(config.port, '0.0.0.0');
  logger.info('listening', { url: `http://localhost:${config.port}/graphql` });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await app.close().catch((err) => logger.error('close failed', { message: String(err) }));
    if (stopEmbedded) await stopEmbedded().catch((err) => logger.error('embedded PostgreSQL stop failed', { message: String(err) }));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
    process.exit(2);
  }
  logger.error('startup failed', { message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined });
  process.exit(1);
});
