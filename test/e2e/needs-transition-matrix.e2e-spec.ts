import { NeedAction, NeedStatus } from '../../src/needs/need-transitions.js';
import { Role } from '../../src/scope/role.js';
import { PHONE, volunteerId } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * The transition table through HTTP: for every state, every mutation of the loop, every kind of demo account (all
 * nine roles) and both a self-posted and a proxy-posted (代办 by 赵敏) need, a fresh need in that state gets the
 * mutation. The answer, the stored row and the history must be what the table below says. The table is written out
 * here by hand, not read from the code under test. A refused mutation must leave the whole row as it was and add
 * no history row.
 */
const S = NeedStatus;
type Party = 'BENEFICIARY' | 'PROXY' | 'CLAIMANT' | 'VOLUNTEER' | 'STAFF';
const STAFF_ROLES = [Role.GRID_WORKER, Role.COMMUNITY_WORKER, Role.SOCIAL_WORKER, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];
const ANY: Role[] = Object.values(Role);

/** action → states it fires from, where it leads, who may fire it (STAFF confirms only a proxy-posted need). */
const TABLE: Record<string, { from: NeedStatus[]; to: NeedStatus | 'same'; by: Party[]; byIfProxy?: Party[]; whenWindowOver?: NeedStatus }> = {
  ACCEPT: { from: [S.SUBMITTED], to: S.ACCEPTED, by: ['STAFF'] },
  REJECT: { from: [S.SUBMITTED], to: S.REJECTED, by: ['STAFF'] },
  PUBLISH: { from: [S.ACCEPTED], to: S.OPEN, by: ['STAFF'] },
  DISPATCH: { from: [S.ACCEPTED, S.OPEN], to: S.CLAIMED, by: ['STAFF'] },
  CLAIM: { from: [S.OPEN], to: S.CLAIMED, by: ['VOLUNTEER'] },
  WITHDRAW: { from: [S.CLAIMED], to: S.OPEN, by: ['CLAIMANT'] },
  NO_SHOW: { from: [S.CLAIMED], to: S.OPEN, by: ['STAFF'], whenWindowOver: S.EXPIRED },
  START: { from: [S.CLAIMED], to: S.IN_SERVICE, by: ['CLAIMANT'] },
  COMPLETE: { from: [S.IN_SERVICE], to: S.COMPLETED, by: ['CLAIMANT'] },
  DISPUTE: { from: [S.COMPLETED], to: 'same', by: ['BENEFICIARY', 'PROXY'] },
  CONFIRM: { from: [S.COMPLETED], to: S.CONFIRMED, by: ['BENEFICIARY', 'PROXY'], byIfProxy: ['STAFF'] },
  CLOSE: { from: [S.CONFIRMED], to: S.CLOSED, by: ['STAFF'] },
  CANCEL: { from: [S.SUBMITTED, S.ACCEPTED, S.OPEN, S.CLAIMED, S.EXPIRED], to: S.CANCELLED, by: ['BENEFICIARY', 'PROXY', 'STAFF'] },
  RESCHEDULE: { from: [S.OPEN, S.EXPIRED], to: S.OPEN, by: ['STAFF'] },
};

const HELD = [S.CLAIMED, S.IN_SERVICE, S.COMPLETED, S.CONFIRMED, S.CLOSED];

interface Who {
  phone: string;
  roles: Role[];
  parties: (status: NeedStatus, proxy: boolean) => Party[];
}

