import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import 'reflect-metadata';
import pg from 'pg';

/**
 * Once per `npm test`: a PostgreSQL server (the embedded one, or DATABASE_URL's), and a template database
 * migrated from empty by the app's own migrations and loaded with the demo data. Every test file clones it.
 */
export default async function globalSetup(): Promise<void> {
  // Jest runs this file outside its module system, where only the compiled build can be imported (npm test builds first).
  const { startEmbeddedPostgres } = (await import('../../dist/src/database/embedded-postgres.js')) as typeof import('../../src/database/embedded-postgres.js');
  const root = resolve(process.cwd(), '.test-data');
  const runDir = join(root, `run-${process.pid}`);
  mkdirSync(runDir, { recursive: true });
  writeFileSync(join(runDir, 'server.log'), '');

  process.env.NODE_ENV = 'test';
  process.env.TOKEN_SECRET = randomBytes(48).toString('base64');
  process.env.PII_KEY = randomBytes(32).toString('base64');
  process.env.TEST_RUN_DIR = runDir;
  process.env.TEST_RUN_ID = String(process.pid);
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'info';

  let adminUrl: string;
  let urlFor: (db: string) => string;
  if (process.env.DATABASE_URL) {
    adminUrl = process.env.DATABASE_URL;
    urlFor = (db) => {
      const u = new URL(adminUrl);
      u.pathname = `/${db}`;
      return u.toString();
    };
  } else {
    const server = await startEmbeddedPostgres({
      dir: join(runDir, 'pg'),
      password: randomBytes(12).toString('hex'),
      // A throw-away cluster: durability settings off for speed.
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '300' },
    });
    adminUrl = server.adminUrl;
    urlFor = server.urlFor;
    (globalThis as { __EMBEDDED_STOP__?: () => Promise<void> }).__EMBEDDED_STOP__ = server.stop;
  }
  const template = `wushe_tmpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();

  const prepared = spawnSync(process.execPath, ['test/helpers/prepare-template.mjs', urlFor(template)], { env: process.env, encoding: 'utf8' });
  if (prepared.status !== 0) throw new Error(`could not prepare the template database:\n${prepared.stdout}\n${prepared.stderr}`);

  process.env.TEST_ADMIN_URL = adminUrl;
  process.env.TEST_TEMPLATE_DB = template;
  process.env.TEST_DB_URL_PATTERN = urlFor('__DB__');
  (globalThis as { __TEST_RUN_DIR__?: string }).__TEST_RUN_DIR__ = runDir;
}
