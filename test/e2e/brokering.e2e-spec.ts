import { BrokeringRepository } from '../../src/brokering/brokering.repository.js';
import { shanghaiTime } from '../../src/brokering/resource-scoring.js';
import { ok, openNeed, PHONE, saturday } from '../helpers/needs.js';
import { DAY, ids, proposalInput } from '../helpers/projects.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const MATCH = `query ($id: ID!) { matchResources(needId: $id, first: 5) { rank score reasons remaining resource { id name } } }`;
const BOOK = `mutation ($i: BookResourceInput!) { bookResource(input: $i) { id day quantity status charityEntryId resource { name } } }`;
const CALENDAR = `query ($id: ID!, $from: DateTime!, $to: DateTime!) { resource(id: $id) { calendar(from: $from, to: $to) { day capacity booked remaining } } }`;
const BOARD = `query ($r: ID!, $from: DateTime!, $to: DateTime!) { unmetDemand(regionId: $r, from: $from, to: $to) {
  category community { name } needCount withoutCandidateCount breachedCount expiredCount demandMinutes needIds projectIds project { id status }
  needs(first: 10) { totalCount edges { node { id title } } } resources { name } } }`;

const mealNeed = (weeks: number) => ({
  category: 'MEAL_ASSISTANCE',
  title: '午餐送餐上门',
  requiredSkills: ['助餐送餐'],
  ...saturday(weeks, '11:00', '12:00'),
  estimatedMinutes: 30,
});

