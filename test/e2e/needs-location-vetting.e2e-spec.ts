import { ok, openNeed, PHONE, saturday, volunteerId } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/** Issue 4 (6, 7): coordinates follow the address rule; volunteers are vetted and located through the API. */
describe('needs: exact location only for those who may see the address; vetting and volunteer location', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (phone: string, query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, await t.login(phone));
  const PLACE = `latitude longitude address`;

  it('a volunteer of the area sees an OPEN need only roughly (0.01°) in need, needs and openNeedsForMe, exactly once they hold it', async () => {
    const id = await openNeed(t, { ...saturday(1, '09:00', '11:00'), latitude: 32.06017, longitude: 118.79683 });
    const rough = { latitude: 32.06, longitude: 118.8, address: null };
    expect((await ok(t, `query ($id: ID!) { need(id: $id) { ${PLACE} } }`, { id }, PHONE.liuYang)).need).toEqual(rough);
    const list = await ok(t, `{ needs(first: 50, filter: { status: OPEN }) { edges { node { id ${PLACE} } } } }`, {}, PHONE.liuYang);
    expect(list.needs.edges.find((e: any) => e.node.id === id).node).toEqual({ id, ...rough });
    const feed = await ok(t, `{ openNeedsForMe(first: 50) { edges { node { id ${PLACE} } } } }`, {}, PHONE.liuYang);
    expect(feed.openNeedsForMe.edges.find((e: any) => e.node.id === id).node).toEqual({ id, ...rough });
    // The resident and staff in scope see it exactly.
    const exact = { latitude: 32.06017, longitude: 118.79683, address: '长江新村3幢201室' };
    expect((await ok(t, `query ($id: ID!) { need(id: $id) { ${PLACE} } }`, { id }, PHONE.wang)).need).toEqual(exact);
    expect((await ok(t, `query ($id: ID!) { need(id: $id) { ${PLACE} } }`, { id }, PHONE.sunLi)).need).toEqual(exact);
    // Claimed by 刘洋: exact for him, still rough for 张伟 (who can no longer see it at all: it is not OPEN).
    expect((await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { ${PLACE} } }`, { id }, PHONE.liuYang)).claimNeed).toEqual(exact);
    expect(codeOf(await as(PHONE.zhangWei, `query ($id: ID!) { need(id: $id) { ${PLACE} } }`, { id }))).toBe('FORBIDDEN');
  });

  it('community staff vet a volunteer of their community (who and when kept); vetting decides home-entry matches', async () => {
    const liuYang = await volunteerId(t, PHONE.liuYang);
    const chenJing = await volunteerId(t, PHONE.chenJing);
    const VET = `mutation ($id: ID!, $n: String!, $v: Boolean) { vetVolunteer(id: $id, note: $n, vetted: $v) { id isVetted } }`;
    expect(codeOf(await as(PHONE.zhangWei, VET, { id: liuYang, n: '无犯罪记录证明' }))).toBe('FORBIDDEN');
    expect(codeOf(await as(PHONE.sunLi, VET, { id: chenJing, n: '无犯罪记录证明' }))).toBe('FORBIDDEN');
    expect(codeOf(await as(PHONE.sunLi, VET, { id: liuYang, n: ' ' }))).toBe('BAD_USER_INPUT');
    expect((await ok(t, VET, { id: chenJing, n: '查验无犯罪记录证明原件' }, PHONE.zhouQiang)).vetVolunteer).toEqual({ id: chenJing, isVetted: true });
    const [row] = await t.db.query(
      `SELECT v.is_vetted, v.vetting_note, p.phone AS by, v.vetted_at IS NOT NULL AS at FROM volunteers v JOIN persons p ON p.id = v.vetted_by WHERE v.id = $1`,
      [chenJing],
    );
    expect(row).toEqual({ is_vetted: true, vetting_note: '查验无犯罪记录证明原件', by: PHONE.zhouQiang, at: true });

    const home = await openNeed(t, { ...saturday(2, '09:00', '11:00'), homeEntry: true });
    const names = async () =>
      (await ok(t, `query ($id: ID!) { matchCandidates(needId: $id) { volunteer { id } } }`, { id: home }, PHONE.sunLi)).matchCandidates.map(
        (c: any) => c.volunteer.id,
      );
    expect(await names()).toContain(liuYang);
    expect((await ok(t, VET, { id: liuYang, n: '证明已过期，需重新提交', v: false }, PHONE.sunLi)).vetVolunteer.isVetted).toBe(false);
    expect(await names()).not.toContain(liuYang);
    await ok(t, VET, { id: liuYang, n: '已重新提交证明', v: true }, PHONE.heJun);
    expect(await names()).toContain(liuYang);
  });

  it('a volunteer sets their base location; bad coordinates are refused and change nothing; distance follows', async () => {
    const SET = `mutation ($a: Float, $o: Float) { updateMyVolunteerLocation(latitude: $a, longitude: $o) { id } }`;
    const liuYang = await volunteerId(t, PHONE.liuYang);
    const where = async () => (await t.db.query(`SELECT latitude, longitude FROM volunteers WHERE id = $1`, [liuYang]))[0];
    const before = await where();
    const bad = await as(PHONE.liuYang, SET, { a: 95, o: 118.8 });
    expect([codeOf(bad), bad.errors![0].extensions!.fields!.map((f) => f.field)]).toEqual(['BAD_USER_INPUT', ['latitude']]);
    expect(codeOf(await as(PHONE.liuYang, SET, { a: 32.06, o: null }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await as(PHONE.wang, SET, { a: 32.06, o: 118.8 }))).toBe('NOT_FOUND');
    expect(await where()).toEqual(before);
    const id = await openNeed(t, { ...saturday(3, '09:00', '11:00') });
    await ok(t, SET, { a: 32.0601, o: 118.7968 }, PHONE.liuYang);
    expect(await where()).toEqual({ latitude: 32.0601, longitude: 118.7968 });
    const c = (await ok(t, `query ($id: ID!) { matchCandidates(needId: $id) { distanceKm volunteer { id } } }`, { id }, PHONE.sunLi)).matchCandidates.find(
      (x: any) => x.volunteer.id === liuYang,
    );
    expect(c.distanceKm).toBe(0);
  });
});
