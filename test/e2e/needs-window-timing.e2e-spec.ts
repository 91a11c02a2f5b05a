import { ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import { NeedsScheduler } from '../../src/needs/needs.scheduler.js';
import { ok, openNeed, PHONE, saturday, startedAgo, windowStartsIn } from '../helpers/needs.js';
import { codeOf, createTestApp, GqlResponse, TestApp } from '../helpers/test-app.js';

const CLAIM = `mutation ($id: ID!) { claimNeed(id: $id) { status } }`;
const START = `mutation ($id: ID!) { startService(id: $id) { status } }`;
const COMPLETE = `mutation ($id: ID!, $m: Int!) { completeService(id: $id, minutes: $m) { status serviceMinutes } }`;
const RESCHEDULE = `mutation ($id: ID!, $s: DateTime!, $e: DateTime!, $r: String!) { rescheduleNeed(id: $id, windowStart: $s, windowEnd: $e, reason: $r) { status windowStart history { action reason } } }`;

/** Issue 4 (3, 4): a need whose window is over cannot be taken, and service times and minutes must be plausible. */
describe('needs: the window and the clock', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (phone: string, query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, await t.login(phone));
  const refusal = (res: GqlResponse) => [codeOf(res), res.errors?.[0]?.extensions?.reason];
  const row = async (id: string) => (await t.db.query(`SELECT * FROM needs WHERE id = $1`, [id]))[0];
  const events = async (id: string) => (await t.db.query(`SELECT count(*)::int AS c FROM need_events WHERE need_id = $1`, [id]))[0].c;

  it('refuses claim and dispatch once the window is over, hides the need from feeds and plans, expires it, and staff reschedule it', async () => {
    const id = await openNeed(t, { ...saturday(1, '09:00', '10:00'), estimatedMinutes: 60 });
    // The window ended two hours ago.
    await windowStartsIn(t, id, -180);
    const before = await row(id);
    const eventsBefore = await events(id);
    expect(refusal(await as(PHONE.zhangWei, CLAIM, { id }))).toEqual(['CONFLICT', 'WINDOW_PASSED']);
    const zhangWei = (await t.db.query(`SELECT v.id FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE p.phone = $1`, [PHONE.zhangWei]))[0].id;
    expect(
      refusal(await as(PHONE.sunLi, `mutation ($id: ID!, $v: ID!) { dispatchNeed(id: $id, volunteerId: $v, reason: "x") { id } }`, { id, v: zhangWei })),
    ).toEqual(['CONFLICT', 'WINDOW_PASSED']);
    expect(await row(id)).toEqual(before);
    expect(await events(id)).toBe(eventsBefore);

    const feed = await ok(t, `{ openNeedsForMe(first: 50) { edges { node { id } } } }`, {}, PHONE.zhangWei);
    expect(feed.openNeedsForMe.edges.map((e: any) => e.node.id)).not.toContain(id);
    expect((await ok(t, `query ($id: ID!) { matchCandidates(needId: $id) { score } }`, { id }, PHONE.sunLi)).matchCandidates).toEqual([]);
    const streetA = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`))[0].id;
    const plan = (
      await ok(t, `query ($r: ID!) { batchAssignment(regionId: $r, capacity: 2) { unassignedNeedIds assignments { needId } } }`, { r: streetA }, PHONE.wuFang)
    ).batchAssignment;
    expect([...plan.unassignedNeedIds, ...plan.assignments.map((a: any) => a.needId)]).not.toContain(id);

    const run = await t.app.get(NeedsScheduler).run();
    expect(run.expired).toBeGreaterThanOrEqual(1);
    const expired = await ok(t, `query ($id: ID!) { need(id: $id) { status history { action from to reason } } }`, { id }, PHONE.sunLi);
    expect(expired.need.status).toBe('EXPIRED');
    expect(expired.need.history.at(-1)).toEqual({ action: 'EXPIRE', from: 'OPEN', to: 'EXPIRED', reason: '服务时间已过，无人接单' });
    const callbacks = await ok(t, `query ($id: ID!) { needReviews(needId: $id, status: "OPEN") { id kind } }`, { id }, PHONE.sunLi);
    expect(callbacks.needReviews.map((r: any) => r.kind)).toEqual(['EXPIRED_CALLBACK']);
    expect(refusal(await as(PHONE.zhangWei, CLAIM, { id }))).toEqual(['CONFLICT', 'ILLEGAL_TRANSITION']);

    const next = saturday(2, '09:00', '10:00');
    expect(codeOf(await as(PHONE.zhangWei, RESCHEDULE, { id, s: next.windowStart, e: next.windowEnd, r: '与老人约定下周' }))).toBe('FORBIDDEN');
    const past = { s: new Date(Date.now() - 3600_000).toISOString(), e: new Date(Date.now() + 3600_000).toISOString() };
    const bad = await as(PHONE.sunLi, RESCHEDULE, { id, ...past, r: '与老人约定下周' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['windowStart']);
    expect((await row(id)).status).toBe('EXPIRED');
    const moved = await ok(t, RESCHEDULE, { id, s: next.windowStart, e: next.windowEnd, r: '与老人约定下周' }, PHONE.sunLi);
    expect(moved.rescheduleNeed).toMatchObject({ status: 'OPEN', windowStart: next.windowStart });
    expect(moved.rescheduleNeed.history.at(-1)).toEqual({ action: 'RESCHEDULE', reason: '与老人约定下周' });
    expect((await ok(t, `query ($id: ID!) { needReviews(needId: $id, status: "OPEN") { id } }`, { id }, PHONE.sunLi)).needReviews).toEqual([]);
    expect((await ok(t, CLAIM, { id }, PHONE.zhangWei)).claimNeed.status).toBe('CLAIMED');
  });

  it('start only from an hour before the window to an hour after it; minutes no more than the time since the start (+30); 720 at most', async () => {
    const id = await openNeed(t, { ...saturday(3, '09:00', '12:00'), estimatedMinutes: 60 });
    await ok(t, CLAIM, { id }, PHONE.zhangWei);
    expect(refusal(await as(PHONE.zhangWei, START, { id }))).toEqual(['CONFLICT', 'TOO_EARLY']);
    expect((await row(id)).status).toBe('CLAIMED');
    await windowStartsIn(t, id, 50);
    expect((await ok(t, START, { id }, PHONE.zhangWei)).startService.status).toBe('IN_SERVICE');
    // Right after the start: 12 hours cannot have been served.
    const tooMuch = await as(PHONE.zhangWei, COMPLETE, { id, m: 720 });
    expect(refusal(tooMuch)).toEqual(['BAD_USER_INPUT', 'MINUTES_EXCEED_ELAPSED']);
    expect(tooMuch.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['minutes']);
    expect(codeOf(await as(PHONE.zhangWei, COMPLETE, { id, m: 721 }))).toBe('BAD_USER_INPUT');
    await startedAgo(t, id, 45);
    expect(refusal(await as(PHONE.zhangWei, COMPLETE, { id, m: 76 }))).toEqual(['BAD_USER_INPUT', 'MINUTES_EXCEED_ELAPSED']);
    expect((await row(id)).status).toBe('IN_SERVICE');
    expect((await ok(t, COMPLETE, { id, m: 75 }, PHONE.zhangWei)).completeService).toEqual({ status: 'COMPLETED', serviceMinutes: 75 });

    // The confirmer may confirm fewer minutes, never more; the time bank earns what is confirmed.
    const earned: number[] = [];
    t.app.get(ServiceConfirmationHooks).register({ onServiceConfirmed: async (_m, s) => void (s.needId === id && earned.push(s.minutes)) });
    expect(codeOf(await as(PHONE.wang, `mutation ($id: ID!) { confirmService(id: $id, rating: 4, minutes: 80) { id } }`, { id }))).toBe('BAD_USER_INPUT');
    const conf = await ok(t, `mutation ($id: ID!) { confirmService(id: $id, rating: 4, minutes: 60) { status serviceMinutes } }`, { id }, PHONE.wang);
    expect(conf.confirmService).toEqual({ status: 'CONFIRMED', serviceMinutes: 60 });
    expect(earned).toEqual([60]);

    // Too late to start: the window ended two hours ago.
    const late = await openNeed(t, { ...saturday(4, '09:00', '10:00'), estimatedMinutes: 60 });
    await ok(t, CLAIM, { id: late }, PHONE.zhangWei);
    await windowStartsIn(t, late, -180);
    expect(refusal(await as(PHONE.zhangWei, START, { id: late }))).toEqual(['CONFLICT', 'WINDOW_PASSED']);
    expect((await row(late)).status).toBe('CLAIMED');
  });
});