/** Three-list brokering (docs/brokering.md): needs matched to resources, bookings, the demand board. */
describe('brokering', () => {
  let t: TestApp;
  let canteen: string;
  let rice: string;
  let market: string;
  beforeAll(async () => {
    t = await createTestApp();
    [{ canteen, rice, market }] = await t.db.query(
      `SELECT (SELECT id FROM resources WHERE name = '长江新村社区食堂') AS canteen, (SELECT id FROM resources WHERE name = '大米') AS rice,
              (SELECT id FROM charities WHERE name = '长江新村慈善超市') AS market`,
    );
  });
  afterAll(() => t.close());

  const dayOf = async (needId: string, resourceId: string) => {
    const [{ window_start }] = await t.db.query(`SELECT window_start FROM needs WHERE id = $1`, [needId]);
    const { calendar } = (await ok(t, CALENDAR, { id: resourceId, from: window_start.toISOString(), to: window_start.toISOString() }, PHONE.sunLi)).resource;
    expect(calendar).toHaveLength(1);
    expect(calendar[0].day).toBe(shanghaiTime(window_start).day);
    return calendar[0];
  };

  it('as 孙丽: a 助餐 need ranks the canteen first with reasons; booking takes one meal that day; cancelling the need gives it back', async () => {
    const need = await openNeed(t, mealNeed(1));
    const { matchResources } = await ok(t, MATCH, { id: need }, PHONE.sunLi);
    expect(matchResources[0]).toMatchObject({ rank: 1, remaining: 50, resource: { id: canteen, name: '长江新村社区食堂' } });
    expect(matchResources[0].reasons).toEqual(expect.arrayContaining(['专门提供「助餐」服务', '服务区域覆盖需求所在社区', '当日剩余 50/50份']));
    expect(matchResources[0].reasons.some((r: string) => r.startsWith('周六 10:30–13:00 开放'))).toBe(true);
    expect(matchResources.length).toBeGreaterThan(1);
    expect(matchResources[0].score).toBeGreaterThan(matchResources[1].score);

    const { bookResource } = await ok(t, BOOK, { i: { needId: need, resourceId: canteen, quantity: 1 } }, PHONE.sunLi);
    expect(bookResource).toMatchObject({ quantity: 1, status: 'ACTIVE', charityEntryId: null, resource: { name: '长江新村社区食堂' } });
    expect(await dayOf(need, canteen)).toMatchObject({ capacity: 50, booked: 1, remaining: 49 });
    const shown = await ok(t, `query ($id: ID!) { need(id: $id) { bookings { id status quantity day } } }`, { id: need }, PHONE.sunLi);
    expect(shown.need.bookings).toEqual([{ id: bookResource.id, status: 'ACTIVE', quantity: 1, day: bookResource.day }]);
    expect((await ok(t, MATCH, { id: need }, PHONE.sunLi)).matchResources[0].remaining).toBe(49);

    await ok(t, `mutation ($id: ID!) { cancelNeed(id: $id, reason: "老人住院，不需要了") { status } }`, { id: need }, PHONE.sunLi);
    expect(await dayOf(need, canteen)).toMatchObject({ booked: 0, remaining: 50 });
    const after = await ok(t, `query ($id: ID!) { need(id: $id) { status bookings { status } } }`, { id: need }, PHONE.sunLi);
    expect(after.need).toEqual({ status: 'CANCELLED', bookings: [{ status: 'CANCELLED' }] });
  });

  it('cancelResourceBooking gives the meal back, once', async () => {
    const need = await openNeed(t, mealNeed(2));
    const { bookResource } = await ok(t, BOOK, { i: { needId: need, resourceId: canteen, quantity: 3 } }, PHONE.sunLi);
    expect(await dayOf(need, canteen)).toMatchObject({ booked: 3 });
    const { cancelResourceBooking } = await ok(
      t,
      `mutation ($id: ID!) { cancelResourceBooking(id: $id) { status cancelledAt } }`,
      { id: bookResource.id },
      PHONE.sunLi,
    );
    expect(cancelResourceBooking.status).toBe('CANCELLED');
    expect(await dayOf(need, canteen)).toMatchObject({ booked: 0 });
    const again = await t.gql(`mutation ($id: ID!) { cancelResourceBooking(id: $id) { status } }`, { id: bookResource.id }, await t.login(PHONE.sunLi));
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions!.reason).toBe('BOOKING_ALREADY_CANCELLED');
  });

  it('30 concurrent bookings for 10 left: exactly 10 succeed, the rest are refused, the calendar sums to capacity', async () => {
    const need = await openNeed(t, mealNeed(3));
    // 40 meals already taken that day by another need: 10 left.
    const other = await openNeed(t, mealNeed(3), PHONE.li);
    await ok(t, BOOK, { i: { needId: other, resourceId: canteen, quantity: 40 } }, PHONE.sunLi);
    const token = await t.login(PHONE.sunLi);
    const results = await Promise.all(Array.from({ length: 30 }, () => t.gql(BOOK, { i: { needId: need, resourceId: canteen, quantity: 1 } }, token)));
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(10);
    const codes = new Set(results.filter((r) => r.errors).map(codeOf));
    expect([...codes].every((c) => c === 'CONFLICT' || c === 'LIMIT_EXCEEDED')).toBe(true);
    expect(await dayOf(need, canteen)).toMatchObject({ capacity: 50, booked: 50, remaining: 0 });
    const [{ sum }] = await t.db.query(
      `SELECT sum(quantity)::int AS sum FROM resource_bookings WHERE resource_id = $1 AND status = 'ACTIVE' AND day = $2::date`,
      [canteen, won[0].data.bookResource.day],
    );
    expect(sum).toBe(50);
    // Full: the canteen no longer ranks for that day.
    expect((await ok(t, MATCH, { id: need }, PHONE.sunLi)).matchResources.map((m: any) => m.resource.id)).not.toContain(canteen);
  });

  it('booking charity-supermarket goods takes them from stock through the charity entries; cancelling puts them back', async () => {
    const stock = async () =>
      (await ok(t, `query ($id: ID!) { charity(id: $id) { goods { itemName itemUnit quantity } } }`, { id: market }, PHONE.sunLi)).charity.goods.find(
        (g: any) => g.itemName === '大米',
      ).quantity;
    const before = await stock();
    const need = await openNeed(t, {
      title: '独居老人缺米',
      category: 'ELDERLY_CARE',
      requiredSkills: ['助老陪护'],
      ...saturday(1, '09:00', '10:00'),
      estimatedMinutes: 30,
    });
    const { bookResource } = await ok(t, BOOK, { i: { needId: need, resourceId: rice, quantity: 2 } }, PHONE.sunLi);
    expect(bookResource.charityEntryId).not.toBeNull();
    expect(await stock()).toBe(before - 2);
    const [entry] = await t.db.query(`SELECT kind, quantity, target_type, target_id FROM charity_entries WHERE id = $1`, [bookResource.charityEntryId]);
    expect(entry).toEqual({ kind: 'GRANT', quantity: -2, target_type: 'NEED', target_id: need });
    await ok(t, `mutation ($id: ID!) { cancelResourceBooking(id: $id) { status } }`, { id: bookResource.id }, PHONE.sunLi);
    expect(await stock()).toBe(before);
  });

  it('the ranking query uses the resources indexes (no sequential scan of resources)', async () => {
    const [grid] = await t.db.query(`SELECT path::text AS path FROM regions WHERE code = '32010200200101'`);
    const plan = await new BrokeringRepository(t.db).explainMatch(grid.path, 'MEAL_ASSISTANCE', '2026-12-12');
    expect(plan).toMatch(/resources/);
    expect(plan).not.toMatch(/Seq Scan on resources/);
  });

  it('as 吴芳: unmetDemand for street A lists the groups with their counts, and one call makes a PROPOSED project with the needs linked', async () => {
    const r = await ids(t);
    const vars = { r: r.streetA, from: new Date().toISOString(), to: new Date(Date.now() + 30 * DAY).toISOString() };
    const { unmetDemand } = await ok(t, BOARD, vars, PHONE.wuFang);
    const legal = unmetDemand.find((g: any) => g.category === 'LEGAL_AID' && g.community.name === '长江新村社区');
    expect(legal).toMatchObject({
      needCount: 2,
      withoutCandidateCount: 2,
      breachedCount: 0,
      expiredCount: 0,
      demandMinutes: 120,
      projectIds: [],
      project: null,
    });
    expect(legal.needIds).toHaveLength(2);
    expect(legal.needs.totalCount).toBe(2);
    expect(legal.needs.edges.map((e: any) => e.node.title).sort()).toEqual(['拖欠工资如何维权', '遗产继承问题咨询']);
    const psych = unmetDemand.find((g: any) => g.category === 'PSYCHOLOGICAL');
    expect(psych).toMatchObject({ needCount: 1, withoutCandidateCount: 1 });
    expect(psych.resources.map((x: any) => x.name)).toContain('长江新村党群服务中心活动室');
    // Groups nobody can serve come first.
    expect(unmetDemand[0].withoutCandidateCount).toBeGreaterThan(0);

    const { proposeProject } = await ok(
      t,
      `mutation ($i: ProposeProjectInput!) { proposeProject(input: $i) { id status needCount } }`,
      {
        i: await proposalInput(t, {
          title: '长江新村法律援助服务项目',
          category: 'LEGAL_AID',
          needIds: legal.needIds,
          indicators: [{ metric: 'NEEDS_FULFILLED', target: 2 }],
        }),
      },
      PHONE.wuFang,
    );
    expect(proposeProject).toMatchObject({ status: 'PROPOSED', needCount: 2 });
    const again = (await ok(t, BOARD, vars, PHONE.wuFang)).unmetDemand.find((g: any) => g.category === 'LEGAL_AID' && g.community.name === '长江新村社区');
    expect(again).toMatchObject({ needCount: 2, needIds: [], projectIds: [proposeProject.id], project: { id: proposeProject.id, status: 'PROPOSED' } });

    const gaps = await ok(
      t,
      `query ($r: ID!, $from: DateTime!, $to: DateTime!) { resourceGaps(regionId: $r, from: $from, to: $to) { category community { name } needCount demandMinutes resourceCount capacityInPeriod shortfall } }`,
      vars,
      PHONE.wuFang,
    );
    expect(gaps.resourceGaps.find((g: any) => g.category === 'LEGAL_AID')).toMatchObject({
      needCount: 2,
      demandMinutes: 120,
      resourceCount: 0,
      capacityInPeriod: 0,
      shortfall: 2,
    });
  });

  it('a B-street worker sees no A needs in the board and cannot book A resources (FORBIDDEN), nothing changed', async () => {
    const r = await ids(t);
    const vars = { from: new Date().toISOString(), to: new Date(Date.now() + 30 * DAY).toISOString() };
    const denied = await t.gql(BOARD, { r: r.streetA, ...vars }, await t.login(PHONE.zhouQiang));
    expect(codeOf(denied)).toBe('FORBIDDEN');
    const own = await ok(t, BOARD, { r: r.streetB, ...vars }, PHONE.zhouQiang);
    const aNeeds = (await t.db.query(`SELECT id FROM needs WHERE grid_path <@ (SELECT path FROM regions WHERE id = $1)`, [r.streetA])).map((x: any) => x.id);
    for (const g of own.unmetDemand) {
      expect(g.community.name).not.toBe('长江新村社区');
      for (const e of g.needs.edges) expect(aNeeds).not.toContain(e.node.id);
    }

    const need = await openNeed(t, mealNeed(4));
    const count = async () => (await t.db.query(`SELECT count(*)::int AS n FROM resource_bookings`))[0].n;
    const before = await count();
    const book = await t.gql(BOOK, { i: { needId: need, resourceId: canteen, quantity: 1 } }, await t.login(PHONE.zhouQiang));
    expect(codeOf(book)).toBe('FORBIDDEN');
    const match = await t.gql(MATCH, { id: need }, await t.login(PHONE.zhouQiang));
    expect(codeOf(match)).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
    // A volunteer holds no RESOURCE_BOOK at all.
    expect(codeOf(await t.gql(BOOK, { i: { needId: need, resourceId: canteen, quantity: 1 } }, await t.login(PHONE.zhangWei)))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('refuses bad input and unsuitable resources, changing nothing', async () => {
    const need = await openNeed(t, mealNeed(5));
    const token = await t.login(PHONE.sunLi);
    const zero = await t.gql(BOOK, { i: { needId: need, resourceId: canteen, quantity: 0 } }, token);
    expect(codeOf(zero)).toBe('BAD_USER_INPUT');
    const [venue] = await t.db.query(`SELECT id FROM resources WHERE name = '长江新村党群服务中心活动室'`);
    const unsuitable = await t.gql(BOOK, { i: { needId: need, resourceId: venue.id, quantity: 1 } }, token);
    expect(codeOf(unsuitable)).toBe('CONFLICT');
    expect(unsuitable.errors![0].extensions!.reason).toBe('BOOKING_RESOURCE_UNSUITABLE');
    const tooMany = await t.gql(BOOK, { i: { needId: need, resourceId: canteen, quantity: 51 } }, token);
    expect(codeOf(tooMany)).toBe('LIMIT_EXCEEDED');
    expect((await t.db.query(`SELECT count(*)::int AS n FROM resource_bookings WHERE need_id = $1`, [need]))[0].n).toBe(0);
  });
});
