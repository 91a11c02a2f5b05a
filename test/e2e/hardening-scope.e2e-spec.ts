import { creditCodeCheckChar } from '../../src/organizations/credit-code.js';
import { idPaths, loadSchema, operations, operationText, plausible, setPath } from '../attack/schema-ops.js';
import { changedTables, checksumOfAllTables } from '../helpers/checksum.js';
import { openNeed, PHONE, personId, saturday, volunteerId } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

const STAFF = { fengJing: '13300000001', zhengLei: '13400000001' };

/**
 * Issue 10 §2: every referenced id is checked. The two reproductions, then a walk over every mutation of the
 * schema with id arguments: each id in turn is swapped for one of street B (out of the street-A actor's scope),
 * the others stay in scope; the answer must be FORBIDDEN or NOT_FOUND and no table may change.
 */
describe('hardening: every referenced id in scope', () => {
  let t: TestApp;
  const ids: Record<string, { in: string; out: string }> = {};

  beforeAll(async () => {
    t = await createTestApp();
    const q = async (sql: string, p: unknown[] = []) => (await t.db.query(sql, p))[0]?.id as string;
    const region = (code: string) => q(`SELECT id FROM regions WHERE code = $1`, [code]);
    const admin = await t.login(PHONE.admin);
    const must = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await t.gql(query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const b1 = await region('320102003001');
    const chen = await volunteerId(t, PHONE.chenJing);
    // A team leader must be a known adult: the fixture gives 陈静 a birth date.
    await t.db.query(`UPDATE persons SET birth_date = '1990-05-01' WHERE phone = $1`, [PHONE.chenJing]);
    // Street-B fixtures the demo data lacks: a need, a charity with an entry, a team, a resource.
    const needB = (
      await must(
        `mutation ($i: PostNeedInput!) { postNeed(input: $i) { id } }`,
        {
          i: {
            title: '换灯泡',
            category: 'REPAIR',
            windowStart: new Date(Date.now() + 9 * 86400_000).toISOString(),
            windowEnd: new Date(Date.now() + 9 * 86400_000 + 7200_000).toISOString(),
            estimatedMinutes: 60,
          },
        },
        await t.login(PHONE.chenJing),
      )
    ).postNeed.id;
    const charityB = (
      await must(`mutation ($i: CreateCharityInput!) { createCharity(input: $i) { id } }`, { i: { kind: 'FUND', name: '文昌巷慈善基金', regionId: b1 } }, admin)
    ).createCharity.id;
    const entryB = (
      await must(
        `mutation ($i: RecordMoneyDonationInput!) { recordMoneyDonation(input: $i) { id } }`,
        { i: { charityId: charityB, amountFen: 10000, donorName: '爱心人士', receiptNo: 'B-0001' } },
        admin,
      )
    ).recordMoneyDonation.id;
    const teamB = (
      await must(
        `mutation ($i: CreateVolunteerTeamInput!) { createVolunteerTeam(input: $i) { id } }`,
        { i: { communityId: b1, leaderVolunteerId: chen, name: '文昌巷志愿服务队' } },
        await t.login(PHONE.zhouQiang),
      )
    ).createVolunteerTeam.id;
    const resourceB = (
      await must(
        `mutation ($i: CreateResourceInput!) { createResource(input: $i) { id } }`,
        { i: { kind: 'SERVICE', name: '心理疏导', categories: ['OTHER'], providerKind: 'VOLUNTEER', providerId: chen, regionId: b1 } },
        await t.login(PHONE.zhouQiang),
      )
    ).createResource.id;
    const entryA = await q(
      `SELECT e.id FROM charity_entries e JOIN charities c ON c.id = e.charity_id JOIN regions r ON r.id = c.region_id WHERE r.code LIKE '320102002%' LIMIT 1`,
    );
    ids.person = { in: await personId(t, PHONE.wang), out: await personId(t, PHONE.chenJing) };
    ids.volunteer = { in: await volunteerId(t, PHONE.zhangWei), out: chen };
    ids.need = { in: await openNeed(t, { ...saturday(3, '09:00', '11:00') }), out: needB };
    ids.grid = { in: await region('32010200200101'), out: await region('32010200300101') };
    ids.community = { in: await region('320102002001'), out: b1 };
    ids.street = { in: await region('320102002'), out: await region('320102003') };
    ids.organization = {
      in: await q(`SELECT id FROM organizations WHERE credit_code = '52320102MJ5800012H'`),
      out: await q(`SELECT id FROM organizations WHERE credit_code = '53320102MJ58000686'`),
    };
    ids.charity = { in: await q(`SELECT id FROM charities WHERE name = '梅园新村街道社区慈善基金'`), out: charityB };
    ids.entry = { in: entryA ?? '00000000-0000-4000-8000-0000000000e1', out: entryB };
    ids.team = { in: await q(`SELECT id FROM volunteer_teams WHERE name = '长江新村为老服务队'`), out: teamB };
    ids.resource = { in: await q(`SELECT id FROM resources WHERE name = '家电上门维修'`), out: resourceB };
    ids.station = {
      in: await q(`SELECT id FROM stations WHERE name = '梅园新村街道社工站'`),
      out: await q(`SELECT id FROM stations WHERE name = '新街口街道社工站'`),
    };
  });
  afterAll(() => t.close());

  it('recordRelative: a B1 community worker cannot link a resident of A1 as relative (the reproduction)', async () => {
    const before = await checksumOfAllTables(t.db);
    const res = await t.gql(
      `mutation ($p: ID!, $r: ID!) { recordRelative(personId: $p, relativeId: $r, relation: "母亲", reverseRelation: "儿子") { id } }`,
      { p: await personId(t, PHONE.zhouQiang), r: await personId(t, PHONE.wang) },
      await t.login(PHONE.zhouQiang),
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(changedTables(before, await checksumOfAllTables(t.db))).toEqual([]);
  });

  it("recordMoneyDonation: street A's charity admin cannot name a donor of street B (the reproduction)", async () => {
    const before = await checksumOfAllTables(t.db);
    const res = await t.gql(
      `mutation ($i: RecordMoneyDonationInput!) { recordMoneyDonation(input: $i) { id } }`,
      { i: { charityId: ids.charity.in, amountFen: 500, donorName: '陈*', donorPersonId: ids.person.out, receiptNo: 'A-X-1' } },
      await t.login(STAFF.fengJing),
    );
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(changedTables(before, await checksumOfAllTables(t.db))).toEqual([]);
  });

  it('a grid worker sees no more of a volunteer through matchCandidates than through volunteer(id)', async () => {
    const worker = await t.login(PHONE.zhaoMin);
    const direct = await t.gql(`query ($id: ID!) { volunteer(id: $id) { volunteerNo } }`, { id: ids.volunteer.in }, worker);
    expect(codeOf(direct)).toBe('FORBIDDEN');
    const [need] = await t.db.query(`SELECT id FROM needs WHERE grid_id = $1 LIMIT 1`, [ids.grid.in]);
    const res = await t.gql(
      `query ($n: ID!) { matchCandidates(needId: $n, first: 50) { volunteer { id volunteerNo teams { isLeader } person { name phone roles { role } } } } }`,
      { n: need.id },
      worker,
    );
    expect(res.errors).toBeUndefined();
    for (const c of res.data.matchCandidates) {
      expect(c.volunteer.volunteerNo).toBeNull();
      expect(c.volunteer.person.roles).toEqual([]);
      expect(c.volunteer.teams).toEqual([]);
      expect(c.volunteer.person.phone).toMatch(/\*/);
    }
  });

  /** Which kind of record an id argument names, from its name (and the mutation's, for a bare `id`). */
  function kindOf(mutation: string, path: string[]): string {
    const name = path[path.length - 1];
    if (name === 'id') {
      if (/Organization/.test(mutation)) return 'organization';
      if (/Volunteer/.test(mutation)) return 'volunteer';
      if (/Relative/.test(mutation)) return 'relative';
      if (/Review/.test(mutation)) return 'review';
      if (/Resource/.test(mutation)) return 'resource';
      return 'need';
    }
    if (/^(personId|relativeId|donorPersonId|toPersonId|providerPersonId|consentGivenById|beneficiaryId)$/.test(name)) return 'person';
    if (/^(volunteerId|leaderVolunteerId|providerId)$/.test(name)) return 'volunteer';
    if (name === 'gridId') return 'grid';
    if (name === 'communityId' || name === 'serviceRegionIds') return 'community';
    if (name === 'regionId') return /Charity|Station|Organization|TimeBankPolicy|FarCheckIn|batchDispatch/.test(mutation) ? 'street' : 'community';
    if (/organizationId$/i.test(name)) return 'organization';
    if (name === 'needId') return 'need';
    if (name === 'charityId') return 'charity';
    if (name === 'entryId') return 'entry';
    if (name === 'teamId') return 'team';
    if (name === 'stationId') return 'station';
    return 'unknown';
  }

  /** Who tries each mutation: a street-A holder of the role the operation is for (else the street admin). */
  function actorFor(mutation: string): string {
    if (/^(recordMoneyDonation|recordGoodsDonation|reverseCharityEntry|createCharity)$/.test(mutation)) return STAFF.fengJing;
    if (/^(addOrganizationMember|removeOrganizationMember)$/.test(mutation)) return STAFF.zhengLei;
    // Need transitions of a volunteer go through the needs module's party rules (a volunteer serving the need's
    // area is a party by design), so they are tried by street-A staff, for whom street B is out of scope.
    if (/^(registerVolunteer|updateMyVolunteerProfile)$/.test(mutation)) return PHONE.zhangWei;
    if (/^(confirmService|disputeService|transferMinutes|spendMinutes)$/.test(mutation)) return PHONE.wang;
    if (
      /^(createStation|registerSocialWorker|setTimeBankPolicy|setNeedDeadlinePolicy|setFarCheckInThreshold|approveOrganization|rejectOrganization|suspendOrganization|reverseTransaction|batchDispatch)$/.test(
        mutation,
      )
    )
      return PHONE.heJun;
    return PHONE.sunLi;
  }

  // Public by design: a resident may register in any grid.
  const PUBLIC_ANYWHERE = new Set(['registerResident']);
  // A volunteer's own service regions may lie anywhere in their home district (docs/volunteers rule), so a
  // community of street B is in scope for these self-service calls.
  // Anyone may apply to register an organization in any street: it stays PENDING until that street's admins review it.
  // spendMinutes checks the service named by needId first; its provider is then held to the need's volunteer
  // (PROVIDER_MISMATCH, FORBIDDEN), which the time-bank tests cover with a confirmed service.
  const DISTRICT_WIDE = new Set([
    'registerVolunteer input.serviceRegionIds',
    'updateMyVolunteerProfile input.serviceRegionIds',
    'registerOrganization input.regionId',
    'spendMinutes input.providerPersonId',
  ]);

  /** Arguments that make the rest of a call valid, so that the swapped id is what decides. */
  const later = new Date(Date.now() + 20 * 86400_000);
  const window = { windowStart: later.toISOString(), windowEnd: new Date(later.getTime() + 7200_000).toISOString() };
  /** This month in Asia/Shanghai, as the visit planner takes it ("2026-12"). */
  const thisMonth = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
  const overrides = (mutation: string): Record<string, unknown> => {
    switch (mutation) {
      case 'batchDispatch':
        return { capacity: 1 };
      case 'confirmService':
        return { rating: 5, minutes: null, tags: [] };
      case 'resolveDispute':
        return { minutes: 60, outcome: 'CONFIRM' };
      case 'rescheduleNeed':
        return window;
      case 'postNeed':
        return { input: { title: '测试', category: 'REPAIR', estimatedMinutes: 60, ...window } };
      case 'createResource':
        return { input: { kind: 'SERVICE', name: '测试', categories: ['REPAIR'], providerKind: 'VOLUNTEER' } };
      case 'createStation':
        return { input: { kind: 'SOCIAL_WORK_STATION', name: '测试站', address: '测试路1号' } };
      case 'registerOrganization':
        return {
          input: {
            name: '测试社会组织',
            creditCode: `52320102MJ58099${'01'}` + creditCodeCheckChar('52320102MJ5809901'),
            category: 'LIFE_SERVICE',
            registration: 'REGISTERED',
          },
        };
      case 'registerSocialWorker':
        return { input: { certificateNo: 'SW-2026-0001' } };
      case 'registerVolunteer':
        return { input: { skills: ['助老陪护'] } };
      case 'planVisits':
        return { month: thisMonth };
      case 'proposeProject':
        return {
          input: {
            startsOn: later.toISOString(),
            endsOn: new Date(later.getTime() + 30 * 86400_000).toISOString(),
            fundingLines: [{ source: 'CHARITY_FUND', amountFen: '100000' }],
          },
        };
      case 'recordVisit':
        return {
          input: { outcome: 'CONCERN', findings: '老人家中水管漏水', raiseNeed: { title: '测试', category: 'REPAIR', estimatedMinutes: 60, ...window } },
        };
      case 'pauseNeedSeries':
        return { from: later.toISOString(), until: new Date(later.getTime() + 14 * 86400_000).toISOString() };
      case 'updateNeed':
        return { input: { description: '更新后的描述' } };
      case 'changeNeedSeries':
        return { from: later.toISOString(), input: { description: '更新后的描述' } };
      case 'setFarCheckInThreshold':
        return { metres: 800 };
      default:
        return {};
    }
  };

  it('walks every mutation with id arguments: an out-of-scope id in any position is FORBIDDEN or NOT_FOUND and writes nothing', async () => {
    const schema = loadSchema();
    const failures: string[] = [];
    let checked = 0;
    let sums = await checksumOfAllTables(t.db);
    for (const op of operations(schema).filter((o) => o.kind === 'mutation')) {
      const paths = idPaths(op.field);
      if (!paths.length || PUBLIC_ANYWHERE.has(op.field.name)) continue;
      const token = await t.login(actorFor(op.field.name));
      for (const swap of paths) {
        const kind = kindOf(op.field.name, swap.path);
        const pair = ids[kind];
        if (!pair) continue;
        if (DISTRICT_WIDE.has(`${op.field.name} ${swap.path.join('.')}`)) continue;
        const vars: Record<string, unknown> = {};
        for (const a of op.field.args) {
          const v = plausible(a.type, a.name, () => '');
          if (v !== undefined) vars[a.name] = v;
        }
        for (const [k, v] of Object.entries(overrides(op.field.name))) {
          vars[k] = v && typeof v === 'object' && !Array.isArray(v) && typeof vars[k] === 'object' ? { ...(vars[k] as object), ...v } : v;
        }
        for (const p of paths) {
          const k = ids[kindOf(op.field.name, p.path)];
          if (k) setPath(vars, p.path, p.list ? [k.in] : k.in);
          else if (p.required) setPath(vars, p.path, p.list ? ['00000000-0000-4000-8000-000000000000'] : '00000000-0000-4000-8000-000000000000');
        }
        if (op.field.name === 'spendMinutes') setPath(vars, ['input', 'providerPersonId'], await personId(t, PHONE.zhangWei));
        setPath(vars, swap.path, swap.list ? [pair.out] : pair.out);
        const res = await t.gql(operationText(op), vars, token);
        const code = codeOf(res);
        const after = await checksumOfAllTables(t.db);
        const changed = changedTables(sums, after);
        sums = after;
        checked++;
        // A refusal naming the swapped id as the field at fault (e.g. 该志愿者不是队员) is a refusal for that id too.
        // (or the list of input objects holding it, e.g. a funding line whose fund is not of the area).
        const namesSwapped = code === 'BAD_USER_INPUT' && res.errors![0].extensions?.fields?.some((f) => f.field !== 'input' && swap.path.includes(f.field));
        if (!(['FORBIDDEN', 'NOT_FOUND'].includes(code ?? '') || namesSwapped) || changed.length) {
          failures.push(
            `${op.field.name} ${swap.path.join('.')}=${kind}: ${code ?? 'OK'} ${res.errors?.[0]?.message ?? ''}${changed.length ? ` wrote ${changed.join(',')}` : ''}`,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });
});
