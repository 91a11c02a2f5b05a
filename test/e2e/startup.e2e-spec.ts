import { spawnSync } from 'node:child_process';
import pg from 'pg';
import request from 'supertest';
import { createDatabase } from '../helpers/test-app.js';
import { startServerProcess } from '../helpers/server-process.js';

/**
 * The deployment path: the built server against an existing PostgreSQL given by DATABASE_URL (here a fresh,
 * empty database on the test server), migrating from empty, loading demo data, and stopping cleanly.
 */
describe('server process with DATABASE_URL', () => {
  it('migrates an empty database, seeds idempotently, serves, and stops on SIGTERM', async () => {
    const url = await createDatabase(false);
    const count = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      const r = await c.query(
        `SELECT (SELECT count(*) FROM persons)::int AS persons, (SELECT count(*) FROM regions)::int AS regions, (SELECT count(*) FROM schema_migrations)::int AS migrations`,
      );
      await c.end();
      return r.rows[0];
    };

    const first = await startServerProcess({ DATABASE_URL: url, SEED_DEMO: 'true' });
    const health = await request(first.url).get('/health');
    expect(health.body.status).toBe('ok');
    const login = await request(first.url)
      .post('/graphql')
      .send({ query: `mutation { login(input: { phone: "13200000001", password: "demo1234" }) { me { name } } }` });
    expect(login.body.data.login.me.name).toBe('何军');
    const seeded = await count();
    // The 13 accounts of the README and the two meal-round volunteers of the demo projects (docs/projects.md).
    expect(seeded.persons).toBe(15);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"shutting down"');

    // A second start finds the schema current and the demo data present, and adds nothing.
    const second = await startServerProcess({ DATABASE_URL: url, SEED_DEMO: 'true' });
    expect(await count()).toEqual(seeded);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    // No personal data in what the server printed.
    expect(first.output() + second.output()).not.toMatch(/1[3-9]\d{9}/);
  });

  it('exits non-zero naming the bad variable', () => {
    const res = spawnSync(process.execPath, ['dist/src/main.js'], { env: { PATH: process.env.PATH, PORT: 'eighty' }, encoding: 'utf8' });
    expect(res.status).toBe(2);
    expect(res.stderr).toContain('PORT');
  });
});
