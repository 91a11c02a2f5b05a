import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';
import { PHONE } from '../helpers/needs.js';
import { activity, CHARITY_PHONE, ids, mealVolunteers, must, PROPOSE, proposalInput, runningProject } from '../helpers/projects.js';

const SIGN_UP = `mutation ($a: ID!, $w: Boolean) { signUpForActivity(activityId: $a, waitlist: $w) { id } }`;

/** Where races live in projects: volunteer slots and a fund's last yuan (docs/projects.md "Concurrency"). */
describe('projects: races have one winner', () => {
  let t: TestApp;
  let tokens: string[];
  let projectId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const phones = await mealVolunteers(t, 20);
    tokens = [];
    for (const p of phones) tokens.push(await t.login(p));
    projectId = await runningProject(t);
  });
  afterAll(() => t.close());

  const signed = async (activityId: string, status: string) =>
    Number((await t.db.query(`SELECT count(*) FROM activity_signups WHERE activity_id = $1 AND status = $2`, [activityId, status]))[0].count);

  for (let run = 0; run < 5; run++) {
    it(`run ${run + 1}/5: 20 volunteers race for 3 slots → exactly 3 signed up, 17 CONFLICT`, async () => {
      const a = await activity(t, projectId, 3);
      const results = await Promise.all(tokens.map((token) => t.gql(SIGN_UP, { a }, token)));
      expect(results.filter((r) => r.data?.signUpForActivity)).toHaveLength(3);
      const refused = results.filter((r) => codeOf(r) === 'CONFLICT');
      expect(refused).toHaveLength(17);
      expect(new Set(refused.map((r) => r.errors![0].extensions!.reason))).toEqual(new Set(['ACTIVITY_FULL']));
      expect(await signed(a, 'SIGNED_UP')).toBe(3);
    });
  }

  it('20 racing with waitlist: 3 slots and 17 in line; two cancelling at once move exactly two up', async () => {
    const a = await activity(t, projectId, 3);
    const results = await Promise.all(tokens.map((token) => t.gql(SIGN_UP, { a, w: true }, token)));
    expect(results.filter((r) => r.errors)).toEqual([]);
    expect(await signed(a, 'SIGNED_UP')).toBe(3);
    expect(await signed(a, 'WAITLISTED')).toBe(17);
    const holders = (
      await t.db.query(
        `SELECT p.phone FROM activity_signups s JOIN volunteers v ON v.id = s.volunteer_id JOIN persons p ON p.id = v.person_id WHERE s.activity_id = $1 AND s.status = 'SIGNED_UP'`,
        [a],
      )
    ).map((r: any) => r.phone);
    const cancels = await Promise.all(
      holders
        .slice(0, 2)
        .map(async (phone: string) => t.gql(`mutation ($a: ID!) { cancelActivitySignup(activityId: $a) { id } }`, { a }, await t.login(phone))),
    );
    expect(cancels.filter((r) => r.errors)).toEqual([]);
    expect(await signed(a, 'SIGNED_UP')).toBe(3);
    expect(await signed(a, 'WAITLISTED')).toBe(15);
  });

  for (let run = 0; run < 5; run++) {
    it(`run ${run + 1}/5: two approvals race for a fund's last yuan → one APPROVED, one INSUFFICIENT_BALANCE`, async () => {
      const r = await ids(t);
      const { createCharity } = await must(
        t,
        `mutation ($i: CreateCharityInput!) { createCharity(input: $i) { id } }`,
        { i: { kind: 'FUND', name: `长江新村微基金${run}`, regionId: r.A1 } },
        CHARITY_PHONE,
      );
      await must(
        t,
        `mutation ($i: RecordMoneyDonationInput!) { recordMoneyDonation(input: $i) { id } }`,
        { i: { charityId: createCharity.id, donorName: '爱心居民', receiptNo: `RACE-${run}`, amountFen: 150 } },
        CHARITY_PHONE,
      );
      const line = (over: Record<string, unknown>) =>
        proposalInput(t, { ...over, fundingLines: [{ source: 'CHARITY_FUND', amountFen: 100, charityId: createCharity.id }] });
      const a = (await must(t, PROPOSE, { i: await line({ title: `助餐甲${run}` }) }, PHONE.wuFang)).proposeProject.id;
      const b = (await must(t, PROPOSE, { i: await line({ title: `助餐乙${run}` }) }, PHONE.wuFang)).proposeProject.id;
      const token = await t.login(PHONE.heJun);
      const results = await Promise.all([a, b].map((id) => t.gql(`mutation ($id: ID!) { approveProject(id: $id) { status } }`, { id }, token)));
      expect(results.filter((x) => x.data?.approveProject?.status === 'APPROVED')).toHaveLength(1);
      expect(results.filter((x) => codeOf(x) === 'INSUFFICIENT_BALANCE')).toHaveLength(1);
      const statuses = (await t.db.query(`SELECT status FROM projects WHERE id = ANY($1::uuid[]) ORDER BY status`, [[a, b]])).map((x: any) => x.status);
      expect(statuses).toEqual(['APPROVED', 'PROPOSED']);
      const fund = (
        await must(t, `query ($id: ID!) { charity(id: $id) { availableFen reservedFen balanceFen booksBalanced } }`, { id: createCharity.id }, CHARITY_PHONE)
      ).charity;
      expect(fund).toEqual({ availableFen: '50', reservedFen: '100', balanceFen: '150', booksBalanced: true });
    });
  }
});
