import { ok, openNeed, PHONE, saturday, serve } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const DISPUTE = `mutation ($id: ID!) { disputeService(id: $id, reason: "实际只服务了半小时") { status disputedAt } }`;
const RESOLVE = `mutation ($id: ID!, $m: Int, $n: String!, $o: DisputeOutcome) { resolveDispute(id: $id, minutes: $m, note: $n, outcome: $o) { status serviceMinutes history { action reason } } }`;

/** Issue 4 (5): a dispute opens an item for the community, and staff settle it; the time bank earns what they establish. */
describe('needs: disputes are settled', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (phone: string, query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, await t.login(phone));
  const balance = async (phone: string) => (await ok(t, `{ myAccount { balanceMinutes } }`, {}, phone)).myAccount.balanceMinutes;

  /** A need 张伟 served `minutes` for, with a 3-hour window so that it is still running afterwards. */
  async function served(weeks: number, minutes: number): Promise<string> {
    const id = await openNeed(t, { ...saturday(weeks, '09:00', '12:00'), estimatedMinutes: 60 });
    await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
    await serve(t, id, PHONE.zhangWei, minutes);
    return id;
  }

  it('confirm with the minutes established: exactly those are earned, the item is resolved, history says why', async () => {
    const id = await served(1, 90);
    await ok(t, DISPUTE, { id }, PHONE.wang);
    const items = await ok(t, `query ($id: ID!) { needReviews(needId: $id, status: "OPEN") { id kind note } }`, { id }, PHONE.sunLi);
    expect(items.needReviews).toEqual([{ id: expect.any(String), kind: 'DISPUTE', note: '居民对服务有异议：实际只服务了半小时' }]);
    expect(codeOf(await as(PHONE.sunLi, `mutation ($id: ID!) { resolveNeedReview(id: $id, resolution: "x") { id } }`, { id: items.needReviews[0].id }))).toBe(
      'CONFLICT',
    );

    const before = await balance(PHONE.zhangWei);
    const eventsBefore = (await t.db.query(`SELECT count(*)::int AS c FROM need_events WHERE need_id = $1`, [id]))[0].c;
    // Grid workers, other communities' staff, volunteers and the resident cannot settle it; bad input is refused.
    expect(codeOf(await as(PHONE.zhaoMin, RESOLVE, { id, m: 30, n: '核实' }))).toBe('FORBIDDEN');
    expect(codeOf(await as(PHONE.zhouQiang, RESOLVE, { id, m: 30, n: '核实' }))).toBe('FORBIDDEN');
    expect(codeOf(await as(PHONE.wang, RESOLVE, { id, m: 30, n: '核实' }))).toBe('FORBIDDEN');
    const noMinutes = await as(PHONE.sunLi, RESOLVE, { id, n: '核实' });
    expect([codeOf(noMinutes), noMinutes.errors![0].extensions!.fields!.map((f) => f.field)]).toEqual(['BAD_USER_INPUT', ['minutes']]);
    expect(codeOf(await as(PHONE.sunLi, RESOLVE, { id, m: 30, n: ' ' }))).toBe('BAD_USER_INPUT');
    // Staff cannot establish more than the volunteer reported (90): no minutes are invented in settling.
    const more = await as(PHONE.sunLi, RESOLVE, { id, m: 120, n: '核实' });
    expect([codeOf(more), more.errors![0].extensions!.reason]).toEqual(['BAD_USER_INPUT', 'MINUTES_EXCEED_REPORTED']);
    expect((await t.db.query(`SELECT count(*)::int AS c FROM need_events WHERE need_id = $1`, [id]))[0].c).toBe(eventsBefore);
    expect(await balance(PHONE.zhangWei)).toBe(before);

    const done = await ok(t, RESOLVE, { id, m: 30, n: '电话核实，实际服务30分钟' }, PHONE.sunLi);
    expect(done.resolveDispute).toMatchObject({ status: 'CONFIRMED', serviceMinutes: 30 });
    expect(done.resolveDispute.history.at(-1)).toEqual({ action: 'DISPUTE_CONFIRM', reason: '电话核实，实际服务30分钟' });
    expect(await balance(PHONE.zhangWei)).toBe(before + 30);
    const item = (await t.db.query(`SELECT status, resolution FROM need_reviews WHERE need_id = $1 AND kind = 'DISPUTE'`, [id]))[0];
    expect(item).toEqual({ status: 'RESOLVED', resolution: '电话核实，实际服务30分钟' });
    expect(codeOf(await as(PHONE.sunLi, RESOLVE, { id, m: 30, n: '再次' }))).toBe('CONFLICT');
  });

  it('reopen (the service did not happen) and cancel; an undisputed completion cannot be settled', async () => {
    const undisputed = await served(2, 60);
    const r = await as(PHONE.sunLi, RESOLVE, { id: undisputed, m: 60, n: '核实' });
    expect([codeOf(r), r.errors![0].extensions!.reason]).toEqual(['CONFLICT', 'NOT_DISPUTED']);

    const before = await balance(PHONE.zhangWei);
    const reopen = await served(3, 60);
    await ok(t, DISPUTE, { id: reopen }, PHONE.wang);
    const reopened = await ok(t, RESOLVE, { id: reopen, n: '志愿者未到场，重新派单', o: 'REOPEN' }, PHONE.sunLi);
    expect(reopened.resolveDispute).toMatchObject({ status: 'OPEN', serviceMinutes: null });
    expect((await t.db.query(`SELECT claimed_by, disputed_at FROM needs WHERE id = $1`, [reopen]))[0]).toEqual({ claimed_by: null, disputed_at: null });

    const cancel = await served(4, 60);
    await ok(t, DISPUTE, { id: cancel }, PHONE.wang);
    expect(codeOf(await as(PHONE.sunLi, RESOLVE, { id: cancel, m: 20, n: '取消', o: 'CANCEL' }))).toBe('BAD_USER_INPUT');
    expect((await ok(t, RESOLVE, { id: cancel, n: '居民不再需要，双方同意取消', o: 'CANCEL' }, PHONE.heJun)).resolveDispute.status).toBe('CANCELLED');
    expect(await balance(PHONE.zhangWei)).toBe(before);
  });
});
