import { idNumberFor, newResident, regionId } from '../helpers/registry.js';
import { changedTables, checksumOfAllTables } from '../helpers/checksum.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * Issue 10 §3 for people already logged in: recording an ID number on one's own account (updateMyProfile,
 * registerVolunteer) does not confirm that the number belongs to someone else, and each person may try only a few
 * times per window (src/people/id-number-claims.ts).
 */
describe('hardening: logged-in users cannot enumerate ID numbers', () => {
  let t: TestApp;
  let grid: string;
  /** 王秀英's ID number (src/seed/demo-data.ts): held by another account. */
  const TAKEN = '320102194503120022';
  const UPDATE = `mutation ($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { idNumber } }`;
  const VOLUNTEER = `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id status } }`;
  const volunteerInput = (idNumber: string) => ({ skills: ['助老陪护'], serviceRegionIds: [grid], idNumber });
  beforeAll(async () => {
    t = await createTestApp({ ID_NUMBER_MAX_PER_PERSON: '3' });
    grid = await regionId(t, '32010200200101');
  });
  afterAll(() => t.close());

  it('refuses a number held by another account with a neutral answer that writes nothing, the same from updateMyProfile and registerVolunteer', async () => {
    const r = await newResident(t);
    const before = await checksumOfAllTables(t.db);
    const profile = await t.gql(UPDATE, { i: { idNumber: TAKEN } }, r.token);
    const volunteer = await t.gql(VOLUNTEER, { i: volunteerInput(TAKEN) }, r.token);
    expect(profile.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ID_NUMBER_REFUSED' });
    // One body for both operations, and nothing in it says the number is registered or by whom.
    const { path: _p1, locations: _l1, ...a } = profile.errors![0] as { path?: unknown; locations?: unknown };
    const { path: _p2, locations: _l2, ...b } = volunteer.errors![0] as { path?: unknown; locations?: unknown };
    expect(b).toEqual(a);
    expect(profile.errors![0].message).not.toMatch(/其他|已被|已注册|已登记|账号/);
    expect(JSON.stringify(profile.errors)).not.toMatch(/王|秀英|TAKEN/);
    expect(changedTables(before, await checksumOfAllTables(t.db))).toEqual([]);
    // A number nobody holds is recorded as before.
    const free = idNumberFor('19760202', '801');
    expect((await t.gql(UPDATE, { i: { idNumber: free } }, r.token)).data.updateMyProfile).toEqual({ idNumber: free });
  });

  it('throttles each person to ID_NUMBER_MAX_PER_PERSON attempts per window, counted across both operations, whatever the number', async () => {
    const r = await newResident(t);
    const reasons: (string | undefined)[] = [];
    reasons.push((await t.gql(UPDATE, { i: { idNumber: TAKEN } }, r.token)).errors?.[0].extensions?.reason);
    reasons.push((await t.gql(VOLUNTEER, { i: volunteerInput(TAKEN) }, r.token)).errors?.[0].extensions?.reason);
    reasons.push((await t.gql(UPDATE, { i: { idNumber: TAKEN } }, r.token)).errors?.[0].extensions?.reason);
    // Refused attempts stay counted (the throttle commits apart from the refused change): the fourth is throttled,
    // a free number included, so the refusal can no longer be told apart from a taken number's.
    const fourth = await t.gql(UPDATE, { i: { idNumber: idNumberFor('19760303', '803') } }, r.token);
    const fifth = await t.gql(VOLUNTEER, { i: volunteerInput(idNumberFor('19760303', '803')) }, r.token);
    expect(reasons).toEqual(['ID_NUMBER_REFUSED', 'ID_NUMBER_REFUSED', 'ID_NUMBER_REFUSED']);
    expect(fourth.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ID_NUMBER_THROTTLED' });
    expect(fifth.errors![0].extensions).toMatchObject({ code: 'RATE_LIMITED', reason: 'ID_NUMBER_THROTTLED' });
    expect((await t.db.query(`SELECT id_number_hash FROM persons WHERE id = $1`, [r.id]))[0].id_number_hash).toBeNull();
    // Another person is not affected, and updates without an ID number are not throttled.
    const other = await newResident(t);
    const free = idNumberFor('19760404', '804');
    expect((await t.gql(UPDATE, { i: { idNumber: free } }, other.token)).data.updateMyProfile).toEqual({ idNumber: free });
    const address = await t.gql(`mutation { updateMyProfile(input: { address: "长江新村2幢" }) { address } }`, {}, r.token);
    expect(address.data.updateMyProfile).toEqual({ address: '长江新村2幢' });
  });
});
