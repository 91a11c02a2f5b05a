import { randomUUID } from 'node:crypto';
import { CharityService } from '../../src/charity/charity.service.js';
import { personId, regionId } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const MONEY = `mutation ($i: RecordMoneyDonationInput!) { recordMoneyDonation(input: $i) { id kind amountFen donorName receiptNo purpose } }`;
const GOODS = `mutation ($i: RecordGoodsDonationInput!) { recordGoodsDonation(input: $i) { id kind itemName itemUnit quantity valueFen } }`;
const REVERSE = `mutation ($id: ID!, $r: String!) { reverseCharityEntry(entryId: $id, reason: $r) { id kind amountFen quantity reversesEntryId reason } }`;
const CHARITY = `query ($id: ID!) { charity(id: $id) { name kind balanceFen goods { itemName itemUnit quantity } region { code } } }`;

describe('charity 慈善: funds, supermarkets and their ledger', () => {
  let t: TestApp;
  let fundId: string;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('13300000001');
    const res = await t.gql(
      `mutation ($i: CreateCharityInput!) { createCharity(input: $i) { id name kind } }`,
      { i: { kind: 'FUND', name: '长江新村社区慈善基金', regionId: await regionId(t, '320102002001'), address: '长江新村社区' } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    fundId = res.data.createCharity.id;
  });
  afterAll(() => t.close());

  it("refuses a charity outside the admin's scope and a duplicate name", async () => {
    const other = await t.gql(
      `mutation ($i: CreateCharityInput!) { createCharity(input: $i) { id } }`,
      { i: { kind: 'SUPERMARKET', name: '文昌巷慈善小屋', regionId: await regionId(t, '320102003001') } },
      admin,
    );
    expect(codeOf(other)).toBe('FORBIDDEN');
    const dup = await t.gql(
      `mutation ($i: CreateCharityInput!) { createCharity(input: $i) { id } }`,
      { i: { kind: 'FUND', name: '长江新村社区慈善基金', regionId: await regionId(t, '320102002001') } },
      admin,
    );
    expect(codeOf(dup)).toBe('CONFLICT');
  });

  it('records money and goods donations; balances are the sum of entries', async () => {
    const m1 = await t.gql(MONEY, { i: { charityId: fundId, amountFen: 123456, donorName: '某企业', purpose: '助老', receiptNo: 'R-001' } }, admin);
    expect(m1.data.recordMoneyDonation).toMatchObject({ kind: 'MONEY_DONATION', amountFen: '123456', donorName: '某企业', receiptNo: 'R-001' });
    await t.gql(MONEY, { i: { charityId: fundId, amountFen: 100, donorName: '王先生', anonymous: true, receiptNo: 'R-002' } }, admin);
    const g = await t.gql(
      GOODS,
      { i: { charityId: fundId, itemName: '棉被', itemUnit: '床', quantity: 30, valueFen: 300000, donorName: '某商场', receiptNo: 'R-003' } },
      admin,
    );
    expect(g.data.recordGoodsDonation).toMatchObject({ kind: 'GOODS_DONATION', itemName: '棉被', quantity: 30, valueFen: '300000' });
    const c = await t.gql(CHARITY, { id: fundId }, await t.login('13800000001'));
    expect(c.data.charity).toEqual({
      name: '长江新村社区慈善基金',
      kind: 'FUND',
      balanceFen: '123556',
      goods: [{ itemName: '棉被', itemUnit: '床', quantity: 30 }],
      region: { code: '320102002001' },
    });
  });

  it('refuses non-integer or non-positive money, a reused receipt number, and donations by outsiders', async () => {
    // A fractional amount is not an Int: refused by GraphQL validation before anything runs.
    const fraction = await t.gql(
      `mutation ($c: ID!) { recordMoneyDonation(input: { charityId: $c, amountFen: 12.5, donorName: "x", receiptNo: "R-100" }) { id } }`,
      { c: fundId },
      admin,
    );
    expect(codeOf(fraction)).toBe('BAD_USER_INPUT');
    const zero = await t.gql(MONEY, { i: { charityId: fundId, amountFen: 0, donorName: 'x', receiptNo: 'R-100' } }, admin);
    expect(zero.errors![0].extensions!.fields![0].field).toBe('amountFen');
    const reused = await t.gql(MONEY, { i: { charityId: fundId, amountFen: 5, donorName: 'x', receiptNo: 'R-001' } }, admin);
    expect(reused.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'RECEIPT_TAKEN' });
    expect(codeOf(await t.gql(MONEY, { i: { charityId: fundId, amountFen: 5, donorName: 'x', receiptNo: 'R-101' } }, await t.login('13900000001')))).toBe(
      'FORBIDDEN',
    );
    const n = await t.db.query(`SELECT count(*)::int AS n FROM charity_entries WHERE charity_id = $1`, [fundId]);
    expect(n[0].n).toBe(3);
  });

  it('entries are append-only in the database and money is integer-typed', async () => {
    await expect(t.db.query(`UPDATE charity_entries SET amount_fen = 1 WHERE charity_id = $1`, [fundId])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM charity_entries WHERE charity_id = $1`, [fundId])).rejects.toThrow(/append-only/);
    const types = await t.db.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'charity_entries' AND column_name IN ('amount_fen', 'value_fen', 'quantity') ORDER BY column_name`,
    );
    expect(types).toEqual([
      { column_name: 'amount_fen', data_type: 'bigint' },
      { column_name: 'quantity', data_type: 'integer' },
      { column_name: 'value_fen', data_type: 'bigint' },
    ]);
  });

  it('corrects by reversal: exactly one of two concurrent reversals wins; a reversal cannot be reversed', async () => {
    const d = await t.gql(MONEY, { i: { charityId: fundId, amountFen: 5000, donorName: '误录', receiptNo: 'R-200' } }, admin);
    const id = d.data.recordMoneyDonation.id;
    const results = await Promise.all([t.gql(REVERSE, { id, r: '重复录入' }, admin), t.gql(REVERSE, { id, r: '重复录入' }, admin)]);
    const winners = results.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    expect(winners[0].data.reverseCharityEntry).toMatchObject({ kind: 'REVERSAL', amountFen: '-5000', reversesEntryId: id, reason: '重复录入' });
    expect(results.find((r) => r.errors)!.errors![0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REVERSED' });
    expect(codeOf(await t.gql(REVERSE, { id: winners[0].data.reverseCharityEntry.id, r: 'x' }, admin))).toBe('CONFLICT');
    expect(codeOf(await t.gql(REVERSE, { id, r: '  ' }, admin))).toBe('BAD_USER_INPUT');
    const c = await t.gql(CHARITY, { id: fundId }, admin);
    expect(c.data.charity.balanceFen).toBe('123556');
  });

  it('reverses goods, and refuses a reversal that would take money below zero', async () => {
    const g = await t.gql(GOODS, { i: { charityId: fundId, itemName: '大米', itemUnit: '袋', quantity: 10, donorName: '某粮店', receiptNo: 'R-300' } }, admin);
    const rev = await t.gql(REVERSE, { id: g.data.recordGoodsDonation.id, r: '物资退回' }, admin);
    expect(rev.data.reverseCharityEntry).toMatchObject({ quantity: -10, amountFen: '0' });
    const c = await t.gql(CHARITY, { id: fundId }, admin);
    expect(c.data.charity.goods).toEqual([{ itemName: '棉被', itemUnit: '床', quantity: 30 }]);
    // A grant (recorded later by the projects module) has spent most of the money: the big donation can no longer be reversed.
    const [{ id: bigId }] = await t.db.query(`SELECT id FROM charity_entries WHERE receipt_no = 'R-001' AND charity_id = $1`, [fundId]);
    await t.db.query(
      `INSERT INTO charity_entries (charity_id, kind, amount_fen, target_type, target_id, recorded_by) SELECT $1, 'GRANT', -100000, 'PROJECT', gen_random_uuid(), id FROM persons WHERE phone = '13300000001'`,
      [fundId],
    );
    expect(codeOf(await t.gql(REVERSE, { id: bigId, r: '捐赠撤回' }, admin))).toBe('INSUFFICIENT_BALANCE');
  });

  it('grants (for the projects module) spend money and goods within the holdings only', async () => {
    const service = t.app.get(CharityService);
    const by = await personId(t, '13300000001');
    const [{ id: market }] = await t.db.query(`SELECT id FROM charities WHERE name = '长江新村慈善超市'`);
    const entry = await t.db.transaction((m) =>
      service.grant(m, { charityId: market, target: { type: 'NEED', id: randomUUID() }, item: { name: '大米', unit: '袋', quantity: 5 }, recordedBy: by }),
    );
    expect(entry).toMatchObject({ kind: 'GRANT', quantity: -5, itemName: '大米' });
    await expect(
      t.db.transaction((m) =>
        service.grant(m, { charityId: market, target: { type: 'NEED', id: randomUUID() }, item: { name: '大米', unit: '袋', quantity: 46 }, recordedBy: by }),
      ),
    ).rejects.toThrow('物资库存不足');
    await expect(
      t.db.transaction((m) => service.grant(m, { charityId: market, target: { type: 'PROJECT', id: randomUUID() }, amountFen: 1, recordedBy: by })),
    ).rejects.toThrow('慈善资金余额不足');
    const c = await t.gql(CHARITY, { id: market }, admin);
    expect(c.data.charity.goods).toContainEqual({ itemName: '大米', itemUnit: '袋', quantity: 45 });
  });

  it('shows entries to charity and community staff in scope, anonymous donors masked for non-managers', async () => {
    const Q = `query ($id: ID!) { charity(id: $id) { entries(first: 50) { totalCount edges { node { kind donorName anonymous } } } } }`;
    const staff = await t.gql(Q, { id: fundId }, await t.login('13600000001'));
    const anon = staff.data.charity.entries.edges.find((e: any) => e.node.anonymous);
    expect(anon.node.donorName).toBe('匿名');
    const mgr = await t.gql(Q, { id: fundId }, admin);
    expect(mgr.data.charity.entries.edges.find((e: any) => e.node.anonymous).node.donorName).toBe('王先生');
    expect(codeOf(await t.gql(Q, { id: fundId }, await t.login('13800000001')))).toBe('FORBIDDEN');
    const list = await t.gql(
      `query ($r: ID) { charities(regionId: $r, first: 10) { totalCount edges { node { name kind balanceFen } } } }`,
      { r: await regionId(t, '320102002') },
      await t.login('13800000001'),
    );
    expect(list.data.charities.edges.map((e: any) => e.node.name)).toEqual(
      expect.arrayContaining(['梅园新村街道社区慈善基金', '长江新村慈善超市', '长江新村社区慈善基金']),
    );
    const demoFund = list.data.charities.edges.find((e: any) => e.node.name === '梅园新村街道社区慈善基金').node;
    expect(demoFund.balanceFen).toBe('5030000');
  });
});
