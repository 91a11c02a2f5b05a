import { idNumberFor, newResident, personId, regionId, volunteerId, withBadCheckDigit } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const REGISTER = `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) {
  id status volunteerNo isPartyMember skills verifiedMinutes starLevel reliability
  community { code } serviceRegions { code } availability { weekday start end } emergencyContact { name phone } teams { isLeader team { name } }
} }`;
const APPROVE = `mutation ($id: ID!) { approveVolunteer(id: $id) { id status volunteerNo } }`;

describe('volunteers', () => {
  let t: TestApp;
  let A1: string;
  let A1g1: string;
  let B1: string;
  beforeAll(async () => {
    t = await createTestApp();
    A1 = await regionId(t, '320102002001');
    A1g1 = await regionId(t, '32010200200101');
    B1 = await regionId(t, '320102003001');
  });
  afterAll(() => t.close());

  const input = (extra: Record<string, unknown> = {}) => ({
    skills: ['助老陪护', '水电维修'],
    serviceRegionIds: [A1g1],
    availability: [
      { weekday: 6, start: '09:00', end: '12:00' },
      { weekday: 1, start: '18:30', end: '21:00' },
    ],
    isPartyMember: true,
    emergencyContact: { name: '测试家属', phone: '13912345678' },
    ...extra,
  });

  it('lists the seeded skills', async () => {
    const res = await t.gql(`{ skills { name category } }`);
    expect(res.data.skills.length).toBeGreaterThanOrEqual(20);
    expect(res.data.skills).toContainEqual({ name: '助老陪护', category: '养老助老' });
  });

  it('registers an adult resident as a PENDING volunteer with stats, then an A1 community worker approves', async () => {
    const r = await newResident(t, { idNumber: idNumberFor('19800101', '101') });
    const res = await t.gql(REGISTER, { i: input() }, r.token);
    expect(res.errors).toBeUndefined();
    const v = res.data.registerVolunteer;
    expect(v).toMatchObject({
      status: 'PENDING',
      volunteerNo: null,
      isPartyMember: true,
      skills: ['助老陪护', '水电维修'],
      verifiedMinutes: 0,
      starLevel: 0,
      reliability: 0.59,
      community: { code: '320102002001' },
      serviceRegions: [{ code: '32010200200101' }],
      availability: [
        { weekday: 1, start: '18:30', end: '21:00' },
        { weekday: 6, start: '09:00', end: '12:00' },
      ],
      emergencyContact: { name: '测试家属', phone: '13912345678' },
      teams: [],
    });
    const stats = await t.db.query(`SELECT completed_count, verified_minutes FROM volunteer_stats WHERE volunteer_id = $1`, [v.id]);
    expect(stats).toEqual([{ completed_count: 0, verified_minutes: 0 }]);

    const approved = await t.gql(APPROVE, { id: v.id }, await t.login('13600000001'));
    expect(approved.data.approveVolunteer).toEqual({ id: v.id, status: 'APPROVED', volunteerNo: 'V320102002001003' });
    const me = await t.gql(`{ me { roles { role scopeName } } }`, {}, r.token);
    expect(me.data.me.roles).toContainEqual({ role: 'VOLUNTEER', scopeName: '长江新村社区' });

    // A second approval is a state conflict, not a second number.
    expect(codeOf(await t.gql(APPROVE, { id: v.id }, await t.login('13600000001')))).toBe('CONFLICT');
    // Registering again is a conflict.
    expect(codeOf(await t.gql(REGISTER, { i: input() }, r.token))).toBe('CONFLICT');
  });

  it('FORBIDDEN: a B1 community worker cannot approve, reject or suspend an A1 volunteer', async () => {
    const r = await newResident(t, { idNumber: idNumberFor('19850505', '203') });
    const v = (await t.gql(REGISTER, { i: input() }, r.token)).data.registerVolunteer;
    const b1 = await t.login('13600000002');
    expect(codeOf(await t.gql(APPROVE, { id: v.id }, b1))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`mutation ($id: ID!) { rejectVolunteer(id: $id, reason: "资料不全") { id } }`, { id: v.id }, b1))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`mutation ($id: ID!) { suspendVolunteer(id: $id, reason: "x") { id } }`, { id: await volunteerId(t, '13900000001') }, b1))).toBe(
      'FORBIDDEN',
    );
    // Roles without COMMUNITY_WORKER do not pass the guard at all.
    expect(codeOf(await t.gql(APPROVE, { id: v.id }, await t.login('13200000001')))).toBe('FORBIDDEN');
    const row = await t.db.query(`SELECT status FROM volunteers WHERE id = $1`, [v.id]);
    expect(row[0].status).toBe('PENDING');
  });

  it('rejects with a reason, lets the rejected person apply again, and suspends (revoking the role) and reinstates', async () => {
    const worker = await t.login('13600000001');
    const r = await newResident(t, { idNumber: idNumberFor('19700303', '305') });
    const v = (await t.gql(REGISTER, { i: input() }, r.token)).data.registerVolunteer;
    const noReason = await t.gql(`mutation ($id: ID!) { rejectVolunteer(id: $id, reason: "  ") { id } }`, { id: v.id }, worker);
    expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
    const rejected = await t.gql(`mutation ($id: ID!) { rejectVolunteer(id: $id, reason: "请补充健康证明") { status } }`, { id: v.id }, worker);
    expect(rejected.data.rejectVolunteer.status).toBe('REJECTED');
    const again = await t.gql(REGISTER, { i: input({ skills: ['理发'] }) }, r.token);
    expect(again.data.registerVolunteer).toMatchObject({ id: v.id, status: 'PENDING', skills: ['理发'] });

    const zhang = await volunteerId(t, '13900000001');
    const suspended = await t.gql(`mutation ($id: ID!) { suspendVolunteer(id: $id, reason: "多次爽约") { status } }`, { id: zhang }, worker);
    expect(suspended.data.suspendVolunteer.status).toBe('SUSPENDED');
    const grants = await t.db.query(`SELECT count(*)::int AS n FROM role_grants WHERE person_id = $1 AND role = 'VOLUNTEER' AND revoked_at IS NULL`, [
      await personId(t, '13900000001'),
    ]);
    expect(grants[0].n).toBe(0);
    const back = await t.gql(APPROVE, { id: zhang }, worker);
    expect(back.data.approveVolunteer).toEqual({ id: zhang, status: 'APPROVED', volunteerNo: 'V320102002001001' });
  });

  it('concurrent approvals: one winner per volunteer, distinct volunteer numbers across volunteers', async () => {
    const worker = await t.login('13600000001');
    const a = await newResident(t, { idNumber: idNumberFor('19810101', '901') });
    const b = await newResident(t, { idNumber: idNumberFor('19810101', '902') });
    const va = (await t.gql(REGISTER, { i: input() }, a.token)).data.registerVolunteer.id;
    const vb = (await t.gql(REGISTER, { i: input() }, b.token)).data.registerVolunteer.id;
    const results = await Promise.all([t.gql(APPROVE, { id: va }, worker), t.gql(APPROVE, { id: va }, worker), t.gql(APPROVE, { id: vb }, worker)]);
    const sameVolunteer = results.slice(0, 2);
    expect(sameVolunteer.filter((r) => !r.errors)).toHaveLength(1);
    expect(sameVolunteer.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(1);
    const numbers = await t.db.query(`SELECT volunteer_no FROM volunteers WHERE id = ANY($1::uuid[])`, [[va, vb]]);
    const nos = numbers.map((r: { volunteer_no: string }) => r.volunteer_no);
    expect(new Set(nos).size).toBe(2);
    for (const no of nos) expect(no).toMatch(/^V320102002001\d{3}$/);
  });

  it('the volunteer updates their own skills, regions, availability and contact; status and number stay; bad input changes nothing', async () => {
    const r = await newResident(t, { idNumber: idNumberFor('19760707', '611') });
    const v = (await t.gql(REGISTER, { i: input() }, r.token)).data.registerVolunteer;
    await t.gql(APPROVE, { id: v.id }, await t.login('13600000001'));
    const UPDATE = `mutation ($i: UpdateMyVolunteerProfileInput!) { updateMyVolunteerProfile(input: $i) {
      id status volunteerNo skills serviceRegions { code } availability { weekday start end } emergencyContact { name phone } } }`;
    const before = (await t.gql(`{ me { volunteer { volunteerNo skills availability { weekday start end } } } }`, {}, r.token)).data.me.volunteer;
    // Unknown skill, a community-less region kind, and end before start: refused, nothing written.
    for (const [bad, field] of [
      [{ skills: ['飞行驾驶'] }, 'skills'],
      [{ serviceRegionIds: [await regionId(t, '320102')] }, 'serviceRegionIds'],
      [{ availability: [{ weekday: 2, start: '10:00', end: '09:00' }] }, 'availability'],
    ] as const) {
      const res = await t.gql(UPDATE, { i: bad }, r.token);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields![0].field).toContain(field);
    }
    expect((await t.gql(`{ me { volunteer { volunteerNo skills availability { weekday start end } } } }`, {}, r.token)).data.me.volunteer).toEqual(before);

    const res = await t.gql(
      UPDATE,
      {
        i: {
          skills: ['助老陪护', '助餐送餐'],
          serviceRegionIds: [A1],
          availability: [{ weekday: 2, start: '19:00', end: '21:00' }],
          emergencyContact: { name: '新联系人', phone: '13911112222' },
        },
      },
      r.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.updateMyVolunteerProfile).toMatchObject({
      id: v.id,
      status: 'APPROVED',
      volunteerNo: before.volunteerNo,
      skills: ['助老陪护', '助餐送餐'],
      serviceRegions: [{ code: '320102002001' }],
      availability: [{ weekday: 2, start: '19:00', end: '21:00' }],
      emergencyContact: { name: '新联系人', phone: '13911112222' },
    });
    // Only what is given changes.
    const again = await t.gql(UPDATE, { i: { availability: [] } }, r.token);
    expect(again.data.updateMyVolunteerProfile).toMatchObject({ skills: ['助老陪护', '助餐送餐'], availability: [] });
    // Someone who is no volunteer has no profile to update.
    const plain = await newResident(t);
    expect(codeOf(await t.gql(UPDATE, { i: { availability: [] } }, plain.token))).toBe('NOT_FOUND');
  });

  describe('validation (bad input changes nothing)', () => {
    const before = async () => (await t.db.query(`SELECT count(*)::int AS n FROM volunteers`))[0].n;

    it('unknown skill', async () => {
      const r = await newResident(t, { idNumber: idNumberFor('19900101', '401') });
      const n = await before();
      const res = await t.gql(REGISTER, { i: input({ skills: ['助老陪护', '开飞机'] }) }, r.token);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields).toEqual([{ field: 'skills', message: expect.stringContaining('开飞机') }]);
      expect(await before()).toBe(n);
    });

    it('availability end before start, and malformed times', async () => {
      const r = await newResident(t, { idNumber: idNumberFor('19900101', '403') });
      const res = await t.gql(REGISTER, { i: input({ availability: [{ weekday: 2, start: '10:00', end: '09:00' }] }) }, r.token);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions).toMatchObject({ reason: 'AVAILABILITY_END_BEFORE_START', fields: [{ field: 'availability[0].end' }] });
      const bad = await t.gql(REGISTER, { i: input({ availability: [{ weekday: 9, start: '9:00', end: '10:00' }] }) }, r.token);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(expect.arrayContaining(['availability.0.weekday']));
      const overlap = await t.gql(
        REGISTER,
        {
          i: input({
            availability: [
              { weekday: 2, start: '08:00', end: '10:00' },
              { weekday: 2, start: '09:00', end: '11:00' },
            ],
          }),
        },
        r.token,
      );
      expect(overlap.errors![0].extensions!.reason).toBe('AVAILABILITY_OVERLAP');
    });

    it('a person without a birth date must give an ID number; a bad check digit is refused', async () => {
      const r = await newResident(t);
      const n = await before();
      const none = await t.gql(REGISTER, { i: input() }, r.token);
      expect(none.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'AGE_UNKNOWN', fields: [{ field: 'idNumber' }] });
      const bad = await t.gql(REGISTER, { i: input({ idNumber: withBadCheckDigit(idNumberFor('19800101', '405')) }) }, r.token);
      expect(bad.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'ID_CHECK_DIGIT',
        fields: [{ field: 'idNumber', message: '身份证号码校验位不正确' }],
      });
      expect(await before()).toBe(n);
      const ok = await t.gql(REGISTER, { i: input({ idNumber: idNumberFor('19800101', '405') }) }, r.token);
      expect(ok.data.registerVolunteer.status).toBe('PENDING');
      const stored = await t.db.query(`SELECT to_char(birth_date, 'YYYY-MM-DD') AS b, id_number_cipher IS NOT NULL AS enc FROM persons WHERE id = $1`, [r.id]);
      expect(stored).toEqual([{ b: '1980-01-01', enc: true }]);
    });

    it('unknown or above-street service regions', async () => {
      const r = await newResident(t, { idNumber: idNumberFor('19800101', '407') });
      expect(codeOf(await t.gql(REGISTER, { i: input({ serviceRegionIds: ['00000000-0000-0000-0000-000000000000'] }) }, r.token))).toBe('BAD_USER_INPUT');
      const district = await regionId(t, '320102');
      expect((await t.gql(REGISTER, { i: input({ serviceRegionIds: [district] }) }, r.token)).errors![0].extensions!.fields![0].field).toBe('serviceRegionIds');
    });
  });

  describe('minors and teams 志愿服务队', () => {
    let teamId: string;
    it('a community worker creates a team with an approved adult leader; a minor leader is refused', async () => {
      const worker = await t.login('13600000001');
      const res = await t.gql(
        `mutation ($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id name community { code } members { isLeader volunteer { id } } } }`,
        { i: { name: '长江新村青少年服务队', communityId: A1, leaderVolunteerId: await volunteerId(t, '13900000002') } },
        worker,
      );
      expect(res.errors).toBeUndefined();
      teamId = res.data.createVolunteerTeam.id;
      expect(res.data.createVolunteerTeam.members).toEqual([{ isLeader: true, volunteer: { id: await volunteerId(t, '13900000002') } }]);
      // B1's worker may not create teams in A1.
      const other = await t.gql(
        `mutation ($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`,
        { i: { name: '越权队', communityId: A1, leaderVolunteerId: await volunteerId(t, '13900000002') } },
        await t.login('13600000002'),
      );
      expect(codeOf(other)).toBe('FORBIDDEN');
      // 陈静 has no birth date on record: not an adult leader.
      const noAge = await t.gql(
        `mutation ($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`,
        { i: { name: '文昌巷服务队', communityId: B1, leaderVolunteerId: await volunteerId(t, '13900000003') } },
        await t.login('13600000002'),
      );
      expect(noAge.errors![0].extensions!.reason).toBe('LEADER_AGE_UNKNOWN');
    });

    it('an under-18 may register only into a team with an adult leader', async () => {
      const teen = await newResident(t, { idNumber: idNumberFor('20120601', '502') });
      const alone = await t.gql(REGISTER, { i: input() }, teen.token);
      expect(alone.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'MINOR_NEEDS_TEAM', fields: [{ field: 'teamId' }] });
      const ok = await t.gql(REGISTER, { i: input({ teamId }) }, teen.token);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.registerVolunteer.teams).toEqual([{ isLeader: false, team: { name: '长江新村青少年服务队' } }]);
      // The only adult leader cannot leave while a minor is in the team.
      const leave = await t.gql(
        `mutation ($t: ID!, $v: ID!) { removeVolunteerTeamMember(teamId: $t, volunteerId: $v) { id } }`,
        { t: teamId, v: await volunteerId(t, '13900000002') },
        await t.login('13600000001'),
      );
      expect(leave.errors![0].extensions!.reason).toBe('LAST_ADULT_LEADER');
    });

    it('the leader adds a member; teams are listed in scope only', async () => {
      const add = await t.gql(
        `mutation ($t: ID!, $v: ID!) { addVolunteerTeamMember(teamId: $t, volunteerId: $v) { members { isLeader } } }`,
        { t: teamId, v: await volunteerId(t, '13900000001') },
        await t.login('13900000002'),
      );
      expect(add.data.addVolunteerTeamMember.members).toHaveLength(3);
      const a = await t.gql(`{ volunteerTeams(first: 50) { totalCount edges { node { name } } } }`, {}, await t.login('13600000001'));
      expect(a.data.volunteerTeams.edges.map((e: any) => e.node.name)).toContain('长江新村青少年服务队');
      const b = await t.gql(`{ volunteerTeams(first: 50) { totalCount } }`, {}, await t.login('13600000002'));
      expect(b.data.volunteerTeams.totalCount).toBe(0);
    });
  });

  describe('volunteers(filter) connection', () => {
    const LIST = `query ($f: VolunteerFilter, $first: Int, $after: String) { volunteers(filter: $f, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id skills isPartyMember status person { name phone } } } } }`;

    it('shows a community worker only the volunteers of their scope', async () => {
      const a = await t.gql(LIST, { f: { status: 'APPROVED' } }, await t.login('13600000001'));
      expect(a.errors).toBeUndefined();
      const names = a.data.volunteers.edges.map((e: any) => e.node.person.name);
      expect(names).toEqual(expect.arrayContaining(['张伟', '刘洋']));
      expect(names).not.toContain('陈静');
      const b = await t.gql(LIST, { f: { status: 'APPROVED' } }, await t.login('13600000002'));
      expect(b.data.volunteers.edges.map((e: any) => e.node.person.name)).toEqual(['陈静']);
      const resident = await t.gql(LIST, {}, await t.login('13800000001'));
      expect(resident.data.volunteers.totalCount).toBe(0);
    });

    it('filters by skill, party membership, region and availability', async () => {
      const w = await t.login('13600000001');
      const skill = await t.gql(LIST, { f: { skill: '家电维修' } }, w);
      expect(skill.data.volunteers.edges.map((e: any) => e.node.person.name)).toEqual(['刘洋']);
      const party = await t.gql(LIST, { f: { isPartyMember: true, status: 'APPROVED' } }, w);
      expect(party.data.volunteers.edges.map((e: any) => e.node.person.name)).toContain('张伟');
      expect(party.data.volunteers.edges.map((e: any) => e.node.person.name)).not.toContain('刘洋');
      const grid = await t.gql(LIST, { f: { regionId: A1g1, status: 'APPROVED' } }, w);
      expect(grid.data.volunteers.edges.map((e: any) => e.node.person.name)).toEqual(expect.arrayContaining(['张伟', '刘洋']));
      const b1 = await t.gql(LIST, { f: { regionId: B1 } }, w);
      expect(b1.data.volunteers.totalCount).toBe(0);
      // Tuesday 2026-11-24 12:00 in Shanghai (04:00Z): 张伟 (08–20 daily) is available, 刘洋 (Tue 18–21) is not.
      const noon = await t.gql(LIST, { f: { availableAt: '2026-11-24T04:00:00Z', status: 'APPROVED' } }, w);
      const atNoon = noon.data.volunteers.edges.map((e: any) => e.node.person.name);
      expect(atNoon).toContain('张伟');
      expect(atNoon).not.toContain('刘洋');
      // Tuesday 19:00 local (11:00Z): both.
      const evening = await t.gql(LIST, { f: { availableAt: '2026-11-24T11:00:00Z', status: 'APPROVED' } }, w);
      expect(evening.data.volunteers.edges.map((e: any) => e.node.person.name)).toEqual(expect.arrayContaining(['张伟', '刘洋']));
    });

    it('pages with keyset cursors without repeats', async () => {
      const w = await t.login('13600000001');
      const all = await t.gql(LIST, { first: 100 }, w);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: any = await t.gql(LIST, { first: 2, after }, w);
        seen.push(...page.data.volunteers.edges.map((e: any) => e.node.id));
        if (!page.data.volunteers.pageInfo.hasNextPage) break;
        after = page.data.volunteers.pageInfo.endCursor;
      }
      expect(seen).toEqual(all.data.volunteers.edges.map((e: any) => e.node.id));
      expect(seen.length).toBe(all.data.volunteers.totalCount);
      expect(codeOf(await t.gql(LIST, { after: 'garbage' }, w))).toBe('BAD_USER_INPUT');
    });

    it('hides the emergency contact from fellow volunteers but shows it to community staff', async () => {
      const liu = await volunteerId(t, '13900000002');
      await t.db.query(`UPDATE volunteers SET emergency_contact_name = '刘母', emergency_contact_phone = '13911112222' WHERE id = $1`, [liu]);
      const q = `query ($id: ID!) { volunteer(id: $id) { emergencyContact { phone } person { name phone } } }`;
      const peer = await t.gql(q, { id: liu }, await t.login('13900000001'));
      expect(peer.data.volunteer).toEqual({ emergencyContact: null, person: { name: '刘*', phone: '139****0002' } });
      const staff = await t.gql(q, { id: liu }, await t.login('13600000001'));
      expect(staff.data.volunteer).toEqual({ emergencyContact: { phone: '13911112222' }, person: { name: '刘洋', phone: '13900000002' } });
      expect(codeOf(await t.gql(q, { id: liu }, await t.login('13900000003')))).toBe('FORBIDDEN');
    });
  });
});
