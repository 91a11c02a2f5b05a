import { rmSync } from 'node:fs';
import pg from 'pg';

/** Drops the run's databases (on a DATABASE_URL server) or stops the embedded server, then removes the run dir. */
export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __EMBEDDED_STOP__?: () => Promise<void>; __TEST_RUN_DIR__?: string };
  if (g.__EMBEDDED_STOP__) {
    await g.__EMBEDDED_STOP__();
  } else if (process.env.TEST_ADMIN_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
    await admin.connect();
    const rows = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [`wushe_t_${process.pid}_%`, process.env.TEST_TEMPLATE_DB]);
    for (const r of rows.rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(r.datname)} WITH (FORCE)`);
    await admin.end();
  }
  if (g.__TEST_RUN_DIR__) rmSync(g.__TEST_RUN_DIR__, { recursive: true, force: true });
}
