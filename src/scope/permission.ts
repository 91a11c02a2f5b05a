import { Role } from './role.js';

/**
 * The one permission matrix (docs/architecture.md "Authorization"). Every GraphQL operation names the
 * permissions it needs with `@Authorize(Permission.X)` (or says `@Public()`); services ask
 * `actor.can(Permission.X, target)` of the same row. No role list lives anywhere else.
 *
 * How a row's scope is checked:
 * - REGION: the actor holds one of `roles` in a region whose subtree holds the target's region path;
 * - ORGANIZATION: one of `roles` granted for the target organization (or a global grant);
 * - SELF: any logged-in person acting on themselves (target.personId is the actor) — `roles` is empty;
 * - ANY: any logged-in person; the service applies the aggregate's own party rules (e.g. the need table).
 */
export enum ScopeKind {
  REGION = 'REGION',
  ORGANIZATION = 'ORGANIZATION',
  SELF = 'SELF',
  ANY = 'ANY',
}

export enum Permission {
  // ── self-service (any logged-in person, on themselves) ──
  SELF = 'SELF',
  /** Any logged-in person; the aggregate's own rules decide (need parties, relatives, …). */
  LOGGED_IN = 'LOGGED_IN',

  // ── people & personal data ──
  PERSON_READ = 'PERSON_READ',
  PERSON_READ_MASKED = 'PERSON_READ_MASKED',
  ID_NUMBER_READ = 'ID_NUMBER_READ',
  RELATIVE_RECORD = 'RELATIVE_RECORD',
  FLAG_RECORD = 'FLAG_RECORD',
  ACCESS_LOG_READ = 'ACCESS_LOG_READ',

  // ── needs & matching ──
  NEED_POST = 'NEED_POST',
  NEED_TRIAGE = 'NEED_TRIAGE',
  NEED_DISPUTE_RESOLVE = 'NEED_DISPUTE_RESOLVE',
  NEED_CLAIM = 'NEED_CLAIM',
  NEED_SERVE = 'NEED_SERVE',
  NEED_BATCH_DISPATCH = 'NEED_BATCH_DISPATCH',
  NEED_DEADLINE_SET = 'NEED_DEADLINE_SET',

  // ── volunteers ──
  VOLUNTEER_READ = 'VOLUNTEER_READ',
  VOLUNTEER_RECORD = 'VOLUNTEER_RECORD',
  VOLUNTEER_PEER_READ = 'VOLUNTEER_PEER_READ',
  VOLUNTEER_VET = 'VOLUNTEER_VET',
  VOLUNTEER_TEAM_READ = 'VOLUNTEER_TEAM_READ',
  VOLUNTEER_TEAM_MANAGE = 'VOLUNTEER_TEAM_MANAGE',
  VOLUNTEER_TEAM_ORG_MANAGE = 'VOLUNTEER_TEAM_ORG_MANAGE',

  // ── organizations & social workers ──
  ORGANIZATION_READ = 'ORGANIZATION_READ',
  ORGANIZATION_REVIEW = 'ORGANIZATION_REVIEW',
  ORGANIZATION_MANAGE = 'ORGANIZATION_MANAGE',
  SOCIAL_WORKER_READ = 'SOCIAL_WORKER_READ',
  STATION_MANAGE = 'STATION_MANAGE',

  // ── resources & charity ──
  RESOURCE_READ = 'RESOURCE_READ',
  RESOURCE_MANAGE = 'RESOURCE_MANAGE',
  CHARITY_MANAGE = 'CHARITY_MANAGE',
  CHARITY_READ = 'CHARITY_READ',

  // ── time bank ──
  ACCOUNT_READ = 'ACCOUNT_READ',
  LEDGER_REVERSE = 'LEDGER_REVERSE',
  LEDGER_VERIFY = 'LEDGER_VERIFY',
  POOL_GRANT = 'POOL_GRANT',
  TIME_BANK_POLICY_SET = 'TIME_BANK_POLICY_SET',

