import { NeedSeriesService } from '../../src/needs/need-series.service.js';
import { needInput, ok, openNeed, personId, PHONE, saturday } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * The next Tuesday hh:mm–hh:mm Asia/Shanghai, as ISO strings, at most 7 days ahead (so four weekly occurrences fit
 * the 28-day materialising horizon whatever day the test runs) and at least an hour ahead. On a Tuesday less than an
 * hour before `from` (or already past it), today's slot is too close and next week's is beyond 7 days: the window
 * then moves three hours later today instead.
 */
function nextTuesday(from: string, to: string): { windowStart: string; windowEnd: string } {
  const now = Date.now();
  const shanghai = new Date(now + 8 * 3600_000);
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const slot = (days: number, shift: number) => {
    const base = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + days);
    const at = (hhmm: string) => base + (minutes(hhmm) + shift) * 60_000 - 8 * 3600_000;
    return { start: at(from), end: at(to) };
  };
  const days = (2 - shanghai.getUTCDay() + 7) % 7;
  let w = slot(days, 0);
  if (w.start <= now + 3600_000) w = slot(days + 7, 0);
  if (w.start > now + 7 * 24 * 3600_000) w = slot(days, 180);
  return { windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString() };
}

const SERIES = `query ($id: ID!) { needSeries(id: $id) { id status claimantVolunteerId pauses { reason }
  occurrences(first: 20) { totalCount edges { node { id status windowStart statusReason claimedBy { person { name } } series { id } } } } } }`;
const WEEK = 7 * 24 * 3600_000;

