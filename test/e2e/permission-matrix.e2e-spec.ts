import { Permission, PERMISSIONS } from '../../src/scope/permission.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Samples of the permission matrix through HTTP: for a few permissions, every seeded person (one per role) calls an
 * operation that needs it with input the service refuses. Whoever holds the permission gets past the guard and
 * meets the service's refusal; everyone else is FORBIDDEN by the guard, as the matrix row says. Nothing changes.
 */
const SAMPLES: { permission: Permission; query: string; heldCode: string }[] = [
  { permission: Permission.ACCESS_LOG_READ, query: `query { piiAccessLog(subjectId: "nobody") { totalCount } }`, heldCode: 'BAD_USER_INPUT' },
  {
    permission: Permission.STATION_MANAGE,
    query: `mutation { createStation(input: { kind: SOCIAL_WORK_STATION, name: " ", regionId: "x" }) { id } }`,
    heldCode: 'BAD_USER_INPUT',
  },
  { permission: Permission.VOLUNTEER_RECORD, query: `mutation { approveVolunteer(id: "not-an-id") { id } }`, heldCode: 'NOT_FOUND' },
  { permission: Permission.VOLUNTEER_VET, query: `mutation { vetVolunteer(id: "not-an-id", note: " ") { id } }`, heldCode: 'BAD_USER_INPUT' },
  { permission: Permission.RELATIVE_RECORD, query: `mutation { revokeRelative(id: "not-an-id") { id } }`, heldCode: 'NOT_FOUND' },
  { permission: Permission.ORGANIZATION_REVIEW, query: `mutation { approveOrganization(id: "not-an-id") { id } }`, heldCode: 'NOT_FOUND' },
];

/** One seeded person per role (see src/seed/demo-data.ts). */
const PEOPLE = ['13800000001', '13900000001', '13700000001', '13600000001', '13500000001', '13400000001', '13300000001', '13200000001', '13100000001'];

describe('permission matrix over HTTP', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const roles: Record<string, string[]> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const rows: { phone: string; role: string }[] = await t.db.query(
      `SELECT p.phone, g.role FROM persons p JOIN role_grants g ON g.person_id = p.id AND g.revoked_at IS NULL WHERE p.phone = ANY($1)`,
      [PEOPLE],
    );
    for (const phone of PEOPLE) {
      roles[phone] = rows.filter((r) => r.phone === phone).map((r) => r.role);
      tokens[phone] = await t.login(phone);
    }
  });
  afterAll(() => t.close());

  const cases = SAMPLES.flatMap((s) => PEOPLE.map((phone) => ({ ...s, phone })));

  it.each(cases)('$permission for $phone: guard as the matrix row says', async ({ permission, query, heldCode, phone }) => {
    const holds = PERMISSIONS[permission].roles.some((role) => roles[phone].includes(role));
    const res = await t.gql(query, {}, tokens[phone]);
    expect(res.data?.[Object.keys(res.data ?? {})[0]] ?? null).toBeNull();
    expect(codeOf(res)).toBe(holds ? heldCode : 'FORBIDDEN');
  });

  it('samples both sides of every sampled row', () => {
    for (const s of SAMPLES) {
      const holders = PEOPLE.filter((phone) => PERMISSIONS[s.permission].roles.some((role) => roles[phone].includes(role)));
      expect(holders.length).toBeGreaterThan(0);
      expect(holders.length).toBeLessThan(PEOPLE.length);
    }
  });
});