  // ── projects (docs/design.md "Projects") ──
  PROJECT_PROPOSE = 'PROJECT_PROPOSE',
  PROJECT_APPROVE = 'PROJECT_APPROVE',
  PROJECT_BROKER = 'PROJECT_BROKER',
  PROJECT_READ = 'PROJECT_READ',
  PROJECT_APPLY = 'PROJECT_APPLY',
  PROJECT_RUN = 'PROJECT_RUN',
  PROJECT_EVALUATE = 'PROJECT_EVALUATE',
  PROJECT_EVALUATE_AS_ORG = 'PROJECT_EVALUATE_AS_ORG',
  PROJECT_DISBURSE = 'PROJECT_DISBURSE',
  ACTIVITY_SIGN_UP = 'ACTIVITY_SIGN_UP',
  CONSULTATION_RECORD = 'CONSULTATION_RECORD',

  // ── three-list brokering ──
  RESOURCE_BOOK = 'RESOURCE_BOOK',
  DEMAND_READ = 'DEMAND_READ',

  // ── care visits ──
  CARE_ENROL = 'CARE_ENROL',
  CARE_READ = 'CARE_READ',
  VISIT_PLAN = 'VISIT_PLAN',
  VISIT_ASSIGN = 'VISIT_ASSIGN',
  VISIT_RECORD = 'VISIT_RECORD',
  VISIT_RATE_READ = 'VISIT_RATE_READ',
  VISIT_RULE_SET = 'VISIT_RULE_SET',
  /** Visits a grid's residents as staff: may be assigned any task there; such visits earn no time-bank minutes. */
  VISIT_AS_STAFF = 'VISIT_AS_STAFF',
  CARE_FOLLOW_UP = 'CARE_FOLLOW_UP',

  // ── statistics ──
  STATS_READ = 'STATS_READ',
  STATS_ATTRIBUTES_SET = 'STATS_ATTRIBUTES_SET',

  // ── registration (docs/security.md) ──
  RESIDENT_REGISTER_IN_PERSON = 'RESIDENT_REGISTER_IN_PERSON',
}

export interface PermissionRule {
  roles: readonly Role[];
  scope: ScopeKind;
  /** What holding it allows, for docs/architecture.md and the permission test's messages. */
  meaning: string;
}

const R = Role;
/** Staff who work on residents' affairs in their region (triage, dispatch, visits). */
const CASE_STAFF = [R.GRID_WORKER, R.COMMUNITY_WORKER, R.SOCIAL_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN] as const;
const COMMUNITY_UP = [R.COMMUNITY_WORKER, R.SOCIAL_WORKER, R.STREET_ADMIN, R.SYSTEM_ADMIN] as const;
const ADMINS = [R.STREET_ADMIN, R.SYSTEM_ADMIN] as const;

const region = (meaning: string, ...roles: Role[]): PermissionRule => ({ roles, scope: ScopeKind.REGION, meaning });
const organization = (meaning: string, ...roles: Role[]): PermissionRule => ({ roles, scope: ScopeKind.ORGANIZATION, meaning });