const staff = (): Party[] => ['STAFF'];
const none = (): Party[] => [];
const WHO: Record<string, Who> = {
  '王秀英 (beneficiary)': { phone: PHONE.wang, roles: [Role.RESIDENT], parties: () => ['BENEFICIARY'] },
  '李建国 (other resident)': { phone: PHONE.li, roles: [Role.RESIDENT], parties: none },
  '赵敏 (grid worker; the proxy of a 代办 need)': {
    phone: PHONE.zhaoMin,
    roles: [Role.GRID_WORKER],
    parties: (_s, proxy) => (proxy ? ['STAFF', 'PROXY'] : ['STAFF']),
  },
  '孙丽 (community worker)': { phone: PHONE.sunLi, roles: [Role.COMMUNITY_WORKER], parties: staff },
  '周强 (other community)': { phone: PHONE.zhouQiang, roles: [Role.COMMUNITY_WORKER], parties: none },
  '吴芳 (social worker of the street station)': { phone: '13500000001', roles: [Role.SOCIAL_WORKER], parties: staff },
  '何军 (street admin)': { phone: '13200000001', roles: [Role.STREET_ADMIN], parties: staff },
  '系统管理员 (system admin)': { phone: '13100000001', roles: [Role.SYSTEM_ADMIN], parties: staff },
  '郑磊 (organization admin)': { phone: '13400000001', roles: [Role.ORG_ADMIN], parties: none },
  '冯静 (charity admin)': { phone: '13300000001', roles: [Role.CHARITY_ADMIN], parties: none },
  '张伟 (claimant)': {
    phone: PHONE.zhangWei,
    roles: [Role.VOLUNTEER, Role.RESIDENT],
    parties: (s) => (HELD.includes(s) ? ['VOLUNTEER', 'CLAIMANT'] : ['VOLUNTEER']),
  },
  '刘洋 (volunteer of the area)': { phone: PHONE.liuYang, roles: [Role.VOLUNTEER, Role.RESIDENT], parties: () => ['VOLUNTEER'] },
  '陈静 (volunteer elsewhere)': { phone: PHONE.chenJing, roles: [Role.VOLUNTEER, Role.RESIDENT], parties: none },
};

const MUTATIONS: { action: string; roles: readonly Role[]; gql: string }[] = [
  { action: 'ACCEPT', roles: STAFF_ROLES, gql: `acceptNeed(id: $id) { status }` },
  { action: 'REJECT', roles: STAFF_ROLES, gql: `rejectNeed(id: $id, reason: "不属于服务范围") { status }` },
  { action: 'PUBLISH', roles: STAFF_ROLES, gql: `publishNeed(id: $id) { status }` },
  { action: 'DISPATCH', roles: STAFF_ROLES, gql: `dispatchNeed(id: $id, volunteerId: $v, reason: "熟悉老人") { status }` },
  { action: 'CLAIM', roles: [Role.VOLUNTEER], gql: `claimNeed(id: $id) { status }` },
  { action: 'WITHDRAW', roles: [Role.VOLUNTEER], gql: `withdrawClaim(id: $id, reason: "临时有事") { status }` },
  { action: 'NO_SHOW', roles: STAFF_ROLES, gql: `reportNoShow(id: $id, reason: "未到场") { status }` },
  { action: 'START', roles: [Role.VOLUNTEER], gql: `startService(id: $id) { status }` },
  { action: 'COMPLETE', roles: [Role.VOLUNTEER], gql: `completeService(id: $id, minutes: 60) { status }` },
  { action: 'DISPUTE', roles: ANY, gql: `disputeService(id: $id, reason: "时长不对") { status }` },
  { action: 'CONFIRM', roles: ANY, gql: `confirmService(id: $id, rating: 5) { status }` },
  { action: 'CLOSE', roles: STAFF_ROLES, gql: `closeNeed(id: $id) { status }` },
  { action: 'CANCEL', roles: ANY, gql: `cancelNeed(id: $id, reason: "不需要了") { status }` },
  {
    action: 'RESCHEDULE',
    roles: STAFF_ROLES,
    gql: `rescheduleNeed(id: $id, windowStart: "2040-03-03T01:00:00Z", windowEnd: "2040-03-03T02:00:00Z", reason: "改期") { status }`,
  },
];

/** START and NO_SHOW need a window around now (an hour ahead at most / begun 30 minutes ago); NO_SHOW's is over, so it expires. */
const windowOverFor = (action: string) => action === 'NO_SHOW';

function expected(status: NeedStatus, m: (typeof MUTATIONS)[number], who: Who, proxy: boolean): { code: string | undefined; to: NeedStatus } {
  if (!who.roles.some((r) => m.roles.includes(r))) return { code: 'FORBIDDEN', to: status };
  const parties = who.parties(status, proxy);
  if (parties.length === 0) return { code: 'FORBIDDEN', to: status };
  const row = TABLE[m.action];
  if (!row.from.includes(status)) return { code: 'CONFLICT', to: status };
  const may = parties.some((p) => row.by.includes(p) || (proxy && (row.byIfProxy ?? []).includes(p)));
  if (!may) return { code: 'FORBIDDEN', to: status };
  if (windowOverFor(m.action) && row.whenWindowOver) return { code: undefined, to: row.whenWindowOver };
  return { code: undefined, to: row.to === 'same' ? status : row.to };
}

