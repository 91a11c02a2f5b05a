import { decide, NEED_STAFF, NeedAction, NeedParty, NeedStatus, transitionOf } from '../../src/needs/need-transitions.js';
import { Role } from '../../src/scope/role.js';
import { PHONE, volunteerId } from '../helpers/needs.js';
import { codeOf, createTestApp, TestApp } from '../helpers/test-app.js';

/**
 * The transition table through HTTP: for every state, every mutation of the loop and every kind of demo account,
 * a fresh need in that state gets the mutation, and the answer and the stored state must be what the table
 * (plus the operation's role guard) says. Needs are posted directly by 王秀英; proxy rules are covered cell by
 * cell in need-transitions.spec.ts.
 */
interface Who {
  phone: string;
  roles: Role[];
  parties: (status: NeedStatus) => NeedParty[];
}

const CLAIMED_STATES = [NeedStatus.CLAIMED, NeedStatus.IN_SERVICE, NeedStatus.COMPLETED, NeedStatus.CONFIRMED, NeedStatus.CLOSED];

const WHO: Record<string, Who> = {
  '王秀英 (beneficiary)': { phone: PHONE.wang, roles: [Role.RESIDENT], parties: () => [NeedParty.BENEFICIARY] },
  '李建国 (other resident)': { phone: PHONE.li, roles: [Role.RESIDENT], parties: () => [] },
  '赵敏 (grid worker)': { phone: PHONE.zhaoMin, roles: [Role.GRID_WORKER], parties: () => [NeedParty.STAFF] },
  '孙丽 (community worker)': { phone: PHONE.sunLi, roles: [Role.COMMUNITY_WORKER], parties: () => [NeedParty.STAFF] },
  '周强 (other community)': { phone: PHONE.zhouQiang, roles: [Role.COMMUNITY_WORKER], parties: () => [] },
  '张伟 (claimant)': { phone: PHONE.zhangWei, roles: [Role.VOLUNTEER, Role.RESIDENT], parties: (s) => (CLAIMED_STATES.includes(s) ? [NeedParty.VOLUNTEER, NeedParty.CLAIMANT] : [NeedParty.VOLUNTEER]) },
  '刘洋 (volunteer of the area)': { phone: PHONE.liuYang, roles: [Role.VOLUNTEER, Role.RESIDENT], parties: () => [NeedParty.VOLUNTEER] },
  '陈静 (volunteer elsewhere)': { phone: PHONE.chenJing, roles: [Role.VOLUNTEER, Role.RESIDENT], parties: () => [] },
};

const ANY: Role[] = Object.values(Role);
const MUTATIONS: { action: NeedAction; roles: readonly Role[]; gql: string }[] = [
  { action: NeedAction.ACCEPT, roles: NEED_STAFF, gql: `acceptNeed(id: $id) { status }` },
  { action: NeedAction.REJECT, roles: NEED_STAFF, gql: `rejectNeed(id: $id, reason: "不属于服务范围") { status }` },
  { action: NeedAction.PUBLISH, roles: NEED_STAFF, gql: `publishNeed(id: $id) { status }` },
  { action: NeedAction.DISPATCH, roles: NEED_STAFF, gql: `dispatchNeed(id: $id, volunteerId: $v, reason: "熟悉老人") { status }` },
  { action: NeedAction.CLAIM, roles: [Role.VOLUNTEER], gql: `claimNeed(id: $id) { status }` },
  { action: NeedAction.WITHDRAW, roles: [Role.VOLUNTEER], gql: `withdrawClaim(id: $id, reason: "临时有事") { status }` },
  { action: NeedAction.NO_SHOW, roles: NEED_STAFF, gql: `reportNoShow(id: $id, reason: "未到场") { status }` },
  { action: NeedAction.START, roles: [Role.VOLUNTEER], gql: `startService(id: $id) { status }` },
  { action: NeedAction.COMPLETE, roles: [Role.VOLUNTEER], gql: `completeService(id: $id, minutes: 60) { status }` },
  { action: NeedAction.DISPUTE, roles: ANY, gql: `disputeService(id: $id, reason: "时长不对") { status }` },
  { action: NeedAction.CONFIRM, roles: ANY, gql: `confirmService(id: $id, rating: 5) { status }` },
  { action: NeedAction.CLOSE, roles: NEED_STAFF, gql: `closeNeed(id: $id) { status }` },
  { action: NeedAction.CANCEL, roles: ANY, gql: `cancelNeed(id: $id, reason: "不需要了") { status }` },
];

