import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';
import { openNeed, PHONE, saturday, volunteerId } from '../helpers/needs.js';

/** 20 volunteers of 长江新村 claim one need at the same moment: exactly one wins, every time. */
describe('needs: exclusive claims under concurrency', () => {
  let t: TestApp;
  const tokens: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    // Twenty approved volunteers serving A1 all day, with 张伟's demo password.
    await t.db.transaction(async (m) => {
      const [{ hash }] = await m.query(`SELECT password_hash AS hash FROM persons WHERE phone = $1`, [PHONE.zhangWei]);
      const [{ a1, grid }] = await m.query(
        `SELECT (SELECT id FROM regions WHERE code = '320102002001') AS a1, (SELECT id FROM regions WHERE code = '32010200200102') AS grid`,
      );
      for (let i = 0; i < 20; i++) {
        const [{ id: person }] = await m.query(
          `INSERT INTO persons (name, phone, password_hash, grid_id, birth_date) VALUES ($1, $2, $3, $4, '1990-01-01') RETURNING id`,
          [`志愿者${i}`, `1390010${String(i).padStart(4, '0')}`, hash, grid],
        );
        await m.query(`INSERT INTO role_grants (person_id, role, region_id) VALUES ($1, 'VOLUNTEER', $2), ($1, 'RESIDENT', $3)`, [person, a1, grid]);
        const [{ id: v }] = await m.query(
          `INSERT INTO volunteers (person_id, community_id, status, is_vetted) VALUES ($1, $2, 'APPROVED', true) RETURNING id`,
          [person, a1],
        );
        await m.query(`INSERT INTO volunteer_skills (volunteer_id, skill) VALUES ($1, '助老陪护')`, [v]);
        await m.query(`INSERT INTO volunteer_regions (volunteer_id, region_id, path) SELECT $1, id, path FROM regions WHERE id = $2`, [v, a1]);
        for (let d = 1; d <= 7; d++)
          await m.query(`INSERT INTO volunteer_availability (volunteer_id, weekday, start_minute, end_minute) VALUES ($1, $2, 0, 1440)`, [v, d]);
      }
    });
    for (let i = 0; i < 20; i++) tokens.push(await t.login(`1390010${String(i).padStart(4, '0')}`));
  });
  afterAll(() => t.close());

  for (let run = 0; run < 20; run++) {
    it(`run ${run + 1}/20: 20 simultaneous claims → one CLAIMED, 19 CONFLICT`, async () => {
      const hh = String(run).padStart(2, '0');
      const id = await openNeed(t, { ...saturday(1, `${hh}:00`, `${hh}:45`), estimatedMinutes: 30, latitude: null, longitude: null });
      const results = await Promise.all(tokens.map((token) => t.gql(`mutation ($id: ID!) { claimNeed(id: $id) { status claimedBy { id } } }`, { id }, token)));
      const winners = results.filter((r) => r.data?.claimNeed);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(19);
      const rows = await t.db.query(`SELECT status, claimed_by FROM needs WHERE id = $1`, [id]);
      expect(rows[0]).toEqual({ status: 'CLAIMED', claimed_by: winners[0].data.claimNeed.claimedBy.id });
      const claims = await t.db.query(`SELECT count(*)::int AS c FROM need_events WHERE need_id = $1 AND action = 'CLAIM'`, [id]);
      expect(claims[0].c).toBe(1);
    });
  }

  it('a dispatch and a claim at the same moment: one wins, the other gets CONFLICT', async () => {
    for (let i = 0; i < 5; i++) {
      const id = await openNeed(t, { ...saturday(2, `0${i}:00`, `0${i}:45`), estimatedMinutes: 30, latitude: null, longitude: null });
      const [dispatch, claim] = await Promise.all([
        t.gql(
          `mutation ($id: ID!, $v: ID!) { dispatchNeed(id: $id, volunteerId: $v, reason: "就近") { status } }`,
          { id, v: await volunteerId(t, `1390010${String(19 - i).padStart(4, '0')}`) },
          await t.login(PHONE.sunLi),
        ),
        t.gql(`mutation ($id: ID!) { claimNeed(id: $id) { status } }`, { id }, tokens[i]),
      ]);
      expect([dispatch, claim].filter((r) => !r.errors)).toHaveLength(1);
      expect([dispatch, claim].filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
    }
  });

  it('one volunteer claiming two overlapping needs at once gets exactly one', async () => {
    for (let i = 0; i < 5; i++) {
      const window = { ...saturday(3, `1${i}:00`, `1${i}:45`), estimatedMinutes: 30, latitude: null, longitude: null };
      const ids = [await openNeed(t, window), await openNeed(t, window)];
      const results = await Promise.all(ids.map((id) => t.gql(`mutation ($id: ID!) { claimNeed(id: $id) { status } }`, { id }, tokens[0])));
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => codeOf(r) === 'CONFLICT').map((r) => r.errors![0].extensions!.reason)).toEqual(['OVERLAPPING_COMMITMENT']);
    }
  });
});
