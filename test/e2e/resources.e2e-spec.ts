import { regionId, volunteerId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const CREATE = `mutation ($i: CreateResourceInput!) { createResource(input: $i) {
  id name kind categories capacity capacityUnit providerKind unitName active region { code } availability { weekday start end }
  volunteer { id } team { name } organization { name } charity { name } } }`;
const LIST = `query ($f: ResourceFilter, $first: Int) { resources(filter: $f, first: $first) { totalCount edges { node { name kind categories providerKind } } } }`;

describe('resources list 服务资源清单', () => {
  let t: TestApp;
  let A1: string;
  let streetA: string;
  beforeAll(async () => {
    t = await createTestApp();
    A1 = await regionId(t, '320102002001');
    streetA = await regionId(t, '320102002');
  });
  afterAll(() => t.close());

  it('demo data has resources of each kind, searchable by region and category', async () => {
    const token = await t.login('13600000001');
    const all = await t.gql(LIST, { first: 50 }, token);
    expect(new Set(all.data.resources.edges.map((e: any) => e.node.kind))).toEqual(new Set(['SERVICE', 'VENUE', 'GOODS', 'FUNDS']));
    const meals = await t.gql(LIST, { f: { category: 'MEAL_ASSISTANCE', regionId: await regionId(t, '32010200200101') } }, token);
    expect(meals.data.resources.edges.map((e: any) => e.node.name)).toEqual(expect.arrayContaining(['老年助餐送餐', '助老助餐专项资金']));
    expect(meals.data.resources.edges.every((e: any) => e.node.categories.includes('MEAL_ASSISTANCE'))).toBe(true);
    // Street B's community worker sees none of street A's resources.
    const b = await t.gql(LIST, { first: 50 }, await t.login('13600000002'));
    expect(b.data.resources.totalCount).toBe(0);
  });

  it('a volunteer lists their own service with weekly availability', async () => {
    const res = await t.gql(
      CREATE,
      {
        i: {
          name: '智能手机使用辅导',
          kind: 'SERVICE',
          categories: ['EDUCATION', 'ELDERLY_CARE'],
          regionId: A1,
          providerKind: 'VOLUNTEER',
          capacity: 5,
          capacityUnit: '人/次',
          availability: [{ weekday: 6, start: '14:00', end: '16:00' }],
        },
      },
      await t.login('13900000001'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.createResource).toMatchObject({
      kind: 'SERVICE',
      providerKind: 'VOLUNTEER',
      capacity: 5,
      active: true,
      region: { code: '320102002001' },
      availability: [{ weekday: 6, start: '14:00', end: '16:00' }],
      volunteer: { id: await volunteerId(t, '13900000001') },
    });
    const withdrawn = await t.gql(
      `mutation ($id: ID!) { withdrawResource(id: $id) { active } }`,
      { id: res.data.createResource.id },
      await t.login('13900000001'),
    );
    expect(withdrawn.data.withdrawResource.active).toBe(false);
    expect(
      codeOf(await t.gql(`mutation ($id: ID!) { withdrawResource(id: $id) { active } }`, { id: res.data.createResource.id }, await t.login('13900000001'))),
    ).toBe('CONFLICT');
  });

  it('organizations, charities and resident units list resources through their managers', async () => {
    const [{ id: orgId }] = await t.db.query(`SELECT id FROM organizations WHERE credit_code = '52320102MJ5800012H'`);
    const org = await t.gql(
      CREATE,
      { i: { name: '老年人心理关爱小组', kind: 'SERVICE', categories: ['PSYCHOLOGICAL'], regionId: streetA, providerKind: 'ORGANIZATION', providerId: orgId } },
      await t.login('13400000001'),
    );
    expect(org.data.createResource.organization).toEqual({ name: '梅园新村为老服务中心' });
    const notAdmin = await t.gql(
      CREATE,
      { i: { name: '冒名资源', kind: 'SERVICE', categories: ['OTHER'], regionId: streetA, providerKind: 'ORGANIZATION', providerId: orgId } },
      await t.login('13900000001'),
    );
    expect(codeOf(notAdmin)).toBe('FORBIDDEN');

    const unit = await t.gql(
      CREATE,
      {
        i: {
          name: '银行网点会议室',
          kind: 'VENUE',
          categories: ['CULTURE_SPORTS'],
          regionId: A1,
          providerKind: 'RESIDENT_UNIT',
          unitName: '某银行长江路支行',
          capacity: 40,
          capacityUnit: '人',
        },
      },
      await t.login('13600000001'),
    );
    expect(unit.data.createResource).toMatchObject({ kind: 'VENUE', unitName: '某银行长江路支行' });
    expect(
      codeOf(
        await t.gql(
          CREATE,
          { i: { name: '越权场地', kind: 'VENUE', categories: ['OTHER'], regionId: A1, providerKind: 'RESIDENT_UNIT', unitName: '某单位' } },
          await t.login('13600000002'),
        ),
      ),
    ).toBe('FORBIDDEN');

    const [{ id: market }] = await t.db.query(`SELECT id FROM charities WHERE name = '长江新村慈善超市'`);
    const goods = await t.gql(
      CREATE,
      { i: { name: '冬季御寒衣物', kind: 'GOODS', categories: ['ELDERLY_CARE'], regionId: A1, providerKind: 'CHARITY', providerId: market } },
      await t.login('13300000001'),
    );
    expect(goods.data.createResource.charity).toEqual({ name: '长江新村慈善超市' });
  });

  it('validates input: categories, funds from individuals, unit names, availability', async () => {
    const v = await t.login('13900000001');
    const n = async () => (await t.db.query(`SELECT count(*)::int AS n FROM resources`))[0].n;
    const before = await n();
    expect(codeOf(await t.gql(CREATE, { i: { name: '无类别', kind: 'SERVICE', categories: [], regionId: A1, providerKind: 'VOLUNTEER' } }, v))).toBe(
      'BAD_USER_INPUT',
    );
    const funds = await t.gql(CREATE, { i: { name: '个人资金', kind: 'FUNDS', categories: ['OTHER'], regionId: A1, providerKind: 'VOLUNTEER' } }, v);
    expect(funds.errors![0].extensions!.fields![0].field).toBe('kind');
    const unit = await t.gql(
      CREATE,
      { i: { name: '缺单位名', kind: 'VENUE', categories: ['OTHER'], regionId: A1, providerKind: 'RESIDENT_UNIT' } },
      await t.login('13600000001'),
    );
    expect(unit.errors![0].extensions!.fields![0].field).toBe('unitName');
    const slot = await t.gql(
      CREATE,
      {
        i: {
          name: '时间错误',
          kind: 'SERVICE',
          categories: ['OTHER'],
          regionId: A1,
          providerKind: 'VOLUNTEER',
          availability: [{ weekday: 1, start: '12:00', end: '11:00' }],
        },
      },
      v,
    );
    expect(slot.errors![0].extensions!.reason).toBe('AVAILABILITY_END_BEFORE_START');
    expect(await n()).toBe(before);
  });
});
