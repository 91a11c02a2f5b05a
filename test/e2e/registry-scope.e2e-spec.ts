import { idNumberFor, newResident, personId, regionId, volunteerId } from '../helpers/registry.js';
import { codeOf, createTestApp, GqlResponse, TestApp } from '../helpers/test-app.js';

/**
 * Issue 3 review: registry operations must not reach outside the actor's scope, and nested fields must not show
 * more than the top-level query for the same record would.
 */
const PERSON_FULL = `query ($id: ID!) { person(id: $id) { name phone idNumber } }`;
const ADD_MEMBER = `mutation ($o: ID!, $p: ID!, $a: Boolean) { addOrganizationMember(organizationId: $o, personId: $p, isAdmin: $a) { members { isAdmin person { id } } } }`;
const reasonOf = (res: GqlResponse) => res.errors?.[0]?.extensions?.reason;

describe('registry scope (issue 3)', () => {
  let t: TestApp;
  const codes = { streetA: '320102002', A1: '320102002001', A1g1: '32010200200101', B1: '320102003001', B1g1: '32010200300101' };
  const R: Record<keyof typeof codes, string> = {} as never;
  beforeAll(async () => {
    t = await createTestApp();
    for (const [k, code] of Object.entries(codes)) R[k as keyof typeof codes] = await regionId(t, code);
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params))[0].n as number;

  describe('addOrganizationMember (major 1)', () => {
    let orgId: string;
    let orgAdmin: string;
    beforeAll(async () => {
      const registrant = await newResident(t, { idNumber: idNumberFor('19790315', '811') });
      orgAdmin = registrant.token;
      const reg = await t.gql(
        `mutation ($i: RegisterOrganizationInput!) { registerOrganization(input: $i) { id status members { isAdmin person { id } } } }`,
        { i: { name: '长江新村睦邻服务社', creditCode: '51320102MJ5800044X', category: 'MUTUAL_AID', regionId: R.A1, registration: 'FILED' } },
        orgAdmin,
      );
      expect(reg.errors).toBeUndefined();
      orgId = reg.data.registerOrganization.id;
      // Minor fix: the registrant sees the members of the organization while it is pending.
      expect(reg.data.registerOrganization).toMatchObject({ status: 'PENDING', members: [{ isAdmin: true, person: { id: registrant.id } }] });
      const approved = await t.gql(`mutation ($id: ID!) { approveOrganization(id: $id) { status } }`, { id: orgId }, await t.login('13200000001'));
      expect(approved.data.approveOrganization.status).toBe('APPROVED');
    });

    it('refuses to enrol a resident of another street; street A staff still cannot see that resident', async () => {
      const b1 = await newResident(t, { grid: codes.B1g1, idNumber: idNumberFor('19820607', '812') });
      const res = await t.gql(ADD_MEMBER, { o: orgId, p: b1.id, a: true }, orgAdmin);
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PERSON_OUT_OF_SCOPE' });
      expect(await count(`SELECT count(*)::int AS n FROM organization_members WHERE person_id = $1`, [b1.id])).toBe(0);
      expect(await count(`SELECT count(*)::int AS n FROM role_grants WHERE person_id = $1 AND role = 'ORG_ADMIN'`, [b1.id])).toBe(0);
      for (const staff of ['13200000001', '13600000001']) {
        const seen = await t.gql(PERSON_FULL, { id: b1.id }, await t.login(staff));
        expect(codeOf(seen)).toBe('FORBIDDEN');
        expect(seen.data?.person ?? null).toBeNull();
      }
    });

    it('an ORG_ADMIN grant (organization-scoped) never widens who may see the person', async () => {
      // E.g. a grant left from before the fix: it must not drag the B1 resident into street A's view.
      const b1 = await newResident(t, { grid: codes.B1g1, idNumber: idNumberFor('19820607', '813') });
      await t.db.query(`INSERT INTO organization_members (organization_id, person_id, is_admin, added_by) VALUES ($1, $2, true, $2)`, [orgId, b1.id]);
      await t.db.query(`INSERT INTO role_grants (person_id, role, region_id, organization_id) VALUES ($1, 'ORG_ADMIN', $2, $3)`, [b1.id, R.A1, orgId]);
      for (const staff of ['13200000001', '13600000001']) expect(codeOf(await t.gql(PERSON_FULL, { id: b1.id }, await t.login(staff)))).toBe('FORBIDDEN');
      // Their own street still sees them in full.
      const own = await t.gql(PERSON_FULL, { id: b1.id }, await t.login('13600000002'));
      expect(own.data.person.idNumber).toBe(idNumberFor('19820607', '813'));
    });

    it('admins must be adults with a known age; a minor may be a plain member', async () => {
      const teen = await newResident(t, { idNumber: idNumberFor('20110909', '814') });
      const asAdmin = await t.gql(ADD_MEMBER, { o: orgId, p: teen.id, a: true }, orgAdmin);
      expect(asAdmin.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ADMIN_NOT_ADULT', fields: [{ field: 'personId' }] });
      const noAge = await newResident(t);
      expect(reasonOf(await t.gql(ADD_MEMBER, { o: orgId, p: noAge.id, a: true }, orgAdmin))).toBe('AGE_UNKNOWN');
      expect(await count(`SELECT count(*)::int AS n FROM organization_members WHERE person_id = ANY($1::uuid[])`, [[teen.id, noAge.id]])).toBe(0);

      const asMember = await t.gql(ADD_MEMBER, { o: orgId, p: teen.id, a: false }, orgAdmin);
      expect(asMember.errors).toBeUndefined();
      expect(asMember.data.addOrganizationMember.members).toContainEqual({ isAdmin: false, person: { id: teen.id } });
      const adult = await newResident(t, { idNumber: idNumberFor('19700101', '815') });
      const ok = await t.gql(ADD_MEMBER, { o: orgId, p: adult.id, a: true }, orgAdmin);
      expect(ok.data.addOrganizationMember.members).toContainEqual({ isAdmin: true, person: { id: adult.id } });
      const me = await t.gql(`{ me { roles { role scopeId } } }`, {}, adult.token);
      expect(me.data.me.roles).toContainEqual({ role: 'ORG_ADMIN', scopeId: orgId });
    });
  });

  describe('nested fields follow the top-level visibility rules (major 2)', () => {
    it('Person.volunteer is null where volunteer(id) is FORBIDDEN (charity admin)', async () => {
      const feng = await t.login('13300000001');
      const zhang = await personId(t, '13900000001');
      const zhangV = await volunteerId(t, '13900000001');
      expect(codeOf(await t.gql(`query ($id: ID!) { volunteer(id: $id) { id } }`, { id: zhangV }, feng))).toBe('FORBIDDEN');
      const nested = await t.gql(`query ($id: ID!) { person(id: $id) { masked volunteer { id skills availability { weekday } } } }`, { id: zhang }, feng);
      expect(nested.errors).toBeUndefined();
      expect(nested.data.person).toEqual({ masked: true, volunteer: null });
      // Staff of the community still see it, nested and top level.
      const staff = await t.gql(`query ($id: ID!) { person(id: $id) { volunteer { id } } }`, { id: zhang }, await t.login('13600000001'));
      expect(staff.data.person.volunteer).toEqual({ id: zhangV });
    });

    it('Person.socialWorker is null where socialWorker(id) is FORBIDDEN (org admin, volunteer)', async () => {
      const wu = await personId(t, '13500000001');
      const [{ id: wuWorker }] = await t.db.query(`SELECT id FROM social_workers WHERE person_id = $1`, [wu]);
      const zheng = await t.login('13400000001');
      expect(codeOf(await t.gql(`query ($id: ID!) { socialWorker(id: $id) { certificateNo } }`, { id: wuWorker }, zheng))).toBe('FORBIDDEN');
      const nested = await t.gql(`query ($id: ID!) { person(id: $id) { masked socialWorker { certificateNo } } }`, { id: wu }, zheng);
      expect(nested.data.person).toEqual({ masked: true, socialWorker: null });

      // A social worker who lives in A1: the A1 volunteer 张伟 sees the person (masked) but not the certificate.
      const sw = await newResident(t, { idNumber: idNumberFor('19860220', '816') });
      const [{ id: station }] = await t.db.query(`SELECT id FROM stations WHERE name = '梅园新村街道社工站'`);
      const reg = await t.gql(
        `mutation ($i: RegisterSocialWorkerInput!) { registerSocialWorker(input: $i) { id } }`,
        { i: { personId: sw.id, level: 'INTERMEDIATE', certificateNo: 'SW-2024-0816', stationId: station } },
        await t.login('13200000001'),
      );
      expect(reg.errors).toBeUndefined();
      const zhang = await t.gql(`query ($id: ID!) { person(id: $id) { masked socialWorker { certificateNo } } }`, { id: sw.id }, await t.login('13900000001'));
      expect(zhang.data.person).toEqual({ masked: true, socialWorker: null });
      const admin = await t.gql(`query ($id: ID!) { person(id: $id) { socialWorker { certificateNo } } }`, { id: sw.id }, await t.login('13200000001'));
      expect(admin.data.person.socialWorker).toEqual({ certificateNo: 'SW-2024-0816' });
    });

    it("Resource.volunteer and Resource.team do not open another street's volunteers and team rosters to a resident", async () => {
      // An A1 volunteer who also serves in B1 lists a service there (allowed: B1 is one of their service regions).
      const v = await newResident(t, { idNumber: idNumberFor('19900505', '817') });
      const regV = await t.gql(
        `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id } }`,
        { i: { skills: ['助老陪护'], serviceRegionIds: [R.A1g1, R.B1g1], availability: [{ weekday: 2, start: '09:00', end: '11:00' }] } },
        v.token,
      );
      const vId = regV.data.registerVolunteer.id;
      expect(
        (await t.gql(`mutation ($id: ID!) { approveVolunteer(id: $id) { status } }`, { id: vId }, await t.login('13600000001'))).data.approveVolunteer.status,
      ).toBe('APPROVED');
      const own = await t.gql(
        `mutation ($i: CreateResourceInput!) { createResource(input: $i) { id volunteer { id } } }`,
        { i: { name: '跨区陪诊', kind: 'SERVICE', categories: ['MEDICAL_ESCORT'], regionId: R.B1g1, providerKind: 'VOLUNTEER' } },
        v.token,
      );
      expect(own.errors).toBeUndefined();
      expect(own.data.createResource.volunteer).toEqual({ id: vId });
      // A team resource in B1 left from before the area check (the reviewer's repro data).
      const [{ id: teamId }] = await t.db.query(`SELECT id FROM volunteer_teams WHERE name = '长江新村为老服务队'`);
      await t.db.query(
        `INSERT INTO resources (name, kind, categories, region_id, path, provider, team_id, created_by) SELECT '旧数据队伍服务', 'SERVICE', '{ELDERLY_CARE}', r.id, r.path, 'TEAM', $2, $3 FROM regions r WHERE r.id = $1`,
        [R.B1g1, teamId, await personId(t, '13900000001')],
      );

      const resident = await newResident(t, { grid: codes.B1g1 });
      const Q = `{ resources(first: 50) { edges { node { name volunteer { id teams { team { name } } } team { name members { volunteer { id availability { weekday } } } } } } } }`;
      const res = await t.gql(Q, {}, resident.token);
      expect(res.errors).toBeUndefined();
      const byName = Object.fromEntries(res.data.resources.edges.map((e: any) => [e.node.name, e.node]));
      expect(byName['跨区陪诊']).toEqual({ name: '跨区陪诊', volunteer: null, team: null });
      expect(byName['旧数据队伍服务']).toEqual({ name: '旧数据队伍服务', volunteer: null, team: null });
      expect(codeOf(await t.gql(`query ($id: ID!) { volunteerTeam(id: $id) { id } }`, { id: teamId }, resident.token))).toBe('FORBIDDEN');
      // B1's community worker sees the resource too, but the A1 team roster stays closed to them.
      const b1Staff = await t.gql(Q, {}, await t.login('13600000002'));
      const old = b1Staff.data.resources.edges.find((e: any) => e.node.name === '旧数据队伍服务').node;
      expect(old.team).toBeNull();
      // Whoever may see the provider still gets it through the same path: the volunteer themself, and A1's staff via the team.
      const self = await t.gql(`query ($id: ID!) { resource(id: $id) { volunteer { id } } }`, { id: own.data.createResource.id }, v.token);
      expect(self.data.resource.volunteer).toEqual({ id: vId });
      const a1 = await t.gql(`query ($id: ID!) { volunteerTeam(id: $id) { members { volunteer { id } } } }`, { id: teamId }, await t.login('13600000001'));
      expect(a1.data.volunteerTeam.members.map((m: any) => m.volunteer?.id)).toContain(await volunteerId(t, '13900000001'));
    });

    it('Person.roles hides scope names and ids from masked viewers, as Person.grid does', async () => {
      const wang = await personId(t, '13800000001');
      const Q = `query ($id: ID!) { person(id: $id) { masked grid { name } roles { role scopeId scopeName scopeType } } }`;
      const masked = await t.gql(Q, { id: wang }, await t.login('13900000001'));
      expect(masked.data.person.masked).toBe(true);
      expect(masked.data.person.grid).toBeNull();
      expect(masked.data.person.roles).toEqual([{ role: 'RESIDENT', scopeId: null, scopeName: null, scopeType: 'REGION' }]);
      const staff = await t.gql(Q, { id: wang }, await t.login('13600000001'));
      expect(staff.data.person.roles).toEqual([{ role: 'RESIDENT', scopeId: R.A1g1, scopeName: '长江新村社区第一网格', scopeType: 'REGION' }]);
    });
  });

  describe("mutations stay inside the actor's scope (major 3)", () => {
    const CREATE_RESOURCE = `mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }`;

    it('createResource: the area must lie where the provider serves', async () => {
      const before = await count(`SELECT count(*)::int AS n FROM resources`);
      const zhang = await t.gql(
        CREATE_RESOURCE,
        { i: { name: '越区服务', kind: 'SERVICE', categories: ['ELDERLY_CARE'], regionId: R.B1, providerKind: 'VOLUNTEER' } },
        await t.login('13900000001'),
      );
      expect(zhang.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'AREA_OUTSIDE_PROVIDER_SCOPE' });
      const [{ id: orgA }] = await t.db.query(`SELECT id FROM organizations WHERE credit_code = '52320102MJ5800012H'`);
      const venue = await t.gql(
        CREATE_RESOURCE,
        { i: { name: '越区场地', kind: 'VENUE', categories: ['CULTURE_SPORTS'], regionId: R.B1, providerKind: 'ORGANIZATION', providerId: orgA } },
        await t.login('13400000001'),
      );
      expect(reasonOf(venue)).toBe('AREA_OUTSIDE_PROVIDER_SCOPE');
      // Even the street admin, acting for the organization, cannot list it outside the organization's street.
      expect(
        reasonOf(
          await t.gql(
            CREATE_RESOURCE,
            { i: { name: '越区场地', kind: 'VENUE', categories: ['OTHER'], regionId: R.B1, providerKind: 'ORGANIZATION', providerId: orgA } },
            await t.login('13100000001'),
          ),
        ),
      ).toBe('AREA_OUTSIDE_PROVIDER_SCOPE');
      expect(await count(`SELECT count(*)::int AS n FROM resources`)).toBe(before);
      // Inside: fine.
      expect(
        (
          await t.gql(
            CREATE_RESOURCE,
            { i: { name: '街道场地', kind: 'VENUE', categories: ['CULTURE_SPORTS'], regionId: R.A1, providerKind: 'ORGANIZATION', providerId: orgA } },
            await t.login('13400000001'),
          )
        ).errors,
      ).toBeUndefined();
    });

    it("createVolunteerTeam by an organization admin only inside the organization's region, with a leader serving there", async () => {
      const [{ id: orgA }] = await t.db.query(`SELECT id FROM organizations WHERE credit_code = '52320102MJ5800012H'`);
      const zheng = await t.login('13400000001');
      const CREATE = `mutation ($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id community { code } } }`;
      const before = await count(`SELECT count(*)::int AS n FROM volunteer_teams`);
      const outside = await t.gql(
        CREATE,
        { i: { name: '越区服务队', communityId: R.B1, leaderVolunteerId: await volunteerId(t, '13900000002'), organizationId: orgA } },
        zheng,
      );
      expect(codeOf(outside)).toBe('FORBIDDEN');
      // A community worker of B1 cannot put an A1 volunteer at the head of a B1 team either.
      const farLeader = await t.gql(
        CREATE,
        { i: { name: '文昌巷服务队', communityId: R.B1, leaderVolunteerId: await volunteerId(t, '13900000002') } },
        await t.login('13600000002'),
      );
      expect(farLeader.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'VOLUNTEER_OUTSIDE_TEAM_AREA' });
      expect(await count(`SELECT count(*)::int AS n FROM volunteer_teams`)).toBe(before);
      const inside = await t.gql(
        CREATE,
        { i: { name: '为老服务二队', communityId: R.A1, leaderVolunteerId: await volunteerId(t, '13900000002'), organizationId: orgA } },
        zheng,
      );
      expect(inside.errors).toBeUndefined();
      expect(inside.data.createVolunteerTeam.community.code).toBe(codes.A1);
    });

    it("addVolunteerTeamMember refuses a volunteer of another street who does not serve in the team's community", async () => {
      const [{ id: teamId }] = await t.db.query(`SELECT id FROM volunteer_teams WHERE name = '长江新村党员先锋队'`);
      const ADD = `mutation ($t: ID!, $v: ID!) { addVolunteerTeamMember(teamId: $t, volunteerId: $v) { members { volunteer { id } } } }`;
      const res = await t.gql(ADD, { t: teamId, v: await volunteerId(t, '13900000003') }, await t.login('13900000001'));
      expect(res.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'VOLUNTEER_OUTSIDE_TEAM_AREA' });
      expect(
        await count(`SELECT count(*)::int AS n FROM volunteer_team_members WHERE team_id = $1 AND volunteer_id = $2`, [
          teamId,
          await volunteerId(t, '13900000003'),
        ]),
      ).toBe(0);
      // A volunteer of the same street is fine.
      const ok = await t.gql(ADD, { t: teamId, v: await volunteerId(t, '13900000002') }, await t.login('13900000001'));
      expect(ok.errors).toBeUndefined();
    });

    it('registerVolunteer into a team follows the same area rule as adding a member, and peers see no applicants on the roster', async () => {
      const [{ id: teamId }] = await t.db.query(`SELECT id FROM volunteer_teams WHERE name = '长江新村党员先锋队'`);
      const REG = `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id status } }`;
      const far = await newResident(t, { grid: codes.B1g1, idNumber: idNumberFor('19880808', '821') });
      const refused = await t.gql(REG, { i: { skills: ['助老陪护'], serviceRegionIds: [R.B1g1], teamId } }, far.token);
      expect(refused.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'VOLUNTEER_OUTSIDE_TEAM_AREA' });
      expect(await count(`SELECT count(*)::int AS n FROM volunteers WHERE person_id = $1`, [far.id])).toBe(0);

      const near = await newResident(t, { grid: codes.A1g1, idNumber: idNumberFor('19880808', '822') });
      const applied = await t.gql(REG, { i: { skills: ['助老陪护'], serviceRegionIds: [R.A1g1], teamId } }, near.token);
      expect(applied.data.registerVolunteer.status).toBe('PENDING');
      const ROSTER = `query ($id: ID!) { volunteerTeam(id: $id) { members { volunteer { id status } } } }`;
      const members = async (phone: string) =>
        ((await t.gql(ROSTER, { id: teamId }, await t.login(phone))).data.volunteerTeam.members as { volunteer: { id: string; status: string } | null }[])
          .map((m) => m.volunteer)
          .filter(Boolean);
      // A fellow volunteer sees approved members only; the community worker sees the application too.
      expect((await members('13900000002')).map((v) => v!.status)).not.toContain('PENDING');
      expect(await members('13600000001')).toContainEqual({ id: applied.data.registerVolunteer.id, status: 'PENDING' });
    });

    it('a volunteer cannot stretch their service regions outside their home district', async () => {
      const [district] = await t.db.query(`SELECT id, path::text AS path FROM regions WHERE code = '3201'`);
      const rows = await t.db.query(
        `INSERT INTO regions (code, name, level, path, parent_id) VALUES ('320104', '秦淮区', 'DISTRICT', $1::ltree, $2) RETURNING id, path::text AS path`,
        [`${district.path}.320104`, district.id],
      );
      const street = await t.db.query(
        `INSERT INTO regions (code, name, level, path, parent_id) VALUES ('320104001', '秦淮测试街道', 'STREET', $1::ltree, $2) RETURNING id`,
        [`${rows[0].path}.320104001`, rows[0].id],
      );
      const UPDATE = `mutation ($i: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $i) { serviceRegions { code } } }`;
      const res = await t.gql(UPDATE, { i: { serviceRegionIds: [R.A1, street[0].id] } }, await t.login('13900000001'));
      expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SERVICE_AREA_OUTSIDE_DISTRICT' });
      const mine = await t.gql(`{ me { volunteer { serviceRegions { code } } } }`, {}, await t.login('13900000001'));
      expect(mine.data.me.volunteer.serviceRegions.map((r: { code: string }) => r.code)).not.toContain('320104001000');
      // Another street of the same district is fine.
      const ok = await t.gql(UPDATE, { i: { serviceRegionIds: [R.A1, R.B1] } }, await t.login('13900000001'));
      expect(ok.errors).toBeUndefined();
    });

    it("registerSocialWorker: adults living in the admin's street only", async () => {
      const admin = await t.login('13200000001');
      const [{ id: station }] = await t.db.query(`SELECT id FROM stations WHERE name = '梅园新村街道社工站'`);
      const REG = `mutation ($i: RegisterSocialWorkerInput!) { registerSocialWorker(input: $i) { id } }`;
      const child = await newResident(t, { idNumber: idNumberFor('20150101', '818') });
      const young = await t.gql(REG, { i: { personId: child.id, level: 'SENIOR', certificateNo: 'SW-CHILD-01', stationId: station } }, admin);
      expect(young.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSON_NOT_ADULT', fields: [{ field: 'personId' }] });
      const unknownAge = await newResident(t);
      expect(reasonOf(await t.gql(REG, { i: { personId: unknownAge.id, level: 'ASSISTANT', certificateNo: 'SW-NOAGE-01', stationId: station } }, admin))).toBe(
        'AGE_UNKNOWN',
      );
      const b1 = await newResident(t, { grid: codes.B1g1, idNumber: idNumberFor('19800808', '819') });
      const far = await t.gql(REG, { i: { personId: b1.id, level: 'ASSISTANT', certificateNo: 'SW-FAR-01', stationId: station } }, admin);
      expect(far.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PERSON_OUT_OF_SCOPE' });
      expect(await count(`SELECT count(*)::int AS n FROM social_workers WHERE person_id = ANY($1::uuid[])`, [[child.id, unknownAge.id, b1.id]])).toBe(0);
      expect(
        await count(`SELECT count(*)::int AS n FROM role_grants WHERE role = 'SOCIAL_WORKER' AND person_id = ANY($1::uuid[])`, [
          [child.id, unknownAge.id, b1.id],
        ]),
      ).toBe(0);
    });
  });
});
