import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { createApp } from '../../src/bootstrap.js';
import { NeedSeriesService } from '../../src/needs/need-series.service.js';
import { NotificationBus } from '../../src/notifications/notification-bus.js';
import { needInput, ok, openNeed, personId, PHONE, saturday } from '../helpers/needs.js';
import { regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Everyday use, the rest of issue 15 (docs/everyday.md): a series changed from a date on (also racing the
 * materialiser and a claim), the far check-in threshold per region, and the needMessageSent subscription.
 */
const DAY = 24 * 3600_000;
const WEEK = 7 * DAY;

/**
 * The next `weekday` (ISO 1–7) at hh:mm–hh:mm Asia/Shanghai, at least two hours and at most 7 days ahead (a slot
 * too close today moves three hours later), as ISO strings.
 */
function next(weekday: number, from: string, to: string): { windowStart: string; windowEnd: string } {
  const now = Date.now();
  const shanghai = new Date(now + 8 * 3600_000);
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const slot = (days: number, shift: number) => {
    const base = Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + days);
    return { start: base + (minutes(from) + shift) * 60_000 - 8 * 3600_000, end: base + (minutes(to) + shift) * 60_000 - 8 * 3600_000 };
  };
  const days = (weekday % 7) - shanghai.getUTCDay();
  let w = slot((days + 7) % 7, 0);
  if (w.start <= now + 2 * 3600_000) w = slot(((days + 7) % 7) + 7, 0);
  if (w.start > now + WEEK) w = slot((days + 7) % 7, 180);
  return { windowStart: new Date(w.start).toISOString(), windowEnd: new Date(w.end).toISOString() };
}

/** Asia/Shanghai HH:MM of an ISO time. */
const hhmm = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);

const POST_SERIES = `mutation ($i: PostNeedInput!) { postNeed(input: $i) { id series { id } } }`;
const CHANGE = `mutation ($id: ID!, $f: DateTime!, $i: ChangeNeedSeriesInput!) {
  changeNeedSeries(id: $id, from: $f, input: $i) { id claimantVolunteerId recurrence { weekdays count until } windowMinutes
    changes { from reason changed updated released cancelled added } } }`;

