import { idNumberFor, newResident } from '../helpers/registry.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * docs/design.md §3: every role × a person inside its scope and one outside. Inside → the person (masked or not as
 * §11 says); outside → FORBIDDEN. Residents see only themselves.
 */
const PERSON = `query ($id: ID!) { person(id: $id) { id name phone address masked idNumber } }`;

type Expect = 'FULL' | 'MASKED' | 'FORBIDDEN';

const MATRIX: { viewer: string; role: string; inside: [string, Expect]; outside: string }[] = [
  { viewer: '13800000001', role: 'RESIDENT', inside: ['13800000001', 'FULL'], outside: '13800000002' },
  { viewer: '13900000001', role: 'VOLUNTEER', inside: ['13800000001', 'MASKED'], outside: '13900000003' },
  { viewer: '13700000001', role: 'GRID_WORKER', inside: ['13800000001', 'FULL'], outside: '13800000002' },
  { viewer: '13600000001', role: 'COMMUNITY_WORKER', inside: ['13800000002', 'FULL'], outside: '13900000003' },
  { viewer: '13600000002', role: 'COMMUNITY_WORKER (B1)', inside: ['13900000003', 'FULL'], outside: '13800000001' },
  { viewer: '13500000001', role: 'SOCIAL_WORKER', inside: ['13800000001', 'FULL'], outside: '13900000003' },
  { viewer: '13400000001', role: 'ORG_ADMIN', inside: ['13800000001', 'MASKED'], outside: '13900000003' },
  { viewer: '13300000001', role: 'CHARITY_ADMIN', inside: ['13800000001', 'MASKED'], outside: '13900000003' },
  { viewer: '13200000001', role: 'STREET_ADMIN', inside: ['13800000001', 'FULL'], outside: '13900000003' },
];

describe('scope matrix', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    for (const r of await t.db.query(`SELECT id, phone FROM persons`)) ids[r.phone] = r.id;
  });
  afterAll(() => t.close());

  it.each(MATRIX)('$role sees a person inside its scope ($inside.1) and is FORBIDDEN outside', async ({ viewer, inside, outside }) => {
    const token = await t.login(viewer);
    const [target, expected] = inside;
    const seen = await t.gql(PERSON, { id: ids[target] }, token);
    expect(seen.errors).toBeUndefined();
    const p = seen.data.person;
    if (expected === 'FULL') {
      expect(p.phone).toBe(target);
      expect(p.masked).toBe(false);
    } else {
      expect(p.phone).toBe(`${target.slice(0, 3)}****${target.slice(7)}`);
      expect(p.name).toMatch(/^.\*$/);
      expect(p.masked).toBe(true);
      expect(p.address).toBeNull();
      expect(p.idNumber).toBeNull();
    }
    const denied = await t.gql(PERSON, { id: ids[outside] }, token);
    expect(codeOf(denied)).toBe('FORBIDDEN');
    expect(denied.data?.person ?? null).toBeNull();
  });

  it('SYSTEM_ADMIN sees everyone in full, and its ID-number reads are logged', async () => {
    const token = await t.login('13100000001');
    for (const phone of ['13800000001', '13900000003']) {
      const res = await t.gql(PERSON, { id: ids[phone] }, token);
      expect(res.data.person.phone).toBe(phone);
    }
    const log = await t.db.query(`SELECT field FROM pii_access_log WHERE viewer_id = $1 AND subject_id = $2`, [ids['13100000001'], ids['13800000001']]);
    expect(log).toEqual([{ field: 'id_number' }]);
  });

  it('a grid worker sees ID numbers masked and a community worker in full', async () => {
    const grid = await t.gql(PERSON, { id: ids['13800000001'] }, await t.login('13700000001'));
    expect(grid.data.person.idNumber).toBe('320102********0022');
    const community = await t.gql(PERSON, { id: ids['13800000001'] }, await t.login('13600000001'));
    expect(community.data.person.idNumber).toBe('320102194503120022');
  });

  it('answers NOT_FOUND for an unknown id and BAD input never leaks', async () => {
    const token = await t.login('13100000001');
    expect(codeOf(await t.gql(PERSON, { id: '6f1c7c53-0000-4000-8000-000000000000' }, token))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql(PERSON, { id: "1' OR 1=1 --" }, token))).toBe('NOT_FOUND');
  });
});

