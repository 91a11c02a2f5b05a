import { MatchingRepository } from '../../src/matching/matching.repository.js';
import { addSyntheticVolunteers } from '../bench/synthetic.js';
import { ok, PHONE } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * A batch plan costs the same few queries for 5 or 120 open needs, and its one set-based candidate search finds for
 * each need exactly the pairs that the per-need search (matchCandidates) finds.
 */
describe('matching: batch plan in a constant number of queries', () => {
  let t: TestApp;
  let queries: string[] = [];
  let streetA: string;
  let streetPath: string;

  /** `count` OPEN needs under street A by SQL, spread over its grids, hours, weekdays, skills and vetting. */
  async function addOpenNeeds(count: number, tag: string): Promise<void> {
    await t.db.query(
      `INSERT INTO needs (title, category, status, beneficiary_id, posted_by, grid_id, grid_path, latitude, longitude, window_start, window_end,
                          estimated_minutes, required_skills, requires_vetting, accept_deadline, claim_deadline, published_at)
       SELECT $3 || i, (ARRAY['ELDERLY_CARE','REPAIR','MEAL_ASSISTANCE'])[1 + i % 3], 'OPEN', b.id, b.id, g.id, g.path,
              CASE WHEN i % 5 = 0 THEN NULL ELSE 31.95 + (i % 17) * 0.01 END, CASE WHEN i % 5 = 0 THEN NULL ELSE 118.7 + (i % 13) * 0.02 END,
              date_trunc('day', now()) + make_interval(days => 3 + i % 9, hours => 1 + i % 10), date_trunc('day', now()) + make_interval(days => 3 + i % 9, hours => 3 + i % 10),
              90, CASE i % 4 WHEN 0 THEN '{}' ELSE ARRAY[(SELECT name FROM skills ORDER BY name OFFSET i % (SELECT count(*) FROM skills) LIMIT 1)] END,
              i % 7 = 0, now() + interval '1 day', now() + interval '2 days', now()
         FROM generate_series(1, $2) i
         JOIN LATERAL (SELECT id, path FROM regions WHERE level = 'GRID' AND path <@ $1::ltree ORDER BY code OFFSET i % (SELECT count(*) FROM regions WHERE level = 'GRID' AND path <@ $1::ltree) LIMIT 1) g ON true
         JOIN LATERAL (SELECT id FROM persons WHERE phone = '13800000001') b ON true`,
      [streetPath, count, tag],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    [{ id: streetA, path: streetPath }] = await t.db.query(`SELECT id, path::text AS path FROM regions WHERE code = '320102002'`);
    await addSyntheticVolunteers(t.db, 3000, 20);
    const logger = t.db.logger as { logQuery: (q: string, p?: unknown[]) => void };
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (q: string, p?: unknown[]) => {
      queries.push(q);
      original(q, p);
    };
  });
  afterAll(() => t.close());

  const PLAN = `query ($r: ID!, $c: Int) { batchAssignment(regionId: $r, capacity: $c) { total optimal unassignedNeedIds assignments { needId score volunteer { id } } } }`;

  async function plan(capacity: number) {
    const token = await t.login(PHONE.wuFang);
    queries = [];
    const res = await t.gql(PLAN, { r: streetA, c: capacity }, token);
    expect(res.errors).toBeUndefined();
    return { n: queries.length, plan: res.data.batchAssignment };
  }

  it('costs the same queries for 5 needs and for 120', async () => {
    await addOpenNeeds(5, '少量需求');
    await plan(2); // warm up
    const small = await plan(2);
    await addOpenNeeds(115, '批量需求');
    const large = await plan(2);
    const open = (
      await t.db.query(`SELECT count(*)::int AS c FROM needs WHERE status = 'OPEN' AND window_end > now() AND grid_path <@ $1::ltree`, [streetPath])
    )[0].c;
    expect(large.plan.assignments.length + large.plan.unassignedNeedIds.length).toBe(open);
    expect(open).toBeGreaterThanOrEqual(120);
    expect(large.plan.assignments.length).toBeGreaterThan(small.plan.assignments.length);
    expect(large.n).toBe(small.n);
    // actor grants, the region, the open needs, their eligible pairs, the volunteers of the page
    expect(large.n).toBeLessThanOrEqual(8);
  });

  it('finds for every need exactly the candidates the per-need search finds', async () => {
    const repo = t.app.get(MatchingRepository);
    const { needs, pairs } = await repo.batchCandidates(streetPath, 1000);
    expect(needs.length).toBeGreaterThanOrEqual(120);
    expect(pairs.length).toBeGreaterThan(needs.length);
    const batch = new Map<string, string[]>();
    for (const p of pairs) batch.set(p.needId, [...(batch.get(p.needId) ?? []), p.candidate.volunteerId]);
    for (const n of needs) {
      const one = await repo.candidatesFor(n.id);
      expect({ need: n.id, volunteers: (batch.get(n.id) ?? []).sort() }).toEqual({ need: n.id, volunteers: one.map((p) => p.candidate.volunteerId).sort() });
      // The scoring facts are the same row for row.
      const byVolunteer = new Map(pairs.filter((p) => p.needId === n.id).map((p) => [p.candidate.volunteerId, p]));
      for (const p of one) expect(byVolunteer.get(p.candidate.volunteerId)).toEqual(p);
    }
  });

  it('dispatches the plan it shows (every pair in the plan is one the per-need check accepts)', async () => {
    const { plan: p } = await plan(1);
    expect(p.optimal).toBe(true);
    const seen = new Set<string>();
    for (const a of p.assignments) {
      expect(seen.has(a.volunteer.id)).toBe(false);
      seen.add(a.volunteer.id);
    }
    const done = (
      await ok(t, `mutation ($r: ID!) { batchDispatch(regionId: $r, capacity: 1) { assignments { dispatched error } } }`, { r: streetA }, PHONE.wuFang)
    ).batchDispatch;
    expect(done.assignments.length).toBe(p.assignments.length);
    expect(done.assignments.every((a: { dispatched: boolean }) => a.dispatched)).toBe(true);
  });
});
