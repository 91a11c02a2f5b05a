import { personId, regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const REGISTER = `mutation ($i: RegisterOrganizationInput!) { registerOrganization(input: $i) {
  id name creditCode category registration status region { code } members { isAdmin person { name } } } }`;

describe('social organizations 社会组织', () => {
  let t: TestApp;
  let streetA: string;
  let A1: string;
  beforeAll(async () => {
    t = await createTestApp();
    streetA = await regionId(t, '320102002');
    A1 = await regionId(t, '320102002001');
  });
  afterAll(() => t.close());

  it('registers a PENDING organization with a valid credit code; the street admin approves and its admin gets ORG_ADMIN scoped to it', async () => {
    const registrant = await t.login('13800000002');
    const res = await t.gql(
      REGISTER,
      { i: { name: '长江新村助老志愿者协会', creditCode: '51320102mj5800044x', category: 'ASSISTANCE', regionId: A1, registration: 'FILED' } },
      registrant,
    );
    expect(res.errors).toBeUndefined();
    const org = res.data.registerOrganization;
    expect(org).toMatchObject({
      creditCode: '51320102MJ5800044X',
      category: 'ASSISTANCE',
      registration: 'FILED',
      status: 'PENDING',
      region: { code: '320102002001' },
    });

    // Pending: not visible to an unrelated resident, visible to the registrant.
    expect(codeOf(await t.gql(`query ($id: ID!) { organization(id: $id) { id } }`, { id: org.id }, await t.login('13800000001')))).toBe('FORBIDDEN');
    // Only a street admin may approve: a community worker does not pass the guard.
    expect(codeOf(await t.gql(`mutation ($id: ID!) { approveOrganization(id: $id) { id } }`, { id: org.id }, await t.login('13600000001')))).toBe('FORBIDDEN');

    const approved = await t.gql(`mutation ($id: ID!) { approveOrganization(id: $id) { status } }`, { id: org.id }, await t.login('13200000001'));
    expect(approved.data.approveOrganization.status).toBe('APPROVED');
    const me = await t.gql(`{ me { roles { role scopeId scopeType } } }`, {}, registrant);
    expect(me.data.me.roles).toContainEqual({ role: 'ORG_ADMIN', scopeId: org.id, scopeType: 'ORGANIZATION' });

    // The new admin adds a member; the resident now sees the approved organization.
    const wang = await personId(t, '13800000001');
    const added = await t.gql(
      `mutation ($o: ID!, $p: ID!) { addOrganizationMember(organizationId: $o, personId: $p) { members { isAdmin } } }`,
      { o: org.id, p: wang },
      registrant,
    );
    expect(added.data.addOrganizationMember.members).toEqual([{ isAdmin: true }, { isAdmin: false }]);
    const seen = await t.gql(`query ($id: ID!) { organization(id: $id) { status members { isAdmin } } }`, { id: org.id }, await t.login('13800000001'));
    expect(seen.data.organization).toEqual({ status: 'APPROVED', members: [] });
    // The last admin cannot be removed.
    const last = await t.gql(
      `mutation ($o: ID!, $p: ID!) { removeOrganizationMember(organizationId: $o, personId: $p) { id } }`,
      { o: org.id, p: await personId(t, '13800000002') },
      registrant,
    );
    expect(last.errors![0].extensions!.reason).toBe('LAST_ADMIN');

    // Suspension revokes the scoped ORG_ADMIN grant.
    const suspended = await t.gql(
      `mutation ($id: ID!) { suspendOrganization(id: $id, reason: "年检未通过") { status statusReason } }`,
      { id: org.id },
      await t.login('13200000001'),
    );
    expect(suspended.data.suspendOrganization).toEqual({ status: 'SUSPENDED', statusReason: '年检未通过' });
    const grants = await t.db.query(`SELECT count(*)::int AS n FROM role_grants WHERE organization_id = $1 AND revoked_at IS NULL`, [org.id]);
    expect(grants[0].n).toBe(0);
  });

  it('refuses a bad credit code, a duplicate, and a region above street level; nothing is written', async () => {
    const token = await t.login('13800000002');
    const n = async () => (await t.db.query(`SELECT count(*)::int AS n FROM organizations`))[0].n;
    const before = await n();
    const bad = await t.gql(REGISTER, { i: { name: '某某服务社', creditCode: '52320102MJ5800012J', category: 'LIFE_SERVICE', regionId: streetA } }, token);
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CREDIT_CODE_CHECK_CHARACTER',
      fields: [{ field: 'creditCode', message: '统一社会信用代码校验位不正确' }],
    });
    const format = await t.gql(REGISTER, { i: { name: '某某服务社', creditCode: '52320102MJ58OOO12H', category: 'LIFE_SERVICE', regionId: streetA } }, token);
    expect(format.errors![0].extensions!.reason).toBe('CREDIT_CODE_FORMAT');
    const dup = await t.gql(REGISTER, { i: { name: '重复登记', creditCode: '52320102MJ5800012H', category: 'LIFE_SERVICE', regionId: streetA } }, token);
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'CREDIT_CODE_TAKEN' });
    const district = await regionId(t, '320102');
    expect(
      (await t.gql(REGISTER, { i: { name: '区级组织', creditCode: '52320102MJ58000764', category: 'LIFE_SERVICE', regionId: district } }, token)).errors![0]
        .extensions!.fields![0].field,
    ).toBe('regionId');
    expect(await n()).toBe(before);
  });

  it('two registrations of one credit code at once: exactly one wins', async () => {
    const i = { name: '并发登记社', creditCode: '52320102MJ58000764', category: 'MEDIATION', regionId: A1 };
    const results = await Promise.all([t.gql(REGISTER, { i }, await t.login('13800000001')), t.gql(REGISTER, { i }, await t.login('13800000002'))]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
  });

  it('lists organizations with filters and counts approved ones by category', async () => {
    const token = await t.login('13800000001');
    const list = await t.gql(
      `{ organizations(first: 20, filter: { category: LIFE_SERVICE }) { totalCount edges { node { name category status } } } }`,
      {},
      token,
    );
    expect(list.data.organizations.edges.map((e: any) => e.node.name)).toContain('梅园新村为老服务中心');
    const all = await t.gql(`{ organizations(first: 50) { edges { node { name status } } } }`, {}, token);
    // The pending one of street B is not shown to a resident of street A.
    expect(all.data.organizations.edges.map((e: any) => e.node.name)).not.toContain('文昌巷文体活动队');
    const sys = await t.gql(`{ organizations(first: 50, filter: { status: PENDING }) { edges { node { name } } } }`, {}, await t.login('13100000001'));
    expect(sys.data.organizations.edges.map((e: any) => e.node.name)).toContain('文昌巷文体活动队');
    const counts = await t.gql(`query ($r: ID!) { organizationCounts(regionId: $r) { category count } }`, { r: streetA }, token);
    expect(counts.data.organizationCounts).toEqual(
      expect.arrayContaining([
        { category: 'LIFE_SERVICE', count: 1 },
        { category: 'MUTUAL_AID', count: 1 },
      ]),
    );
  });

  it('the role_grants.organization_id foreign key holds', async () => {
    await expect(
      t.db.query(`INSERT INTO role_grants (person_id, role, region_id, organization_id) VALUES ($1, 'ORG_ADMIN', $2, gen_random_uuid())`, [
        await personId(t, '13800000001'),
        streetA,
      ]),
    ).rejects.toThrow(/foreign key/);
  });
});