describe('needs: the transition table over HTTP, every (state, action, role), self-posted and 代办', () => {
  let t: TestApp;
  let zhangWei: string;
  let seq = 0;
  beforeAll(async () => {
    t = await createTestApp();
    zhangWei = await volunteerId(t, PHONE.zhangWei);
    for (const w of Object.values(WHO)) await t.login(w.phone);
  });
  afterAll(() => t.close());
  // Holds of one state's run must not overlap the next run's windows near now.
  afterEach(() => t.db.query(`UPDATE needs SET status = 'CANCELLED' WHERE title = '矩阵测试' AND status IN ('CLAIMED','IN_SERVICE')`));

  /** A need in `status` for 王秀英 in grid A1g1, posted by her or by 赵敏; held needs get windows that never overlap. */
  async function needIn(status: NeedStatus, proxy: boolean, action: string, slot: number): Promise<string> {
    const week = ++seq;
    const claimed = HELD.includes(status) || (status === S.CANCELLED && week % 2 === 0);
    // START: a 30-second window 5+ minutes ahead; NO_SHOW: one that began 55− minutes ago (and is over); else a Saturday far ahead.
    // (Every parameter appears in each variant so that PostgreSQL can type them all.)
    const start =
      action === 'START'
        ? `now() + make_interval(mins => 5 + $5::int, days => 0 * $2::int)`
        : action === 'NO_SHOW'
          ? `now() - make_interval(mins => 55 - $5::int, days => 0 * $2::int)`
          : `'2031-01-04T01:00:00Z'::timestamptz + make_interval(days => 7 * $2::int, mins => 0 * $5::int)`;
    const end = action === 'START' || action === 'NO_SHOW' ? `${start} + interval '30 seconds'` : `${start} + interval '1 hour'`;
    const [{ id }] = await t.db.query(
      `INSERT INTO needs (title, category, status, beneficiary_id, posted_by, grid_id, grid_path, address, latitude, longitude, window_start, window_end, estimated_minutes,
                          required_skills, accept_deadline, claim_deadline, claimed_by, claimed_at, started_at, completed_at, service_minutes, auto_confirm_at, confirmed_at)
       SELECT '矩阵测试', 'ELDERLY_CARE', $1::need_status, p.id, CASE WHEN $6 THEN (SELECT id FROM persons WHERE phone = $7) ELSE p.id END, r.id, r.path, p.address, 32.0601, 118.7968,
              ${start}, ${end}, 15, '{助老陪护}',
              now() + interval '1 day', now() + interval '3 days', $3, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END,
              CASE WHEN $1::text IN ('IN_SERVICE','COMPLETED','CONFIRMED','CLOSED') THEN now() - interval '2 hours' END,
              CASE WHEN $1::text IN ('COMPLETED','CONFIRMED','CLOSED') THEN now() END,
              CASE WHEN $1::text IN ('COMPLETED','CONFIRMED','CLOSED') THEN 60 END,
              CASE WHEN $1::text = 'COMPLETED' THEN now() + interval '3 days' END,
              CASE WHEN $1::text IN ('CONFIRMED','CLOSED') THEN now() END
         FROM persons p JOIN regions r ON r.id = p.grid_id WHERE p.phone = $4
       RETURNING id`,
      [status, week, claimed ? zhangWei : null, PHONE.wang, slot, proxy, PHONE.zhaoMin],
    );
    return id;
  }

  for (const proxy of [false, true]) {
    for (const status of Object.values(NeedStatus)) {
      it(`${proxy ? '代办' : 'self-posted'}, ${status}: every mutation as every kind of account`, async () => {
        const cases = MUTATIONS.flatMap((m) => Object.entries(WHO).map(([name, who], slot) => ({ m, name, who, slot })));
        const results = await Promise.all(
          cases.map(async ({ m, name, who, slot }) => {
            const id = await needIn(status, proxy, m.action, slot);
            const [before] = await t.db.query(`SELECT * FROM needs WHERE id = $1`, [id]);
            const hasV = m.gql.includes('$v');
            const res = await t.gql(
              `mutation ($id: ID!${hasV ? ', $v: ID!' : ''}) { ${m.gql} }`,
              hasV ? { id, v: zhangWei } : { id },
              await t.login(who.phone),
            );
            const [after] = await t.db.query(`SELECT * FROM needs WHERE id = $1`, [id]);
            const events = await t.db.query(`SELECT action, from_status::text AS from, to_status::text AS to FROM need_events WHERE need_id = $1`, [id]);
            return {
              cell: `${status} ${m.action} ${name}`,
              got: { code: codeOf(res), to: after.status },
              want: expected(status, m, who, proxy),
              before,
              after,
              events,
              action: m.action,
            };
          }),
        );
        for (const r of results) {
          expect({ cell: r.cell, ...r.got }).toEqual({ cell: r.cell, ...r.want });
          if (r.want.code !== undefined) {
            // Refused: nothing changed, not even updated_at, and no history.
            expect({ cell: r.cell, row: r.after }).toEqual({ cell: r.cell, row: r.before });
            expect({ cell: r.cell, events: r.events }).toEqual({ cell: r.cell, events: [] });
          } else {
            expect({ cell: r.cell, events: r.events }).toEqual({ cell: r.cell, events: [{ action: r.action, from: status, to: r.want.to }] });
          }
        }
        expect(results).toHaveLength(MUTATIONS.length * Object.keys(WHO).length);
        // Each state the table lets anything fire from has successes here; the terminal ones have none.
        const fires = Object.values(TABLE).some((row) => row.from.includes(status));
        expect(results.some((r) => r.want.code === undefined)).toBe(fires);
      });
    }
  }

  it('hand-checked cells of the table, independent of any helper', () => {
    const by = (name: string) => WHO[name];
    const m = (a: string) => MUTATIONS.find((x) => x.action === a)!;
    expect(expected(S.COMPLETED, m('CONFIRM'), by('孙丽 (community worker)'), false)).toEqual({ code: 'FORBIDDEN', to: S.COMPLETED });
    expect(expected(S.COMPLETED, m('CONFIRM'), by('孙丽 (community worker)'), true)).toEqual({ code: undefined, to: S.CONFIRMED });
    expect(expected(S.CLAIMED, m('NO_SHOW'), by('系统管理员 (system admin)'), false)).toEqual({ code: undefined, to: S.EXPIRED });
    expect(expected(S.OPEN, m('CLAIM'), by('郑磊 (organization admin)'), false)).toEqual({ code: 'FORBIDDEN', to: S.OPEN });
    expect(expected(S.EXPIRED, m('CLAIM'), by('刘洋 (volunteer of the area)'), false)).toEqual({ code: 'CONFLICT', to: S.EXPIRED });
    expect(expected(S.EXPIRED, m('RESCHEDULE'), by('吴芳 (social worker of the street station)'), true)).toEqual({ code: undefined, to: S.OPEN });
    expect(expected(S.COMPLETED, m('DISPUTE'), by('赵敏 (grid worker; the proxy of a 代办 need)'), true)).toEqual({ code: undefined, to: S.COMPLETED });
    expect(expected(S.COMPLETED, m('DISPUTE'), by('赵敏 (grid worker; the proxy of a 代办 need)'), false)).toEqual({ code: 'FORBIDDEN', to: S.COMPLETED });
    expect(Object.keys(TABLE).sort()).toEqual(MUTATIONS.map((x) => x.action).sort());
    // Every action with a mutation of its own is in the matrix; the rest are the scheduler's (and the series
    // materialiser's), resolveDispute's, or updateNeed's (WINDOW_CHANGED, covered in everyday.e2e-spec.ts).
    expect(
      Object.values(NeedAction)
        .filter((a) => !(a in TABLE))
        .sort(),
    ).toEqual(['AUTO_CONFIRM', 'DISPUTE_CANCEL', 'DISPUTE_CONFIRM', 'DISPUTE_REOPEN', 'EXPIRE', 'SERIES_CLAIM', 'WINDOW_CHANGED']);
  });
});