describe('everyday use: recurring needs, editing, messages, check-in evidence, hand-outs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('a weekly Tuesday meal delivery for 王秀英 posted by 孙丽', () => {
    let seriesId: string;
    let occurrences: { id: string; status: string; windowStart: string; statusReason: string | null; claimedBy: { person: { name: string } } | null }[];
    const first = nextTuesday('11:00', '12:00');

    it('produces the next four Tuesdays as OPEN needs, each its own need of the series', async () => {
      const wang = await personId(t, PHONE.wang);
      const until = new Date(Date.parse(first.windowStart) + 12 * WEEK).toISOString();
      const { postNeed } = await ok(
        t,
        `mutation ($i: PostNeedInput!) { postNeed(input: $i) { id status windowStart series { id recurrence { weekdays until } } } }`,
        {
          i: needInput({
            title: '每周二送午餐上门',
            category: 'MEAL_ASSISTANCE',
            ...first,
            estimatedMinutes: 30,
            requiredSkills: ['助餐送餐'],
            beneficiaryId: wang,
            recurrence: { weekdays: [2], until },
          }),
        },
        PHONE.sunLi,
      );
      expect(postNeed).toMatchObject({ status: 'OPEN', windowStart: first.windowStart, series: { recurrence: { weekdays: [2] } } });
      seriesId = postNeed.series.id;
      const { needSeries } = await ok(t, SERIES, { id: seriesId }, PHONE.sunLi);
      occurrences = needSeries.occurrences.edges.map((e: any) => e.node);
      expect(occurrences.map((o) => o.windowStart)).toEqual([0, 1, 2, 3].map((w) => new Date(Date.parse(first.windowStart) + w * WEEK).toISOString()));
      expect(occurrences.every((o) => o.status === 'OPEN')).toBe(true);
    });

    it('materialising again, even from racing instances, adds nothing (unique series and day)', async () => {
      const series = t.app.get(NeedSeriesService);
      const made = await Promise.all([series.tick(), series.tick(), series.tick()]);
      expect(made).toEqual([0, 0, 0]);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM needs WHERE series_id = $1`, [seriesId]);
      expect(n).toBe(4);
    });

    it('a volunteer who sees an OPEN occurrence does not see its series (pauses, changes, other occurrences); the poster does', async () => {
      const Q = `query ($id: ID!) { need(id: $id) { id status series { id pauses { reason } occurrences(first: 10) { totalCount } } } }`;
      const seen = await ok(t, Q, { id: occurrences[0].id }, PHONE.liuYang);
      expect(seen.need).toMatchObject({ id: occurrences[0].id, status: 'OPEN', series: null });
      const poster = await ok(t, Q, { id: occurrences[0].id }, PHONE.sunLi);
      expect(poster.need.series).toMatchObject({ id: seriesId, occurrences: { totalCount: 4 } });
      // The occurrences page on by a checked cursor: a crafted one is refused before it reaches SQL.
      const PAGE = `query ($id: ID!, $after: String) { needSeries(id: $id) { occurrences(first: 1, after: $after) { pageInfo { endCursor } edges { node { id } } } } }`;
      const page1 = (await ok(t, PAGE, { id: seriesId }, PHONE.sunLi)).needSeries.occurrences;
      const page2 = (await ok(t, PAGE, { id: seriesId, after: page1.pageInfo.endCursor }, PHONE.sunLi)).needSeries.occurrences;
      expect(page2.edges[0].node.id).toBe(occurrences[1].id);
      for (const bad of ['["not a date","x"]', `["${first.windowStart}","not-a-uuid"]`]) {
        const crafted = await t.gql(PAGE, { id: seriesId, after: Buffer.from(bad).toString('base64url') }, await t.login(PHONE.sunLi));
        expect(crafted.errors![0]).toMatchObject({ message: '分页游标无效', extensions: { code: 'BAD_USER_INPUT' } });
      }
    });

    it('张伟 claims the series: every occurrence is his', async () => {
      const { claimNeedSeries } = await ok(
        t,
        `mutation ($id: ID!) { claimNeedSeries(id: $id) { id claimantVolunteerId skipped } }`,
        { id: seriesId },
        PHONE.zhangWei,
      );
      expect(claimNeedSeries.skipped).toEqual([]);
      const { needSeries } = await ok(t, SERIES, { id: seriesId }, PHONE.zhangWei);
      expect(needSeries.occurrences.edges.map((e: any) => [e.node.status, e.node.claimedBy?.person.name])).toEqual(Array(4).fill(['CLAIMED', '张伟']));
    });

    it('a second volunteer cannot take a claimed series', async () => {
      const res = await t.gql(`mutation ($id: ID!) { claimNeedSeries(id: $id) { id } }`, { id: seriesId }, await t.login(PHONE.liuYang));
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'SERIES_TAKEN' });
    });

    it('pausing two weeks cancels those two occurrences (freeing 张伟) and nothing else changes', async () => {
      const before = await t.db.query(`SELECT id, status, claimed_by, window_start FROM needs WHERE series_id = $1 ORDER BY window_start`, [seriesId]);
      const from = new Date(Date.parse(occurrences[1].windowStart) - 3600_000).toISOString();
      const until = new Date(Date.parse(occurrences[2].windowStart) + 3600_000).toISOString();
      const { pauseNeedSeries } = await ok(
        t,
        `mutation ($id: ID!, $f: DateTime!, $u: DateTime!) { pauseNeedSeries(id: $id, from: $f, until: $u, reason: "老人住院两周") { id pauses { reason } } }`,
        { id: seriesId, f: from, u: until },
        PHONE.sunLi,
      );
      expect(pauseNeedSeries.pauses).toEqual([{ reason: '老人住院两周' }]);
      const after = await t.db.query(`SELECT id, status, claimed_by, window_start, status_reason FROM needs WHERE series_id = $1 ORDER BY window_start`, [
        seriesId,
      ]);
      expect(after.map((n: any) => n.status)).toEqual(['CLAIMED', 'CANCELLED', 'CANCELLED', 'CLAIMED']);
      expect(after[1].status_reason).toContain('老人住院两周');
      expect([after[0], after[3]]).toEqual([before[0], before[3]].map((b: any) => ({ ...b, status_reason: null })));
      // 张伟 is free at those times: nothing he holds overlaps them.
      const held = await t.db.query(
        `SELECT count(*)::int AS n FROM needs n JOIN volunteers v ON v.id = n.claimed_by JOIN persons p ON p.id = v.person_id
        WHERE p.phone = $1 AND n.status IN ('CLAIMED', 'IN_SERVICE') AND n.window_start BETWEEN $2 AND $3`,
        [PHONE.zhangWei, from, until],
      );
      expect(held[0].n).toBe(0);
      // The scheduler does not bring them back.
      expect(await t.app.get(NeedSeriesService).tick()).toBe(0);
    });

    it('王秀英 and 张伟 exchange messages on a claimed occurrence; a phone number arrives masked; 刘洋 cannot read them', async () => {
      const needId = occurrences[0].id;
      const SEND = `mutation ($n: ID!, $t: String!) { sendNeedMessage(needId: $n, text: $t) { id text author { name } } }`;
      const LIST = `query ($n: ID!) { needMessages(needId: $n, first: 10) { totalCount edges { node { text author { name } } } } }`;
      const sent = await ok(t, SEND, { n: needId, t: '我在家等你，电话13800000001，门铃坏了' }, PHONE.wang);
      expect(sent.sendNeedMessage.text).toBe('我在家等你，电话138****0001，门铃坏了');
      await ok(t, SEND, { n: needId, t: '好的，我到楼下了' }, PHONE.zhangWei);
      const read = await ok(t, LIST, { n: needId }, PHONE.zhangWei);
      expect(read.needMessages.edges.map((e: any) => e.node.text)).toEqual(['我在家等你，电话138****0001，门铃坏了', '好的，我到楼下了']);
      const stored = await t.db.query(`SELECT text FROM need_messages WHERE need_id = $1`, [needId]);
      expect(stored.map((r: any) => r.text).join()).not.toContain('13800000001');
      for (const outsider of [PHONE.liuYang, PHONE.zhouQiang, PHONE.li]) {
        expect(codeOf(await t.gql(LIST, { n: needId }, await t.login(outsider)))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(SEND, { n: needId, t: '你好' }, await t.login(outsider)))).toBe('FORBIDDEN');
      }
      const call = await ok(t, `mutation ($n: ID!) { requestNeedCall(needId: $n) { status relayNumber } }`, { n: needId }, PHONE.wang);
      expect(call.requestNeedCall).toEqual({ status: 'REQUESTED', relayNumber: null });
    });
  });

  describe('editing a need', () => {
    it('before a claim: the poster changes description and window; history records it and the deadlines restart', async () => {
      const id = await openNeed(t);
      const w = saturday(1, '14:00', '16:00');
      const { updateNeed } = await ok(
        t,
        `mutation ($id: ID!, $i: UpdateNeedInput!) { updateNeed(id: $id, input: $i) { windowStart description history { action actor { name } } } }`,
        { id, i: { ...w, description: '改到下周六下午' } },
        PHONE.wang,
      );
      expect(updateNeed.windowStart).toBe(w.windowStart);
      expect(updateNeed.description).toBe('改到下周六下午');
      expect(updateNeed.history.at(-1)).toEqual({ action: 'UPDATE', actor: { name: '王秀英' } });
      expect(codeOf(await t.gql(`mutation ($id: ID!) { updateNeed(id: $id, input: { description: "x" }) { id } }`, { id }, await t.login(PHONE.li)))).toBe(
        'FORBIDDEN',
      );
    });

    it('a new address moves the need: old coordinates are cleared (or replaced), and matching and check-in follow', async () => {
      const id = await openNeed(t);
      const CANDIDATES = `query ($id: ID!) { matchCandidates(needId: $id, first: 50) { volunteer { person { name } } distanceKm } }`;
      const distanceOf = async () =>
        (await ok(t, CANDIDATES, { id }, PHONE.sunLi)).matchCandidates.find(
          (c: { volunteer: { person: { name: string } } }) => c.volunteer.person.name === '张伟',
        )?.distanceKm;
      expect(await distanceOf()).toEqual(expect.any(Number));
      const UPDATE = `mutation ($id: ID!, $i: UpdateNeedInput!) { updateNeed(id: $id, input: $i) { address latitude longitude history { action } } }`;
      // Half a pair is refused and changes nothing.
      const half = await t.gql(UPDATE, { id, i: { address: '长江新村12号楼', latitude: 32.07 } }, await t.login(PHONE.wang));
      expect(half.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COORDINATES_INCOMPLETE' });
      expect((await t.db.query(`SELECT address, latitude FROM needs WHERE id = $1`, [id]))[0].latitude).toBe(32.0601);
      // Only the address: the old pin pointed at the old place, so it goes; matching has no distance for the need.
      const moved = (await ok(t, UPDATE, { id, i: { address: '长江新村12号楼' } }, PHONE.wang)).updateNeed;
      expect(moved).toMatchObject({ address: '长江新村12号楼', latitude: null, longitude: null });
      expect(await distanceOf()).toBeNull();
      const [event] = await t.db.query(`SELECT data FROM need_events WHERE need_id = $1 AND action = 'UPDATE' ORDER BY id DESC LIMIT 1`, [id]);
      expect(event.data.changes).toEqual({ address: { from: '(地址)', to: '(地址)' }, location: { from: '(位置)', to: '(已清除)' } });
      expect(JSON.stringify(event.data)).not.toContain('长江新村12号楼');
      // Address with coordinates: about 1.1 km north of the old place; distances and check-in are judged from there.
      const pinned = (await ok(t, UPDATE, { id, i: { address: '长江新村13号楼', latitude: 32.0701, longitude: 118.7968 } }, PHONE.wang)).updateNeed;
      expect(pinned).toMatchObject({ address: '长江新村13号楼', latitude: 32.0701, longitude: 118.7968 });
      expect(await distanceOf()).toEqual(expect.any(Number));
      await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
      await t.db.query(`UPDATE needs SET window_start = now() - interval '5 minutes', window_end = now() + interval '2 hours' WHERE id = $1`, [id]);
      await ok(t, `mutation ($id: ID!) { startService(id: $id, latitude: 32.0701, longitude: 118.7968) { status } }`, { id }, PHONE.zhangWei);
      const [row] = await t.db.query(`SELECT checkin_distance_m FROM needs WHERE id = $1`, [id]);
      expect(row.checkin_distance_m).toBe(0);
      // Served and done, so 张伟 is free for the tests after this one.
      await ok(t, `mutation ($id: ID!) { completeService(id: $id, minutes: 30, latitude: 32.0701, longitude: 118.7968) { status } }`, { id }, PHONE.zhangWei);
    });

    it('after a claim: a new window releases the claim without penalty (WINDOW_CHANGED)', async () => {
      const id = await openNeed(t);
      await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
      const stats = async () =>
        (
          await t.db.query(
            `SELECT coalesce(s.withdraw_count, 0) AS withdrawals, coalesce(s.no_show_count, 0) AS no_shows FROM volunteers v JOIN persons p ON p.id = v.person_id
        LEFT JOIN volunteer_stats s ON s.volunteer_id = v.id WHERE p.phone = $1`,
            [PHONE.zhangWei],
          )
        )[0];
      const before = await stats();
      const onlyText = await t.gql(`mutation ($id: ID!) { updateNeed(id: $id, input: { description: "x" }) { id } }`, { id }, await t.login(PHONE.wang));
      expect(onlyText.errors?.[0].extensions?.reason).toBe('CLAIMED_ONLY_WINDOW');
      const w = saturday(2, '09:00', '11:00');
      const { updateNeed } = await ok(
        t,
        `mutation ($id: ID!, $i: UpdateNeedInput!) { updateNeed(id: $id, input: $i) { status windowStart claimedBy { id } history { action reason } } }`,
        { id, i: { ...w, reason: '老人要去医院复查' } },
        PHONE.wang,
      );
      expect(updateNeed).toMatchObject({ status: 'OPEN', windowStart: w.windowStart, claimedBy: null });
      expect(updateNeed.history.at(-1)).toEqual({ action: 'WINDOW_CHANGED', reason: '老人要去医院复查' });
      const after = await stats();
      expect([after.withdrawals, after.no_shows]).toEqual([before.withdrawals, before.no_shows]);
    });
  });

  describe('check-in evidence', () => {
    it('keeps the distance of check-in and check-out; staff see far ones in the review list', async () => {
      const id = await openNeed(t, { ...saturday(0, '09:00', '11:00') });
      await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
      await t.db.query(`UPDATE needs SET window_start = now() - interval '5 minutes', window_end = now() + interval '2 hours' WHERE id = $1`, [id]);
      // About 1.1 km north of the need's location (32.0601, 118.7968).
      await ok(t, `mutation ($id: ID!) { startService(id: $id, latitude: 32.0701, longitude: 118.7968) { status } }`, { id }, PHONE.zhangWei);
      const [row] = await t.db.query(`SELECT checkin_distance_m FROM needs WHERE id = $1`, [id]);
      expect(row.checkin_distance_m).toBeGreaterThan(1000);
      expect(row.checkin_distance_m).toBeLessThan(1200);
      const { farCheckIns } = await ok(t, `query { farCheckIns { totalCount edges { node { needId checkinDistanceM thresholdM } } } }`, {}, PHONE.sunLi);
      expect(farCheckIns.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ needId: id, checkinDistanceM: row.checkin_distance_m, thresholdM: 500 });
      expect(farCheckIns.totalCount).toBeGreaterThanOrEqual(1);
      // A Relay connection: one item per page, the next page after its cursor, a crafted cursor refused.
      const PAGE = `query ($after: String) { farCheckIns(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { needId } } } }`;
      const one = (await ok(t, PAGE, {}, PHONE.sunLi)).farCheckIns;
      expect(one.edges).toHaveLength(1);
      if (one.pageInfo.hasNextPage)
        expect((await ok(t, PAGE, { after: one.pageInfo.endCursor }, PHONE.sunLi)).farCheckIns.edges[0].node.needId).not.toBe(one.edges[0].node.needId);
      const crafted = await t.gql(PAGE, { after: Buffer.from('["not a date","x"]').toString('base64url') }, await t.login(PHONE.sunLi));
      expect(crafted.errors![0]).toMatchObject({ message: '分页游标无效', extensions: { code: 'BAD_USER_INPUT' } });
      expect(codeOf(await t.gql(`query { farCheckIns { totalCount } }`, {}, await t.login(PHONE.zhangWei)))).toBe('FORBIDDEN');
    });
  });

  it('the demo ledger is dated like its services: 张伟’s November 2026 statement shows his 60 minutes of 2026-11-03', async () => {
    const { myAccount } = await ok(t, `{ myAccount { statement(month: "2026-11") { openingBalanceMinutes creditMinutes } } }`, {}, PHONE.zhangWei);
    expect(myAccount.statement).toEqual({ openingBalanceMinutes: 210, creditMinutes: 60 });
  });

  describe('goods handed out by 长江新村慈善超市', () => {
    const HAND_OUT = `mutation ($i: HandOutGoodsInput!) { handOutGoods(input: $i) { id kind itemName itemUnit quantity recipientPersonId targetType } }`;
    const STOCK = `query ($id: ID!) { charity(id: $id) { goods { itemName quantity } } }`;
    let market: string;
    let wang: string;
    const rice = async () => (await ok(t, STOCK, { id: market }, PHONE.wang)).charity.goods.find((g: any) => g.itemName === '大米').quantity;

    beforeAll(async () => {
      market = (await t.db.query(`SELECT id FROM charities WHERE name = '长江新村慈善超市'`))[0].id;
      wang = await personId(t, PHONE.wang);
    });

    it('2 bags of rice to 王秀英 lower the stock by 2, once per key, and show on her record and the statement', async () => {
      const start = await rice();
      const i = { charityId: market, personId: wang, item: '大米', quantity: 2, idempotencyKey: 'rice-wang-1' };
      const first = await ok(t, HAND_OUT, { i }, '13300000001');
      expect(first.handOutGoods).toMatchObject({
        kind: 'GRANT',
        itemName: '大米',
        itemUnit: '袋',
        quantity: -2,
        recipientPersonId: wang,
        targetType: 'PERSON',
      });
      const again = await ok(t, HAND_OUT, { i }, '13300000001');
      expect(again.handOutGoods.id).toBe(first.handOutGoods.id);
      expect(await rice()).toBe(start - 2);
      const me = await ok(t, `query { me { goodsReceived { itemName quantity } } }`, {}, PHONE.wang);
      // The demo data also hands her 2 桶 of 食用油 (src/seed/demo-everyday.ts); the rice shows once, newest first.
      expect(me.me.goodsReceived[0]).toEqual({ itemName: '大米', quantity: -2 });
      expect(me.me.goodsReceived.filter((g: { itemName: string }) => g.itemName === '大米')).toEqual([{ itemName: '大米', quantity: -2 }]);
      const statement = await ok(t, `query ($id: ID!) { charity(id: $id) { entries(first: 5) { edges { node { id } } } } }`, { id: market }, '13300000001');
      expect(statement.charity.entries.edges[0].node.id).toBe(first.handOutGoods.id);
      const reused = await t.gql(HAND_OUT, { i: { ...i, quantity: 3 } }, await t.login('13300000001'));
      expect(reused.errors?.[0].extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(codeOf(await t.gql(HAND_OUT, { i: { ...i, idempotencyKey: 'x' } }, await t.login(PHONE.sunLi)))).toBe('FORBIDDEN');
    });

    it('20 racing hand-outs of the last 5 bags give exactly 5', async () => {
      const left = await rice();
      await ok(t, HAND_OUT, { i: { charityId: market, personId: wang, item: '大米', quantity: left - 5, idempotencyKey: 'rice-bulk' } }, '13300000001');
      expect(await rice()).toBe(5);
      const token = await t.login('13300000001');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, k) =>
          t.gql(HAND_OUT, { i: { charityId: market, personId: wang, item: '大米', quantity: 1, idempotencyKey: `race-${k}` } }, token),
        ),
      );
      expect(results.filter((r) => !r.errors).length).toBe(5);
      expect(results.filter((r) => r.errors).every((r) => r.errors![0].extensions?.code === 'INSUFFICIENT_BALANCE')).toBe(true);
      const [{ q }] = await t.db.query(`SELECT sum(quantity)::int AS q FROM charity_entries WHERE charity_id = $1 AND item_name = '大米'`, [market]);
      expect(q).toBe(0);
    });
  });

  describe('the scheduler with more series than one run takes', () => {
    const POST = `mutation ($i: PostNeedInput!) { postNeed(input: $i) { series { id } } }`;
    const occurrencesOf = async (id: string) => (await t.db.query(`SELECT count(*)::int AS n FROM needs WHERE series_id = $1`, [id]))[0].n as number;
    /** Runs the materialiser at `at` with runs of 2 series, as many runs as there are live series (and one more). */
    const drain = async (at: Date) => {
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM need_series WHERE status <> 'ENDED'`);
      for (let k = 0; k <= n; k++) await t.app.get(NeedSeriesService).tick(at, 2);
    };

    it('every due series gets its occurrences in turn; a series whose count is used up ends once its last occurrence started', async () => {
      const wang = await personId(t, PHONE.wang);
      const weekly: string[] = [];
      // Runs of the scheduler are placed just before the 07:00 series' first start plus whole weeks.
      const base = Date.parse(saturday(0, '07:00', '07:45').windowStart) - 3600_000;
      for (const h of ['07', '08', '12', '13']) {
        const w = saturday(0, `${h}:00`, `${h}:45`);
        const until = new Date(Date.parse(w.windowStart) + 12 * WEEK).toISOString();
        const input = needInput({ title: `每周六${h}点上门探望`, ...w, estimatedMinutes: 30, beneficiaryId: wang, recurrence: { everyDays: 7, until } });
        weekly.push((await ok(t, POST, { i: input }, PHONE.sunLi)).postNeed.series.id);
      }
      const twice = needInput({
        title: '两次上门理发',
        ...saturday(0, '15:00', '16:00'),
        estimatedMinutes: 45,
        beneficiaryId: wang,
        recurrence: { everyDays: 7, count: 2 },
      });
      const short = (await ok(t, POST, { i: twice }, PHONE.sunLi)).postNeed.series.id as string;
      // Posting made those within 28 days: 3 or 4, depending on how far away Saturday is.
      for (const id of weekly) expect([3, 4]).toContain(await occurrencesOf(id));
      expect(await occurrencesOf(short)).toBe(2);

      // A week later: each weekly series gets its fifth occurrence, although a run takes only 2 series.
      await drain(new Date(base + WEEK));
      for (const id of weekly) expect(await occurrencesOf(id)).toBe(5);
      const STATUS = `query ($id: ID!) { needSeries(id: $id) { status endedReason } }`;
      // Its second (last) occurrence has not started yet: the short series is still claimable.
      expect((await ok(t, STATUS, { id: short }, PHONE.sunLi)).needSeries).toEqual({ status: 'ACTIVE', endedReason: null });

      // Two weeks after that both of its occurrences have started: it is complete, and the scheduler no longer takes it.
      await drain(new Date(base + 3 * WEEK));
      expect((await ok(t, STATUS, { id: short }, PHONE.sunLi)).needSeries).toEqual({ status: 'ENDED', endedReason: '周期已完成' });
      for (const id of weekly) expect(await occurrencesOf(id)).toBe(7);
      expect(await occurrencesOf(short)).toBe(2);
    });
  });

  describe('claiming a series with no OPEN occurrence', () => {
    it('needs the same fitness as a claim: 刘洋 (no 助餐送餐) is refused and does not become the claimant; 张伟 fits', async () => {
      const wang = await personId(t, PHONE.wang);
      const input = needInput({
        title: '两次送晚餐',
        category: 'MEAL_ASSISTANCE',
        ...saturday(0, '18:00', '18:45'),
        estimatedMinutes: 30,
        requiredSkills: ['助餐送餐'],
        beneficiaryId: wang,
        recurrence: { everyDays: 7, count: 2 },
      });
      const { postNeed } = await ok(t, `mutation ($i: PostNeedInput!) { postNeed(input: $i) { series { id } } }`, { i: input }, PHONE.sunLi);
      const seriesId = postNeed.series.id as string;
      // 张伟 claims both occurrences one by one: none is OPEN any more, and the series has no claimant.
      const rows = await t.db.query(`SELECT id FROM needs WHERE series_id = $1 ORDER BY window_start`, [seriesId]);
      expect(rows).toHaveLength(2);
      for (const r of rows) await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { status } }`, { id: r.id }, PHONE.zhangWei);
      const CLAIM = `mutation ($id: ID!) { claimNeedSeries(id: $id) { claimantVolunteerId skipped } }`;
      const refused = await t.gql(CLAIM, { id: seriesId }, await t.login(PHONE.liuYang));
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_ELIGIBLE' });
      expect(refused.errors?.[0].message).toContain('助餐送餐');
      const [{ claimant }] = await t.db.query(`SELECT claimant_volunteer_id AS claimant FROM need_series WHERE id = $1`, [seriesId]);
      expect(claimant).toBeNull();
      const fits = await ok(t, CLAIM, { id: seriesId }, PHONE.zhangWei);
      expect(fits.claimNeedSeries.skipped).toEqual([]);
      expect(fits.claimNeedSeries.claimantVolunteerId).not.toBeNull();
    });
  });
});
