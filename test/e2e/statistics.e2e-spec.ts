import fc from 'fast-check';
import { operations } from '../../src/statistics/figures.js';
import { MONTHLY_FIGURES } from '../../src/statistics/statistics.controller.js';
import { StatisticsRepository } from '../../src/statistics/statistics.repository.js';
import { StatisticsService } from '../../src/statistics/statistics.service.js';
import { exposed, linesOf } from '../../src/statistics/suppression.js';
import { Actor } from '../../src/scope/actor.js';
import { ActorRepository } from '../../src/scope/actor.repository.js';
import { DEMO_PASSWORD } from '../../src/seed/demo-data.js';
import { ok, PHONE, servedNeed } from '../helpers/needs.js';
import { regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/** Statistics 统计 (issue 16, docs/statistics.md): regionStats with drill-down, public figures, CSV, attributes, rollup = raw. */
const MONTH_FIELDS = `month volunteersActive needsPosted needsClosed needsCancelled needsExpired minutesServed minutesBanked minutesTransferred minutesDonated
  medianMinutesToAccept medianMinutesToClaim onTimeRate ratings satisfactionRate escalations noShows visitsDue visitsDone visitsMissed`;
const FIELDS = `${MONTH_FIELDS} region { id code name } from to suppressed volunteersRegistered visitRate
  needsByCategory { category urgency posted closed cancelled expired } projectsByStatus { status count budgetFen } projectsBudgetFen projectsDisbursedFen
  indicators { code name value target met numerator denominator suppressed } series { ${MONTH_FIELDS} }`;
const STATS = `query ($r: ID!, $f: DateTime!, $t: DateTime!) { regionStats(regionId: $r, from: $f, to: $t) { ${FIELDS} children { ${FIELDS} } } }`;
const PUBLIC = `query ($r: ID!, $f: DateTime!, $t: DateTime!) { publicRegionStats(regionId: $r, from: $f, to: $t) { ${FIELDS} children { ${FIELDS} } } }`;
const SET_ATTRS = `mutation ($i: SetRegionAttributesInput!) { setRegionAttributes(input: $i) { regionId residentPopulation elderlyPopulation kind hasVolunteerStation coveredCategories } }`;
const CODES = [
  'VOLUNTEER_STATION_COVERAGE',
  'ELDERLY_VISIT_RATE',
  'CHILD_VISIT_RATE',
  'DISCOVERY_COVERAGE',
  'HOME_SERVICE_SHARE',
  'SOCIAL_WORKERS_PER_COMMUNITY',
  'SOCIAL_WORKERS_PER_10K',
  'COMMUNITY_WORKERS_PER_10K',
  'CERTIFIED_WORKER_SHARE',
  'ORGS_PER_COMMUNITY',
  'FULL_SERVICE_COVERAGE',
  'CONSULTATION_COVERAGE',
];

/** This calendar month in China time, as [from, to). */
function thisMonth(): { f: string; t: string } {
  const now = new Date(Date.now() + 8 * 3600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth();
  return { f: new Date(Date.UTC(y, m, 1) - 8 * 3600_000).toISOString(), t: new Date(Date.UTC(y, m + 1, 1) - 8 * 3600_000).toISOString() };
}

describe('statistics', () => {
  let t: TestApp;
  let streetA: string;
  let a1: string;

  beforeAll(async () => {
    t = await createTestApp();
    streetA = await regionId(t, '320102002');
    a1 = await regionId(t, '320102002001');
    // Activity this month: two served needs in A1 (rated 5), so the operational figures are not all zero.
    await servedNeed(t, { beneficiary: PHONE.wang, volunteer: PHONE.zhangWei, minutes: 60 });
    await servedNeed(t, { beneficiary: PHONE.wang, volunteer: PHONE.zhangWei, minutes: 90 });
  });
  afterAll(() => t.close());

  it('何军: street A over this month shows every field, the indicators with targets, and children A1/A2 whose counts add up', async () => {
    const s = (await ok(t, STATS, { r: streetA, ...thisMonth() }, PHONE.heJun)).regionStats;
    expect(s.region.code).toBe('320102002000');
    expect(s.suppressed).toBe(false);
    for (const [k, v] of Object.entries(s))
      if (!['medianMinutesToAccept', 'medianMinutesToClaim', 'onTimeRate', 'satisfactionRate', 'visitRate'].includes(k)) expect(v).not.toBeNull();
    expect(s.needsPosted).toBeGreaterThanOrEqual(2);
    expect(s.needsClosed).toBeGreaterThanOrEqual(2);
    expect(s.minutesServed).toBeGreaterThanOrEqual(150);
    expect(s.satisfactionRate).toBeGreaterThan(0);
    expect(s.medianMinutesToClaim).not.toBeNull();
    expect(s.indicators.map((i: any) => i.code)).toEqual(CODES);
    const station = s.indicators.find((i: any) => i.code === 'VOLUNTEER_STATION_COVERAGE');
    expect(station).toMatchObject({ name: '志愿服务站点覆盖率', target: 0.8, numerator: 1, denominator: 2, value: 0.5, met: false });
    expect(s.indicators.find((i: any) => i.code === 'SOCIAL_WORKERS_PER_COMMUNITY').target).toBe(3);
    expect(s.indicators.find((i: any) => i.code === 'CERTIFIED_WORKER_SHARE')).toMatchObject({
      target: 0.6,
      numerator: expect.any(Number),
      denominator: expect.any(Number),
    });
    expect(s.series.length).toBeGreaterThanOrEqual(1);
    expect(s.children.map((c: any) => c.region.name).sort()).toEqual(['大悲巷社区', '长江新村社区'].sort());
    for (const k of [
      'needsPosted',
      'needsClosed',
      'needsCancelled',
      'needsExpired',
      'minutesServed',
      'escalations',
      'noShows',
      'visitsDue',
      'visitsDone',
      'volunteersRegistered',
      'ratings',
    ]) {
      // projects, organizations and ledger accounts may sit at the street itself, so only grid/community-keyed counts add up
      expect(s.children.reduce((a: number, c: any) => a + c[k], 0)).toBe(s[k]);
    }
    for (const i of s.indicators.filter((x: any) =>
      ['VOLUNTEER_STATION_COVERAGE', 'CONSULTATION_COVERAGE', 'FULL_SERVICE_COVERAGE', 'DISCOVERY_COVERAGE'].includes(x.code),
    )) {
      expect(s.children.reduce((a: number, c: any) => a + c.indicators.find((x: any) => x.code === i.code).numerator, 0)).toBe(i.numerator);
    }
  });

  it('staff see their scope only; no login, no regionStats', async () => {
    expect(codeOf(await t.gql(STATS, { r: streetA, ...thisMonth() }, await t.login(PHONE.sunLi)))).toBe('FORBIDDEN');
    expect((await ok(t, STATS, { r: a1, ...thisMonth() }, PHONE.sunLi)).regionStats.region.name).toBe('长江新村社区');
    expect(codeOf(await t.gql(STATS, { r: streetA, ...thisMonth() }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await t.gql(STATS, { r: streetA, f: thisMonth().t, t: thisMonth().f }, await t.login(PHONE.heJun)))).toBe('BAD_USER_INPUT');
  });

  it('publicRegionStats without login: no names or phones, no count of persons under 5', async () => {
    const res = await t.gql(PUBLIC, { r: streetA, ...thisMonth() });
    expect(res.errors).toBeUndefined();
    const s = res.data.publicRegionStats;
    const text = JSON.stringify(s);
    for (const name of ['王秀英', '李建国', '张伟', '刘洋', '孙丽', '何军']) expect(text).not.toContain(name);
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    const small = (n: unknown) => typeof n === 'number' && n > 0 && n < 5;
    const counts = (x: any) =>
      [
        'volunteersActive',
        'needsPosted',
        'needsClosed',
        'needsCancelled',
        'needsExpired',
        'escalations',
        'noShows',
        'visitsDue',
        'visitsDone',
        'visitsMissed',
      ].map((k) => x[k]);
    for (const r of [s, ...s.children]) {
      expect([...counts(r), r.volunteersRegistered, r.ratings].some(small)).toBe(false);
      for (const m of r.series) expect(counts(m).some(small)).toBe(false);
      for (const c of r.needsByCategory) expect([c.posted, c.closed, c.cancelled, c.expired].some(small)).toBe(false);
    }
    expect(s.needsPosted === null || s.needsPosted >= 5).toBe(true);
    expect(s.suppressed).toBe(true);
    // Complementary suppression (docs/statistics.md "Public figures"): no line has exactly one hidden member.
    const tree = { ...s, children: s.children.map((c: any) => ({ ...c, children: [] })) }; // the query asks no grandchildren
    expect(linesOf(tree).filter(exposed)).toHaveLength(0);
    // A visible rate times its visible count gives no count of 1–4, nor leaves one (good ratings, closures on time).
    for (const m of [s, ...s.series, ...s.children, ...s.children.flatMap((c: any) => c.series)]) {
      for (const [rate, n] of [
        [m.satisfactionRate, m.ratings],
        [m.onTimeRate, m.needsClosed],
      ]) {
        if (rate === null || n === null) continue;
        const d = Math.round(rate * n);
        expect([small(d), small(n - d)]).toEqual([false, false]);
      }
    }
  });

  it('publicRegionStats hides the minutes behind fewer than 5 active volunteers (张伟 alone served 150 minutes in A1)', async () => {
    const s = (await t.gql(PUBLIC, { r: streetA, ...thisMonth() })).data.publicRegionStats;
    const minutes = (x: any) => [x.minutesServed, x.minutesBanked, x.minutesTransferred, x.minutesDonated];
    for (const r of [s, ...s.children, ...s.series, ...s.children.flatMap((c: any) => c.series)]) {
      if (r.volunteersActive === null || r.volunteersActive < 5) for (const m of minutes(r)) expect(m === null || m === 0).toBe(true);
    }
    const childA1 = s.children.find((c: any) => c.region.id === a1);
    expect(childA1.minutesServed).toBeNull();
    expect(childA1.suppressed).toBe(true);
    // Staff see the figure itself.
    const staff = (await ok(t, STATS, { r: streetA, ...thisMonth() }, PHONE.heJun)).regionStats;
    expect(staff.children.find((c: any) => c.region.id === a1).minutesServed).toBeGreaterThanOrEqual(150);
  });

  it('statistics are priced: five aliased publicRegionStats in one operation are refused as too complex, nothing run', async () => {
    const v = thisMonth();
    const aliased = [1, 2, 3, 4, 5].map((i) => `s${i}: publicRegionStats(regionId: $r, from: $f, to: $t) { needsPosted }`).join(' ');
    const res = await t.gql(`query ($r: ID!, $f: DateTime!, $t: DateTime!) { ${aliased} }`, { r: streetA, ...v });
    expect(res.data).toBeUndefined();
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions!.reason).toBe('QUERY_TOO_COMPLEX');
    // One is fine.
    expect(
      (await t.gql(`query ($r: ID!, $f: DateTime!, $t: DateTime!) { publicRegionStats(regionId: $r, from: $f, to: $t) { needsPosted } }`, { r: streetA, ...v }))
        .errors,
    ).toBeUndefined();
  });

  it('CSV after logout: the logged-out token is refused (401, SESSION_REVOKED) like on /graphql', async () => {
    const { f, t: to } = thisMonth();
    const url = `/export/region-stats.csv?regionId=${streetA}&from=${encodeURIComponent(f)}&to=${encodeURIComponent(to)}`;
    const login = await t.gql(`mutation ($i: LoginInput!) { login(input: $i) { accessToken } }`, { i: { phone: PHONE.heJun, password: DEMO_PASSWORD } });
    const token = login.data.login.accessToken as string;
    expect((await t.http().get(url).set('authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await t.gql(`mutation { logout }`, {}, token)).data).toEqual({ logout: true });
    const res = await t.http().get(url).set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(401);
    expect(res.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'SESSION_REVOKED' });
    expect(res.text).not.toContain('志愿服务站点覆盖率');
    const anonymous = await t.http().get(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'LOGIN_REQUIRED' });
  });

  it('CSV: UTF-8 with a BOM and Chinese headers, behind the same permission', async () => {
    const { f, t: to } = thisMonth();
    const url = `/export/region-stats.csv?regionId=${streetA}&from=${encodeURIComponent(f)}&to=${encodeURIComponent(to)}`;
    const res = await t
      .http()
      .get(url)
      .set('authorization', `Bearer ${await t.login(PHONE.heJun)}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = body.toString('utf8').slice(1);
    expect(text.split('\n')[0]).toBe('区域,区划代码,类别,项目,数值,目标,是否达标,分子,分母');
    expect(text).toContain('志愿服务站点覆盖率');
    expect(text).toContain('大悲巷社区');
    // The monthly series carries every figure of a month, for the street and each child.
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const lines = text.split('\n');
    for (const [name] of MONTHLY_FIGURES) {
      expect(lines.filter((l) => l.includes(`,月度,${month}·${name},`)).length).toBe(3);
    }
    expect(MONTHLY_FIGURES.length).toBe(MONTH_FIELDS.trim().split(/\s+/).length - 1);
    expect((await t.http().get(url)).status).toBe(401);
    expect(
      (
        await t
          .http()
          .get(url)
          .set('authorization', `Bearer ${await t.login(PHONE.sunLi)}`)
      ).status,
    ).toBe(403);
  });

  it('region attributes: set by admins in scope, validated, nothing changed on a refusal', async () => {
    const before = (await t.db.query(`SELECT resident_population FROM stats_region_attributes WHERE region_id = $1`, [a1]))[0];
    const bad = await t.gql(SET_ATTRS, { i: { regionId: a1, residentPopulation: -3 } }, await t.login(PHONE.heJun));
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(SET_ATTRS, { i: { regionId: a1, coveredCategories: ['NOPE'] } }, await t.login(PHONE.heJun)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(SET_ATTRS, { i: { regionId: a1, residentPopulation: 100 } }, await t.login(PHONE.sunLi)))).toBe('FORBIDDEN');
    expect((await t.db.query(`SELECT resident_population FROM stats_region_attributes WHERE region_id = $1`, [a1]))[0]).toEqual(before);
    const set = await ok(t, SET_ATTRS, { i: { regionId: a1, residentPopulation: 9700, kind: 'URBAN' } }, PHONE.heJun);
    expect(set.setRegionAttributes).toMatchObject({ residentPopulation: 9700, elderlyPopulation: 2300, kind: 'URBAN', hasVolunteerStation: true });
  });

  it('property: on generated needs, events, ratings and services, every figure from the rollup equals a plain SQL query over the raw rows', async () => {
    const db = t.db;
    const repo = t.app.get(StatisticsRepository);
    const service = t.app.get(StatisticsService);
    const grids: { id: string; path: string }[] = await db.query(`SELECT id, path::text AS path FROM regions WHERE level = 'GRID' ORDER BY code`);
    const [{ person }] = await db.query(`SELECT id AS person FROM persons WHERE phone = $1`, [PHONE.wang]);
    const [{ vol, vperson }] = await db.query(
      `SELECT v.id AS vol, v.person_id AS vperson FROM volunteers v JOIN persons p ON p.id = v.person_id WHERE p.phone = $1`,
      [PHONE.zhangWei],
    );
    // Some donations are booked on the district or a street itself (not a grid): the monthly rollup's own rows.
    const [{ districtId }] = await db.query(`SELECT id AS "districtId" FROM regions WHERE path = '32.3201.320102'::ltree`);
    const [{ streetId }] = await db.query(
      `SELECT id AS "streetId" FROM regions WHERE level = 'STREET' AND path <@ '32.3201.320102'::ltree ORDER BY code LIMIT 1`,
    );
    const cats = ['ELDERLY_CARE', 'REPAIR', 'MEAL_ASSISTANCE'];
    const urg = ['NORMAL', 'URGENT', 'EMERGENCY'];
    const rnd = fc.sample(
      fc.tuple(
        fc.nat(11),
        fc.nat(2),
        fc.nat(2),
        fc.integer({ min: 1, max: 80 * 24 * 60 }),
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 6, maxLength: 6 }),
        fc.nat(9),
      ),
      { numRuns: 150, seed: 1616 },
    );
    // The ledger side: EARNs (of the service records below) and DONATEs at the samples' times, a third of them
    // reversed later by a REVERSAL, appended with the ledger's own function so that balances and chains hold.
    const [{ iss }] = await db.query(`SELECT id AS iss FROM ledger_accounts WHERE kind = 'ISSUANCE' ORDER BY created_at LIMIT 1`);
    const [{ acct }] = await db.query(`SELECT ledger_person_account($1) AS acct`, [vperson]);
    const append = async (kind: string, region: string, at: string, amount: number, source: string | null, reverses: string | null) => {
      const [{ id }] = await db.query(`SELECT gen_random_uuid() AS id`);
      const [from, to] = kind === 'REVERSAL' ? [acct, iss] : [iss, acct];
      await db.query(
        `SELECT ledger_append($1::uuid, $2::ledger_kind, $3::uuid, '统计样本', $4, $5::uuid, $6::uuid, $7, $8::uuid, NULL, NULL, ${at},
                              ARRAY[$9, $10]::uuid[], ARRAY[$11, $12]::bigint[], ARRAY[0, 0]::bigint[])`,
        [id, kind, region, source ? 'SERVICE_RECORD' : null, source, reverses, reverses ? '统计样本冲正' : null, person, from, to, -amount, amount],
      );
      return id as string;
    };
    let n = 0;
    for (const [g, c, u, agoMin, offs, pick] of rnd) {
      const grid = grids[g % grids.length];
      const created = `now() - interval '${agoMin} minutes'`;
      const [{ id }] = await db.query(
        `INSERT INTO needs (title, category, urgency, status, beneficiary_id, posted_by, grid_id, grid_path, window_start, window_end, estimated_minutes, accept_deadline, claim_deadline,
                            created_at, rating, accept_breached_at)
         VALUES ('统计样本', $1, $2, 'CANCELLED', $3, $3, $4, $5::ltree, now(), now() + interval '1 hour', 60, now(), now(), ${created}, $6, $7) RETURNING id`,
        [cats[c], urg[u], person, grid.id, grid.path, pick < 5 ? pick + 1 : null, pick === 7 ? new Date() : null],
      );
      const at = (i: number) => `(${created}) + interval '${offs[i]} minutes'`;
      const ev = async (action: string, from: string | null, to: string, i: number) =>
        db.query(`INSERT INTO need_events (need_id, action, from_status, to_status, at) VALUES ($1, $2, $3, $4, ${at(i)})`, [id, action, from, to]);
      await ev('ACCEPT', 'SUBMITTED', 'ACCEPTED', 0);
      if (pick % 2 === 0) await ev('CLAIM', 'OPEN', 'CLAIMED', 1);
      if (pick === 2) {
        await ev('NO_SHOW', 'CLAIMED', 'OPEN', 2);
        await ev('CLAIM', 'OPEN', 'CLAIMED', 3);
      }
      if (pick === 3) await ev('ESCALATE', 'ACCEPTED', 'ACCEPTED', 2);
      if (pick < 5) {
        await ev('CONFIRM', 'COMPLETED', 'CONFIRMED', 4);
        await db.query(
          `INSERT INTO service_records (record_no, need_id, source, source_id, volunteer_id, volunteer_person_id, beneficiary_person_id, grid_id, community_id, title, category, started_at, ended_at, minutes, verifier_id, confirmed_at)
           SELECT $1, $2, 'NEED', $2, $3, $4, $5, $6, r.parent_id, '统计样本', $7, ${at(4)}, ${at(4)}, $8, $5, ${at(4)} FROM regions r WHERE r.id = $6`,
          [`STAT-${++n}-${Date.now()}`, id, vol, vperson, person, grid.id, cats[c], 30 + (offs[5] % 200)],
        );
        const [{ rec }] = await db.query(`SELECT id AS rec FROM service_records WHERE need_id = $1`, [id]);
        const earn = await append('EARN', grid.id, at(4), 30 + (offs[5] % 200), rec, null);
        if (offs[2] % 3 === 0) await append('REVERSAL', grid.id, `(${at(4)}) + interval '${offs[3]} minutes'`, 30 + (offs[5] % 200), null, earn);
      } else if (pick < 8) {
        await ev('CANCEL', 'OPEN', 'CANCELLED', 5);
        const booked = pick === 6 ? [districtId, streetId][offs[4] % 2] : grid.id;
        const donation = await append('DONATE', booked, at(1), 1 + (offs[5] % 50), null, null);
        if (offs[2] % 3 === 0) await append('REVERSAL', booked, `(${at(1)}) + interval '${offs[2]} minutes'`, 1 + (offs[5] % 50), null, donation);
      } else await ev('EXPIRE', 'OPEN', 'EXPIRED', 5);
    }
    // Roll finished days up to a point well inside the data; later days stay raw. Whole months before it go into
    // stats_monthly too (the month watermark may not pass the day watermark: both are set back).
    const setBack = `UPDATE stats_rollup_state SET complete_through = (now() AT TIME ZONE 'Asia/Shanghai')::date - 100,
                            months_next = date_trunc('month', (now() AT TIME ZONE 'Asia/Shanghai')::date - 130)`;
    await expect(db.query(`UPDATE stats_rollup_state SET complete_through = DATE '2001-01-01', months_next = DATE '2026-01-01'`)).rejects.toThrow(
      /stats_rollup_months_behind_days/,
    );
    await db.query(`DELETE FROM stats_daily`);
    await db.query(setBack);
    const [{ through }] = await db.query(`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date - 20, 'YYYY-MM-DD') AS through`);
    while (await repo.rollUp(through, 31)) {
      /* slices */
    }
    expect(Number((await db.query(`SELECT count(*)::int AS n FROM stats_daily`))[0].n)).toBeGreaterThan(0);
    // Reversals are in the data, and a reversed earning subtracts.
    expect(Number((await db.query(`SELECT count(*)::int AS n FROM ledger_transactions WHERE kind = 'REVERSAL' AND memo = '统计样本'`))[0].n)).toBeGreaterThan(
      5,
    );
    expect(Number((await db.query(`SELECT count(*)::int AS n FROM stats_daily WHERE value < 0`))[0].n)).toBeGreaterThan(0);
    // Every whole month up to the day watermark is in stats_monthly, on the district and each of its streets (own
    // rows too), and each month there equals the sum of its days.
    const [state] = await db.query(`SELECT complete_through + 1 AS next_day, months_next FROM stats_rollup_state`);
    expect(state.months_next).toEqual((await db.query(`SELECT date_trunc('month', $1::date)::date AS m`, [state.next_day]))[0].m);
    expect(Number((await db.query(`SELECT count(*)::int AS n FROM stats_monthly WHERE region_path = '32.3201.320102'::ltree AND own`))[0].n)).toBeGreaterThan(
      0,
    );
    expect(Number((await db.query(`SELECT count(*)::int AS n FROM stats_monthly WHERE parent_path = '32.3201.320102'::ltree AND own`))[0].n)).toBeGreaterThan(
      0,
    );
    const monthVsDays = await db.query(
      `SELECT m.month, m.metric, m.v, d.v AS days FROM
         (SELECT month, metric, sum(value)::bigint AS v FROM stats_monthly WHERE region_path = '32.3201.320102'::ltree GROUP BY 1, 2) m
         FULL JOIN (SELECT date_trunc('month', day)::date AS month, metric, sum(value)::bigint AS v FROM stats_daily
                     WHERE region_path <@ '32.3201.320102'::ltree AND day < (SELECT months_next FROM stats_rollup_state) GROUP BY 1, 2) d
           USING (month, metric)`,
    );
    expect(monthVsDays.length).toBeGreaterThan(10);
    expect(monthVsDays.filter((r: { v: string | null; days: string | null }) => Number(r.v ?? 0) !== Number(r.days ?? 0))).toEqual([]);
    // Rolling the same days and months again changes nothing (never double-counts).
    const totals = `SELECT (SELECT sum(value) FROM stats_daily)::bigint AS d, (SELECT count(*) FROM stats_daily)::int AS dn,
                           (SELECT sum(value) FROM stats_monthly)::bigint AS m, (SELECT count(*) FROM stats_monthly)::int AS mn`;
    const snapshot = await db.query(totals);
    // From a month watermark of 2000 (a fresh install) with a stale row left in a month without data: the first step
    // jumps over the empty months at once and clears them.
    await db.query(`DELETE FROM stats_daily`);
    await db.query(setBack);
    await db.query(`UPDATE stats_rollup_state SET months_next = DATE '2000-01-01'`);
    await db.query(
      `INSERT INTO stats_monthly (region_id, region_path, parent_path, month, own, metric, value) VALUES ($1, '32.3201.320102'::ltree, '32.3201'::ltree, DATE '2001-05-01', true, 'NEEDS_POSTED', 7)`,
      [districtId],
    );
    expect(await repo.rollUp(through, 31)).toMatchObject({ from: '2000-01-01', month: true });
    const [jumped] = await db.query(
      `SELECT months_next = date_trunc('month', complete_through + 1) AS at_days, (SELECT count(*) FROM stats_monthly WHERE month = DATE '2001-05-01')::int AS stale
         FROM stats_rollup_state`,
    );
    expect(jumped).toEqual({ at_days: true, stale: 0 });
    while (await repo.rollUp(through, 31)) {
      /* slices and months */
    }
    expect(await db.query(totals)).toEqual(snapshot);
    // While another instance holds the watermark row, a step skips at once and changes nothing.
    await db.query(setBack);
    const holder = db.createQueryRunner();
    await holder.startTransaction();
    try {
      await holder.query(`SELECT 1 FROM stats_rollup_state WHERE id = 1 FOR UPDATE`);
      expect(await repo.rollUp(through, 31)).toBeNull();
    } finally {
      await holder.rollbackTransaction();
      await holder.release();
    }
    // Three instances rolling at once, each going on until the watermarks reach their ends: every step (a day slice or
    // a month) is taken by exactly one of them — the steps add up to what one instance alone took — and the rollups
    // hold the same.
    let oneAlone = 0;
    while (await repo.rollUp(through, 31)) oneAlone++;
    await db.query(setBack);
    const target = `SELECT complete_through = $1::date AND months_next = date_trunc('month', $1::date + 1) AS done FROM stats_rollup_state`;
    const instance = async () => {
      let steps = 0;
      for (;;) {
        if (await repo.rollUp(through, 31)) steps++;
        else if ((await db.query(target, [through]))[0].done) return steps;
      }
    };
    const steps = await Promise.all([instance(), instance(), instance()]);
    expect(steps.reduce((a, b) => a + b, 0)).toBe(oneAlone);
    expect(oneAlone).toBeGreaterThan(3);
    expect(await db.query(totals)).toEqual(snapshot);

    const regions: { path: string }[] = await db.query(`SELECT path::text AS path FROM regions WHERE path <@ '32.3201.320102'::ltree`);
    const plain = async (path: string, d0: string, d1: string) => {
      const win = `>= $2::date::timestamp AT TIME ZONE 'Asia/Shanghai' AND %s < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
      const inWin = (col: string) => `${col} ${win.replace('%s', col)}`;
      const [r] = await db.query(
        `SELECT
           (SELECT count(*) FROM needs WHERE grid_path <@ $1::ltree AND ${inWin('created_at')})::int AS posted,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.to_status = 'CONFIRMED' AND e.from_status <> 'CONFIRMED' AND ${inWin('e.at')})::int AS closed,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.to_status = 'CANCELLED' AND e.from_status <> 'CANCELLED' AND ${inWin('e.at')})::int AS cancelled,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.to_status = 'EXPIRED' AND e.from_status <> 'EXPIRED' AND ${inWin('e.at')})::int AS expired,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.action = 'ESCALATE' AND ${inWin('e.at')})::int AS escalations,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.action = 'NO_SHOW' AND ${inWin('e.at')})::int AS no_shows,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.to_status = 'CONFIRMED' AND e.from_status <> 'CONFIRMED' AND n.rating IS NOT NULL AND ${inWin('e.at')})::int AS ratings,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.to_status = 'CONFIRMED' AND e.from_status <> 'CONFIRMED' AND n.rating >= 4 AND ${inWin('e.at')})::int AS good,
           (SELECT count(*) FROM need_events e JOIN needs n ON n.id = e.need_id WHERE n.grid_path <@ $1::ltree AND e.to_status = 'CONFIRMED' AND e.from_status <> 'CONFIRMED'
              AND n.accept_breached_at IS NULL AND n.claim_breached_at IS NULL AND n.service_overdue_at IS NULL AND ${inWin('e.at')})::int AS on_time,
           ((SELECT coalesce(sum(s.minutes), 0) FROM service_records s JOIN regions g ON g.id = s.grid_id WHERE g.path <@ $1::ltree AND ${inWin('s.confirmed_at')})
            - (SELECT coalesce(sum(s.minutes), 0) FROM ledger_transactions r JOIN ledger_transactions e ON e.id = r.reverses_id AND e.source_type = 'SERVICE_RECORD'
                 JOIN service_records s ON s.id = e.source_id JOIN regions g ON g.id = s.grid_id WHERE g.path <@ $1::ltree AND ${inWin('r.created_at')}))::int AS minutes,
           (SELECT coalesce(sum(CASE WHEN t.kind = 'REVERSAL' THEN -p.amount ELSE p.amount END), 0) FROM ledger_transactions t
              JOIN ledger_postings p ON p.transaction_id = t.id AND p.amount > 0 JOIN regions g ON g.id = t.region_id
             WHERE g.path <@ $1::ltree AND ${inWin('t.created_at')}
               AND (t.kind = 'EARN' OR t.kind = 'REVERSAL' AND (SELECT e.kind FROM ledger_transactions e WHERE e.id = t.reverses_id) = 'EARN'))::int AS banked,
           (SELECT coalesce(sum(CASE WHEN t.kind = 'REVERSAL' THEN -p.amount ELSE p.amount END), 0) FROM ledger_transactions t
              JOIN ledger_postings p ON p.transaction_id = t.id AND p.amount > 0 JOIN regions g ON g.id = t.region_id
             WHERE g.path <@ $1::ltree AND ${inWin('t.created_at')}
               AND (t.kind = 'DONATE' OR t.kind = 'REVERSAL' AND (SELECT e.kind FROM ledger_transactions e WHERE e.id = t.reverses_id) = 'DONATE'))::int AS donated,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM e.at - n.created_at) / 60))
              FROM need_events e JOIN needs n ON n.id = e.need_id
             WHERE n.grid_path <@ $1::ltree AND e.to_status = 'CLAIMED' AND ${inWin('e.at')}
               AND e.id = (SELECT min(p.id) FROM need_events p WHERE p.need_id = n.id AND p.to_status = 'CLAIMED')) AS median_claim,
           (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY floor(extract(epoch FROM e.at - n.created_at) / 60))
              FROM need_events e JOIN needs n ON n.id = e.need_id
             WHERE n.grid_path <@ $1::ltree AND e.to_status = 'ACCEPTED' AND ${inWin('e.at')}
               AND e.id = (SELECT min(p.id) FROM need_events p WHERE p.need_id = n.id AND p.to_status = 'ACCEPTED')) AS median_accept`,
        [path, d0, d1],
      );
      return r;
    };
    // The needs table (category × urgency) by plain SQL, in the order of the figures'.
    type Cell = { category: string; urgency: string; posted: number; closed: number; cancelled: number; expired: number };
    const byKey = (cells: Cell[]) => cells.map((c) => ({ ...c })).sort((a, b) => `${a.category}|${a.urgency}`.localeCompare(`${b.category}|${b.urgency}`));
    const plainTable = async (path: string, d0: string, d1: string): Promise<Cell[]> => {
      const win = (col: string) =>
        `${col} >= $2::date::timestamp AT TIME ZONE 'Asia/Shanghai' AND ${col} < ($3::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`;
      const rows = await db.query(
        `SELECT category, urgency, count(*) FILTER (WHERE kind = 'posted')::int AS posted, count(*) FILTER (WHERE kind = 'CONFIRMED')::int AS closed,
                count(*) FILTER (WHERE kind = 'CANCELLED')::int AS cancelled, count(*) FILTER (WHERE kind = 'EXPIRED')::int AS expired
           FROM (SELECT category, urgency::text AS urgency, 'posted' AS kind FROM needs WHERE grid_path <@ $1::ltree AND ${win('created_at')}
                 UNION ALL
                 SELECT n.category, n.urgency::text, e.to_status::text FROM need_events e JOIN needs n ON n.id = e.need_id
                  WHERE n.grid_path <@ $1::ltree AND e.to_status IN ('CONFIRMED', 'CANCELLED', 'EXPIRED') AND e.from_status <> e.to_status AND ${win('e.at')}) x
          GROUP BY 1, 2`,
        [path, d0, d1],
      );
      return byKey(rows);
    };
    const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 - offset * 86400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.nat(regions.length - 1), fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 95 }), async (ri, a, b) => {
        const [d0, d1] = [day(Math.max(a, b)), day(Math.min(a, b))];
        await agrees(regions[ri].path, d0, d1);
      }),
      { numRuns: 60, seed: 160 },
    );
    // The district over whole months (read from stats_monthly), whole months and a partial one, and a month that is
    // partly raw; a row planted in stats_monthly shows that whole months are read from it and only they.
    const [cal] = await db.query(
      `SELECT to_char(m3, 'YYYY-MM-DD') AS m3, to_char(m2 - 1, 'YYYY-MM-DD') AS e3, to_char(m3 + 10, 'YYYY-MM-DD') AS mid3,
              to_char(m2, 'YYYY-MM-DD') AS m2, to_char(m1 - 1, 'YYYY-MM-DD') AS e2, to_char(today, 'YYYY-MM-DD') AS today,
              to_char((SELECT months_next FROM stats_rollup_state) - 1, 'YYYY-MM-DD') AS rolled
         FROM (SELECT d AS today, date_trunc('month', d)::date AS m1, (date_trunc('month', d) - interval '1 month')::date AS m2,
                      (date_trunc('month', d) - interval '2 month')::date AS m3 FROM (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d) x) y`,
    );
    // The month two before this one is rolled up (the days are rolled through 20 days ago).
    expect(cal.rolled >= cal.e3).toBe(true);
    const district = '32.3201.320102';
    for (const [d0, d1] of [
      [cal.m3, cal.e3],
      [cal.m3, cal.e2],
      [cal.m3, cal.rolled],
      [cal.m3, cal.today],
      [cal.mid3, cal.e2],
      [cal.m2, cal.today],
    ])
      for (const path of [district, '32.3201', '32']) await agrees(path, d0, d1);
    const posted = async (d0: string, d1: string) => operations(await service.facts(district, d0, d1)).needsPosted;
    const [whole, partial] = [await posted(cal.m3, cal.e3), await posted(cal.mid3, cal.today)];
    await db.query(
      `INSERT INTO stats_monthly (region_id, region_path, parent_path, month, own, metric, value) VALUES ($1, $2::ltree, '32.3201'::ltree, $3::date, true, 'NEEDS_POSTED', 1000)`,
      [districtId, district, cal.m3],
    );
    try {
      expect([await posted(cal.m3, cal.e3), await posted(cal.mid3, cal.today)]).toEqual([whole + 1000, partial]);
    } finally {
      await db.query(`DELETE FROM stats_monthly WHERE region_path = $1::ltree AND month = $2::date AND value = 1000`, [district, cal.m3]);
    }

    async function agrees(path: string, d0: string, d1: string): Promise<void> {
      const o = operations(await service.facts(path, d0, d1));
      const p = await plain(path, d0, d1);
      expect(byKey(o.byCategory)).toEqual(await plainTable(path, d0, d1));
      expect(figures(o)).toEqual(plainFigures(p));
      expect({ ratings: o.ratings, good: o.ratingsGood, onTime: o.closedOnTime }).toEqual({ ratings: p.ratings, good: p.good, onTime: p.on_time });
      const rates = { onTime: o.onTimeRate, satisfaction: o.satisfactionRate };
      expect(rates).toEqual({ onTime: p.closed ? p.on_time / p.closed : null, satisfaction: p.ratings ? p.good / p.ratings : null });
    }

    /** The figures compared with plain SQL, from a region's (or a month's) figures or from `operations`. */
    function figures(x: {
      needsPosted: number | null;
      needsClosed: number | null;
      needsCancelled: number | null;
      needsExpired: number | null;
      escalations: number | null;
      noShows: number | null;
      minutesServed: number | null;
      minutesBanked: number | null;
      minutesDonated: number | null;
      medianMinutesToAccept: number | null;
      medianMinutesToClaim: number | null;
    }) {
      return {
        posted: x.needsPosted,
        closed: x.needsClosed,
        cancelled: x.needsCancelled,
        expired: x.needsExpired,
        escalations: x.escalations,
        noShows: x.noShows,
        minutes: x.minutesServed,
        banked: x.minutesBanked,
        donated: x.minutesDonated,
        medianAccept: x.medianMinutesToAccept,
        medianClaim: x.medianMinutesToClaim,
      };
    }
    /** The same figures from a row of `plain`. */
    function plainFigures(p: Record<string, number | string | null>) {
      return {
        posted: p.posted,
        closed: p.closed,
        cancelled: p.cancelled,
        expired: p.expired,
        escalations: p.escalations,
        noShows: p.no_shows,
        minutes: p.minutes,
        banked: p.banked,
        donated: p.donated,
        medianAccept: p.median_accept === null ? null : Number(p.median_accept),
        medianClaim: p.median_claim === null ? null : Number(p.median_claim),
      };
    }

    // The drill-down reads each table once for a region and all its children: every child's figures equal the same
    // plain SQL over that child's raw rows, and the parent's equal its own.
    const admin = t.app.get(ActorRepository);
    const [{ adminId }] = await db.query(`SELECT id AS "adminId" FROM persons WHERE phone = $1`, [PHONE.admin]);
    const actor = new Actor(adminId, (await admin.grantsOf(adminId))!);
    const parents: { id: string; path: string }[] = await db.query(
      `SELECT r.id, r.path::text AS path FROM regions r WHERE r.path <@ '32.3201.320102'::ltree AND EXISTS (SELECT 1 FROM regions c WHERE c.parent_id = r.id) ORDER BY r.path`,
    );
    // A month of the series: the same plain SQL over that month's days inside the period.
    const monthDays = (month: string, d0: string, d1: string): [string, string] => {
      const first = `${month}-01`;
      const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
      return [first > d0 ? first : d0, last < d1 ? last : d1];
    };
    await fc.assert(
      fc.asyncProperty(fc.nat(parents.length - 1), fc.integer({ min: 0, max: 95 }), fc.integer({ min: 0, max: 95 }), async (ri, a, b) => {
        const [d0, d1] = [day(Math.max(a, b)), day(Math.min(a, b))];
        const from = new Date(`${d0}T00:00:00+08:00`);
        const to = new Date(new Date(`${d1}T00:00:00+08:00`).getTime() + 86400_000);
        const stats = await service.regionStats(actor, parents[ri].id, from, to);
        expect(figures(stats)).toEqual(plainFigures(await plain(parents[ri].path, d0, d1)));
        expect(stats.children.length).toBeGreaterThan(0);
        for (const c of stats.children) expect(figures(c)).toEqual(plainFigures(await plain(c.region.path, d0, d1)));
        for (const r of [stats, ...stats.children]) expect(byKey(r.needsByCategory as Cell[])).toEqual(await plainTable(r.region.path, d0, d1));
        // The series of the region and of its first child, month by month.
        for (const r of [stats, stats.children[0]])
          for (const mo of r.series) expect(figures(mo)).toEqual(plainFigures(await plain(r.region.path, ...monthDays(mo.month, d0, d1))));
      }),
      { numRuns: 12, seed: 161 },
    );
  });
});