describe('everyday use: series changes, far check-in thresholds, message subscriptions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const occurrencesOf = (seriesId: string) =>
    t.db.query(
      `SELECT id, status::text AS status, window_start, window_end, claimed_by, description, to_char(occurrence_date, 'YYYY-MM-DD') AS date
         FROM needs WHERE series_id = $1 ORDER BY window_start`,
      [seriesId],
    );

  async function postSeries(weekday: number, from: string, to: string, over: Record<string, unknown> = {}): Promise<string> {
    const first = next(weekday, from, to);
    const { postNeed } = await ok(
      t,
      POST_SERIES,
      {
        i: needInput({
          title: '每周送午餐上门',
          category: 'MEAL_ASSISTANCE',
          ...first,
          estimatedMinutes: 30,
          requiredSkills: ['助餐送餐'],
          beneficiaryId: await personId(t, PHONE.wang),
          recurrence: { weekdays: [weekday], until: new Date(Date.parse(first.windowStart) + 12 * WEEK).toISOString() },
          ...over,
        }),
      },
      PHONE.sunLi,
    );
    return postNeed.series.id;
  }

  describe('a series moving house', () => {
    it('a new address from a date on clears the old coordinates of those occurrences (or takes the new ones); earlier ones keep theirs', async () => {
      const seriesId = await postSeries(4, '10:00', '11:00');
      type Place = { address: string | null; latitude: number | null; longitude: number | null };
      const place = async (): Promise<Place[]> =>
        t.db.query(`SELECT address, latitude, longitude FROM needs WHERE series_id = $1 ORDER BY window_start`, [seriesId]);
      const before = await place();
      expect(before.length).toBeGreaterThanOrEqual(2);
      const [second] = await t.db.query(`SELECT window_start FROM needs WHERE series_id = $1 ORDER BY window_start OFFSET 1 LIMIT 1`, [seriesId]);
      const from = new Date(second.window_start.getTime() - 3600_000).toISOString();
      const half = await t.gql(CHANGE, { id: seriesId, f: from, i: { address: '长江新村12号楼', longitude: 118.8 } }, await t.login(PHONE.sunLi));
      expect(half.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'COORDINATES_INCOMPLETE' });
      expect(await place()).toEqual(before);

      const moved = (await ok(t, CHANGE, { id: seriesId, f: from, i: { address: '长江新村12号楼' } }, PHONE.sunLi)).changeNeedSeries;
      expect(moved.changes.at(-1).changed).toEqual(['address', 'location']);
      const after = await place();
      expect(after[0]).toEqual(before[0]);
      for (const o of after.slice(1)) expect(o).toEqual({ address: '长江新村12号楼', latitude: null, longitude: null });

      await ok(t, CHANGE, { id: seriesId, f: from, i: { latitude: 32.0701, longitude: 118.7968 } }, PHONE.sunLi);
      for (const o of (await place()).slice(1)) expect(o).toEqual({ address: '长江新村12号楼', latitude: 32.0701, longitude: 118.7968 });
      // Occurrences materialised later carry the series' new place too.
      const [{ template }] = await t.db.query(`SELECT template FROM need_series WHERE id = $1`, [seriesId]);
      expect(template).toMatchObject({ address: '长江新村12号楼', latitude: 32.0701, longitude: 118.7968 });
    });
  });

  describe('changing a series from a date on', () => {
    let seriesId: string;
    let before: { id: string; status: string; window_start: Date; window_end: Date; claimed_by: string | null; description: string | null; date: string }[];

    it('from the second Tuesday on: a later, longer window; the first stays as it was, the claimed later ones are released without penalty', async () => {
      seriesId = await postSeries(2, '11:00', '12:00');
      await ok(t, `mutation ($id: ID!) { claimNeedSeries(id: $id) { id } }`, { id: seriesId }, PHONE.zhangWei);
      before = await occurrencesOf(seriesId);
      expect(before.map((o) => o.status)).toEqual(['CLAIMED', 'CLAIMED', 'CLAIMED', 'CLAIMED']);
      const stats = async () =>
        (
          await t.db.query(
            `SELECT coalesce(s.withdraw_count, 0) AS withdrawals, coalesce(s.no_show_count, 0) AS no_shows FROM volunteers v JOIN persons p ON p.id = v.person_id
               LEFT JOIN volunteer_stats s ON s.volunteer_id = v.id WHERE p.phone = $1`,
            [PHONE.zhangWei],
          )
        )[0];
      const penalties = await stats();
      const from = new Date(before[1].window_start.getTime() - 3600_000).toISOString();
      const { changeNeedSeries } = await ok(
        t,
        CHANGE,
        { id: seriesId, f: from, i: { startTime: '14:00', windowMinutes: 90, description: '午餐改为下午送', reason: '食堂改了出餐时间' } },
        PHONE.sunLi,
      );
      expect(changeNeedSeries).toMatchObject({
        claimantVolunteerId: null,
        windowMinutes: 90,
        changes: [
          { from, reason: '食堂改了出餐时间', changed: ['startTime', 'windowMinutes', 'description'], updated: 0, released: 3, cancelled: 0, added: 0 },
        ],
      });
      const after = await occurrencesOf(seriesId);
      expect(after[0]).toEqual(before[0]);
      for (const o of after.slice(1)) {
        expect(o.status).toBe('OPEN');
        expect(o.claimed_by).toBeNull();
        expect(hhmm(o.window_start.toISOString())).toBe('14:00');
        expect(o.window_end.getTime() - o.window_start.getTime()).toBe(90 * 60_000);
        expect(o.description).toBe('午餐改为下午送');
      }
      expect(after.slice(1).map((o: { date: string }) => o.date)).toEqual(before.slice(1).map((o) => o.date));
      const [event] = await t.db.query(`SELECT action, reason FROM need_events WHERE need_id = $1 ORDER BY id DESC LIMIT 1`, [after[1].id]);
      expect(event).toEqual({ action: 'WINDOW_CHANGED', reason: '周期需求变更：食堂改了出餐时间' });
      expect(await stats()).toEqual(penalties);
    });

    it('the same change again changes nothing (idempotent)', async () => {
      const snapshot = await occurrencesOf(seriesId);
      const from = new Date(before[1].window_start.getTime() - 3600_000).toISOString();
      const { changeNeedSeries } = await ok(
        t,
        CHANGE,
        { id: seriesId, f: from, i: { startTime: '14:00', windowMinutes: 90, description: '午餐改为下午送', reason: '食堂改了出餐时间' } },
        PHONE.sunLi,
      );
      expect(changeNeedSeries.changes).toHaveLength(1);
      expect(await occurrencesOf(seriesId)).toEqual(snapshot);
    });

    it('an unclaimed occurrence is updated in place (recorded as UPDATE); a dropped day is cancelled and the new days are added', async () => {
      const occ = await occurrencesOf(seriesId);
      const from = new Date(occ[2].window_start.getTime() - 3600_000).toISOString();
      // Tuesdays become Wednesdays from the third occurrence on.
      const { changeNeedSeries } = await ok(t, CHANGE, { id: seriesId, f: from, i: { weekdays: [3] } }, PHONE.sunLi);
      const last = changeNeedSeries.changes.at(-1);
      expect(last).toMatchObject({ changed: ['recurrence'], cancelled: 2, updated: 0 });
      expect(last.added).toBeGreaterThanOrEqual(1);
      expect(changeNeedSeries.recurrence.weekdays).toEqual([3]);
      const after = await occurrencesOf(seriesId);
      expect(after.slice(0, 2).map((o: { id: string }) => o.id)).toEqual(occ.slice(0, 2).map((o: { id: string }) => o.id));
      const fromDate = Date.parse(from);
      const later = after.filter((o: { window_start: Date }) => o.window_start.getTime() >= fromDate);
      const weekdayOf = (d: Date) => new Date(d.getTime() + 8 * 3600_000).getUTCDay();
      expect(later.filter((o: { status: string }) => o.status === 'CANCELLED').every((o: { window_start: Date }) => weekdayOf(o.window_start) === 2)).toBe(
        true,
      );
      const live = later.filter((o: { status: string }) => o.status === 'OPEN');
      expect(live.length).toBe(last.added);
      for (const o of live) {
        expect(weekdayOf(o.window_start)).toBe(3);
        expect(hhmm(o.window_start.toISOString())).toBe('14:00');
      }
      // The second (unclaimed, OPEN) occurrence: a description change only updates it in place.
      const second = after[1];
      const { changeNeedSeries: again } = await ok(
        t,
        CHANGE,
        { id: seriesId, f: new Date(second.window_start.getTime() - 60_000).toISOString(), i: { description: '午餐送到门口' } },
        PHONE.sunLi,
      );
      expect(again.changes.at(-1)).toMatchObject({ changed: ['description'], released: 0, cancelled: 0, added: 0 });
      expect(again.changes.at(-1).updated).toBe(1 + live.length);
      const [n] = await t.db.query(`SELECT status::text AS status, description FROM needs WHERE id = $1`, [second.id]);
      expect(n).toEqual({ status: 'OPEN', description: '午餐送到门口' });
      const [event] = await t.db.query(`SELECT action, data->'changed' AS changed FROM need_events WHERE need_id = $1 ORDER BY id DESC LIMIT 1`, [second.id]);
      expect(event).toEqual({ action: 'UPDATE', changed: ['description'] });
    });

    it('refuses outsiders, an empty change, a bad start time and unknown skills, changing nothing', async () => {
      const snapshot = await occurrencesOf(seriesId);
      const f = new Date(Date.now() + DAY).toISOString();
      for (const phone of [PHONE.liuYang, PHONE.zhangWei, PHONE.zhouQiang])
        expect(codeOf(await t.gql(CHANGE, { id: seriesId, f, i: { description: 'x' } }, await t.login(phone)))).toBe('FORBIDDEN');
      const sun = await t.login(PHONE.sunLi);
      const empty = await t.gql(CHANGE, { id: seriesId, f, i: {} }, sun);
      expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NOTHING_TO_CHANGE' });
      const badTime = await t.gql(CHANGE, { id: seriesId, f, i: { startTime: '25:00' } }, sun);
      expect(badTime.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_START_TIME' });
      expect(badTime.errors?.[0].message).toBe('开始时间应为 HH:MM（北京时间）');
      const short = await t.gql(CHANGE, { id: seriesId, f, i: { windowMinutes: 10 } }, sun);
      expect(short.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_WINDOW_MINUTES' });
      expect(codeOf(await t.gql(CHANGE, { id: seriesId, f, i: { requiredSkills: ['飞行'] } }, sun))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(CHANGE, { id: '00000000-0000-4000-8000-000000000000', f, i: { description: 'x' } }, sun))).toBe('NOT_FOUND');
      expect(await occurrencesOf(seriesId)).toEqual(snapshot);
    });

    it('racing the materialiser on other connections: each day once, every live occurrence from the change on in the new shape', async () => {
      const id = await postSeries(4, '09:00', '10:00');
      const occ = await occurrencesOf(id);
      const series = t.app.get(NeedSeriesService);
      const from = new Date(occ[1].window_start.getTime() - 3600_000).toISOString();
      const [changed] = await Promise.all([
        ok(t, CHANGE, { id, f: from, i: { startTime: '15:30', weekdays: [4, 5] } }, PHONE.sunLi),
        series.tick(),
        series.tick(),
      ]);
      expect(changed.changeNeedSeries.recurrence.weekdays).toEqual([4, 5]);
      await series.tick();
      const after = await occurrencesOf(id);
      const days = after.map((o: { date: string }) => o.date);
      expect(new Set(days).size).toBe(days.length);
      const live = after.filter((o: { status: string; window_start: Date }) => o.status === 'OPEN' && o.window_start.getTime() >= Date.parse(from));
      expect(live.length).toBeGreaterThan(3);
      for (const o of live) expect(hhmm(o.window_start.toISOString())).toBe('15:30');
      expect(after[0]).toEqual(occ[0]);
    });

    it('racing a claim of an occurrence: never held at the old time', async () => {
      const id = await postSeries(6, '08:00', '09:00');
      const occ = await occurrencesOf(id);
      const from = new Date(occ[0].window_start.getTime() - 3600_000).toISOString();
      const [claim, change] = await Promise.all([
        t.gql(`mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id: occ[1].id }, await t.login(PHONE.zhangWei)),
        t.gql(CHANGE, { id, f: from, i: { startTime: '16:00' } }, await t.login(PHONE.sunLi)),
      ]);
      expect(change.errors).toBeUndefined();
      const [n] = await t.db.query(`SELECT status::text AS status, window_start, claimed_by FROM needs WHERE id = $1`, [occ[1].id]);
      expect(hhmm(n.window_start.toISOString())).toBe('16:00');
      if (claim.errors) {
        // The claim came after the change and failed for its own reason, or the change came first.
        expect(n.status).toBe('OPEN');
      } else if (n.status === 'CLAIMED') {
        // The change came first: the claim holds the new time.
        expect(n.claimed_by).not.toBeNull();
      } else {
        // The claim came first: the change released it, without penalty.
        expect(n.status).toBe('OPEN');
        const [e] = await t.db.query(`SELECT action FROM need_events WHERE need_id = $1 ORDER BY id DESC LIMIT 1`, [occ[1].id]);
        expect(e.action).toBe('WINDOW_CHANGED');
      }
    });
  });

  describe('far check-in threshold per region', () => {
    const POLICY = `query ($r: ID!) { farCheckInPolicy(regionId: $r) { regionId metres setByRegionId } }`;
    const SET = `mutation ($r: ID!, $m: Int!) { setFarCheckInThreshold(regionId: $r, metres: $m) { regionId metres setByRegionId } }`;
    const FAR = `query ($m: Float) { farCheckIns(thresholdM: $m, first: 100) { edges { node { needId checkinDistanceM thresholdM } } } }`;
    const far = async (vars: Record<string, unknown>) => (await ok(t, FAR, vars, PHONE.sunLi)).farCheckIns.edges.map((e: { node: unknown }) => e.node);

    it('uses each need’s region’s threshold (inherited, default 500 m) when no threshold is given; a street admin sets it in scope', async () => {
      const id = await openNeed(t, { ...saturday(0, '09:00', '11:00') });
      await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
      await t.db.query(`UPDATE needs SET window_start = now() - interval '5 minutes', window_end = now() + interval '2 hours' WHERE id = $1`, [id]);
      // About 1.1 km north of the need's location.
      await ok(t, `mutation ($id: ID!) { startService(id: $id, latitude: 32.0701, longitude: 118.7968) { status } }`, { id }, PHONE.zhangWei);
      const [{ checkin_distance_m: d }] = await t.db.query(`SELECT checkin_distance_m FROM needs WHERE id = $1`, [id]);
      const a1 = await regionId(t, '320102002001');
      const streetA = await regionId(t, '320102002');
      const streetB = await regionId(t, '320102003');

      // Street A sets nothing: the default.
      expect((await ok(t, POLICY, { r: a1 }, PHONE.sunLi)).farCheckInPolicy).toEqual({ regionId: a1, metres: 500, setByRegionId: null });
      expect(await far({})).toContainEqual({ needId: id, checkinDistanceM: d, thresholdM: 500 });
      // The demo: street B reviews beyond 1 km.
      expect((await ok(t, POLICY, { r: streetB }, PHONE.admin)).farCheckInPolicy).toEqual({ regionId: streetB, metres: 1000, setByRegionId: streetB });

      // Refusals change nothing: out of scope, not an admin, out of range.
      expect(codeOf(await t.gql(SET, { r: streetB, m: 2000 }, await t.login(PHONE.heJun)))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(SET, { r: a1, m: 2000 }, await t.login(PHONE.sunLi)))).toBe('FORBIDDEN');
      const low = await t.gql(SET, { r: a1, m: 10 }, await t.login(PHONE.heJun));
      expect(low.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FAR_CHECKIN_OUT_OF_RANGE' });
      expect(low.errors?.[0].message).toBe('签到核查距离应为 50–20000 米的整数');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM need_checkin_policies`))[0].n).toBe(1);

      // 何军 sets 2 km for street A: community A1 inherits it, and the 1.1 km check-in is no longer listed.
      expect((await ok(t, SET, { r: streetA, m: 2000 }, PHONE.heJun)).setFarCheckInThreshold).toEqual({
        regionId: streetA,
        metres: 2000,
        setByRegionId: streetA,
      });
      expect((await ok(t, POLICY, { r: a1 }, PHONE.sunLi)).farCheckInPolicy).toEqual({ regionId: a1, metres: 2000, setByRegionId: streetA });
      expect((await far({})).map((f: { needId: string }) => f.needId)).not.toContain(id);
      // An explicit threshold still applies to all (compatibility).
      expect(await far({ m: 500 })).toContainEqual({ needId: id, checkinDistanceM: d, thresholdM: 500 });
      // A nearer region's own setting wins over the street's.
      await ok(t, SET, { r: a1, m: 1000 }, PHONE.heJun);
      expect(await far({})).toContainEqual({ needId: id, checkinDistanceM: d, thresholdM: 1000 });
    });
  });

  describe('needMessageSent over graphql-ws', () => {
    let other: NestFastifyApplication;
    let url: string;
    const clients: Client[] = [];
    beforeAll(async () => {
      other = await createApp(t.config, t.databaseUrl);
      await other.listen(0, '127.0.0.1');
      url = `ws://127.0.0.1:${(other.getHttpServer().address() as { port: number }).port}/graphql`;
    });
    afterAll(async () => {
      for (const c of clients) await c.dispose();
      await other.close();
    });

    const until = async (cond: () => boolean) => {
      for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(cond()).toBe(true);
    };

    /** Subscribes as `phone` on the second instance; resolves once it is registered there or refused. */
    async function subscribe(phone: string, needId: string): Promise<{ events: any[]; errors: any[] }> {
      const client = createClient({
        url,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${await t.login(phone)}` },
        lazy: true,
        retryAttempts: 0,
      });
      clients.push(client);
      const out = { events: [] as any[], errors: [] as any[] };
      const bus = other.get(NotificationBus);
      const before = bus.subscriberCount;
      client.subscribe(
        { query: `subscription ($n: ID!) { needMessageSent(needId: $n) { id needId text author { name } } }`, variables: { n: needId } },
        {
          next: (v) => (v.errors ? out.errors.push(...v.errors) : out.events.push((v.data as any).needMessageSent)),
          error: (e) => out.errors.push(e),
          complete: () => undefined,
        },
      );
      await until(() => bus.subscriberCount > before || out.errors.length > 0);
      return out;
    }

    it('the beneficiary and the claimant receive each message, a phone number masked; an outsider is refused and receives nothing', async () => {
      const id = await openNeed(t, { ...saturday(1, '14:00', '16:00') });
      await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
      const wang = await subscribe(PHONE.wang, id);
      const zhang = await subscribe(PHONE.zhangWei, id);
      const liu = await subscribe(PHONE.liuYang, id);
      expect(wang.errors).toEqual([]);
      expect(zhang.errors).toEqual([]);
      expect(liu.errors.length).toBeGreaterThan(0);
      expect(JSON.stringify(liu.errors)).toContain('FORBIDDEN');

      const SEND = `mutation ($n: ID!, $t: String!) { sendNeedMessage(needId: $n, text: $t) { id } }`;
      await ok(t, SEND, { n: id, t: '到了请打13800000001，我在三楼' }, PHONE.wang);
      await ok(t, SEND, { n: id, t: '好的，十分钟后到' }, PHONE.zhangWei);
      await until(() => wang.events.length >= 2 && zhang.events.length >= 2);
      const expected = [
        { needId: id, text: '到了请打138****0001，我在三楼', author: { name: expect.any(String) } },
        { needId: id, text: '好的，十分钟后到', author: { name: expect.any(String) } },
      ];
      expect(wang.events).toEqual(expected.map((e) => ({ ...e, id: expect.any(String) })));
      expect(zhang.events).toEqual(expected.map((e) => ({ ...e, id: expect.any(String) })));
      expect(JSON.stringify([wang.events, zhang.events])).not.toContain('13800000001');
      await new Promise((r) => setTimeout(r, 200));
      expect(liu.events).toEqual([]);
    });

    it('a claimant who withdraws stops receiving the messages of the need (access is checked on each delivery)', async () => {
      const id = await openNeed(t, { ...saturday(2, '14:00', '16:00') });
      await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { id } }`, { id }, PHONE.zhangWei);
      const wang = await subscribe(PHONE.wang, id);
      const zhang = await subscribe(PHONE.zhangWei, id);
      expect(zhang.errors).toEqual([]);
      const SEND = `mutation ($n: ID!, $t: String!) { sendNeedMessage(needId: $n, text: $t) { id } }`;
      await ok(t, SEND, { n: id, t: '周六见' }, PHONE.wang);
      await until(() => wang.events.length >= 1 && zhang.events.length >= 1);
      await ok(t, `mutation ($id: ID!) { withdrawClaim(id: $id, reason: "临时出差") { status } }`, { id }, PHONE.zhangWei);
      await ok(t, SEND, { n: id, t: '门禁密码是1234' }, PHONE.wang);
      await until(() => wang.events.length >= 2);
      // The message after the withdrawal reached the beneficiary; give the former claimant's delivery time to (not) arrive.
      await new Promise((r) => setTimeout(r, 300));
      expect(wang.events.map((e) => e.text)).toEqual(['周六见', '门禁密码是1234']);
      expect(zhang.events.map((e) => e.text)).toEqual(['周六见']);
    });
  });
});