function expected(status: NeedStatus, m: (typeof MUTATIONS)[number], who: Who): { code: string | undefined; to: NeedStatus } {
  if (!who.roles.some((r) => m.roles.includes(r))) return { code: 'FORBIDDEN', to: status };
  const parties = who.parties(status);
  if (parties.length === 0) return { code: 'FORBIDDEN', to: status };
  const d = decide(status, m.action, new Set(parties), false);
  return d.ok ? { code: undefined, to: d.to } : { code: d.code, to: status };
}

describe('needs: the transition table over HTTP, every (state, action, role)', () => {
  let t: TestApp;
  let zhangWei: string;
  let seq = 0;
  beforeAll(async () => {
    t = await createTestApp();
    zhangWei = await volunteerId(t, PHONE.zhangWei);
    for (const w of Object.values(WHO)) await t.login(w.phone);
  });
  afterAll(() => t.close());

  /** A need in `status`, posted by 王秀英 in grid A1g1, with its own Saturday so that no two holds overlap. */
  async function needIn(status: NeedStatus): Promise<string> {
    const week = ++seq;
    const sat = new Date(Date.UTC(2031, 0, 4 + 7 * week, 1, 0));
    const claimed = CLAIMED_STATES.includes(status) || (status === NeedStatus.CANCELLED && week % 2 === 0);
    const [{ id }] = await t.db.query(
      `INSERT INTO needs (title, category, status, beneficiary_id, posted_by, grid_id, grid_path, address, window_start, window_end, estimated_minutes,
                          required_skills, accept_deadline, claim_deadline, claimed_by, claimed_at, started_at, completed_at, service_minutes, auto_confirm_at, confirmed_at)
       SELECT '矩阵测试', 'ELDERLY_CARE', $1::need_status, p.id, p.id, r.id, r.path, p.address, $2::timestamptz, $2::timestamptz + interval '1 hour', 60, '{助老陪护}',
              now() + interval '1 day', now() + interval '3 days', $3, CASE WHEN $3::uuid IS NULL THEN NULL ELSE now() END,
              CASE WHEN $1::text IN ('IN_SERVICE','COMPLETED','CONFIRMED','CLOSED') THEN now() END,
              CASE WHEN $1::text IN ('COMPLETED','CONFIRMED','CLOSED') THEN now() END,
              CASE WHEN $1::text IN ('COMPLETED','CONFIRMED','CLOSED') THEN 60 END,
              CASE WHEN $1::text = 'COMPLETED' THEN now() + interval '3 days' END,
              CASE WHEN $1::text IN ('CONFIRMED','CLOSED') THEN now() END
         FROM persons p JOIN regions r ON r.id = p.grid_id WHERE p.phone = $4
       RETURNING id`,
      [status, sat, claimed ? zhangWei : null, PHONE.wang],
    );
    return id;
  }

  for (const status of Object.values(NeedStatus)) {
    it(`${status}: every mutation as every kind of account`, async () => {
      const cases = MUTATIONS.flatMap((m) => Object.entries(WHO).map(([name, who]) => ({ m, name, who })));
      const results = await Promise.all(
        cases.map(async ({ m, name, who }) => {
          const id = await needIn(status);
          const hasV = m.gql.includes('$v');
          const res = await t.gql(`mutation ($id: ID!${hasV ? ', $v: ID!' : ''}) { ${m.gql} }`, hasV ? { id, v: zhangWei } : { id }, await t.login(who.phone));
          const [row] = await t.db.query(`SELECT status FROM needs WHERE id = $1`, [id]);
          return { cell: `${status} ${m.action} ${name}`, got: { code: codeOf(res), to: row.status }, want: expected(status, m, who) };
        }),
      );
      for (const r of results) expect({ cell: r.cell, ...r.got }).toEqual({ cell: r.cell, ...r.want });
      expect(results).toHaveLength(MUTATIONS.length * Object.keys(WHO).length);
      // Table rows actually exercised as a success somewhere in this state.
      const successes = results.filter((r) => r.want.code === undefined).length;
      expect(successes).toBe(MUTATIONS.filter((m) => transitionOf(m.action).from.includes(status)).reduce((n, m) => n + Object.values(WHO).filter((w) => expected(status, m, w).code === undefined).length, 0));
    });
  }
});
