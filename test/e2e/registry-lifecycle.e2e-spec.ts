import { idNumberFor, newResident, regionId, volunteerId } from '../helpers/registry.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** Issue 3 minors: organization rejection, and what suspending or rejecting a volunteer takes away. */
describe('registry lifecycles', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('the street admin rejects a pending organization with a reason; no ORG_ADMIN is granted and it cannot be rejected twice', async () => {
    const registrant = await newResident(t, { idNumber: idNumberFor('19750202', '921') });
    const reg = await t.gql(
      `mutation ($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id } }`,
      { i: { name: '长江新村待审服务社', creditCode: '52320102MJ58000764', category: 'LIFE_SERVICE', regionId: await regionId(t, '320102002001') } },
      registrant.token,
    );
    const id = reg.data.registerOrganization.id;
    const REJECT = `mutation ($id: ID!, $r: String!) { rejectOrganization(id: $id, reason: $r) { status statusReason } }`;
    expect((await t.gql(REJECT, { id, r: '  ' }, await t.login('13200000001'))).errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'reason' }],
    });
    const rejected = await t.gql(REJECT, { id, r: '材料不全' }, await t.login('13200000001'));
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data.rejectOrganization).toEqual({ status: 'REJECTED', statusReason: '材料不全' });
    const again = await t.gql(REJECT, { id, r: '重复' }, await t.login('13200000001'));
    expect(again.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_STATUS' });
    expect((await t.db.query(`SELECT count(*)::int AS n FROM role_grants WHERE organization_id = $1`, [id]))[0].n).toBe(0);
    // The registrant still sees the decision and the members.
    const seen = await t.gql(`query ($id: ID!) { organization(id: $id) { status statusReason members { isAdmin } } }`, { id }, registrant.token);
    expect(seen.data.organization).toEqual({ status: 'REJECTED', statusReason: '材料不全', members: [{ isAdmin: true }] });
  });

  it('a rejected applicant leaves the team they registered into', async () => {
    const [{ id: teamId }] = await t.db.query(`SELECT id FROM volunteer_teams WHERE name = '长江新村为老服务队'`);
    const teen = await newResident(t, { idNumber: idNumberFor('20100101', '922') });
    const reg = await t.gql(
      `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id teams { team { id } } } }`,
      { i: { skills: ['助老陪护'], serviceRegionIds: [await regionId(t, '32010200200101')], teamId } },
      teen.token,
    );
    expect(reg.errors).toBeUndefined();
    const v = reg.data.registerVolunteer.id;
    expect(reg.data.registerVolunteer.teams).toEqual([{ team: { id: teamId } }]);
    const r = await t.gql(
      `mutation ($id: ID!) { rejectVolunteer(id: $id, reason: "需监护人书面同意") { status teams { isLeader } } }`,
      { id: v },
      await t.login('13600000001'),
    );
    expect(r.data.rejectVolunteer).toEqual({ status: 'REJECTED', teams: [] });
  });

  it('suspending a volunteer withdraws their resources and their leadership in the same transaction', async () => {
    const worker = await t.login('13600000001');
    const zhang = await volunteerId(t, '13900000001');
    const created = await t.gql(
      `mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }`,
      { i: { name: '上门理发', kind: 'SERVICE', categories: ['ELDERLY_CARE'], regionId: await regionId(t, '320102002001'), providerKind: 'VOLUNTEER' } },
      await t.login('13900000001'),
    );
    expect(created.errors).toBeUndefined();
    expect((await t.db.query(`SELECT count(*)::int AS n FROM volunteer_team_members WHERE volunteer_id = $1 AND is_leader`, [zhang]))[0].n).toBe(2);
    const s = await t.gql(`mutation ($id: ID!) { suspendVolunteer(id: $id, reason: "多次爽约") { status } }`, { id: zhang }, worker);
    expect(s.data.suspendVolunteer.status).toBe('SUSPENDED');
    expect(await t.db.query(`SELECT count(*)::int AS n FROM resources WHERE volunteer_id = $1 AND active`, [zhang])).toEqual([{ n: 0 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM volunteer_team_members WHERE volunteer_id = $1 AND is_leader`, [zhang])).toEqual([{ n: 0 }]);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM volunteer_team_members WHERE volunteer_id = $1`, [zhang])).toEqual([{ n: 2 }]);
    const list = await t.gql(`{ resources(first: 50) { edges { node { name } } } }`, {}, worker);
    expect(list.data.resources.edges.map((e: any) => e.node.name)).not.toContain('上门理发');
  });

  it('fellow volunteers and organization admins see approved volunteers only; staff see every status', async () => {
    const applicant = await newResident(t, { idNumber: idNumberFor('19910101', '923') });
    const reg = await t.gql(
      `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id status } }`,
      { i: { skills: ['助老陪护'], serviceRegionIds: [await regionId(t, '32010200200101')] } },
      applicant.token,
    );
    const id = reg.data.registerVolunteer.id;
    const LIST = `{ volunteers(first: 50) { edges { node { id status } } } }`;
    for (const peer of ['13900000002', '13400000001']) {
      const res = await t.gql(LIST, {}, await t.login(peer));
      expect(res.data.volunteers.edges.every((e: any) => e.node.status === 'APPROVED')).toBe(true);
      expect(res.data.volunteers.edges.map((e: any) => e.node.id)).not.toContain(id);
      const filtered = await t.gql(`{ volunteers(first: 50, filter: { status: PENDING }) { totalCount } }`, {}, await t.login(peer));
      expect(filtered.data.volunteers.totalCount).toBe(0);
      expect((await t.gql(`query ($id: ID!) { volunteer(id: $id) { id } }`, { id }, await t.login(peer))).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    const staff = await t.gql(LIST, {}, await t.login('13600000001'));
    expect(staff.data.volunteers.edges).toContainEqual({ node: { id, status: 'PENDING' } });
    const self = await t.gql(LIST, {}, applicant.token);
    expect(self.data.volunteers.edges).toEqual([{ node: { id, status: 'PENDING' } }]);
  });
});
