import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { logger } from '../../src/common/logging/logger.js';
import { DEMO_ACCOUNTS } from '../../src/seed/demo-data.js';
import { idNumberFor, personId, withBadCheckDigit } from '../helpers/registry.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * docs/design.md §11: no personal data in logs. This file drives the operations that handle phones and ID numbers
 * (including their error paths), then reads the server log of the whole test run so far — every app of every
 * test file writes to it — and looks for any demo phone, ID number or address.
 */
describe('server log holds no personal data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    // Debug lines too: nothing at any level may carry personal data.
    logger.level = 'debug';
  });
  afterAll(() => t.close());

  const ownId = idNumberFor('19660606', '808');
  const ownPhone = '18612345678';

  it('after logins, registrations, lookups and failures, no phone, ID number or address appears in the log', async () => {
    // Failed and successful logins.
    await t.gql(`mutation { login(input: { phone: "13800000001", password: "wrong-pass-1" }) { accessToken } }`);
    await t.gql(`mutation { login(input: { phone: "13899999999", password: "wrong-pass-1" }) { accessToken } }`);
    const wang = await t.login('13800000001');
    // Registration with an ID number, a taken phone, a bad check digit.
    const grid = (await t.db.query(`SELECT id FROM regions WHERE code = '32010200200101'`))[0].id;
    const REG = `mutation ($i: RegisterResidentInput!) { registerResident(input: $i) { accessToken } }`;
    const reg = await t.gql(REG, { i: { name: '日志测试', phone: ownPhone, password: 'pass-word-99', gridId: grid, idNumber: ownId, address: '测试路1号' } });
    expect(reg.errors).toBeUndefined();
    await t.gql(REG, { i: { name: '日志测试', phone: '13800000001', password: 'pass-word-99', gridId: grid } });
    await t.gql(REG, { i: { name: '日志测试', phone: '18612340000', password: 'pass-word-99', gridId: grid, idNumber: withBadCheckDigit(ownId) } });
    await t.gql(REG, { i: { name: '日志测试', phone: '18612340001', password: 'pass-word-99', gridId: grid, idNumber: '320102194503120022' } });
    // A volunteer registration refused for a bad ID number, and one with a phone in the emergency contact.
    const own = reg.data.registerResident.accessToken;
    await t.gql(
      `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }`,
      { i: { skills: ['理发'], serviceRegionIds: [grid], emergencyContact: { name: '家属', phone: '13812345678' }, idNumber: withBadCheckDigit(ownId) } },
      own,
    );
    await t.gql(
      `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }`,
      { i: { skills: ['理发'], serviceRegionIds: [grid], emergencyContact: { name: '家属', phone: '13812345678' } } },
      own,
    );
    // Staff reads of full ID numbers (logged to the access table, never to the log), exports, unknown ids.
    const subject = await personId(t, '13800000001');
    await t.gql(`query ($id: ID!) { person(id: $id) { name phone idNumber address } }`, { id: subject }, await t.login('13600000001'));
    await t.gql(`{ exportMyData }`, {}, wang);
    await t.gql(`query ($id: ID!) { person(id: $id) { name } }`, { id: '13800000001' }, wang);
    await t.gql(`mutation ($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { id } }`, { i: { idNumber: '320102194503120022' } }, own);

    const log = readFileSync(join(process.env.TEST_RUN_DIR!, 'server.log'), 'utf8');
    expect(log.length).toBeGreaterThan(0);
    expect(log).toContain('"msg":"graphql"');
    const secrets = [
      ...DEMO_ACCOUNTS.flatMap((a) => [a.phone, a.idNumber, a.address]),
      ownPhone,
      ownId,
      withBadCheckDigit(ownId),
      '18612340000',
      '18612340001',
      '13899999999',
      '13812345678',
      '测试路1号',
    ].filter((s): s is string => !!s);
    const found = secrets.filter((s) => log.includes(s));
    expect(found).toEqual([]);
  });
});
