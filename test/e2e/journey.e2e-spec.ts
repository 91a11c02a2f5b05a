import { needInput, ok, PHONE, POST, serve, servedNeed } from '../helpers/needs.js';
import { createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * The whole product in one pass, as the demo accounts use it: a resident's need goes through the dispatch loop,
 * the confirmation earns the volunteer exactly the served minutes in the time bank, the ledger still verifies,
 * and the volunteer's certificate for the period can be checked by anyone.
 */
describe('journey: need → dispatch loop → time bank → certificate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const balance = async (phone: string) => (await ok(t, `{ myAccount { balanceMinutes } }`, {}, phone)).myAccount.balanceMinutes as number;

  it.each([
    ['a claim', 'claim'],
    ['a dispatch', 'dispatch'],
  ])('with %s, raises 张伟’s balance by exactly 90 minutes and ends with a certificate that verifies', async (_label, how) => {
    const before = await balance(PHONE.zhangWei);
    const verifiedBefore = (await ok(t, `{ me { volunteer { verifiedMinutes } } }`, {}, PHONE.zhangWei)).me.volunteer.verifiedMinutes;
    const periodFrom = new Date().toISOString();

    const { postNeed } = await ok(t, POST, { i: needInput({ title: how === 'claim' ? '陪同散步、聊天' : '代购药品并送上门' }) }, PHONE.wang);
    const id = postNeed.id;
    await ok(t, `mutation ($id: ID!) { acceptNeed(id: $id) { id } }`, { id }, PHONE.sunLi);
    await ok(t, `mutation ($id: ID!) { publishNeed(id: $id) { id } }`, { id }, PHONE.sunLi);
    const { matchCandidates } = await ok(
      t,
      `query ($id: ID!) { matchCandidates(needId: $id) { score reasons volunteer { id person { name } } } }`,
      { id },
      PHONE.sunLi,
    );
    expect(matchCandidates.map((c: any) => c.volunteer.person.name)).toEqual(['张伟', '刘洋']);
    expect(matchCandidates[0].reasons.length).toBeGreaterThan(0);
    if (how === 'claim') {
      await ok(t, `mutation ($id: ID!) { claimNeed(id: $id) { status } }`, { id }, PHONE.zhangWei);
    } else {
      await ok(
        t,
        `mutation ($id: ID!, $v: ID!) { dispatchNeed(id: $id, volunteerId: $v) { status } }`,
        { id, v: matchCandidates[0].volunteer.id },
        PHONE.sunLi,
      );
    }
    await serve(t, id, PHONE.zhangWei, 90);
    const confirmed = await ok(t, `mutation ($id: ID!) { confirmService(id: $id, rating: 5) { status } }`, { id }, PHONE.wang);
    expect(confirmed.confirmService.status).toBe('CONFIRMED');

    expect(await balance(PHONE.zhangWei)).toBe(before + 90);
    const vol = (await ok(t, `{ me { volunteer { verifiedMinutes } } }`, {}, PHONE.zhangWei)).me.volunteer;
    expect(vol.verifiedMinutes).toBe(verifiedBefore + 90);

    // Confirming again changes nothing: one service, one EARN.
    const again = await t.gql(`mutation ($id: ID!) { confirmService(id: $id, rating: 5) { status } }`, { id }, await t.login(PHONE.wang));
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await balance(PHONE.zhangWei)).toBe(before + 90);

    const check = (await ok(t, `{ verifyLedger { ok sumOfBalances firstBadEntryId } }`, {}, PHONE.admin)).verifyLedger;
    expect(check).toEqual({ ok: true, sumOfBalances: 0, firstBadEntryId: null });

    const periodTo = new Date(Date.now() + 60_000).toISOString();
    const cert = (
      await ok(
        t,
        `mutation ($f: DateTime!, $to: DateTime!) { issueCertificate(from: $f, to: $to) { code certificateNo totalMinutes volunteerName records { content minutes category } } }`,
        { f: periodFrom, to: periodTo },
        PHONE.zhangWei,
      )
    ).issueCertificate;
    expect(cert.totalMinutes).toBe(90);
    expect(cert.records).toEqual([expect.objectContaining({ minutes: 90, category: '养老助老' })]);

    // Anyone can verify the code, without logging in, and sees only what the certificate states.
    const verified = await t.gql(
      `query ($c: String!) { verifyCertificate(code: $c) { certificateNo totalMinutes volunteerName idNumberMasked records { minutes } totalsByCategory { category minutes } } }`,
      { c: cert.code },
    );
    expect(verified.errors).toBeUndefined();
    expect(verified.data.verifyCertificate).toMatchObject({
      certificateNo: cert.certificateNo,
      totalMinutes: 90,
      volunteerName: '张*',
      records: [],
      totalsByCategory: [{ minutes: 90 }],
    });
    expect(verified.data.verifyCertificate.idNumberMasked).toBeNull();
    expect((await t.gql(`query { verifyCertificate(code: "not-a-real-code") { code } }`)).data.verifyCertificate).toBeNull();
  });

  it('a group activity posted by staff earns donate-only minutes: transfer and spend are refused, donating is not', async () => {
    const account = async () =>
      (await ok(t, `{ myAccount { balanceMinutes donateOnlyMinutes } }`, {}, PHONE.zhangWei)).myAccount as {
        balanceMinutes: number;
        donateOnlyMinutes: number;
      };
    // Residents do not organize group activities.
    const byResident = await t.gql(POST, { i: needInput({ groupActivity: true }) }, await t.login(PHONE.wang));
    expect(byResident.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const before = await account();
    const id = await servedNeed(t, {
      poster: PHONE.sunLi,
      beneficiary: PHONE.wang,
      volunteer: PHONE.zhangWei,
      minutes: 60,
      over: { title: '重阳节社区集体活动', groupActivity: true },
    });
    expect((await ok(t, `query ($id: ID!) { need(id: $id) { status groupActivity } }`, { id }, PHONE.sunLi)).need).toEqual({
      status: 'CONFIRMED',
      groupActivity: true,
    });
    const after = await account();
    expect(after).toEqual({ balanceMinutes: before.balanceMinutes + 60, donateOnlyMinutes: before.donateOnlyMinutes + 60 });
    const records = (await ok(t, `{ myServiceRecords(first: 1) { edges { node { needId groupActivity minutes } } } }`, {}, PHONE.zhangWei)).myServiceRecords
      .edges;
    expect(records[0].node).toEqual({ needId: id, groupActivity: true, minutes: 60 });

    const free = after.balanceMinutes - after.donateOnlyMinutes;
    const liId = (await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [PHONE.li]))[0].id;
    const transfer = await t.gql(
      `mutation ($i: TransferMinutesInput!) { transferMinutes(input: $i) { id } }`,
      { i: { toPersonId: liId, minutes: free + 1, idempotencyKey: 'group-transfer' } },
      await t.login(PHONE.zhangWei),
    );
    expect(transfer.errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE', reason: 'GROUP_HOURS_DONATE_ONLY' });
    // A hardship flag lets 张伟 redeem before 60, so that only the donate-only rule can refuse the spend.
    const [sunLi] = await t.db.query(`SELECT id FROM persons WHERE phone = $1`, [PHONE.sunLi]);
    await t.db.query(
      `INSERT INTO person_flags (person_id, flag, consent_given_by, consent_at, recorded_by) SELECT id, 'DISABILITY', id, now(), $2 FROM persons WHERE phone = $1`,
      [PHONE.zhangWei, sunLi.id],
    );
    const spend = await t.gql(
      `mutation ($i: SpendMinutesInput!) { spendMinutes(input: $i) { id } }`,
      { i: { minutes: free + 1, idempotencyKey: 'group-spend' } },
      await t.login(PHONE.zhangWei),
    );
    expect(spend.errors?.[0].extensions).toMatchObject({ code: 'INSUFFICIENT_BALANCE', reason: 'GROUP_HOURS_DONATE_ONLY' });
    expect(await account()).toEqual(after);

    await ok(t, `mutation { donateMinutes(input: { minutes: 60, idempotencyKey: "group-donate" }) { id } }`, {}, PHONE.zhangWei);
    expect(await account()).toEqual({ balanceMinutes: after.balanceMinutes - 60, donateOnlyMinutes: after.donateOnlyMinutes - 60 });
  });
});