export const PERMISSIONS: Readonly<Record<Permission, PermissionRule>> = {
  [Permission.SELF]: { roles: [], scope: ScopeKind.SELF, meaning: '本人操作自己的数据' },
  [Permission.LOGGED_IN]: { roles: [], scope: ScopeKind.ANY, meaning: '任何登录用户；由业务对象自身规则判断（如需求的当事方）' },

  [Permission.PERSON_READ]: region('查看辖区居民的完整姓名和电话', ...CASE_STAFF),
  [Permission.PERSON_READ_MASKED]: region('查看辖区居民的脱敏信息', R.VOLUNTEER, R.ORG_ADMIN, R.CHARITY_ADMIN),
  [Permission.ID_NUMBER_READ]: region('查看身份证号（记入访问日志）', R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.RELATIVE_RECORD]: region('登记亲属关系', R.COMMUNITY_WORKER),
  [Permission.FLAG_RECORD]: region('登记特殊群体标识', R.GRID_WORKER, R.COMMUNITY_WORKER),
  [Permission.ACCESS_LOG_READ]: region('查看个人信息访问日志', ...ADMINS),

  // A resident posts in their own grid; staff also for residents of their scope (代办, checked by the service).
  [Permission.NEED_POST]: region('在所在网格提交需求', R.RESIDENT, ...CASE_STAFF),
  // The STAFF party of the need table (need-transitions.ts): the need's grid lies in the actor's scope.
  [Permission.NEED_TRIAGE]: region('受理、发布、派单、处理辖区需求', ...CASE_STAFF),
  [Permission.NEED_DISPUTE_RESOLVE]: region('处理服务争议', R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.NEED_CLAIM]: region('在服务区域内接单', R.VOLUNTEER),
  // Signing in and out and withdrawing: the need table then asks that the actor is its claimant.
  [Permission.NEED_SERVE]: region('为自己接的单签到、签退、退单', R.VOLUNTEER),
  [Permission.NEED_BATCH_DISPATCH]: region('批量派单', ...COMMUNITY_UP),
  [Permission.NEED_DEADLINE_SET]: region('设置辖区需求办理时限', ...ADMINS),

  [Permission.VOLUNTEER_READ]: region('查看辖区志愿者（含待审核、已暂停）及其紧急联系人', ...CASE_STAFF),
  [Permission.VOLUNTEER_RECORD]: region('审核通过、驳回、暂停志愿者', R.COMMUNITY_WORKER),
  [Permission.VOLUNTEER_PEER_READ]: region('查看同区域已通过的志愿者', R.VOLUNTEER, R.ORG_ADMIN),
  [Permission.VOLUNTEER_VET]: region('志愿者背景审查', R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.VOLUNTEER_TEAM_READ]: region('查看辖区志愿服务队及队员', R.VOLUNTEER, ...CASE_STAFF, R.ORG_ADMIN),
  [Permission.VOLUNTEER_TEAM_MANAGE]: region('组建志愿服务队、管理队员（社区工作者）', R.COMMUNITY_WORKER),
  [Permission.VOLUNTEER_TEAM_ORG_MANAGE]: organization('管理本组织的志愿服务队及其资源', R.ORG_ADMIN),

  [Permission.ORGANIZATION_READ]: region('查看辖区社会组织（含待审核）及其成员', ...COMMUNITY_UP),
  [Permission.ORGANIZATION_REVIEW]: region('审核、暂停社会组织，管理其成员', ...ADMINS),
  [Permission.ORGANIZATION_MANAGE]: organization('管理本组织（成员、资源）', R.ORG_ADMIN, R.SYSTEM_ADMIN),
  [Permission.SOCIAL_WORKER_READ]: region('查看辖区社工档案（含证书编号）', ...COMMUNITY_UP),
  [Permission.STATION_MANAGE]: region('设立社工站点、登记社工', ...ADMINS),

  [Permission.RESOURCE_READ]: region('查看服务区域与本人范围重叠的服务资源', ...Object.values(Role)),
  [Permission.RESOURCE_MANAGE]: region('登记驻区单位资源、代提供方登记和下架辖区服务资源', R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.CHARITY_MANAGE]: region('设立慈善基金、慈善超市，登记和冲正捐赠', R.CHARITY_ADMIN, ...ADMINS),
  [Permission.CHARITY_READ]: region('查看辖区慈善资源的捐赠明细', R.CHARITY_ADMIN, R.SOCIAL_WORKER, R.COMMUNITY_WORKER, ...ADMINS),

  [Permission.ACCOUNT_READ]: region('查看辖区时间账户', ...COMMUNITY_UP),
  [Permission.LEDGER_REVERSE]: region('冲正时间银行交易', ...ADMINS),
  [Permission.LEDGER_VERIFY]: region('校验时间银行账本', R.SOCIAL_WORKER, ...ADMINS),
  [Permission.POOL_GRANT]: region('从爱心池发放时长', R.COMMUNITY_WORKER, R.SYSTEM_ADMIN),
  [Permission.TIME_BANK_POLICY_SET]: region('设置时间银行规则', ...ADMINS),

  [Permission.PROJECT_PROPOSE]: region('申请立项（社工站社工、社区工作者）', R.SOCIAL_WORKER, R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.PROJECT_APPROVE]: region('批准、驳回、取消项目', ...ADMINS),
  [Permission.PROJECT_BROKER]: region('发布项目、确定承接组织、启动项目', R.SOCIAL_WORKER, ...ADMINS),
  [Permission.PROJECT_READ]: region('查看辖区全部项目（含未公开）', R.COMMUNITY_WORKER, R.SOCIAL_WORKER, R.CHARITY_ADMIN, ...ADMINS),
  [Permission.PROJECT_APPLY]: organization('以本组织名义申请承接项目', R.ORG_ADMIN),
  [Permission.PROJECT_RUN]: organization('承接组织实施项目（安排活动、确认出勤）', R.ORG_ADMIN),
  [Permission.PROJECT_EVALUATE]: region('项目绩效评估（街道管理员或获授权的评估机构）', ...ADMINS),
  [Permission.PROJECT_EVALUATE_AS_ORG]: organization('以获授权第三方评估机构名义评估项目（须有评估授权）', R.ORG_ADMIN),
  [Permission.PROJECT_DISBURSE]: region('按里程碑拨付项目资金', R.CHARITY_ADMIN, ...ADMINS),
  [Permission.ACTIVITY_SIGN_UP]: region('报名参加项目活动', R.VOLUNTEER),
  [Permission.CONSULTATION_RECORD]: region('记录社区议事协商', R.COMMUNITY_WORKER, R.SOCIAL_WORKER, ...ADMINS),

  [Permission.RESOURCE_BOOK]: region('为需求预订服务资源', ...COMMUNITY_UP),
  [Permission.DEMAND_READ]: region('查看需求梳理看板和资源缺口', ...COMMUNITY_UP),

  [Permission.CARE_ENROL]: region('登记、暂停、结束关爱对象', R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.CARE_READ]: region('查看关爱对象名单（记入访问日志）', R.GRID_WORKER, ...COMMUNITY_UP),
  [Permission.VISIT_PLAN]: region('生成探访任务', R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.VISIT_ASSIGN]: region('指派探访任务', R.COMMUNITY_WORKER, ...ADMINS),
  [Permission.VISIT_RECORD]: { roles: [], scope: ScopeKind.ANY, meaning: '被指派人记录探访（仅限自己的任务）' },
  [Permission.VISIT_RATE_READ]: region('查看探访率和探访频次', ...CASE_STAFF),
  [Permission.VISIT_RULE_SET]: region('设置探访频次', ...ADMINS),
  [Permission.VISIT_AS_STAFF]: region('以工作人员身份探访（可被指派，不计时间银行时长）', R.GRID_WORKER, R.COMMUNITY_WORKER, R.SOCIAL_WORKER),
  [Permission.CARE_FOLLOW_UP]: region('查看、办结探访跟进事项（记入访问日志）', ...CASE_STAFF),

  [Permission.STATS_READ]: region('查看辖区统计和指标', ...COMMUNITY_UP),
  [Permission.STATS_ATTRIBUTES_SET]: region('设置统计用区域属性（人口、城乡、站点、全科服务、社区工作者持证）', ...ADMINS),

  [Permission.RESIDENT_REGISTER_IN_PERSON]: region('代办注册：工作人员当面为辖区居民注册', R.GRID_WORKER, R.COMMUNITY_WORKER, ...ADMINS),
};

/** The roles that hold `permission` somewhere; empty for SELF/ANY rows (every logged-in person). */
export function rolesOf(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission].roles;
}
