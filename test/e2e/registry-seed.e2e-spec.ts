import { seedDemoData } from '../../src/seed/demo-data.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** The registry's demo data is idempotent: seeding again adds nothing. */
describe('registry demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const TABLES = [
    'organizations',
    'organization_members',
    'role_grants',
    'social_workers',
    'charities',
    'charity_entries',
    'volunteer_teams',
    'volunteer_team_members',
    'resources',
  ];
  const counts = async () => {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
    return out;
  };

  it('holds organizations of several categories, a fund with donations, a supermarket, teams and every resource kind', async () => {
    const cats = await t.db.query(`SELECT DISTINCT category FROM organizations`);
    expect(cats.length).toBeGreaterThanOrEqual(3);
    const streets = await t.db.query(`SELECT DISTINCT subpath(path, 0, 4)::text AS s FROM organizations`);
    expect(streets.map((r: { s: string }) => r.s).sort()).toEqual(['32.3201.320102.320102002', '32.3201.320102.320102003']);
    const charities = await t.db.query(
      `SELECT kind, (SELECT count(*)::int FROM charity_entries e WHERE e.charity_id = c.id) AS n FROM charities c ORDER BY kind`,
    );
    // The fund: three donations and the reservation transfer (two entries) of the demo 助餐 project (docs/projects.md).
    // The supermarket: two goods donations and the demo hand-out of 食用油 to 王秀英 (docs/everyday.md).
    expect(charities).toEqual([
      { kind: 'FUND', n: 5 },
      { kind: 'SUPERMARKET', n: 3 },
    ]);
    const kinds = await t.db.query(`SELECT DISTINCT kind::text AS kind FROM resources ORDER BY 1`);
    expect(kinds.map((r: { kind: string }) => r.kind)).toEqual(['FUNDS', 'GOODS', 'SERVICE', 'VENUE']);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM volunteer_teams`))[0].n).toBeGreaterThanOrEqual(2);
  });

  it('adds nothing when run again', async () => {
    const before = await counts();
    await seedDemoData(t.db, t.config);
    expect(await counts()).toEqual(before);
  });
});
