import { regionId } from '../helpers/registry.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** A page of volunteers with persons, skills, regions and availability costs the same few SQL queries at any size. */
describe('volunteers page batching (DataLoader)', () => {
  let t: TestApp;
  let queries: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    const A1 = await regionId(t, '320102002001');
    const A1g2 = await regionId(t, '32010200200102');
    // 60 more approved volunteers in A1, each with two skills, a service region and availability.
    await t.db.query(
      `WITH p AS (
         INSERT INTO persons (name, phone, grid_id, birth_date)
         SELECT '批量' || i, '1580000' || lpad(i::text, 4, '0'), $2, DATE '1980-01-01' FROM generate_series(1, 60) i RETURNING id
       ), v AS (
         INSERT INTO volunteers (person_id, community_id, status) SELECT id, $1, 'APPROVED' FROM p RETURNING id
       ), s AS (
         INSERT INTO volunteer_skills (volunteer_id, skill) SELECT v.id, sk FROM v, unnest(ARRAY['助老陪护', '理发']) sk
       ), r AS (
         INSERT INTO volunteer_regions (volunteer_id, region_id, path) SELECT v.id, g.id, g.path FROM v, regions g WHERE g.id = $2
       ), a AS (
         INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute) SELECT v.id, 3, 480, 720 FROM v
       )
       INSERT INTO volunteer_stats (volunteer_id) SELECT id FROM v`,
      [A1, A1g2],
    );
    const logger = t.db.logger as { logQuery: (q: string, p?: unknown[]) => void };
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (q: string, p?: unknown[]) => {
      queries.push(q);
      original(q, p);
    };
  });
  afterAll(() => t.close());

  const PAGE = `query ($first: Int!) { volunteers(first: $first) { totalCount edges { node {
    id skills starLevel reliability person { name phone } community { name } serviceRegions { code } availability { weekday start end } teams { isLeader }
  } } } }`;

  async function count(first: number, token: string): Promise<{ n: number; edges: number }> {
    queries = [];
    const res = await t.gql(PAGE, { first }, token);
    expect(res.errors).toBeUndefined();
    return { n: queries.length, edges: res.data.volunteers.edges.length };
  }

  it('costs a fixed number of queries for 5 or 50 volunteers', async () => {
    const token = await t.login('13600000001');
    await count(1, token); // warm up (nothing cached across requests, but keeps the comparison fair)
    const small = await count(5, token);
    const large = await count(50, token);
    expect(small.edges).toBe(5);
    expect(large.edges).toBe(50);
    expect(large.n).toBe(small.n);
    // actor grants, count, page, persons, community regions, service-region links, availability, team memberships
    expect(large.n).toBeLessThanOrEqual(9);
  });

  it('masks the persons of the page for a fellow volunteer, still in batch', async () => {
    const token = await t.login('13900000001');
    queries = [];
    const res = await t.gql(`{ volunteers(first: 50) { edges { node { person { name phone } } } } }`, {}, token);
    const people = res.data.volunteers.edges.map((e: any) => e.node.person);
    const batch = people.filter((p: { name: string }) => p.name.startsWith('批'));
    expect(batch.length).toBeGreaterThanOrEqual(45);
    for (const p of batch) expect(p).toEqual({ name: '批*', phone: expect.stringMatching(/^158\*{4}\d{4}$/) });
    expect(queries.length).toBeLessThanOrEqual(5);
  });
});
