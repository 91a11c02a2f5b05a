import { NeedsScheduler } from '../../src/needs/needs.scheduler.js';
import { ok, openNeed, PHONE, saturday, volunteerId } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

describe('needs: batch dispatch for a station, and the scheduler’s no-shows', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const PLAN = `query ($r: ID!, $c: Int) { batchAssignment(regionId: $r, capacity: $c) { total optimal unassignedNeedIds assignments { needId score reasons dispatched volunteer { id } } } }`;

  it('loads the demo needs once however often the seed runs', async () => {
    const count = async () =>
      await t.db.query(
        `SELECT status::text, count(*)::int AS c FROM needs WHERE title IN ('电视机没有信号，请帮忙看看', '每周二送午餐上门', '洗衣机漏水维修', '台灯和电饭煲检修') GROUP BY 1 ORDER BY 1`,
      );
    expect(await count()).toEqual([
      { status: 'CLAIMED', c: 1 },
      { status: 'COMPLETED', c: 1 },
      { status: 'OPEN', c: 1 },
      { status: 'SUBMITTED', c: 1 },
    ]);
    const { seedDemoData } = await import('../../src/seed/demo-data.js');
    await seedDemoData(t.db, t.config);
    expect(await count()).toEqual([
      { status: 'CLAIMED', c: 1 },
      { status: 'COMPLETED', c: 1 },
      { status: 'OPEN', c: 1 },
      { status: 'SUBMITTED', c: 1 },
    ]);
    // 李建国 can confirm the seeded completion, and 刘洋 sees the exact address of the washing machine he claimed.
    const done = (await t.db.query(`SELECT id FROM needs WHERE title = '台灯和电饭煲检修'`))[0].id;
    expect((await ok(t, `mutation ($id: ID!) { confirmService(id: $id, rating: 5) { status } }`, { id: done }, PHONE.li)).confirmService.status).toBe(
      'CONFIRMED',
    );
    const claimed = (await t.db.query(`SELECT id FROM needs WHERE title = '洗衣机漏水维修'`))[0].id;
    expect((await ok(t, `query ($id: ID!) { need(id: $id) { address history { action } } }`, { id: claimed }, PHONE.liuYang)).need).toEqual({
      address: '长江新村8幢502室',
      history: [{ action: 'POST' }, { action: 'ACCEPT' }, { action: 'PUBLISH' }, { action: 'CLAIM' }],
    });
  });

  it('吴芳 (street station) gets an optimal plan under capacity and dispatches it', async () => {
    const streetA = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`))[0].id;
    // Three Saturday-morning needs in different weeks, one evening repair only 刘洋 can do.
    const a = await openNeed(t, { ...saturday(1, '09:00', '10:00'), estimatedMinutes: 60 });
    const b = await openNeed(t, { ...saturday(2, '09:00', '10:00'), estimatedMinutes: 60 });
    const c = await openNeed(t, {
      ...saturday(3, '15:00', '16:00'),
      estimatedMinutes: 60,
      title: '修理收音机',
      category: 'REPAIR',
      requiredSkills: ['家电维修'],
    });
    // Two repairs at the same hour: only 刘洋 repairs appliances, and he cannot be in two places at once.
    const d = await openNeed(t, {
      ...saturday(6, '15:00', '16:00'),
      estimatedMinutes: 60,
      title: '修理微波炉',
      category: 'REPAIR',
      requiredSkills: ['家电维修'],
    });
    const e = await openNeed(t, {
      ...saturday(6, '15:00', '16:00'),
      estimatedMinutes: 60,
      title: '修理电风扇',
      category: 'REPAIR',
      requiredSkills: ['家电维修'],
    });
    expect(codeOf(await t.gql(PLAN, { r: streetA, c: 1 }, await t.login(PHONE.sunLi)))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(PLAN, { r: streetA, c: 9 }, await t.login(PHONE.wuFang)))).toBe('BAD_USER_INPUT');

    const plan1 = (await ok(t, PLAN, { r: streetA, c: 1 }, PHONE.wuFang)).batchAssignment;
    expect(plan1.optimal).toBe(true);
    const mine = plan1.assignments.filter((x: any) => [a, b, c].includes(x.needId));
    // Capacity 1: two volunteers of street A (张伟, 刘洋) with eligible needs → two pairs, one each.
    expect(plan1.assignments).toHaveLength(2);
    expect(new Set(plan1.assignments.map((x: any) => x.volunteer.id)).size).toBe(2);
    // Only 刘洋 repairs appliances.
    for (const x of mine.filter((x: any) => x.needId === c)) expect(x.volunteer.id).toBe(await volunteerId(t, PHONE.liuYang));
    expect(plan1.total).toBeCloseTo(
      plan1.assignments.reduce((s: number, x: any) => s + x.score, 0),
      1,
    );
    expect(plan1.assignments.every((x: any) => x.reasons.length >= 6 && !x.dispatched)).toBe(true);

    const plan2 = (await ok(t, PLAN, { r: streetA, c: 3 }, PHONE.wuFang)).batchAssignment;
    expect(plan2.total).toBeGreaterThan(plan1.total);
    for (const id of [a, b, c]) expect(plan2.unassignedNeedIds).not.toContain(id);
    expect(plan2.assignments.filter((x: any) => [d, e].includes(x.needId))).toHaveLength(1);
    expect(plan2.unassignedNeedIds.filter((id: string) => [d, e].includes(id))).toHaveLength(1);

    const done = (
      await ok(
        t,
        `mutation ($r: ID!) { batchDispatch(regionId: $r, capacity: 3) { total assignments { needId dispatched error } } }`,
        { r: streetA },
        PHONE.wuFang,
      )
    ).batchDispatch;
    for (const id of [a, b, c]) expect(done.assignments.find((x: any) => x.needId === id)).toEqual({ needId: id, dispatched: true, error: null });
    expect(done.assignments.every((x: any) => x.dispatched && x.error === null)).toBe(true);
    const rows = await t.db.query(`SELECT status FROM needs WHERE id = ANY($1::uuid[])`, [[a, b, c]]);
    expect(rows.map((r: any) => r.status)).toEqual(['CLAIMED', 'CLAIMED', 'CLAIMED']);
  });

  it('marks a claimed need nobody started after its window as a no-show; its window is over, so it expires with a callback instead of reopening', async () => {
    const id = await openNeed(t, { ...saturday(5, '09:00', '10:00'), estimatedMinutes: 60 });
    await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
    const vid = await volunteerId(t, PHONE.zhangWei);
    const before = (await t.db.query(`SELECT no_show_count FROM volunteer_stats WHERE volunteer_id = $1`, [vid]))[0].no_show_count;
    const [{ window_end }] = await t.db.query(`SELECT window_end FROM needs WHERE id = $1`, [id]);
    const at = new Date(window_end.getTime() + 2 * 3600_000);
    // Everything 张伟 holds that ended before then (the batch above gave him earlier Saturdays too).
    const held = (
      await t.db.query(`SELECT count(*)::int AS c FROM needs WHERE claimed_by = $1 AND status = 'CLAIMED' AND window_end <= $2`, [
        vid,
        new Date(at.getTime() - 3600_000),
      ])
    )[0].c;
    const r = await t.app.get(NeedsScheduler).run(at);
    expect(r.noShows).toBeGreaterThanOrEqual(1);
    const [row] = await t.db.query(`SELECT status, claimed_by, status_reason FROM needs WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'EXPIRED', claimed_by: null, status_reason: '服务时间已过，志愿者未开始服务（系统判定爽约）' });
    expect(await t.db.query(`SELECT kind, status FROM need_reviews WHERE need_id = $1`, [id])).toEqual([{ kind: 'EXPIRED_CALLBACK', status: 'OPEN' }]);
    expect(await t.db.query(`SELECT action, from_status::text, to_status::text FROM need_events WHERE need_id = $1 ORDER BY id DESC LIMIT 1`, [id])).toEqual([
      { action: 'NO_SHOW', from_status: 'CLAIMED', to_status: 'EXPIRED' },
    ]);
    expect((await t.db.query(`SELECT no_show_count FROM volunteer_stats WHERE volunteer_id = $1`, [vid]))[0].no_show_count).toBe(before + held);
  });
});
