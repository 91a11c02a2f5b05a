import { idNumberFor, newResident, personId } from '../helpers/registry.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/** Consent for sensitive flags (issue 3, major 5; docs/design.md §11, PIPL Art. 29, 31). */
const SET = `mutation ($i: SetPersonFlagInput!) { setPersonFlag(input: $i) { flag consentGivenById } }`;
const RELATE = `mutation ($p: ID!, $r: ID!) { recordRelative(personId: $p, relativeId: $r, relation: "子女", reverseRelation: "父母") { id } }`;

describe('sensitive-flag consent', () => {
  let t: TestApp;
  let grid: string;
  let worker: string;
  beforeAll(async () => {
    t = await createTestApp();
    grid = await t.login('13700000001');
    worker = await t.login('13600000001');
  });
  afterAll(() => t.close());

  const flagsOf = async (id: string) =>
    (await t.db.query(`SELECT flag FROM person_flags WHERE person_id = $1 ORDER BY flag`, [id])).map((r: { flag: string }) => r.flag);

  it('an adult consents themself: a recorded relative cannot consent for them; omitted means their own consent', async () => {
    const adult = await newResident(t, { idNumber: idNumberFor('19600101', '901') });
    const son = await newResident(t, { idNumber: idNumberFor('19850101', '902') });
    await t.gql(RELATE, { p: adult.id, r: son.id }, worker);
    const byRelative = await t.gql(SET, { i: { personId: adult.id, flag: 'DISABILITY', consentGivenById: son.id } }, grid);
    expect(byRelative.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ADULT_CONSENTS_THEMSELF',
      fields: [{ field: 'consentGivenById' }],
    });
    expect(await flagsOf(adult.id)).toEqual([]);
    const own = await t.gql(SET, { i: { personId: adult.id, flag: 'DISABILITY' } }, grid);
    expect(own.data.setPersonFlag).toEqual({ flag: 'DISABILITY', consentGivenById: adult.id });
    // Someone without a birth date on record counts as an adult.
    const unknown = await newResident(t);
    await t.gql(RELATE, { p: unknown.id, r: son.id }, worker);
    expect((await t.gql(SET, { i: { personId: unknown.id, flag: 'DISABILITY', consentGivenById: son.id } }, grid)).errors![0].extensions!.reason).toBe(
      'ADULT_CONSENTS_THEMSELF',
    );
  });

  it('a guardian must be an adult recorded relative; a child cannot consent for a sibling', async () => {
    const child = await newResident(t, { idNumber: idNumberFor('20170301', '903') });
    const sibling = await newResident(t, { idNumber: idNumberFor('20120301', '904') });
    const stranger = await newResident(t, { idNumber: idNumberFor('19800301', '905') });
    await t.gql(RELATE, { p: child.id, r: sibling.id }, worker);
    const bySibling = await t.gql(SET, { i: { personId: child.id, flag: 'CHILD_IN_DIFFICULTY', consentGivenById: sibling.id } }, grid);
    expect(bySibling.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'GUARDIAN_NOT_ADULT' });
    const byStranger = await t.gql(SET, { i: { personId: child.id, flag: 'CHILD_IN_DIFFICULTY', consentGivenById: stranger.id } }, grid);
    expect(byStranger.errors![0].extensions!.reason).toBe('CONSENT_NOT_RELATIVE');
    expect((await t.gql(SET, { i: { personId: child.id, flag: 'CHILD_IN_DIFFICULTY' } }, grid)).errors![0].extensions!.reason).toBe(
      'GUARDIAN_CONSENT_REQUIRED',
    );
    expect(await flagsOf(child.id)).toEqual([]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM person_flag_consents WHERE person_id = $1`, [child.id]))[0].n).toBe(0);
  });

  it('a minor of 14–17 may consent themself or through an adult guardian', async () => {
    const teen = await newResident(t, { idNumber: idNumberFor('20100601', '906') });
    const mother = await newResident(t, { idNumber: idNumberFor('19820601', '907') });
    await t.gql(RELATE, { p: teen.id, r: mother.id }, worker);
    expect((await t.gql(SET, { i: { personId: teen.id, flag: 'SUBSISTENCE_ALLOWANCE' } }, grid)).errors).toBeUndefined();
    const byMother = await t.gql(SET, { i: { personId: teen.id, flag: 'CHILD_IN_DIFFICULTY', consentGivenById: mother.id } }, grid);
    expect(byMother.data.setPersonFlag).toEqual({ flag: 'CHILD_IN_DIFFICULTY', consentGivenById: mother.id });
  });

  it('keeps an append-only consent history: re-consent and withdrawal are appended, nothing is overwritten', async () => {
    const p = await newResident(t, { idNumber: idNumberFor('19550505', '908') });
    await t.gql(SET, { i: { personId: p.id, flag: 'ALONE_OR_EMPTY_NEST' } }, grid);
    await t.gql(SET, { i: { personId: p.id, flag: 'ALONE_OR_EMPTY_NEST' } }, worker);
    const withdrawn = await t.gql(`mutation ($p: ID!) { clearPersonFlag(personId: $p, flag: ALONE_OR_EMPTY_NEST) }`, { p: p.id }, p.token);
    expect(withdrawn.data.clearPersonFlag).toBe(true);
    expect(await flagsOf(p.id)).toEqual([]);

    const [gridId, workerId] = [await personId(t, '13700000001'), await personId(t, '13600000001')];
    const me = await t.gql(`{ me { flags { flag } flagConsentHistory { flag action byPersonId recordedById at } } }`, {}, p.token);
    expect(me.data.me.flags).toEqual([]);
    expect(me.data.me.flagConsentHistory.map(({ at: _at, ...c }: any) => c)).toEqual([
      { flag: 'ALONE_OR_EMPTY_NEST', action: 'GIVEN', byPersonId: p.id, recordedById: gridId },
      { flag: 'ALONE_OR_EMPTY_NEST', action: 'GIVEN', byPersonId: p.id, recordedById: workerId },
      { flag: 'ALONE_OR_EMPTY_NEST', action: 'WITHDRAWN', byPersonId: p.id, recordedById: p.id },
    ]);
    await expect(t.db.query(`DELETE FROM person_flag_consents WHERE person_id = $1`, [p.id])).rejects.toThrow(/append-only/);
    // Masked viewers get no history; staff reads of it are access-logged.
    const [{ n: before }] = await t.db.query(`SELECT count(*)::int AS n FROM pii_access_log WHERE subject_id = $1 AND field = 'person_flag_consents'`, [p.id]);
    const staff = await t.gql(`query ($id: ID!) { person(id: $id) { flagConsentHistory { action } } }`, { id: p.id }, worker);
    expect(staff.data.person.flagConsentHistory).toHaveLength(3);
    const [{ n: after }] = await t.db.query(`SELECT count(*)::int AS n FROM pii_access_log WHERE subject_id = $1 AND field = 'person_flag_consents'`, [p.id]);
    expect(after).toBe(before + 1);
    const volunteer = await t.gql(`query ($id: ID!) { person(id: $id) { masked flagConsentHistory { action } } }`, { id: p.id }, await t.login('13900000001'));
    expect(volunteer.data.person).toEqual({ masked: true, flagConsentHistory: [] });
    const exported = JSON.parse((await t.gql(`{ exportMyData }`, {}, p.token)).data.exportMyData);
    expect(exported.flagConsentHistory.map((c: { action: string }) => c.action)).toEqual(['GIVEN', 'GIVEN', 'WITHDRAWN']);
  });

  it('the demo flag has its consent on record', async () => {
    const wang = await personId(t, '13800000001');
    const rows = await t.db.query(`SELECT action, by_person_id FROM person_flag_consents WHERE person_id = $1`, [wang]);
    expect(rows).toEqual([{ action: 'GIVEN', by_person_id: wang }]);
  });
});