/**
 * The same matrix for a change: approving a volunteer application 志愿者审核 in community A1 and one in B1.
 * Only a community worker of the volunteer's community may approve (the community keeps the register); every
 * other role is FORBIDDEN, inside its scope or not, and a refusal changes nothing.
 */
const APPROVERS: { actor: string; role: string; approvesA1: boolean; approvesB1: boolean }[] = [
  { actor: '13800000001', role: 'RESIDENT', approvesA1: false, approvesB1: false },
  { actor: '13900000001', role: 'VOLUNTEER', approvesA1: false, approvesB1: false },
  { actor: '13700000001', role: 'GRID_WORKER', approvesA1: false, approvesB1: false },
  { actor: '13600000001', role: 'COMMUNITY_WORKER (A1)', approvesA1: true, approvesB1: false },
  { actor: '13600000002', role: 'COMMUNITY_WORKER (B1)', approvesA1: false, approvesB1: true },
  { actor: '13500000001', role: 'SOCIAL_WORKER', approvesA1: false, approvesB1: false },
  { actor: '13400000001', role: 'ORG_ADMIN', approvesA1: false, approvesB1: false },
  { actor: '13300000001', role: 'CHARITY_ADMIN', approvesA1: false, approvesB1: false },
  { actor: '13200000001', role: 'STREET_ADMIN', approvesA1: false, approvesB1: false },
];

describe('scope matrix: approving a volunteer', () => {
  let t: TestApp;
  let seq = 100;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A new resident of `grid` who applies as a volunteer serving there: a PENDING application. */
  async function pendingVolunteer(grid: string): Promise<string> {
    const r = await newResident(t, { grid, idNumber: idNumberFor('19800101', String(seq++)) });
    const gridId = (await t.db.query(`SELECT id FROM regions WHERE code = $1`, [grid]))[0].id;
    const res = await t.gql(
      `mutation ($i: RegisterVolunteerInput!) { registerVolunteer(input: $i) { id status } }`,
      { i: { skills: ['助老陪护'], serviceRegionIds: [gridId] } },
      r.token,
    );
    expect(res.data.registerVolunteer.status).toBe('PENDING');
    return res.data.registerVolunteer.id;
  }

  const APPROVE = `mutation ($id: ID!) { approveVolunteer(id: $id) { status } }`;
  const statusOf = async (id: string) => (await t.db.query(`SELECT status FROM volunteers WHERE id = $1`, [id]))[0].status;

  it.each(APPROVERS)('$role: A1 $approvesA1, B1 $approvesB1', async ({ actor, approvesA1, approvesB1 }) => {
    const token = await t.login(actor);
    for (const [grid, allowed] of [
      ['32010200200101', approvesA1],
      ['32010200300101', approvesB1],
    ] as const) {
      const id = await pendingVolunteer(grid);
      const res = await t.gql(APPROVE, { id }, token);
      if (allowed) {
        expect(res.errors).toBeUndefined();
        expect(res.data.approveVolunteer.status).toBe('APPROVED');
      } else {
        expect(codeOf(res)).toBe('FORBIDDEN');
        expect(await statusOf(id)).toBe('PENDING');
      }
    }
  });

  it('SYSTEM_ADMIN, whose scope is everything, is not a community register keeper either', async () => {
    const id = await pendingVolunteer('32010200200101');
    const res = await t.gql(APPROVE, { id }, await t.login('13100000001'));
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(await statusOf(id)).toBe('PENDING');
  });
});
