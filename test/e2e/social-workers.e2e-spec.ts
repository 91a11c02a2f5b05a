import { idNumberFor, newResident, personId, regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const REGISTER = `mutation ($i: RegisterSocialWorkerInput!) { registerSocialWorker(input: $i) { id level certificateNo station { name kind } person { name } } }`;

describe('social workers 社工 and stations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the street admin opens a 社工室 in a community and registers a social worker there, who gets SOCIAL_WORKER', async () => {
    const admin = await t.login('13200000001');
    const A2 = await regionId(t, '320102002002');
    const room = await t.gql(
      `mutation ($i: CreateStationInput!) { createStation(input: $i) { id kind name } }`,
      { i: { kind: 'SOCIAL_WORK_ROOM', name: '大悲巷社区社工室', regionId: A2 } },
      admin,
    );
    expect(room.data.createStation).toMatchObject({ kind: 'SOCIAL_WORK_ROOM', name: '大悲巷社区社工室' });
    const wrongLevel = await t.gql(
      `mutation ($i: CreateStationInput!) { createStation(input: $i) { id } }`,
      { i: { kind: 'SOCIAL_WORK_STATION', name: '错误社工站', regionId: A2 } },
      admin,
    );
    expect(wrongLevel.errors![0].extensions!.fields![0].field).toBe('regionId');

    const r = await newResident(t, { grid: '32010200200201', idNumber: idNumberFor('19880412', '311') });
    const res = await t.gql(
      REGISTER,
      { i: { personId: r.id, level: 'ASSISTANT', certificateNo: 'zs-2023-320100-0042', stationId: room.data.createStation.id } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.registerSocialWorker).toMatchObject({
      level: 'ASSISTANT',
      certificateNo: 'ZS-2023-320100-0042',
      station: { kind: 'SOCIAL_WORK_ROOM' },
      person: { name: '测试居民' },
    });
    const me = await t.gql(`{ me { roles { role scopeName } socialWorker { level } } }`, {}, r.token);
    expect(me.data.me.roles).toContainEqual({ role: 'SOCIAL_WORKER', scopeName: '大悲巷社区' });
    expect(me.data.me.socialWorker).toEqual({ level: 'ASSISTANT' });

    const again = await t.gql(
      REGISTER,
      { i: { personId: await personId(t, '13800000002'), level: 'SENIOR', certificateNo: 'ZS-2023-320100-0042', stationId: room.data.createStation.id } },
      admin,
    );
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CERTIFICATE_TAKEN' });
    const badCert = await t.gql(
      REGISTER,
      { i: { personId: await personId(t, '13800000002'), level: 'SENIOR', certificateNo: '证书1', stationId: room.data.createStation.id } },
      admin,
    );
    expect(badCert.errors![0].extensions!.fields![0].field).toBe('certificateNo');
  });

  it("only the street admin of the station's street may register", async () => {
    const [{ id: stationB }] = await t.db.query(`SELECT id FROM stations WHERE name = '新街口街道社工站'`);
    const res = await t.gql(
      REGISTER,
      { i: { personId: await personId(t, '13800000002'), level: 'INTERMEDIATE', certificateNo: 'SW-0001-X', stationId: stationB } },
      await t.login('13200000001'),
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(
      codeOf(
        await t.gql(
          REGISTER,
          { i: { personId: await personId(t, '13800000002'), level: 'INTERMEDIATE', certificateNo: 'SW-0001-X', stationId: stationB } },
          await t.login('13600000001'),
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('counts social workers per community and lists them in scope', async () => {
    const counts = await t.gql(
      `query ($r: ID!) { socialWorkerCounts(regionId: $r) { regionName regionLevel total assistant intermediate senior } }`,
      { r: await regionId(t, '320102002') },
      await t.login('13800000001'),
    );
    // 吴芳 works at the street's 社工站: counted on the street's row, not on a community's.
    expect(counts.data.socialWorkerCounts).toEqual([
      { regionName: '梅园新村街道', regionLevel: 'STREET', total: 1, assistant: 0, intermediate: 1, senior: 0 },
      { regionName: '长江新村社区', regionLevel: 'COMMUNITY', total: 0, assistant: 0, intermediate: 0, senior: 0 },
      { regionName: '大悲巷社区', regionLevel: 'COMMUNITY', total: 1, assistant: 1, intermediate: 0, senior: 0 },
    ]);
    const district = await t.gql(
      `query ($r: ID!) { socialWorkerCounts(regionId: $r) { regionName regionLevel total } }`,
      { r: await regionId(t, '320102') },
      await t.login('13800000001'),
    );
    expect(district.data.socialWorkerCounts.filter((c: any) => c.regionLevel === 'STREET')).toEqual([
      { regionName: '梅园新村街道', regionLevel: 'STREET', total: 1 },
      { regionName: '新街口街道', regionLevel: 'STREET', total: 0 },
    ]);
    const list = await t.gql(
      `{ socialWorkers(first: 10) { totalCount edges { node { certificateNo level station { name } } } } }`,
      {},
      await t.login('13200000001'),
    );
    expect(list.data.socialWorkers.edges.map((e: any) => e.node.certificateNo)).toEqual(expect.arrayContaining(['SW-320102-2021-0087', 'ZS-2023-320100-0042']));
    const b = await t.gql(`{ socialWorkers(first: 10) { totalCount } }`, {}, await t.login('13600000002'));
    expect(b.data.socialWorkers.totalCount).toBe(0);
  });
});
