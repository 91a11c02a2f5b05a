import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/** Names, ID numbers and addresses of the demo residents and volunteers (src/seed/demo-data.ts). */
const DEMO_PERSONAL_DATA = [
  '王秀英',
  '李建国',
  '320102194503120022',
  '320102195011050034',
  '320102198505200016',
  '320102199003010057',
  '长江新村3幢201室',
  '长江新村8幢502室',
  '长江新村5幢101室',
  '长江新村9幢302室',
  '文昌巷17号',
];

/**
 * docs/design.md §11: no personal data in logs. Every line any test app logged during the whole run is in server.log;
 * it must hold no mobile number, no ID number and none of the demo residents' names or addresses — and no trace of
 * the logger having had to cut one out, so the check cannot pass merely because the logger's defence worked.
 */
async function checkServerLog(runDir: string): Promise<void> {
  const file = join(runDir, 'server.log');
  if (!existsSync(file)) return;
  const needles = DEMO_PERSONAL_DATA;
  const bad: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const kind = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/.test(line)
        ? 'phone'
        : /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/.test(line)
          ? 'id-number'
          : needles.some((n) => line.includes(n))
            ? 'demo name/address'
            : // The logger cuts phones and ID numbers (and personal or secret keys) out as a last defence; a cut means some
              // code handed it personal data.
              /\[redacted-(?:phone|id|key)\]/.test(line)
              ? 'redacted by the logger'
              : null;
      if (kind) bad.push(`${i + 1} (${kind})`);
    });
  if (bad.length && process.env.KEEP_TEST_LOG) copyFileSync(file, process.env.KEEP_TEST_LOG);
  // Line numbers and kinds only: the offending text is personal data itself.
  if (bad.length) throw new Error(`personal data found in the server log of this test run, lines ${bad.slice(0, 20).join(', ')}`);
}

/** Drops the run's databases (on a DATABASE_URL server) or stops the embedded server, then removes the run dir. */
export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __EMBEDDED_STOP__?: () => Promise<void>; __TEST_RUN_DIR__?: string };
  let logProblem: Error | undefined;
  if (g.__TEST_RUN_DIR__) await checkServerLog(g.__TEST_RUN_DIR__).catch((err: unknown) => (logProblem = err instanceof Error ? err : new Error(String(err))));
  if (g.__EMBEDDED_STOP__) {
    await g.__EMBEDDED_STOP__();
  } else if (process.env.TEST_ADMIN_URL) {
    const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL });
    await admin.connect();
    const rows = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2`, [
      `wushe_t_${process.pid}_%`,
      process.env.TEST_TEMPLATE_DB,
    ]);
    for (const r of rows.rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(r.datname)} WITH (FORCE)`);
    await admin.end();
  }
  if (g.__TEST_RUN_DIR__) rmSync(g.__TEST_RUN_DIR__, { recursive: true, force: true });
  if (logProblem) throw logProblem;
}
