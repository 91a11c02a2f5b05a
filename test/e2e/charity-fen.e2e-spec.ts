import { regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/** Money is the `Fen` scalar: exact decimal strings, no 2^31 limit (issue 3, major 4). */
const MONEY = `mutation ($i: RecordMoneyDonationInput!) { recordMoneyDonation(input: $i) { id amountFen } }`;

describe('charity amounts beyond 2^31 fen', () => {
  let t: TestApp;
  let fundId: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('13300000001');
    const res = await t.gql(
      `mutation ($i: CreateCharityInput!) { createCharity(input: $i) { id } }`,
      { i: { kind: 'FUND', name: '长江新村大额慈善基金', regionId: await regionId(t, '320102002001') } },
      admin,
    );
    fundId = res.data.createCharity.id;
  });
  afterAll(() => t.close());

  it('records 2^31 + 5 fen given as a number and 9,000,000,000,000 fen given as a string; balances and the charities list stay exact', async () => {
    const big = await t.gql(MONEY, { i: { charityId: fundId, amountFen: 2 ** 31 + 5, donorName: '某集团', receiptNo: 'BIG-1' } }, admin);
    expect(big.errors).toBeUndefined();
    expect(big.data.recordMoneyDonation.amountFen).toBe('2147483653');
    const huge = await t.gql(MONEY, { i: { charityId: fundId, amountFen: '9000000000000', donorName: '某基金会', receiptNo: 'BIG-2' } }, admin);
    expect(huge.data.recordMoneyDonation.amountFen).toBe('9000000000000');
    // An integer literal beyond 32 bits in the query text works too.
    const literal = await t.gql(
      `mutation ($c: ID!) { recordMoneyDonation(input: { charityId: $c, amountFen: 3000000000, donorName: "某企业", receiptNo: "BIG-3" }) { amountFen } }`,
      { c: fundId },
      admin,
    );
    expect(literal.data.recordMoneyDonation.amountFen).toBe('3000000000');

    const one = await t.gql(
      `query ($id: ID!) { charity(id: $id) { balanceFen entries(first: 5) { edges { node { amountFen valueFen } } } } }`,
      { id: fundId },
      admin,
    );
    expect(one.data.charity.balanceFen).toBe('9005147483653');
    expect(one.data.charity.entries.edges[0].node).toEqual({ amountFen: '3000000000', valueFen: '0' });
    const list = await t.gql(`{ charities(first: 50) { totalCount edges { node { name balanceFen } } } }`, {}, await t.login('13800000001'));
    expect(list.errors).toBeUndefined();
    expect(list.data.charities.edges.find((e: any) => e.node.name === '长江新村大额慈善基金').node.balanceFen).toBe('9005147483653');
    const [{ sum }] = await t.db.query(`SELECT sum(amount_fen)::text AS sum FROM charity_entries WHERE charity_id = $1`, [fundId]);
    expect(sum).toBe('9005147483653');

    const rev = await t.gql(
      `mutation ($id: ID!) { reverseCharityEntry(entryId: $id, reason: "重复录入") { amountFen } }`,
      { id: huge.data.recordMoneyDonation.id },
      admin,
    );
    expect(rev.data.reverseCharityEntry.amountFen).toBe('-9000000000000');
  });

  it('a balance beyond 2^53 fen is still shown exactly', async () => {
    const res = await t.gql(
      `mutation ($i: CreateCharityInput!) { createCharity(input: $i) { id } }`,
      { i: { kind: 'FUND', name: '超大额测试基金', regionId: await regionId(t, '320102002001') } },
      admin,
    );
    const id = res.data.createCharity.id;
    // 1000 donations of the maximum would be needed through the API; the ledger accepts the rows directly.
    await t.db.query(
      `INSERT INTO charity_entries (charity_id, kind, amount_fen, donor_name, receipt_no, recorded_by)
       SELECT $1, 'MONEY_DONATION', 9007199254740993, '测试', 'MAX-' || g, (SELECT id FROM persons WHERE phone = '13300000001') FROM generate_series(1, 3) g`,
      [id],
    );
    const one = await t.gql(`query ($id: ID!) { charity(id: $id) { balanceFen } }`, { id }, admin);
    expect(one.data.charity.balanceFen).toBe('27021597764222979');
  });

  it('refuses fractions, non-numeric strings, zero and amounts above the documented maximum; nothing is written', async () => {
    const n = async () => (await t.db.query(`SELECT count(*)::int AS n FROM charity_entries WHERE charity_id = $1`, [fundId]))[0].n;
    const before = await n();
    for (const amountFen of [12.5, '12.5', 'abc', '1e9', 10_000_000_000_001, '99999999999999999999']) {
      const res = await t.gql(MONEY, { i: { charityId: fundId, amountFen, donorName: 'x', receiptNo: `BAD-${String(amountFen)}` } }, admin);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
    }
    const zero = await t.gql(MONEY, { i: { charityId: fundId, amountFen: '0', donorName: 'x', receiptNo: 'BAD-0' } }, admin);
    expect(zero.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'amountFen' }] });
    const max = await t.gql(MONEY, { i: { charityId: fundId, amountFen: '10000000000000', donorName: '上限', receiptNo: 'MAX-OK' } }, admin);
    expect(max.data.recordMoneyDonation.amountFen).toBe('10000000000000');
    expect(await n()).toBe(before + 1);
  });
});
