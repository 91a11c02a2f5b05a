import { MatchingRepository } from '../../src/matching/matching.repository.js';
import { evaluate, MatchingService } from '../../src/matching/matching.service.js';
import { addSyntheticVolunteers } from '../bench/synthetic.js';
import { ok, openNeed, PHONE, saturday } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Issue 4 (2): the indexed candidate search must find exactly the volunteers the hard filters admit — nothing cut
 * before filtering and scoring. Checked against every volunteer evaluated one by one, on a few hundred synthetic
 * volunteers in the demo communities.
 */
describe('matching: the SQL candidate search equals the hard filters applied to everyone', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await addSyntheticVolunteers(t.db, 400, 0);
  });
  afterAll(() => t.close());

  const cases: [string, Record<string, unknown>][] = [
    ['skill and location', { requiredSkills: ['助老陪护'] }],
    ['no skill, home entry (vetting)', { requiredSkills: [], homeEntry: true, title: '上门陪伴' }],
    ['repair (age limit), no skill named', { category: 'REPAIR', requiredSkills: [], title: '修理电视' }],
    ['no coordinates', { latitude: null, longitude: null, requiredSkills: ['助餐送餐'] }],
  ];

  for (const [name, over] of cases) {
    it(name, async () => {
      const id = await openNeed(t, { ...saturday(1, '10:00', '12:00'), ...over });
      const all = (await t.db.query(`SELECT id FROM volunteers`)).map((r: { id: string }) => r.id);
      const repo = t.app.get(MatchingRepository);
      const brute = (await repo.pairsFor(id, all))
        .map(evaluate)
        .filter((e) => e.excluded.length === 0)
        .map((e) => e.ranked);
      const found = await t.app.get(MatchingService).candidates(id, 100_000);
      expect(found.map((c) => c.volunteerId).sort()).toEqual(brute.map((c) => c.volunteerId).sort());
      expect(brute.length).toBeGreaterThan(0);
      expect(brute.length).toBeLessThan(all.length);
      // Through the API the best candidate is the best of them all.
      const best = Math.max(...brute.map((c) => c.score));
      const top = (await ok(t, `query ($id: ID!) { matchCandidates(needId: $id, first: 1) { score } }`, { id }, PHONE.sunLi)).matchCandidates[0];
      expect(top.score).toBe(best);
    });
  }
});
