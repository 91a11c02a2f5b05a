import { createTestApp, TestApp } from '../helpers/test-app.js';

describe('smoke', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves health and logs in a demo account', async () => {
    const health = await t.http().get('/health');
    expect(health.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    const token = await t.login('13800000001');
    const me = await t.gql(`{ me { name phone idNumber roles { role scopeName } } }`, {}, token);
    const vol = await t.gql(
      `{ me { name volunteer { skills isPartyMember status starLevel reliability person { name } } } }`,
      {},
      await t.login('13900000001'),
    );
    expect(vol.data.me.volunteer).toEqual({
      skills: ['助老陪护', '助餐送餐'],
      isPartyMember: true,
      status: 'APPROVED',
      starLevel: 0,
      reliability: 0.86,
      person: { name: '张伟' },
    });
    expect(me.data.me).toEqual({
      name: '王秀英',
      phone: '13800000001',
      idNumber: '320102194503120022',
      roles: [{ role: 'RESIDENT', scopeName: '长江新村社区第一网格' }],
    });
  });
});
