import { attack } from '../attack/harness.js';
import { PHONE, personId, volunteerId } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * The attack harness (issue 10 §7). In `npm test` it runs a small fixed-seed budget; `npm run test:attack` runs a
 * longer one (ATTACK_BUDGET, ATTACK_SEED to replay a printed failure).
 */
describe('attack harness: malformed input to every operation', () => {
  let t: TestApp;
  const seed = Number(process.env.ATTACK_SEED ?? 20261203);
  const budget = Number(process.env.ATTACK_BUDGET ?? 1);
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(
    `answers every malformed call with a coded error and writes nothing (seed ${seed}, ${budget} per operation)`,
    async () => {
      const tokens = [null, await t.login(PHONE.wang), await t.login(PHONE.sunLi), await t.login(PHONE.admin)];
      const known: Record<string, string> = {
        personId: await personId(t, PHONE.wang),
        volunteerId: await volunteerId(t, PHONE.zhangWei),
        gridId: (await t.db.query(`SELECT id FROM regions WHERE code = '32010200200101'`))[0].id,
        regionId: (await t.db.query(`SELECT id FROM regions WHERE code = '320102002001'`))[0].id,
        needId: (await t.db.query(`SELECT id FROM needs ORDER BY created_at LIMIT 1`))[0].id,
      };
      const { cases, failures } = await attack(t, { seed, budget, tokens, ids: (name) => known[name] ?? known.regionId });
      if (failures.length) process.stderr.write(`attack harness failed; replay with ATTACK_SEED=${seed} ATTACK_BUDGET=${budget}\n`);
      expect(cases).toBeGreaterThan(80);
      expect(failures).toEqual([]);
    },
    60_000 + budget * 150_000,
  );
});
