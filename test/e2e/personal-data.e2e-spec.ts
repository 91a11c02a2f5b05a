import { idNumberFor, newResident, personId, withBadCheckDigit } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const PERSON = `query ($id: ID!) { person(id: $id) { id name phone address idNumber masked flags { flag } relatives { relation } } }`;

describe('personal data (docs/design.md §11)', () => {
  let t: TestApp;
  let wang: string;
  let li: string;
  beforeAll(async () => {
    t = await createTestApp();
    wang = await personId(t, '13800000001');
    li = await personId(t, '13800000002');
  });
  afterAll(() => t.close());

  it('a volunteer sees a resident masked; the resident sees all of their own data', async () => {
    const seen = await t.gql(PERSON, { id: wang }, await t.login('13900000001'));
    expect(seen.data.person).toEqual({ id: wang, name: '王*', phone: '138****0001', address: null, idNumber: null, masked: true, flags: [], relatives: [] });
    const self = await t.gql(`{ me { name phone address idNumber masked flags { flag consentGivenById } } }`, {}, await t.login('13800000001'));
    expect(self.data.me).toEqual({
      name: '王秀英',
      phone: '13800000001',
      address: '长江新村3幢201室',
      idNumber: '320102194503120022',
      masked: false,
      flags: [{ flag: 'ALONE_OR_EMPTY_NEST', consentGivenById: wang }],
    });
  });

  it('logs a staff read of an ID number, which the street admin can query', async () => {
    const before = (await t.db.query(`SELECT count(*)::int AS n FROM pii_access_log WHERE subject_id = $1`, [wang]))[0].n;
    const staff = await t.gql(PERSON, { id: wang }, await t.login('13600000001'));
    expect(staff.data.person.idNumber).toBe('320102194503120022');
    // The grid worker sees the name in full but the ID number masked, and that is not a logged read; the sensitive
    // flags both of them read are (docs/design.md §11: every staff read of sensitive fields is logged).
    const grid = await t.gql(PERSON, { id: wang }, await t.login('13700000001'));
    expect(grid.data.person).toMatchObject({ name: '王秀英', idNumber: '320102********0022', flags: [{ flag: 'ALONE_OR_EMPTY_NEST' }] });
    const reads = await t.db.query(
      `SELECT p.phone, l.field FROM pii_access_log l JOIN persons p ON p.id = l.viewer_id WHERE l.subject_id = $1 ORDER BY l.id OFFSET $2`,
      [wang, before],
    );
    expect(reads).toEqual([
      expect.objectContaining({ phone: '13600000001' }),
      expect.objectContaining({ phone: '13600000001' }),
      { phone: '13700000001', field: 'person_flags' },
    ]);
    expect(
      reads
        .slice(0, 2)
        .map((r: { field: string }) => r.field)
        .sort(),
    ).toEqual(['id_number', 'person_flags']);

    const LOG = `query ($s: ID) { piiAccessLog(subjectId: $s, first: 10) { totalCount edges { node { field purpose at viewer { name } subject { name } } } } }`;
    const log = await t.gql(LOG, { s: wang }, await t.login('13200000001'));
    expect(log.errors).toBeUndefined();
    expect(log.data.piiAccessLog.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ field: 'id_number', purpose: 'graphql:Person.idNumber', viewer: { name: '孙丽' }, subject: { name: '王秀英' } }),
    );
    expect(log.data.piiAccessLog.edges[0].node).toMatchObject({ field: 'person_flags', purpose: 'graphql:Person.flags', viewer: { name: '赵敏' } });
    const sys = await t.gql(LOG, { s: null }, await t.login('13100000001'));
    expect(sys.data.piiAccessLog.totalCount).toBeGreaterThanOrEqual(1);
    // Not for community workers.
    expect(codeOf(await t.gql(LOG, { s: wang }, await t.login('13600000001')))).toBe('FORBIDDEN');
    // A street admin of the other street would see nothing: scope is the subject's home.
    const bAdminScope = await t.db.query(
      `SELECT count(*)::int AS n FROM pii_access_log l JOIN persons p ON p.id = l.subject_id JOIN regions r ON r.id = p.grid_id WHERE r.path <@ '32.3201.320102.320102003'`,
    );
    expect(bAdminScope[0].n).toBe(0);
  });

  it('records and revokes relatives 亲属 (community worker of the scope only)', async () => {
    const worker = await t.login('13600000001');
    const REC = `mutation ($p: ID!, $r: ID!, $rel: String!, $rev: String) { recordRelative(personId: $p, relativeId: $r, relation: $rel, reverseRelation: $rev) { id relation relative { id } } }`;
    expect(codeOf(await t.gql(REC, { p: wang, r: li, rel: '儿子', rev: '母亲' }, await t.login('13600000002')))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(REC, { p: wang, r: wang, rel: '本人' }, worker))).toBe('BAD_USER_INPUT');
    const rec = await t.gql(REC, { p: wang, r: li, rel: '儿子', rev: '母亲' }, worker);
    expect(rec.errors).toBeUndefined();
    expect(rec.data.recordRelative).toMatchObject({ relation: '儿子', relative: { id: li } });
    expect(codeOf(await t.gql(REC, { p: wang, r: li, rel: '儿子' }, worker))).toBe('CONFLICT');

    const asStaff = await t.gql(`query ($id: ID!) { person(id: $id) { relatives { relation relative { name } } } }`, { id: li }, worker);
    expect(asStaff.data.person.relatives).toContainEqual({ relation: '母亲', relative: { name: '王秀英' } });
    const mine = await t.gql(`{ me { relatives { relation relative { id name } } } }`, {}, await t.login('13800000001'));
    expect(mine.data.me.relatives).toEqual([{ relation: '儿子', relative: { id: li, name: '李*' } }]);

    const revoke = await t.gql(`mutation ($id: ID!) { revokeRelative(id: $id) { id } }`, { id: rec.data.recordRelative.id }, worker);
    expect(revoke.errors).toBeUndefined();
    const active = await t.db.query(`SELECT count(*)::int AS n FROM relatives WHERE revoked_at IS NULL AND (person_id = $1 OR relative_id = $1)`, [wang]);
    expect(active[0].n).toBe(0);
    expect(codeOf(await t.gql(`mutation ($id: ID!) { revokeRelative(id: $id) { id } }`, { id: rec.data.recordRelative.id }, worker))).toBe('CONFLICT');
  });

  it('records sensitive flags with consent; a child under 14 needs a guardian', async () => {
    const grid = await t.login('13700000001');
    const SET = `mutation ($i: SetPersonFlagInput!) { setPersonFlag(input: $i) { flag consentGivenById recordedById consentAt } }`;
    const ok = await t.gql(SET, { i: { personId: wang, flag: 'DISABILITY' } }, grid);
    expect(ok.data.setPersonFlag).toMatchObject({ flag: 'DISABILITY', consentGivenById: wang, recordedById: await personId(t, '13700000001') });
    const stranger = await t.gql(SET, { i: { personId: wang, flag: 'INCAPACITATED', consentGivenById: li } }, grid);
    expect(stranger.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ADULT_CONSENTS_THEMSELF' });
    expect(codeOf(await t.gql(SET, { i: { personId: wang, flag: 'DISABILITY' } }, await t.login('13900000001')))).toBe('FORBIDDEN');

    const child = await newResident(t, { idNumber: idNumberFor('20160708', '612') });
    const self = await t.gql(SET, { i: { personId: child.id, flag: 'CHILD_IN_DIFFICULTY' } }, grid);
    expect(self.errors![0].extensions!.reason).toBe('GUARDIAN_CONSENT_REQUIRED');
    const parent = await newResident(t, { idNumber: idNumberFor('19880101', '613') });
    await t.gql(
      `mutation ($p: ID!, $r: ID!) { recordRelative(personId: $p, relativeId: $r, relation: "母亲", reverseRelation: "女儿") { id } }`,
      { p: child.id, r: parent.id },
      await t.login('13600000001'),
    );
    const guardian = await t.gql(SET, { i: { personId: child.id, flag: 'CHILD_IN_DIFFICULTY', consentGivenById: parent.id } }, grid);
    expect(guardian.data.setPersonFlag.consentGivenById).toBe(parent.id);

    // The person withdraws consent: the flag is gone.
    const cleared = await t.gql(`mutation ($p: ID!) { clearPersonFlag(personId: $p, flag: DISABILITY) }`, { p: wang }, await t.login('13800000001'));
    expect(cleared.data.clearPersonFlag).toBe(true);
    const flags = await t.gql(`{ me { flags { flag } } }`, {}, await t.login('13800000001'));
    expect(flags.data.me.flags).toEqual([{ flag: 'ALONE_OR_EMPTY_NEST' }]);
  });

  it("exports the caller's own data as JSON", async () => {
    const res = await t.gql(`{ exportMyData }`, {}, await t.login('13900000001'));
    const data = JSON.parse(res.data.exportMyData);
    expect(data.person).toMatchObject({ name: '张伟', phone: '13900000001', idNumber: '320102198505200016', birthDate: '1985-05-20' });
    expect(data.volunteer).toMatchObject({ volunteerNo: 'V320102002001001', skills: ['助老陪护', '助餐送餐'], isPartyMember: true });
    expect(data.relatives).toEqual([expect.objectContaining({ relation: '岳父' })]);
    expect(data.roles.map((r: { role: string }) => r.role)).toEqual(expect.arrayContaining(['VOLUNTEER', 'RESIDENT']));
    // What the time bank and the dispatch loop hold about them too: services given, every ledger entry.
    const records = await t.db.query(`SELECT r.record_no FROM service_records r JOIN persons p ON p.id = r.volunteer_person_id WHERE p.phone = '13900000001'`);
    expect(data.servicesGiven.map((r: { recordNo: string }) => r.recordNo).sort()).toEqual(records.map((r: { record_no: string }) => r.record_no).sort());
    const account = await t.gql(`{ myAccount { balanceMinutes } }`, {}, await t.login('13900000001'));
    const entries = data.timeBankEntries as { minutes: number; balanceAfter: number }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.reduce((sum, e) => sum + Number(e.minutes), 0)).toBe(account.data.myAccount.balanceMinutes);
    expect(Number(entries[entries.length - 1].balanceAfter)).toBe(account.data.myAccount.balanceMinutes);
    // A resident's export holds the needs posted for them.
    const wangExport = JSON.parse((await t.gql(`{ exportMyData }`, {}, await t.login('13800000001'))).data.exportMyData);
    const wangNeeds = await t.db.query(`SELECT n.id FROM needs n JOIN persons p ON p.id = n.beneficiary_id WHERE p.phone = '13800000001'`);
    expect(wangNeeds.length).toBeGreaterThan(0);
    expect(wangExport.needsForMe.map((n: { id: string }) => n.id).sort()).toEqual(wangNeeds.map((n: { id: string }) => n.id).sort());
    expect(codeOf(await t.gql(`{ exportMyData }`))).toBe('UNAUTHENTICATED');
  });

  it("updates one's own address and records a missing ID number once", async () => {
    const r = await newResident(t);
    const UPD = `mutation ($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { address idNumber } }`;
    expect(codeOf(await t.gql(UPD, { i: { idNumber: withBadCheckDigit(idNumberFor('19750101', '701')) } }, r.token))).toBe('BAD_USER_INPUT');
    const ok = await t.gql(UPD, { i: { address: '长江新村1幢101室', idNumber: idNumberFor('19750101', '701') } }, r.token);
    expect(ok.data.updateMyProfile).toEqual({ address: '长江新村1幢101室', idNumber: idNumberFor('19750101', '701') });
    expect(codeOf(await t.gql(UPD, { i: { idNumber: idNumberFor('19750101', '702') } }, r.token))).toBe('CONFLICT');
    const other = await newResident(t);
    expect((await t.gql(UPD, { i: { idNumber: idNumberFor('19750101', '701') } }, other.token)).errors![0].extensions!.reason).toBe('ID_NUMBER_REFUSED');
  });
});
