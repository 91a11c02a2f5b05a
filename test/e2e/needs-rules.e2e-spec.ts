import { ServiceConfirmationHooks } from '../../src/common/service-confirmed.js';
import { NeedsScheduler } from '../../src/needs/needs.scheduler.js';
import { needInput, ok, openNeed, personId, PHONE, POST, saturday, serve, startedAgo, volunteerId, windowStartsIn } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const CLAIM = `mutation ($id: ID!) { claimNeed(id: $id) { status } }`;

describe('needs: rules of the loop', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (phone: string, query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, await t.login(phone));

  describe('postNeed validation and scope', () => {
    it('refuses bad input with the fields at fault and writes nothing', async () => {
      const before = (await t.db.query(`SELECT count(*)::int AS c FROM needs`))[0].c;
      const past = { windowStart: new Date(Date.now() - 3600_000).toISOString(), windowEnd: new Date(Date.now() + 3600_000).toISOString() };
      const cases: [Record<string, unknown>, string][] = [
        [past, 'windowStart'],
        [{ windowEnd: saturday(0, '08:00', '08:30').windowStart }, 'windowEnd'],
        [{ estimatedMinutes: 10 }, 'estimatedMinutes'],
        [{ estimatedMinutes: 721 }, 'estimatedMinutes'],
        [{ estimatedMinutes: 180 }, 'estimatedMinutes'],
        [{ latitude: 95 }, 'latitude'],
        [{ latitude: null }, 'latitude'],
        [{ requiredSkills: ['飞行驾驶'] }, 'requiredSkills'],
        [{ title: '' }, 'title'],
      ];
      for (const [over, field] of cases) {
        const res = await as(PHONE.wang, POST, { i: needInput(over) });
        expect({ field, code: codeOf(res) }).toEqual({ field, code: 'BAD_USER_INPUT' });
        expect(res.errors![0].extensions!.fields!.map((f) => f.field)).toContain(field);
      }
      // Several fields wrong at once: all of them in one answer, in Chinese.
      const many = await as(PHONE.wang, POST, { i: needInput({ estimatedMinutes: 10, latitude: 95, title: '' }) });
      expect(codeOf(many)).toBe('BAD_USER_INPUT');
      expect(many.errors![0].extensions!.fields).toEqual(
        expect.arrayContaining([
          { field: 'estimatedMinutes', message: '预计时长至少 15 分钟' },
          { field: 'latitude', message: '纬度须在 -90 到 90 之间' },
          { field: 'title', message: '标题须为 1–100 字' },
        ]),
      );
      const badCategory = await as(PHONE.wang, POST, { i: needInput({ category: 'SPACE_TRAVEL' }) });
      expect(badCategory.errors).toBeDefined();
      expect((await t.db.query(`SELECT count(*)::int AS c FROM needs`))[0].c).toBe(before);
    });

    it('lets only staff of the grid post for someone else, and residents only in their own grid', async () => {
      const wang = await personId(t, PHONE.wang);
      const li = await personId(t, PHONE.li);
      expect(codeOf(await as(PHONE.li, POST, { i: needInput({ beneficiaryId: wang }) }))).toBe('FORBIDDEN');
      // 赵敏 is the grid worker of grid 1; 李建国 lives in grid 2.
      expect(codeOf(await as(PHONE.zhaoMin, POST, { i: needInput({ beneficiaryId: li }) }))).toBe('FORBIDDEN');
      expect(codeOf(await as(PHONE.zhouQiang, POST, { i: needInput({ beneficiaryId: wang }) }))).toBe('FORBIDDEN');
      const grid2 = (await t.db.query(`SELECT id FROM regions WHERE code = '32010200200102'`))[0].id;
      expect(codeOf(await as(PHONE.wang, POST, { i: needInput({ gridId: grid2 }) }))).toBe('FORBIDDEN');
      const byWorker = await as(PHONE.sunLi, POST, { i: needInput({ beneficiaryId: li, requiredSkills: [] }) });
      expect(byWorker.data.postNeed).toMatchObject({ proxy: true, beneficiary: { name: '李建国' }, postedBy: { name: '孙丽' } });
    });

    it('takes emergency deadlines from the defaults and a region override from the street admin', async () => {
      const res = await as(PHONE.wang, POST, { i: needInput({ urgency: 'EMERGENCY' }) });
      const d = res.data.postNeed.deadlines;
      expect((new Date(d.claimBy).getTime() - new Date(d.acceptBy).getTime()) / 60000).toBe(90);
      const streetA = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`))[0].id;
      const set = `mutation ($r: ID!) { setNeedDeadlinePolicy(regionId: $r, urgency: EMERGENCY, acceptMinutes: 15, claimMinutes: 60) { acceptMinutes claimMinutes } }`;
      expect(codeOf(await as(PHONE.sunLi, set, { r: streetA }))).toBe('FORBIDDEN');
      expect((await as(PHONE.heJun, set, { r: streetA })).data.setNeedDeadlinePolicy).toEqual({ acceptMinutes: 15, claimMinutes: 60 });
      const after = (await as(PHONE.wang, POST, { i: needInput({ urgency: 'EMERGENCY' }) })).data.postNeed.deadlines;
      expect((new Date(after.claimBy).getTime() - new Date(after.acceptBy).getTime()) / 60000).toBe(45);
      // Readable: what applies in 王秀英's community, and which region sets it (null = the default).
      const a1 = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002001'`))[0].id;
      const POLICIES = `query ($r: ID!) { needDeadlinePolicies(regionId: $r) { urgency acceptMinutes claimMinutes setByRegionId } }`;
      expect(codeOf(await as(PHONE.li, POLICIES, { r: a1 }))).toBe('FORBIDDEN');
      expect((await ok(t, POLICIES, { r: a1 }, PHONE.sunLi)).needDeadlinePolicies).toEqual([
        { urgency: 'EMERGENCY', acceptMinutes: 15, claimMinutes: 60, setByRegionId: streetA },
        { urgency: 'URGENT', acceptMinutes: 120, claimMinutes: 1440, setByRegionId: null },
        { urgency: 'NORMAL', acceptMinutes: 1440, claimMinutes: 4320, setByRegionId: null },
      ]);
    });
  });

  describe('transitions', () => {
    it('returns CONFLICT for an illegal transition and FORBIDDEN for the wrong party, changing nothing', async () => {
      const { postNeed } = await ok(t, POST, { i: needInput() }, PHONE.wang);
      const id = postNeed.id;
      expect(codeOf(await as(PHONE.sunLi, `mutation ($id: ID!) { publishNeed(id: $id) { id } }`, { id }))).toBe('CONFLICT');
      expect(codeOf(await as(PHONE.zhangWei, CLAIM, { id }))).toBe('CONFLICT');
      expect(codeOf(await as(PHONE.zhouQiang, `mutation ($id: ID!) { acceptNeed(id: $id) { id } }`, { id }))).toBe('FORBIDDEN');
      expect(codeOf(await as(PHONE.sunLi, `mutation ($id: ID!) { rejectNeed(id: $id, reason: "  ") { id } }`, { id }))).toBe('BAD_USER_INPUT');
      const rows = await t.db.query(`SELECT status FROM needs WHERE id = $1`, [id]);
      expect(rows[0].status).toBe('SUBMITTED');
      expect((await t.db.query(`SELECT count(*)::int AS c FROM need_events WHERE need_id = $1`, [id]))[0].c).toBe(1);
      const rejected = await as(PHONE.sunLi, `mutation ($id: ID!) { rejectNeed(id: $id, reason: "不属于社区服务范围，请拨打12345") { status statusReason } }`, {
        id,
      });
      expect(rejected.data.rejectNeed).toEqual({ status: 'REJECTED', statusReason: '不属于社区服务范围，请拨打12345' });
      expect(codeOf(await as(PHONE.wang, `mutation ($id: ID!) { cancelNeed(id: $id, reason: "不需要了") { id } }`, { id }))).toBe('CONFLICT');
    });

    it('keeps needs from strangers: another street’s volunteer can neither see nor claim', async () => {
      const id = await openNeed(t, { ...saturday(2, '09:00', '10:00'), estimatedMinutes: 60 });
      expect(codeOf(await as(PHONE.chenJing, `query ($id: ID!) { need(id: $id) { id } }`, { id }))).toBe('FORBIDDEN');
      expect(codeOf(await as(PHONE.chenJing, CLAIM, { id }))).toBe('FORBIDDEN');
      expect(codeOf(await as(PHONE.li, `query ($id: ID!) { need(id: $id) { id } }`, { id }))).toBe('FORBIDDEN');
      const list = await as(PHONE.chenJing, `{ needs(first: 50) { totalCount edges { node { id } } } }`);
      expect(list.data.needs.edges.map((e: any) => e.node.id)).not.toContain(id);
      const mine = await as(PHONE.liuYang, `{ needs(first: 50, filter: { status: OPEN }) { edges { node { id status } } } }`);
      expect(mine.data.needs.edges.map((e: any) => e.node.id)).toContain(id);
    });

    it('withdrawal returns the need to OPEN with its reason and counts against the volunteer', async () => {
      const id = await openNeed(t, { ...saturday(3, '09:00', '10:00'), estimatedMinutes: 60 });
      await ok(t, CLAIM, { id }, PHONE.liuYang);
      expect(codeOf(await as(PHONE.zhangWei, `mutation ($id: ID!) { withdrawClaim(id: $id, reason: "x") { id } }`, { id }))).toBe('FORBIDDEN');
      const w = await ok(
        t,
        `mutation ($id: ID!) { withdrawClaim(id: $id, reason: "临时出差") { status statusReason claimedBy { id } history { action reason } } }`,
        { id },
        PHONE.liuYang,
      );
      expect(w.withdrawClaim).toMatchObject({ status: 'OPEN', statusReason: '临时出差', claimedBy: null });
      expect(w.withdrawClaim.history.at(-1)).toEqual({ action: 'WITHDRAW', reason: '临时出差' });
      const stats = await t.db.query(`SELECT withdraw_count FROM volunteer_stats WHERE volunteer_id = $1`, [await volunteerId(t, PHONE.liuYang)]);
      expect(stats[0].withdraw_count).toBe(1);
    });

    it('a volunteer cannot hold two needs whose windows overlap', async () => {
      const a = await openNeed(t, { ...saturday(4, '09:00', '11:00') });
      const b = await openNeed(t, { ...saturday(4, '10:00', '12:00') });
      const c = await openNeed(t, { ...saturday(4, '11:00', '13:00') });
      await ok(t, CLAIM, { id: a }, PHONE.zhangWei);
      const res = await as(PHONE.zhangWei, CLAIM, { id: b });
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0].extensions!.reason).toBe('OVERLAPPING_COMMITMENT');
      // Back to back is fine.
      expect((await ok(t, CLAIM, { id: c }, PHONE.zhangWei)).claimNeed.status).toBe('CLAIMED');
      // Staff cannot dispatch into the overlap either.
      const dispatch = await as(PHONE.sunLi, `mutation ($id: ID!, $v: ID!) { dispatchNeed(id: $id, volunteerId: $v, reason: "熟悉") { id } }`, {
        id: b,
        v: await volunteerId(t, PHONE.zhangWei),
      });
      expect(codeOf(dispatch)).toBe('CONFLICT');
      expect((await t.db.query(`SELECT status FROM needs WHERE id = $1`, [b]))[0].status).toBe('OPEN');
    });

    it('dispatching someone other than the top candidate needs a reason, which is recorded', async () => {
      const id = await openNeed(t, { ...saturday(5, '09:00', '11:00') });
      const { matchCandidates } = await ok(t, `query ($id: ID!) { matchCandidates(needId: $id) { volunteer { id } } }`, { id }, PHONE.sunLi);
      const [top, second] = matchCandidates.map((c: any) => c.volunteer.id);
      const q = `mutation ($id: ID!, $v: ID!, $r: String) { dispatchNeed(id: $id, volunteerId: $v, reason: $r) { status dispatchOverrideReason claimedBy { id person { phone } } } }`;
      const noReason = await as(PHONE.sunLi, q, { id, v: second });
      expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
      expect(noReason.errors![0].extensions!.reason).toBe('OVERRIDE_REASON_REQUIRED');
      // Someone who does not fit at all is refused with the reasons, reason or not.
      const chenJing = await volunteerId(t, PHONE.chenJing);
      const unfit = await as(PHONE.sunLi, q, { id, v: chenJing, r: '试试' });
      expect(codeOf(unfit)).toBe('BAD_USER_INPUT');
      expect(unfit.errors![0].message).toContain('需求不在其服务区域内');
      const d = await ok(t, q, { id, v: second, r: '老人点名要这位志愿者' }, PHONE.sunLi);
      expect(d.dispatchNeed).toMatchObject({ status: 'CLAIMED', dispatchOverrideReason: '老人点名要这位志愿者', claimedBy: { id: second } });
      const [event] = await t.db.query(`SELECT data, reason FROM need_events WHERE need_id = $1 AND action = 'DISPATCH'`, [id]);
      expect(event.data).toMatchObject({ override: true, volunteerId: second, topVolunteerId: top, reason: '老人点名要这位志愿者' });
      // History shows the reason too (staff read it there).
      expect(event.reason).toBe('老人点名要这位志愿者');
      expect((await ok(t, `query ($id: ID!) { need(id: $id) { history { action reason } } }`, { id }, PHONE.sunLi)).need.history.at(-1)).toEqual({
        action: 'DISPATCH',
        reason: '老人点名要这位志愿者',
      });
      // The volunteer does not see the staff-only override reason.
      const phone = d.dispatchNeed.claimedBy.person.phone;
      expect((await ok(t, `query ($id: ID!) { need(id: $id) { dispatchOverrideReason } }`, { id }, phone)).need.dispatchOverrideReason).toBeNull();
      // Dispatching the top candidate is no override.
      const id2 = await openNeed(t, { ...saturday(5, '14:00', '16:00') });
      const top2 = (await ok(t, `query ($id: ID!) { matchCandidates(needId: $id, first: 1) { volunteer { id } } }`, { id: id2 }, PHONE.sunLi))
        .matchCandidates[0].volunteer.id;
      expect((await ok(t, q, { id: id2, v: top2 }, PHONE.sunLi)).dispatchNeed.dispatchOverrideReason).toBeNull();
    });

    it('staff report a no-show: back to OPEN and the volunteer’s reliability drops', async () => {
      const id = await openNeed(t, { ...saturday(6, '09:00', '10:00'), estimatedMinutes: 60 });
      await ok(t, CLAIM, { id }, PHONE.liuYang);
      const before = (await ok(t, `{ me { volunteer { reliability noShowCount } } }`, {}, PHONE.liuYang)).me.volunteer;
      // Days before the window nobody can have missed it.
      const early = await as(PHONE.sunLi, `mutation ($id: ID!) { reportNoShow(id: $id, reason: "老人反映志愿者未到") { status } }`, { id });
      expect([codeOf(early), early.errors![0].extensions!.reason]).toEqual(['CONFLICT', 'TOO_EARLY']);
      // 40 minutes into the window he has not come.
      await windowStartsIn(t, id, -40);
      const r = await ok(t, `mutation ($id: ID!) { reportNoShow(id: $id, reason: "老人反映志愿者未到") { status } }`, { id }, PHONE.sunLi);
      expect(r.reportNoShow.status).toBe('OPEN');
      const after = (await ok(t, `{ me { volunteer { reliability noShowCount } } }`, {}, PHONE.liuYang)).me.volunteer;
      expect(after.noShowCount).toBe(before.noShowCount + 1);
      expect(after.reliability).toBeLessThan(before.reliability);
    });
  });

  describe('confirmation, ratings and the time-bank hook', () => {
    async function completed(weeks: number): Promise<string> {
      const id = await openNeed(t, { ...saturday(weeks, '14:00', '15:00'), estimatedMinutes: 60 });
      await ok(t, CLAIM, { id }, PHONE.zhangWei);
      await serve(t, id, PHONE.zhangWei, 60);
      return id;
    }

    it('only the beneficiary (or for a proxy need the proxy or community staff) confirms; bad ratings are refused', async () => {
      const id = await completed(7);
      expect(codeOf(await as(PHONE.zhangWei, `mutation ($id: ID!) { confirmService(id: $id, rating: 5) { id } }`, { id }))).toBe('FORBIDDEN');
      expect(codeOf(await as(PHONE.sunLi, `mutation ($id: ID!) { confirmService(id: $id, rating: 5) { id } }`, { id }))).toBe('FORBIDDEN');
      expect(codeOf(await as(PHONE.wang, `mutation ($id: ID!) { confirmService(id: $id, rating: 6) { id } }`, { id }))).toBe('BAD_USER_INPUT');
      expect(codeOf(await as(PHONE.wang, `mutation ($id: ID!) { confirmService(id: $id, rating: 4, tags: ["很好吃"]) { id } }`, { id }))).toBe(
        'BAD_USER_INPUT',
      );
      expect((await t.db.query(`SELECT status FROM needs WHERE id = $1`, [id]))[0].status).toBe('COMPLETED');
    });

    it('a rating ≤ 2 opens a review for the community with a 5-working-day fix deadline; closing waits for it', async () => {
      const id = await completed(8);
      const conf = await ok(
        t,
        `mutation ($id: ID!) { confirmService(id: $id, rating: 2, comment: "来晚了", tags: ["迟到"]) { status rating { rating tags } } }`,
        { id },
        PHONE.wang,
      );
      expect(conf.confirmService).toEqual({ status: 'CONFIRMED', rating: { rating: 2, tags: ['迟到'] } });
      const reviews = await ok(t, `query ($id: ID!) { needReviews(needId: $id) { id kind rating status dueAt createdAt } }`, { id }, PHONE.sunLi);
      expect(reviews.needReviews).toHaveLength(1);
      const r = reviews.needReviews[0];
      expect(r).toMatchObject({ kind: 'LOW_RATING', rating: 2, status: 'OPEN' });
      const days = (new Date(r.dueAt).getTime() - new Date(r.createdAt).getTime()) / 86400_000;
      expect(days).toBeGreaterThanOrEqual(5);
      expect(days).toBeLessThanOrEqual(7.01);
      expect(codeOf(await as(PHONE.sunLi, `mutation ($id: ID!) { closeNeed(id: $id) { id } }`, { id }))).toBe('CONFLICT');
      expect(codeOf(await as(PHONE.zhouQiang, `mutation ($id: ID!) { resolveNeedReview(id: $id, resolution: "x") { id } }`, { id: r.id }))).toBe('FORBIDDEN');
      await ok(t, `mutation ($id: ID!) { resolveNeedReview(id: $id, resolution: "已回访，志愿者道歉并调整出发时间") { status } }`, { id: r.id }, PHONE.sunLi);
      expect((await ok(t, `mutation ($id: ID!) { closeNeed(id: $id) { status } }`, { id }, PHONE.sunLi)).closeNeed.status).toBe('CLOSED');
      const stats = await t.db.query(`SELECT rating_sum, rating_count FROM volunteer_stats WHERE volunteer_id = $1`, [await volunteerId(t, PHONE.zhangWei)]);
      expect(stats[0].rating_count).toBeGreaterThanOrEqual(1);
    });

    it('a throwing time-bank listener fails the confirmation and rolls everything back', async () => {
      const id = await completed(9);
      const vid = await volunteerId(t, PHONE.zhangWei);
      const statsBefore = (await t.db.query(`SELECT * FROM volunteer_stats WHERE volunteer_id = $1`, [vid]))[0];
      const hooks = t.app.get(ServiceConfirmationHooks);
      let armed = true;
      hooks.register({
        onServiceConfirmed: async (_m, s) => {
          if (armed && s.needId === id) throw new Error('ledger unavailable');
        },
      });
      const res = await as(PHONE.wang, `mutation ($id: ID!) { confirmService(id: $id, rating: 1) { id } }`, { id });
      expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
      expect((await t.db.query(`SELECT status, rating FROM needs WHERE id = $1`, [id]))[0]).toEqual({ status: 'COMPLETED', rating: null });
      expect((await t.db.query(`SELECT * FROM volunteer_stats WHERE volunteer_id = $1`, [vid]))[0]).toEqual(statsBefore);
      expect((await t.db.query(`SELECT count(*)::int AS c FROM need_reviews WHERE need_id = $1`, [id]))[0].c).toBe(0);
      expect((await t.db.query(`SELECT count(*)::int AS c FROM need_events WHERE need_id = $1 AND action = 'CONFIRM'`, [id]))[0].c).toBe(0);
      armed = false;
      expect((await ok(t, `mutation ($id: ID!) { confirmService(id: $id, rating: 4) { status } }`, { id }, PHONE.wang)).confirmService.status).toBe(
        'CONFIRMED',
      );
    });
  });

  describe('the deadline scheduler', () => {
    it('marks breaches once, escalates to the street, opens a callback, and is safe when two instances run at once', async () => {
      const { postNeed } = await ok(t, POST, { i: needInput({ ...saturday(10, '09:00', '11:00'), urgency: 'URGENT' }) }, PHONE.wang);
      const id = postNeed.id;
      const scheduler = t.app.get(NeedsScheduler);
      const soon = new Date(Date.now() + 60_000);
      expect((await scheduler.run(soon)).acceptBreaches).toBe(0);
      const late = new Date(new Date(postNeed.deadlines.acceptBy).getTime() + 60_000);
      // A second app on the same database plays the other instance.
      const { createApp } = await import('../../src/bootstrap.js');
      const other = await createApp(t.config, t.databaseUrl);
      await other.init();
      const due = (
        await t.db.query(`SELECT count(*)::int AS c FROM needs WHERE status = 'SUBMITTED' AND accept_breached_at IS NULL AND accept_deadline <= $1`, [late])
      )[0].c;
      expect(due).toBeGreaterThanOrEqual(1);
      try {
        const [r1, r2] = await Promise.all([scheduler.run(late), other.get(NeedsScheduler).run(late)]);
        expect(r1.acceptBreaches + r2.acceptBreaches).toBe(due);
      } finally {
        await other.close();
      }
      expect((await scheduler.run(late)).acceptBreaches).toBe(0);
      const twice = await t.db.query(
        `SELECT need_id FROM need_events WHERE action = 'ESCALATE' AND data->>'deadline' = 'ACCEPT' GROUP BY need_id HAVING count(*) > 1`,
      );
      expect(twice).toEqual([]);
      const need = await ok(
        t,
        `query ($id: ID!) { need(id: $id) { status deadlines { escalated acceptBreachedAt escalatedToRegionId } history { action reason } } }`,
        { id },
        PHONE.wuFang,
      );
      const streetA = (await t.db.query(`SELECT id FROM regions WHERE code = '320102002'`))[0].id;
      expect(need.need).toMatchObject({ status: 'SUBMITTED', deadlines: { escalated: true, escalatedToRegionId: streetA } });
      expect(need.need.history.filter((h: any) => h.action === 'ESCALATE')).toEqual([{ action: 'ESCALATE', reason: '超过受理时限，已上报街道社工站' }]);
      const callbacks = await ok(t, `query ($id: ID!) { needReviews(needId: $id, status: "OPEN") { kind } }`, { id }, PHONE.sunLi);
      expect(callbacks.needReviews).toEqual([{ kind: 'DEADLINE_CALLBACK' }]);
    });

    it('auto-confirms an unconfirmed completion after the period through the same hooks, but not a disputed one', async () => {
      const calls: string[] = [];
      const verifiers = new Map<string, string>();
      t.app.get(ServiceConfirmationHooks).register({
        onServiceConfirmed: async (_m, s) => {
          calls.push(s.needId!);
          verifiers.set(s.needId!, s.confirmedBy);
        },
      });
      const mk = async (weeks: number) => {
        const id = await openNeed(t, { ...saturday(weeks, '16:00', '17:00'), estimatedMinutes: 60 });
        await ok(t, CLAIM, { id }, PHONE.zhangWei);
        return (await serve(t, id, PHONE.zhangWei, 45)).deadlines.autoConfirmAt && id;
      };
      const quiet = await mk(11);
      const disputed = await mk(12);
      await ok(t, `mutation ($id: ID!) { disputeService(id: $id, reason: "实际只服务了20分钟") { disputedAt } }`, { id: disputed }, PHONE.wang);
      const later = new Date(Date.now() + 4 * 24 * 3600_000);
      await t.app.get(NeedsScheduler).run(later);
      const rows = await t.db.query(`SELECT id, status FROM needs WHERE id = ANY($1::uuid[])`, [[quiet, disputed]]);
      expect(Object.fromEntries(rows.map((r: any) => [r.id, r.status]))).toEqual({ [quiet]: 'CONFIRMED', [disputed]: 'COMPLETED' });
      expect(calls).toContain(quiet);
      expect(calls).not.toContain(disputed);
      // Nobody confirmed it: the community worker who accepted it (首接负责) stands as the verifier.
      expect(verifiers.get(quiet)).toBe(await personId(t, PHONE.sunLi));
      const [ev] = await t.db.query(`SELECT action, actor_id FROM need_events WHERE need_id = $1 ORDER BY id DESC LIMIT 1`, [quiet]);
      expect(ev).toEqual({ action: 'AUTO_CONFIRM', actor_id: null });
    });

    it('flags a service checked in but not completed once its window is over, once, and escalates it with a callback', async () => {
      const id = await openNeed(t, { ...saturday(15, '10:00', '11:00'), estimatedMinutes: 60 });
      await ok(t, CLAIM, { id }, PHONE.zhangWei);
      await windowStartsIn(t, id, -30);
      await ok(t, `mutation ($id: ID!) { startService(id: $id) { status } }`, { id }, PHONE.zhangWei);
      const scheduler = t.app.get(NeedsScheduler);
      // Inside the window and its grace: nothing to say.
      expect((await scheduler.run(new Date(Date.now() + 60 * 60_000))).serviceOverdue).toBe(0);
      const late = new Date(Date.now() + 3 * 3600_000);
      expect((await scheduler.run(late)).serviceOverdue).toBeGreaterThanOrEqual(1);
      expect((await scheduler.run(late)).serviceOverdue).toBe(0);
      const seen = await ok(
        t,
        `query ($id: ID!) { need(id: $id) { status deadlines { serviceOverdueAt escalated escalationCount } history { action reason } } }`,
        { id },
        PHONE.sunLi,
      );
      expect(seen.need.status).toBe('IN_SERVICE'); // the volunteer may still check out; staff follow it up
      expect(seen.need.deadlines).toMatchObject({ escalated: true, escalationCount: 1 });
      expect(new Date(seen.need.deadlines.serviceOverdueAt).getTime()).toBe(late.getTime());
      expect(seen.need.history).toContainEqual({ action: 'ESCALATE', reason: '服务时间已过仍未完成，已上报街道社工站' });
      const reviews = await t.db.query(`SELECT kind, status FROM need_reviews WHERE need_id = $1`, [id]);
      expect(reviews).toEqual([{ kind: 'DEADLINE_CALLBACK', status: 'OPEN' }]);
      // The volunteer checks out after all.
      await startedAgo(t, id, 30);
      await ok(t, `mutation ($id: ID!) { completeService(id: $id, minutes: 30) { status } }`, { id }, PHONE.zhangWei);
    });

    it('closes confirmed needs after the period (办结 by the system), but not while a review item is open', async () => {
      const mk = async (weeks: number, rating: number) => {
        const id = await openNeed(t, { ...saturday(weeks, '14:00', '15:00'), estimatedMinutes: 60 });
        await ok(t, CLAIM, { id }, PHONE.zhangWei);
        await serve(t, id, PHONE.zhangWei, 60);
        await ok(t, `mutation ($id: ID!, $r: Int!) { confirmService(id: $id, rating: $r) { id } }`, { id, r: rating }, PHONE.wang);
        return id;
      };
      const good = await mk(13, 5);
      const poor = await mk(14, 1);
      await t.app.get(NeedsScheduler).run(new Date(Date.now() + 24 * 3600_000));
      expect((await t.db.query(`SELECT status::text FROM needs WHERE id = $1`, [good]))[0].status).toBe('CONFIRMED');
      const r = await t.app.get(NeedsScheduler).run(new Date(Date.now() + 8 * 24 * 3600_000));
      expect(r.closed).toBeGreaterThanOrEqual(1);
      const rows = await t.db.query(`SELECT id, status::text FROM needs WHERE id = ANY($1::uuid[])`, [[good, poor]]);
      expect(Object.fromEntries(rows.map((x: any) => [x.id, x.status]))).toEqual({ [good]: 'CLOSED', [poor]: 'CONFIRMED' });
      const [ev] = await t.db.query(`SELECT action, actor_id, from_status::text AS from FROM need_events WHERE need_id = $1 ORDER BY id DESC LIMIT 1`, [good]);
      expect(ev).toEqual({ action: 'CLOSE', actor_id: null, from: 'CONFIRMED' });
    });
  });
});
