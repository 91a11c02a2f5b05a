/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** 日期时间 DateTime: an instant as an ISO 8601 string. Output is always UTC (e.g. 2026-12-03T01:30:00.000Z); input accepts ISO 8601 with a time zone offset (e.g. 2026-12-03T09:30:00+08:00). Calendar days, months and weekdays in this API are counted in Asia/Shanghai (UTC+8). */
  DateTime: { input: string; output: string; }
  /** 金额（分） Fen: money as an integer number of fen 分 (1 元 yuan = 100 分). Output is a decimal string ("123456" = ¥1,234.56; exact, no 2^31 limit); input an integer or a decimal string, |amount| ≤ 10000000000000 */
  Fen: { input: string | number; output: string; }
};

/** 活动/班次状态 status of a project activity */
export type ActivityStatus =
  /** 已取消 cancelled */
  | 'CANCELLED'
  /** 已确认出勤（参与者已获得时长）attendance confirmed, minutes earned */
  | 'CONFIRMED'
  /** 已安排（接受报名）scheduled, open for sign-up */
  | 'SCHEDULED';

/** 承接申请状态 status of an organization's application for a project */
export type ApplicationStatus =
  /** 中选承接 */
  | 'AWARDED'
  /** 未中选（已通知） */
  | 'NOT_AWARDED'
  /** 已提交（有效） */
  | 'SUBMITTED'
  /** 已撤回 */
  | 'WITHDRAWN';

/** 承接申请 application of an organization for a published project */
export type ApplyForProjectInput = {
  /** 申请组织 organization 的 id（调用者须为其管理员；组织须已审核、类别和区域相符） */
  organizationId: Scalars['ID']['input'];
  /** 实施方案 plan（2–4000 字） */
  plan: Scalars['String']['input'];
  /** 项目 id（须为 PUBLISHED 且未过 applyBy） */
  projectId: Scalars['ID']['input'];
  /** 报价 quote，单位分 fen（≤ 项目预算 budgetFen） */
  quoteFen: Scalars['Fen']['input'];
  /** 项目团队 team（岗位与人数，不需要个人信息；最多 500 字） */
  team?: InputMaybe<Scalars['String']['input']>;
};

/** 出勤记录 attendance of one volunteer */
export type AttendanceInput = {
  /** 出勤时长 minutes，单位分钟（1–1440，不超过活动时长）；计入时间银行 time bank */
  minutes: Scalars['Int']['input'];
  /** 已报名的志愿者 volunteer 的 id */
  volunteerId: Scalars['ID']['input'];
};

/** 每周可服务时间段 a weekly slot in local time (Asia/Shanghai) */
export type AvailabilityInput = {
  /** 结束时间 end, HH:MM (Asia/Shanghai), after start; 24:00 = end of day */
  end: Scalars['String']['input'];
  /** 开始时间 start, HH:MM (Asia/Shanghai) */
  start: Scalars['String']['input'];
  /** 星期 ISO weekday: 1 = 周一 … 7 = 周日 */
  weekday: Scalars['Int']['input'];
};

/** 预订资源 book a resource for a need */
export type BookResourceInput = {
  /** 需求 id（须在调用者辖区内，且仍在等待或服务中 SUBMITTED … IN_SERVICE） */
  needId: Scalars['ID']['input'];
  /** 预订数量 quantity（1–1000，按资源的 capacityUnit） */
  quantity: Scalars['Int']['input'];
  /** 资源 id（须有效且适合该需求：类别、区域、开放时间、提供方状态） */
  resourceId: Scalars['ID']['input'];
};

/** 关爱对象筛选 enrolment filter; every field optional */
export type CareEnrollmentFilter = {
  /** 关爱类别 only this care group */
  group?: InputMaybe<CareGroup>;
  /** 区域 ID: only this region and below (within my scope) */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 状态 only this status */
  status?: InputMaybe<CareStatus>;
};

/** 跟进事项筛选 follow-up filter; every field optional */
export type CareFollowUpFilter = {
  /** 区域 ID: only this region and below (within my scope) */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 状态 OPEN 待办 or RESOLVED 已办结 */
  status?: InputMaybe<Scalars['String']['input']>;
};

/** 跟进事项类型 follow-up kind */
export type CareFollowUpKind =
  /** 探访发现问题的跟进 */
  | 'CONCERN'
  /** 迁出/去世待确认 */
  | 'END_CONFIRMATION'
  /** 未按期探访的回访 */
  | 'MISSED_CALLBACK';

/** 关爱类别 care group: why the person is visited */
export type CareGroup =
  /** 困境儿童 */
  | 'CHILD_IN_DIFFICULTY'
  /** 残疾人 */
  | 'DISABLED'
  /** 留守儿童 */
  | 'LEFT_BEHIND_CHILD'
  /** 低保/特困 */
  | 'LOW_INCOME'
  /** 特殊困难老年人（独居、空巢、失能/半失能、高龄、计划生育特殊家庭） */
  | 'SPECIAL_HARDSHIP_ELDERLY';

/** 关爱登记状态 care enrolment status */
export type CareStatus =
  /** 在册 active: visit tasks are planned */
  | 'ACTIVE'
  /** 已结束 ended (moved away, deceased) */
  | 'ENDED'
  /** 暂停 paused until pausedUntil (hospitalised, staying with family); no tasks are due */
  | 'PAUSED';

/** 证明状态 certificate status, derived when read from the reversals since issue */
export type CertificateStatus =
  /** 部分撤销: the hours of some stated services were reversed (冲正) since issue */
  | 'PARTIALLY_REVOKED'
  /** 已撤销: the hours of every stated service were reversed since issue */
  | 'REVOKED'
  /** 有效: every service stated still stands */
  | 'VALID';

/** 周期需求变更 series change：从某日起改变的内容（各项可选，至少一项） */
export type ChangeNeedSeriesInput = {
  /** 新的详细地址 address（最多 200 字；仅需求方、工作人员和接单志愿者可见；历史中只记“已修改”）。未同时给出新的 latitude/longitude 时，原经纬度清除（不再按距离匹配，签到不计距离） */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 自变更日起的次数 count；未同时给出截止时间时取代原截止时间 */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** 新的描述 description（最多 2000 字） */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 改为每隔 N 天 every N days */
  everyDays?: InputMaybe<Scalars['Int']['input']>;
  /** 新的纬度 latitude（WGS84，-90–90；与 longitude 同时提供；只给经纬度则地址不变、位置更正） */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** 新的经度 longitude（WGS84，-180–180；与 latitude 同时提供） */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** 变更原因 reason（记入变更记录和受影响各次的历史；最多 500 字） */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** 新的所需技能 required skills（最多 5 项） */
  requiredSkills?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 每次服务时段的新开始时间 start time，HH:MM（Asia/Shanghai） */
  startTime?: InputMaybe<Scalars['String']['input']>;
  /** 新的截止时间 until，DateTime（ISO 8601，带时区）；未同时给出次数时取代原次数 */
  until?: InputMaybe<Scalars['DateTime']['input']>;
  /** 改为每周的这些星期几 weekdays（1 = 周一 … 7 = 周日） */
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
  /** 每次服务时段的新长度 window length，单位分钟 */
  windowMinutes?: InputMaybe<Scalars['Int']['input']>;
};

/** 修改密码 change my password */
export type ChangePasswordInput = {
  /** 当前密码 current password */
  currentPassword: Scalars['String']['input'];
  /** 新密码 new password: 密码须为8至64位，且同时包含字母和数字 */
  newPassword: Scalars['String']['input'];
};

/** 慈善流水类型 charity entry kind */
export type CharityEntryKind =
  /** 物资捐赠 goods donation (units) */
  | 'GOODS_DONATION'
  /** 资助/发放 grant: money or goods to a need, a project or a person (物资发放) */
  | 'GRANT'
  /** 资金捐赠 money donation (fen) */
  | 'MONEY_DONATION'
  /** 项目拨付: RESERVED → PAID_OUT to the undertaking organization */
  | 'PROJECT_DISBURSE'
  /** 预留释放: RESERVED → AVAILABLE when a project is cancelled */
  | 'PROJECT_RELEASE'
  /** 项目预留: AVAILABLE → RESERVED at a project's approval */
  | 'PROJECT_RESERVE'
  /** 冲正: mirror of an earlier entry */
  | 'REVERSAL';

/** 慈善资源类型 charity kind */
export type CharityKind =
  /** 社区慈善基金 community charity fund (money, fen) */
  | 'FUND'
  /** 慈善超市 / 慈善小屋 charity supermarket (goods) */
  | 'SUPERMARKET';

/** 同意动作 consent action */
export type ConsentAction =
  /** 同意 consent given (flag recorded) */
  | 'GIVEN'
  /** 撤回同意 consent withdrawn (flag deleted) */
  | 'WITHDRAWN';

/** 设立慈善资源 create a charity fund or supermarket (charity admins and street admins in scope) */
export type CreateCharityInput = {
  /** 地址 address, ≤ 200 characters */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 类型 kind */
  kind: CharityKind;
  /** 名称 name, ≤ 100 characters */
  name: Scalars['String']['input'];
  /** 所属区域 ID: a street or community in my scope */
  regionId: Scalars['ID']['input'];
};

/** 登记服务资源 register a resource */
export type CreateResourceInput = {
  /** 每周可用时段 weekly slots when it can be used（最多 42 个） */
  availability?: InputMaybe<Array<AvailabilityInput>>;
  /** 开放时间说明 availability note（文字，最多 200 字） */
  availabilityNote?: InputMaybe<Scalars['String']['input']>;
  /** 每日容量 daily capacity（1–1 000 000）；省略 = 不限 */
  capacity?: InputMaybe<Scalars['Int']['input']>;
  /** 容量单位 capacity unit，如 份（最多 10 字） */
  capacityUnit?: InputMaybe<Scalars['String']['input']>;
  /** 服务类别 categories（1–5 个需求类别） */
  categories: Array<NeedCategory>;
  /** 说明 description（最多 1000 字） */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 资源类型 kind */
  kind: ResourceKind;
  /** 资源名称 name（最多 100 字） */
  name: Scalars['String']['input'];
  /** 提供资源的志愿者、服务队、组织或慈善资源 provider 的 id（VOLUNTEER 默认为调用者本人） */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  /** 提供方类型 provider kind */
  providerKind: ResourceProvider;
  /** 服务区域 area served：街道、社区或网格 street, community or grid（须在提供方的服务范围内） */
  regionId: Scalars['ID']['input'];
  /** 驻区单位名称 resident unit name，RESIDENT_UNIT 时填写（最多 100 字） */
  unitName?: InputMaybe<Scalars['String']['input']>;
};

/** 设立站点 create a station (street admins in scope) */
export type CreateStationInput = {
  /** 地址 address, ≤ 200 characters */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 站点类型 station kind */
  kind: StationKind;
  /** 站点名称 name, ≤ 100 characters */
  name: Scalars['String']['input'];
  /** 所在区域 ID: a street for 社工站, a community for 社工室 and 志愿服务站点 */
  regionId: Scalars['ID']['input'];
};

/** 组建志愿服务队 create a volunteer team */
export type CreateVolunteerTeamInput = {
  /** 所属社区 ID: the community 社区 the team belongs to */
  communityId: Scalars['ID']['input'];
  /** 领队志愿者 ID: an approved adult volunteer who leads the team */
  leaderVolunteerId: Scalars['ID']['input'];
  /** 队名 name, ≤ 50 characters */
  name: Scalars['String']['input'];
  /** 社会组织 ID: the social organization running the team, if any */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

/** 按里程碑拨付 disburse a tranche to the undertaking organization */
export type DisburseProjectFundsInput = {
  /** 拨付金额 amount，单位分 fen（不超过仍预留的金额） */
  amountFen: Scalars['Fen']['input'];
  /** 幂等键 idempotency key（1–100 字）：同一键同一金额和里程碑返回同一结果且只拨付一次；其他内容为 IDEMPOTENCY_KEY_REUSED */
  idempotencyKey: Scalars['String']['input'];
  /** 里程碑 milestone，如 项目启动、中期评估通过、结项（1–100 字） */
  milestone: Scalars['String']['input'];
  /** 项目 id */
  projectId: Scalars['ID']['input'];
};

/** 异议处理结果 how staff settle a disputed completion */
export type DisputeOutcome =
  /** 不再需要服务：取消需求，不计时长 cancel, nothing is earned */
  | 'CANCEL'
  /** 确认服务，按核定的时长 minutes 计入时间银行 confirm with the minutes established */
  | 'CONFIRM'
  /** 服务未按报告进行，需求重新开放（服务时段已过则为 EXPIRED）reopen */
  | 'REOPEN';

/** 捐赠 donation input: minutes from the caller to the pool 爱心池 of their community (donate-only minutes go first) */
export type DonateMinutesInput = {
  /** 幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result */
  idempotencyKey: Scalars['String']['input'];
  /** 摘要 memo, ≤ 200 characters, trimmed; empty = none */
  memo?: InputMaybe<Scalars['String']['input']>;
  /** 分钟数 minutes, integer 1–90000 (at most 1500 h per operation) */
  minutes: Scalars['Int']['input'];
};

/** 紧急联系人 emergency contact */
export type EmergencyContactInput = {
  /** 姓名 name, ≤ 50 characters */
  name: Scalars['String']['input'];
  /** 手机号 mainland mobile number, 11 digits */
  phone: Scalars['String']['input'];
};

/** 登记关爱对象 enrolment input (社区工作者 and admins in scope) */
export type EnrollCareInput = {
  /** 同意人 ID: who consented; omitted = the person; for a minor an adult recorded relative (under 14 it must be) */
  consentBy?: InputMaybe<Scalars['ID']['input']>;
  /** 关爱类别 care group */
  group: CareGroup;
  /** 高风险 high risk: visited by the high-tier rule (default false) */
  highRisk?: InputMaybe<Scalars['Boolean']['input']>;
  /** 居民 ID of the person to enrol */
  personId: Scalars['ID']['input'];
};

/** 绩效评估 evaluate a running project */
export type EvaluateProjectInput = {
  /** 评估结论 conclusion（2–2000 字） */
  conclusion: Scalars['String']['input'];
  /** 以经授权的第三方评估机构 evaluator organization 身份评估（调用者为其管理员）；街道管理员评估时省略 */
  evaluatorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** 项目 id（RUNNING） */
  projectId: Scalars['ID']['input'];
  /** 各维度得分 scores（1–20 个，权重合计 100） */
  scores: Array<ScoreInput>;
  /** 评估阶段 stage：MIDTERM 中期（项目仍为 RUNNING）或 FINAL 终期（项目进入 EVALUATED） */
  stage: EvaluationStage;
};

/** 评估阶段 evaluation stage */
export type EvaluationStage =
  /** 终期评估（项目进入 EVALUATED） */
  | 'FINAL'
  /** 中期评估 */
  | 'MIDTERM';

/** 基金账户 fund account: AVAILABLE + RESERVED is money on hand; PAID_OUT what went to undertaking organizations */
export type FundAccount =
  /** 可用 available: may be granted or reserved */
  | 'AVAILABLE'
  /** 已拨付 paid out to undertaking organizations */
  | 'PAID_OUT'
  /** 项目预留 reserved for approved projects, not yet paid out */
  | 'RESERVED';

/** 资金来源行 funding line input（项目预算 = 各行之和） */
export type FundingLineInput = {
  /** 金额 amount，单位分 fen（正整数） */
  amountFen: Scalars['Fen']['input'];
  /** CHARITY_FUND 行必填：项目所在街道的慈善基金 charity fund 的 id */
  charityId?: InputMaybe<Scalars['ID']['input']>;
  /** 资金来源 funding source */
  source: FundingSource;
};

/** 资金来源 funding source of a project funding line */
export type FundingSource =
  /** 社区慈善基金 */
  | 'CHARITY_FUND'
  /** 政府购买服务 */
  | 'GOVERNMENT_PURCHASE'
  /** 自筹 */
  | 'SELF_RAISED';

/** 爱心池发放 grant input: a community worker pays a resident in need from the community pool; toPersonId is the receiver */
export type GrantMinutesInput = {
  /** 幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result */
  idempotencyKey: Scalars['String']['input'];
  /** 摘要 memo, ≤ 200 characters, trimmed; empty = none */
  memo?: InputMaybe<Scalars['String']['input']>;
  /** 分钟数 minutes, integer 1–90000 (at most 1500 h per operation) */
  minutes: Scalars['Int']['input'];
  /** 需求 ID: the receiver's need this grant pays for; without it the receiver must carry a special-group flag */
  needId?: InputMaybe<Scalars['ID']['input']>;
  /** 收款人 ID: the person receiving the minutes */
  toPersonId: Scalars['ID']['input'];
};

/** 物资发放 hand-out input: goods from a charity supermarket to a resident (docs/everyday.md) */
export type HandOutGoodsInput = {
  /** 慈善超市 ID (the charity) */
  charityId: Scalars['ID']['input'];
  /** 幂等键 idempotency key chosen by the client: the same key returns the same hand-out instead of a second one */
  idempotencyKey: Scalars['String']['input'];
  /** 物资名称 item name as in the stock, e.g. 大米 */
  item: Scalars['String']['input'];
  /** 需求 ID: the need the goods answer, if any */
  needId?: InputMaybe<Scalars['ID']['input']>;
  /** 领取人 ID: a resident in my scope */
  personId: Scalars['ID']['input'];
  /** 数量 units, ≥ 1 and not more than the stock */
  quantity: Scalars['Int']['input'];
};

/** 绩效指标目标 indicator target（每个指标最多一次） */
export type IndicatorInput = {
  /** 指标 metric */
  metric: ProjectMetric;
  /** 目标值 target（非负整数；单位随指标：分钟、人次、个、场次、人，SATISFACTION_RATE 为百分比 %） */
  target: Scalars['Int']['input'];
};

/** 交易类型 ledger transaction kind: what moved the minutes */
export type LedgerKind =
  /** 捐赠爱心池 donate: minutes given to the community pool */
  | 'DONATE'
  /** 服务获得 earn: minutes credited to the volunteer for a confirmed service (from the issuance account) */
  | 'EARN'
  /** 过期 expire: earned minutes older than the policy allows, moved to the expiry sink */
  | 'EXPIRE'
  /** 爱心池发放 grant: a community worker pays a resident in need from the pool */
  | 'GRANT'
  /** 冲正 reversal: the mirror of an earlier transaction, with a reason */
  | 'REVERSAL'
  /** 兑换服务 spend: minutes paid for a service received */
  | 'SPEND'
  /** 亲属转赠 transfer: minutes given to a registered relative */
  | 'TRANSFER';

/** 登录 login with phone and password */
export type LoginInput = {
  /** 密码 password */
  password: Scalars['String']['input'];
  /** 手机号 11位手机号 mainland mobile number */
  phone: Scalars['String']['input'];
};

/** 需求类别 need category（资源和项目的服务类别也用它 also the categories of resources and projects） */
export type NeedCategory =
  /** 儿童关爱/托育 */
  | 'CHILD_CARE'
  /** 文体 */
  | 'CULTURE_SPORTS'
  /** 助残 */
  | 'DISABILITY_SUPPORT'
  /** 教育 */
  | 'EDUCATION'
  /** 养老助老 */
  | 'ELDERLY_CARE'
  /** 应急 */
  | 'EMERGENCY_RELIEF'
  /** 就业 */
  | 'EMPLOYMENT'
  /** 家政保洁 */
  | 'HOUSEKEEPING'
  /** 法律援助 */
  | 'LEGAL_AID'
  /** 助餐 */
  | 'MEAL_ASSISTANCE'
  /** 医疗陪护 */
  | 'MEDICAL_ESCORT'
  /** 其他 */
  | 'OTHER'
  /** 心理疏导 */
  | 'PSYCHOLOGICAL'
  /** 维修 */
  | 'REPAIR';

/** 需求筛选 need filter（各条件同时满足） */
export type NeedFilter = {
  /** 需求类别 category */
  category?: InputMaybe<NeedCategory>;
  /** 区域 region 的 id：需求所在网格在其下 */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 需求状态 status */
  status?: InputMaybe<NeedStatus>;
};

/** 需求状态 need status（群众点单、社区派单、志愿者接单的流转 the dispatch loop, docs/design.md §5） */
export type NeedStatus =
  /** 已受理 */
  | 'ACCEPTED'
  /** 已取消 */
  | 'CANCELLED'
  /** 已接单/已派单 */
  | 'CLAIMED'
  /** 已办结 */
  | 'CLOSED'
  /** 已完成 (待确认) */
  | 'COMPLETED'
  /** 已确认 */
  | 'CONFIRMED'
  /** 已过期 (服务时间已过，待改期或取消) */
  | 'EXPIRED'
  /** 服务中 */
  | 'IN_SERVICE'
  /** 已发布 (可接单) */
  | 'OPEN'
  /** 不予受理 */
  | 'REJECTED'
  /** 已提交 (待受理) */
  | 'SUBMITTED';

/** 社会组织类别 organization category (community social organizations) */
export type OrganizationCategory =
  /** 救助帮扶类 assistance and relief */
  | 'ASSISTANCE'
  /** 社区事务类 community affairs */
  | 'COMMUNITY_AFFAIRS'
  /** 文体活动类 culture and sports */
  | 'CULTURE_SPORTS'
  /** 生活服务类 life services */
  | 'LIFE_SERVICE'
  /** 专业调处类 professional mediation */
  | 'MEDIATION'
  /** 居民互助类 / 邻里互助类 neighbourhood mutual aid */
  | 'MUTUAL_AID'
  /** 公益慈善类 public welfare and charity */
  | 'PUBLIC_WELFARE'
  /** 乡村振兴类 rural revitalization */
  | 'RURAL_REVITALIZATION';

/** 社会组织筛选 organization filter; every field optional */
export type OrganizationFilter = {
  /** 类别 only this category */
  category?: InputMaybe<OrganizationCategory>;
  /** 区域 ID: only organizations in this region and below */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 审核状态 only this status (non-approved ones only where the caller may see them) */
  status?: InputMaybe<OrganizationStatus>;
};

/** 登记方式 how the organization is registered */
export type OrganizationRegistration =
  /** 备案 community-based organization filed with the street */
  | 'FILED'
  /** 登记 registered with the civil affairs bureau */
  | 'REGISTERED';

/** 社会组织审核状态 organization status */
export type OrganizationStatus =
  /** 已通过 approved: its admins hold ORG_ADMIN */
  | 'APPROVED'
  /** 待审核 pending: waiting for the street admin */
  | 'PENDING'
  /** 未通过 rejected, with a reason */
  | 'REJECTED'
  /** 已暂停 suspended: its admins’ ORG_ADMIN grants are revoked */
  | 'SUSPENDED';

/** 敏感个人信息标识 sensitive flag (特殊群体标识), recorded only with consent */
export type PersonFlag =
  /** 独居/空巢老人 elderly living alone or empty-nest */
  | 'ALONE_OR_EMPTY_NEST'
  /** 困境儿童 child in difficulty */
  | 'CHILD_IN_DIFFICULTY'
  /** 残疾 disability (counts as hardship) */
  | 'DISABILITY'
  /** 特困 extreme poverty support (counts as hardship) */
  | 'EXTREME_POVERTY'
  /** 失能 incapacitated (counts as hardship for time bank redemption) */
  | 'INCAPACITATED'
  /** 低保 minimum subsistence allowance (counts as hardship) */
  | 'SUBSISTENCE_ALLOWANCE';

/** 验证码用途 what an SMS code is for */
export type PhoneCodePurpose =
  /** 注册 registration */
  | 'REGISTER'
  /** 设置或找回密码 set or reset the password (also after 代办注册) */
  | 'SET_PASSWORD';

/** 点单 post a need（居民本人，或网格员/社区工作者代办 proxy） */
export type PostNeedInput = {
  /** 详细地址 address（最多 200 字）；仅需求方、辖区工作人员和接单志愿者（CLAIMED / IN_SERVICE 期间）可见 */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 代办 proxy posting：服务对象 resident 的 id；省略为本人 */
  beneficiaryId?: InputMaybe<Scalars['ID']['input']>;
  /** 需求类别 category */
  category: NeedCategory;
  /** 描述 description（最多 2000 字） */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 预计时长 estimated minutes，单位分钟（15–720） */
  estimatedMinutes: Scalars['Int']['input'];
  /** 需求所在网格 grid 的 id；省略时为服务对象的家庭网格 */
  gridId?: InputMaybe<Scalars['ID']['input']>;
  /** 集体活动 group activity（仅该网格的工作人员）：获得的时长只能捐赠（默认 false） */
  groupActivity?: InputMaybe<Scalars['Boolean']['input']>;
  /** 入户服务 home entry（默认 false） */
  homeEntry?: InputMaybe<Scalars['Boolean']['input']>;
  /** 纬度 latitude（WGS84，-90–90；与 longitude 同时提供） */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** 经度 longitude（WGS84，-180–180；与 latitude 同时提供） */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** 党员接单 prefer party-member volunteers（默认 false） */
  preferPartyMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** 周期需求 recurrence：上面的时段是第一次，其余提前生成 (docs/everyday.md) */
  recurrence?: InputMaybe<RecurrenceInput>;
  /** 所需技能 required skills（技能名称，最多 5 项） */
  requiredSkills?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 标题 title（1–100 字） */
  title: Scalars['String']['input'];
  /** 紧急程度 urgency（默认 NORMAL 一般） */
  urgency?: InputMaybe<Urgency>;
  /** 服务时段结束 window end，DateTime（ISO 8601，带时区），晚于开始 */
  windowEnd: Scalars['DateTime']['input'];
  /** 服务时段开始 window start，DateTime（ISO 8601，带时区） */
  windowStart: Scalars['DateTime']['input'];
};

/** 项目筛选 project filter（各条件同时满足） */
export type ProjectFilter = {
  /** 服务类别 category */
  category?: InputMaybe<NeedCategory>;
  /** 区域 region：项目区域在其下（含本级） */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 项目状态 status */
  status?: InputMaybe<ProjectStatus>;
};

/** 绩效指标 project metric: the actual is computed from operations, never typed in */
export type ProjectMetric =
  /** 满足需求数: linked needs served by a confirmed activity */
  | 'NEEDS_FULFILLED'
  /** 服务人次: people served recorded by confirmed activities */
  | 'PEOPLE_SERVED'
  /** 满意率（%）: satisfied over surveyed at confirmed activities */
  | 'SATISFACTION_RATE'
  /** 服务时长（分钟）: minutes of confirmed attendance */
  | 'SERVICE_MINUTES'
  /** 开展活动场次: confirmed activities */
  | 'SESSIONS_HELD'
  /** 参与志愿者人数: distinct attendees */
  | 'VOLUNTEERS_ENGAGED';

/** 承接结果通知类型 project notice type */
export type ProjectNoticeType =
  /** 本组织获选承接 */
  | 'AWARDED'
  /** 未获选（已确定其他承接组织） */
  | 'NOT_AWARDED';

/** 民生项目状态 project status: 立项申请 → 立项 → 信息发布 → 承接 → 实施 → 绩效评估 → 结项 (docs/projects.md) */
export type ProjectStatus =
  /** 已立项（预算已预留） */
  | 'APPROVED'
  /** 已取消 */
  | 'CANCELLED'
  /** 已结项 */
  | 'CLOSED'
  /** 已完成绩效评估 */
  | 'EVALUATED'
  /** 立项申请 */
  | 'PROPOSED'
  /** 信息发布，接受承接申请 */
  | 'PUBLISHED'
  /** 未予立项 */
  | 'REJECTED'
  /** 实施中 */
  | 'RUNNING'
  /** 暂停 */
  | 'SUSPENDED'
  /** 已确定承接组织 */
  | 'UNDERTAKEN';

/** 立项申请 project proposal */
export type ProposeProjectInput = {
  /** 服务类别 category（同需求类别） */
  category: NeedCategory;
  /** 立项依据的议事协商 consultation 的 id */
  consultationId?: InputMaybe<Scalars['ID']['input']>;
  /** 项目说明 description（2–4000 字） */
  description: Scalars['String']['input'];
  /** 计划结束时间 end，DateTime（ISO 8601，带时区），须晚于 startsOn */
  endsOn: Scalars['DateTime']['input'];
  /** 资金来源 funding lines（至少 1 行，最多 10 行）；预算 budget = 各行之和 */
  fundingLines: Array<FundingLineInput>;
  /** 绩效指标目标 indicator targets（最多 6 个，指标不重复） */
  indicators: Array<IndicatorInput>;
  /** 项目将服务的需求 needs（无人接单、在项目区域内；关联后离开接单大厅 open feed） */
  needIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 项目所在区域 region（街道或社区 street or community）的 id，须在申请人辖区内 */
  regionId: Scalars['ID']['input'];
  /** 项目使用的服务资源 resources 的 id（最多 50 个） */
  resourceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 计划开始时间 start，DateTime（ISO 8601，带时区） */
  startsOn: Scalars['DateTime']['input'];
  /** 服务对象 target groups，如 独居老人（最多 10 个，每个不超过 30 字） */
  targetGroups?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 项目名称 title（2–100 字） */
  title: Scalars['String']['input'];
};

/** 记录议事协商 record a community consultation */
export type RecordConsultationInput = {
  /** 召开会议的社区 community 的 id（在调用者辖区内） */
  communityId: Scalars['ID']['input'];
  /** 议定事项 decisions（2–2000 字） */
  decisions: Scalars['String']['input'];
  /** 会议时间 held at，DateTime（ISO 8601，带时区） */
  heldAt: Scalars['DateTime']['input'];
  /** 讨论的需求 needs 的 id（最多 200 个） */
  needIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 参与人数 participants（1–10000） */
  participants: Scalars['Int']['input'];
  /** 议题 topic（2–200 字） */
  topic: Scalars['String']['input'];
};

/** 物资捐赠 goods donation to a charity supermarket */
export type RecordGoodsDonationInput = {
  /** 匿名 hide the donor's name from non-managers (default false) */
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  /** 慈善资源 ID */
  charityId: Scalars['ID']['input'];
  /** 捐赠人 donor name (person, company or 匿名), ≤ 100 characters */
  donorName: Scalars['String']['input'];
  /** 捐赠组织 ID, when the donor is a registered organization */
  donorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** 捐赠人居民 ID, when the donor is a registered person */
  donorPersonId?: InputMaybe<Scalars['ID']['input']>;
  /** 物资名称 item name, ≤ 50 characters */
  itemName: Scalars['String']['input'];
  /** 单位 unit, e.g. 袋, 箱, 件 (≤ 10 characters) */
  itemUnit: Scalars['String']['input'];
  /** 用途 purpose (e.g. 助老助餐), ≤ 200 characters */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** 数量 units, 1–1000000 */
  quantity: Scalars['Int']['input'];
  /** 收据编号 receipt number, unique per charity, ≤ 40 characters */
  receiptNo: Scalars['String']['input'];
  /** 估值 estimated value in fen 分, 0 … 10^13 (default 0) */
  valueFen?: InputMaybe<Scalars['Fen']['input']>;
};

/** 资金捐赠 money donation to a charity fund */
export type RecordMoneyDonationInput = {
  /** 金额 amount in fen 分, 1 … 10^13 */
  amountFen: Scalars['Fen']['input'];
  /** 匿名 hide the donor's name from non-managers (default false) */
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  /** 慈善资源 ID */
  charityId: Scalars['ID']['input'];
  /** 捐赠人 donor name (person, company or 匿名), ≤ 100 characters */
  donorName: Scalars['String']['input'];
  /** 捐赠组织 ID, when the donor is a registered organization */
  donorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** 捐赠人居民 ID, when the donor is a registered person */
  donorPersonId?: InputMaybe<Scalars['ID']['input']>;
  /** 用途 purpose (e.g. 助老助餐), ≤ 200 characters */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** 收据编号 receipt number, unique per charity, ≤ 40 characters */
  receiptNo: Scalars['String']['input'];
};

/** 探访记录 visit record input, by the task’s assignee */
export type RecordVisitInput = {
  /** 探访情况 findings (free text); null = none */
  findings?: InputMaybe<Scalars['String']['input']>;
  /** 服务时长 minutes the visit took, 1–480 (default 30); a volunteer visitor earns them once */
  minutes?: InputMaybe<Scalars['Int']['input']>;
  /** 探访方式 mode */
  mode: VisitMode;
  /** 探访结果 outcome */
  outcome: VisitOutcome;
  /** 暂停至 HOSPITALIZED only: pause until, DateTime ISO 8601 with time zone (default the end of the task window) */
  pauseUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** 主动发现: posts a proxy need for the person in the same transaction (staff visitors) */
  raiseNeed?: InputMaybe<PostNeedInput>;
  /** 风险发现 VisitRisk codes, at most 10: HEALTH_DECLINE, NO_FOOD, UNSAFE_HOUSING, EMOTIONAL_DISTRESS, ABUSE_SUSPECTED */
  risks?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 探访任务 ID */
  taskId: Scalars['ID']['input'];
  /** 探访时间 visited at, DateTime ISO 8601 with time zone; inside the task window */
  visitedAt: Scalars['DateTime']['input'];
};

/** 周期 recurrence：按周的某几天（Asia/Shanghai，1 = 周一 … 7 = 周日）或每 N 天；截止到某日或共 N 次（各选其一） */
export type RecurrenceInput = {
  /** 共几次 number of occurrences；与 until 二选一 */
  count?: InputMaybe<Scalars['Int']['input']>;
  /** 每隔几天 every N days；与 weekdays 二选一 */
  everyDays?: InputMaybe<Scalars['Int']['input']>;
  /** 截止时间 until，DateTime（ISO 8601，带时区）；与 count 二选一 */
  until?: InputMaybe<Scalars['DateTime']['input']>;
  /** 每周的星期几 weekdays（1 = 周一 … 7 = 周日，Asia/Shanghai；最多 7 个）；与 everyDays 二选一 */
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** 城乡类别 urban or rural region kind（决定部分指标的目标值） */
export type RegionKind =
  /** 农村社区 rural */
  | 'RURAL'
  /** 城市社区 urban */
  | 'URBAN';

/** 区划层级 region level：省 › 市 › 区县 › 街道乡镇 › 社区村 › 网格 */
export type RegionLevel =
  /** 市 */
  | 'CITY'
  /** 社区村 */
  | 'COMMUNITY'
  /** 区县 */
  | 'DISTRICT'
  /** 网格 */
  | 'GRID'
  /** 省 */
  | 'PROVINCE'
  /** 街道乡镇 */
  | 'STREET';

/** 社会组织登记 organization registration; approved by the street admin of its region */
export type RegisterOrganizationInput = {
  /** 地址 address, ≤ 200 characters */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 类别 category */
  category: OrganizationCategory;
  /** 统一社会信用代码 unified social credit code, 18 characters with check character */
  creditCode: Scalars['String']['input'];
  /** 简介 description, ≤ 1000 characters */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 组织名称 name, ≤ 100 characters */
  name: Scalars['String']['input'];
  /** 所在区划 ID: home region, a street or a community */
  regionId: Scalars['ID']['input'];
  /** 登记方式 registration (default REGISTERED) */
  registration?: InputMaybe<OrganizationRegistration>;
};

/** 代办注册 in-person registration: staff register a resident met in person; the resident sets a password by SMS code */
export type RegisterResidentInPersonInput = {
  /** 住址 address, ≤ 200 characters */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 所在网格 ID (a GRID-level region in the staff member's scope) */
  gridId: Scalars['ID']['input'];
  /** 身份证号 ID number (checked in person); stored encrypted */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 姓名 name, ≤ 50 characters */
  name: Scalars['String']['input'];
  /** 手机号 mainland mobile number, 11 digits */
  phone: Scalars['String']['input'];
};

/** 居民注册 resident self-registration in a grid */
export type RegisterResidentInput = {
  /** 住址 address, ≤ 200 characters */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 短信验证码 6-digit SMS code (requestPhoneCode, purpose REGISTER); required unless PHONE_VERIFICATION=off */
  code?: InputMaybe<Scalars['String']['input']>;
  /** 所在网格 ID (a GRID-level region) */
  gridId: Scalars['ID']['input'];
  /** 身份证号 ID number (18 chars, check digit validated); stored encrypted */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 姓名 name, ≤ 50 characters */
  name: Scalars['String']['input'];
  /** 密码 password: 密码须为8至64位，且同时包含字母和数字 */
  password: Scalars['String']['input'];
  /** 手机号 mainland mobile number, 11 digits */
  phone: Scalars['String']['input'];
};

/** 登记社工 register a social worker at a station (street admins in scope) */
export type RegisterSocialWorkerInput = {
  /** 证书编号 certificate number: 6–30 letters, digits or - (upper-cased) */
  certificateNo: Scalars['String']['input'];
  /** 职业资格 qualification level */
  level: SocialWorkerLevel;
  /** 人员 ID of the social worker (a registered person) */
  personId: Scalars['ID']['input'];
  /** 站点 ID: a 社工站 (street) or 社工室 (community) */
  stationId: Scalars['ID']['input'];
};

/** 志愿者注册 volunteer registration: the caller registers themselves; a community worker of their community approves */
export type RegisterVolunteerInput = {
  /** 每周可服务时间 weekly availability (≤ 42 slots); end after start, no overlaps within a day */
  availability?: InputMaybe<Array<AvailabilityInput>>;
  /** 紧急联系人 emergency contact; null = none */
  emergencyContact?: InputMaybe<EmergencyContactInput>;
  /** 身份证号 ID number, required when the caller has none on record (age check) */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 党员 Party member (default false) */
  isPartyMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** 服务区域 IDs: 1–10 streets, communities or grids the volunteer serves */
  serviceRegionIds: Array<Scalars['ID']['input']>;
  /** 技能 1–10 skill names from `skills` (e.g. 助老陪护) */
  skills: Array<Scalars['String']['input']>;
  /** 志愿服务队 ID: join this 志愿服务队 (required under 18: the team must have an adult leader) */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

/** 发送短信验证码 request an SMS code */
export type RequestPhoneCodeInput = {
  /** 手机号 mainland mobile number, 11 digits */
  phone: Scalars['String']['input'];
  /** 用途 purpose */
  purpose: PhoneCodePurpose;
};

/** 资源预订状态 resource booking status */
export type ResourceBookingStatus =
  /** 有效 */
  | 'ACTIVE'
  /** 已取消（容量已退回） */
  | 'CANCELLED';

/** 资源筛选 resource filter（各条件同时满足） */
export type ResourceFilter = {
  /** 服务类别 category */
  category?: InputMaybe<NeedCategory>;
  /** 是否包括已下架 withdrawn 的资源（默认 false） */
  includeWithdrawn?: InputMaybe<Scalars['Boolean']['input']>;
  /** 资源类型 kind */
  kind?: InputMaybe<ResourceKind>;
  /** 提供方类型 provider kind */
  providerKind?: InputMaybe<ResourceProvider>;
  /** 区域 region：服务区域包含该区域或位于其下的资源 */
  regionId?: InputMaybe<Scalars['ID']['input']>;
};

/** 资源类型 resource kind */
export type ResourceKind =
  /** 资金 */
  | 'FUNDS'
  /** 物资 */
  | 'GOODS'
  /** 服务 */
  | 'SERVICE'
  /** 场地 (incl. parking) */
  | 'VENUE';

/** 资源提供方类型 resource provider kind */
export type ResourceProvider =
  /** 慈善资源 */
  | 'CHARITY'
  /** 社会组织 */
  | 'ORGANIZATION'
  /** 驻区单位 */
  | 'RESIDENT_UNIT'
  /** 志愿服务队 */
  | 'TEAM'
  /** 志愿者 */
  | 'VOLUNTEER';

/** 冲正 reversal input (street admins in scope): posts the mirror of a transaction; the original stays */
export type ReverseTransactionInput = {
  /** 幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result */
  idempotencyKey: Scalars['String']['input'];
  /** 冲正原因 reason, 2–500 characters after trimming */
  reason: Scalars['String']['input'];
  /** 被冲正交易 ID: the transaction to reverse */
  transactionId: Scalars['ID']['input'];
};

/** 角色 — every role is granted in a scope (a region node or an organization), docs/design.md §3 */
export type Role =
  /** 慈善管理员 */
  | 'CHARITY_ADMIN'
  /** 社区工作者 */
  | 'COMMUNITY_WORKER'
  /** 网格员 */
  | 'GRID_WORKER'
  /** 社会组织管理员 */
  | 'ORG_ADMIN'
  /** 居民 */
  | 'RESIDENT'
  /** 社工 (街道社工站) */
  | 'SOCIAL_WORKER'
  /** 街道管理员 */
  | 'STREET_ADMIN'
  /** 系统管理员 */
  | 'SYSTEM_ADMIN'
  /** 志愿者 */
  | 'VOLUNTEER';

/** 现场满意度调查 on-site satisfaction survey */
export type SatisfactionInput = {
  /** 表示满意的人数 satisfied（≤ surveyed） */
  satisfied: Scalars['Int']['input'];
  /** 参与满意度调查的人数 surveyed（0–100000） */
  surveyed: Scalars['Int']['input'];
};

/** 安排活动/班次 schedule an activity of a project */
export type ScheduleActivityInput = {
  /** 活动地址 address（2–200 字） */
  address: Scalars['String']['input'];
  /** 结束时间 end，DateTime（ISO 8601，带时区），晚于开始且不超过 24 小时 */
  endsAt: Scalars['DateTime']['input'];
  /** 项目 id（UNDERTAKEN 或 RUNNING） */
  projectId: Scalars['ID']['input'];
  /** 活动所在社区或网格 community / grid（须在项目区域内）；省略时为项目区域（须为社区） */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 所需技能 required skills（技能名称，最多 10 个） */
  requiredSkills?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 开始时间 start，DateTime（ISO 8601，带时区），须在将来 */
  startsAt: Scalars['DateTime']['input'];
  /** 活动名称 title（2–100 字） */
  title: Scalars['String']['input'];
  /** 志愿者名额 volunteer slots（1–500） */
  volunteerSlots: Scalars['Int']['input'];
};

/** 评估维度得分 evaluation score input */
export type ScoreInput = {
  /** 评估维度 criterion（1–50 字） */
  criterion: Scalars['String']['input'];
  /** 得分 score（整数 0–100） */
  score: Scalars['Int']['input'];
  /** 权重 weight（整数 1–100，各维度合计 100） */
  weight: Scalars['Int']['input'];
};

/** 服务记录来源 service source */
export type ServiceSource =
  /** 项目活动 a project activity */
  | 'ACTIVITY'
  /** 居民需求 a resident’s need */
  | 'NEED'
  /** 探访关爱 a care visit */
  | 'VISIT';

/** 凭验证码设置密码 set a password with an SMS code */
export type SetPasswordWithCodeInput = {
  /** 短信验证码 6-digit SMS code (purpose SET_PASSWORD) */
  code: Scalars['String']['input'];
  /** 新密码 new password: 密码须为8至64位，且同时包含字母和数字 */
  password: Scalars['String']['input'];
  /** 手机号 mainland mobile number, 11 digits */
  phone: Scalars['String']['input'];
};

/** 登记敏感标识 sensitive flag input (grid and community workers in scope), recorded with consent */
export type SetPersonFlagInput = {
  /** 同意人 ID: who gave consent; omitted = the person themself (an adult must consent themself). For a minor: a guardian (an adult recorded relative); under 14 a guardian is required */
  consentGivenById?: InputMaybe<Scalars['ID']['input']>;
  /** 标识 flag */
  flag: PersonFlag;
  /** 居民 ID */
  personId: Scalars['ID']['input'];
};

/** 设置统计用区域属性 set region attributes（只修改提供的字段） */
export type SetRegionAttributesInput = {
  /** 持证社区工作者占比的目标值 target share（0–1） */
  certifiedWorkerShareTarget?: InputMaybe<Scalars['Float']['input']>;
  /** 全科服务类别 one-window categories（ELDERLY_CARE、DISABILITY_SUPPORT、CHILD_CARE、SOCIAL_ASSISTANCE、EMPLOYMENT、MEDICAL_INSURANCE、HOUSING、LEGAL_AID、CIVIL_AFFAIRS 中的，最多 50 个） */
  coveredCategories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 60 岁及以上常住人口 resident population aged 60 and over（不多于常住人口） */
  elderlyPopulation?: InputMaybe<Scalars['Int']['input']>;
  /** 是否建有志愿服务站点 has a volunteer station */
  hasVolunteerStation?: InputMaybe<Scalars['Boolean']['input']>;
  /** 城乡类别 urban / rural */
  kind?: InputMaybe<RegionKind>;
  /** 区域 region 的 id（在调用者辖区内） */
  regionId: Scalars['String']['input'];
  /** 户籍人口 registered population（0–50 000 000 的整数） */
  registeredPopulation?: InputMaybe<Scalars['Int']['input']>;
  /** 常住人口 resident population（0–50 000 000 的整数） */
  residentPopulation?: InputMaybe<Scalars['Int']['input']>;
  /** 每万人社工的目标值 target per 10 000 residents（0–10000） */
  socialWorkersPer10kTarget?: InputMaybe<Scalars['Float']['input']>;
};

/** 设置探访频次 visit rule input for a region and its subtree (street admins in scope) */
export type SetVisitRuleInput = {
  /** 关爱类别 care group */
  group: CareGroup;
  /** 高风险档 true sets the high-risk tier */
  highRisk: Scalars['Boolean']['input'];
  /** 计入方式 modes that count as a visit (at least one) */
  modes: Array<VisitMode>;
  /** 区域 ID */
  regionId: Scalars['ID']['input'];
  /** 每月探访次数 visits per month, 1–31 */
  visitsPerMonth: Scalars['Int']['input'];
};

/** 活动报名状态 sign-up status of a volunteer on an activity */
export type SignupStatus =
  /** 已取消 */
  | 'CANCELLED'
  /** 已报名（占名额） */
  | 'SIGNED_UP'
  /** 候补 */
  | 'WAITLISTED';

/** 社会工作者职业资格 social worker qualification level */
export type SocialWorkerLevel =
  /** 助理社会工作师 assistant social worker (junior) */
  | 'ASSISTANT'
  /** 社会工作师 social worker (intermediate) */
  | 'INTERMEDIATE'
  /** 高级社会工作师 senior social worker */
  | 'SENIOR';

/** 兑换服务 spend input: the caller pays minutes for a service received (from the redemption age of the policy) */
export type SpendMinutesInput = {
  /** 幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result */
  idempotencyKey: Scalars['String']['input'];
  /** 摘要 memo, ≤ 200 characters, trimmed; empty = none */
  memo?: InputMaybe<Scalars['String']['input']>;
  /** 分钟数 minutes, integer 1–90000 (at most 1500 h per operation) */
  minutes: Scalars['Int']['input'];
  /** 需求 ID of the service received: a CONFIRMED or CLOSED need of the caller; its volunteer is paid. Omitted (with no provider) = paid to the street time bank */
  needId?: InputMaybe<Scalars['ID']['input']>;
  /** 服务者 ID: the person who served; must be the volunteer of `needId`, which it requires */
  providerPersonId?: InputMaybe<Scalars['ID']['input']>;
};

/** 服务站点类型 station kind */
export type StationKind =
  /** 社区(村)社工室 */
  | 'SOCIAL_WORK_ROOM'
  /** 街道(乡镇)社工站 */
  | 'SOCIAL_WORK_STATION'
  /** 志愿服务站点 */
  | 'VOLUNTEER_STATION';

/** 时间账户类型 time account kind */
export type TimeAccountKind =
  /** 社区爱心池 community pool: donations and overflow above the balance cap; grants are paid from it */
  | 'COMMUNITY_POOL'
  /** 过期回收账户 expiry sink: receives expired minutes */
  | 'EXPIRY_SINK'
  /** 街道发行账户 issuance account; its negative balance = minutes ever earned (minted) in the street */
  | 'ISSUANCE'
  /** 组织账户 organization account */
  | 'ORGANIZATION'
  /** 个人账户 personal account of a resident or volunteer */
  | 'PERSON'
  /** 兑换账户 redemption sink: receives minutes spent on services paid to the street time bank */
  | 'REDEMPTION_SINK';

/** 时间银行区域规则 policy input: the values to set for a region and its subtree; an omitted field keeps inheriting */
export type TimeBankPolicyInput = {
  /** 个人余额上限 balance cap, minutes, 60–6000000 */
  balanceCapMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** 证明负责人 person in charge named on certificates, ≤ 50 characters */
  certificateSignatory?: InputMaybe<Scalars['String']['input']>;
  /** 每日转赠上限 daily transfer cap, minutes 0–90000 */
  dailyTransferCapMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** 有效期 months 0–120 after which earned minutes expire; 0 = off (also below an ancestor that has it on) */
  expiryMonths?: InputMaybe<Scalars['Int']['input']>;
  /** 到期提醒提前天数 notice days before expiry, 0–365 */
  expiryNoticeDays?: InputMaybe<Scalars['Int']['input']>;
  /** 集体活动时长仅可捐赠 group-activity hours donate-only */
  groupHoursDonateOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** 特殊困难兑换年龄 redemption age for hardship flags, years 0–120 */
  hardshipRedemptionAge?: InputMaybe<Scalars['Int']['input']>;
  /** 兑换年龄 redemption age, full years 0–120 (0 = any age) */
  redemptionAge?: InputMaybe<Scalars['Int']['input']>;
  /** 仅限亲属转赠 transfers only to registered relatives */
  relativesOnly?: InputMaybe<Scalars['Boolean']['input']>;
  /** 每年转赠上限 yearly transfer cap, minutes 0–1000000 */
  yearlyTransferCapMinutes?: InputMaybe<Scalars['Int']['input']>;
};

/** 亲属转赠 transfer input: minutes from the caller to a registered relative, within the daily/yearly caps */
export type TransferMinutesInput = {
  /** 幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result */
  idempotencyKey: Scalars['String']['input'];
  /** 摘要 memo, ≤ 200 characters, trimmed; empty = none */
  memo?: InputMaybe<Scalars['String']['input']>;
  /** 分钟数 minutes, integer 1–90000 (at most 1500 h per operation) */
  minutes: Scalars['Int']['input'];
  /** 收款人 ID: the person receiving the minutes */
  toPersonId: Scalars['ID']['input'];
};

/** 个人资料更新 my profile update: only what is given changes */
export type UpdateMyProfileInput = {
  /** 住址 address, ≤ 200 characters */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 身份证号 ID number (18 characters), only when none is on record yet (changes go through a community worker) */
  idNumber?: InputMaybe<Scalars['String']['input']>;
};

/** 志愿者资料更新 profile update by the volunteer: only what is given changes; the review status stays as it is */
export type UpdateMyVolunteerProfileInput = {
  /** 每周可服务时间 replaces the weekly availability ([] clears it) */
  availability?: InputMaybe<Array<AvailabilityInput>>;
  /** 紧急联系人 replaces the emergency contact; null keeps it */
  emergencyContact?: InputMaybe<EmergencyContactInput>;
  /** 服务区域 IDs: replace the service regions (1–10 streets, communities or grids) */
  serviceRegionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** 技能 replaces the skills (1–10 names from `skills`) */
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** 修改需求 update a need：只修改提供的字段 */
export type UpdateNeedInput = {
  /** 新的详细地址 address（最多 200 字；仅需求方、工作人员和接单志愿者可见；历史中只记“已修改”）。未同时给出新的 latitude/longitude 时，原经纬度清除（不再按距离匹配，签到不计距离） */
  address?: InputMaybe<Scalars['String']['input']>;
  /** 新的描述 description（最多 2000 字） */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 新的纬度 latitude（WGS84，-90–90；与 longitude 同时提供；只给经纬度则地址不变、位置更正） */
  latitude?: InputMaybe<Scalars['Float']['input']>;
  /** 新的经度 longitude（WGS84，-180–180；与 latitude 同时提供） */
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** 修改原因 reason（记入 history；已接单需求改时段时未填则记为默认原因；最多 500 字） */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** 新的所需技能 required skills（最多 5 项） */
  requiredSkills?: InputMaybe<Array<Scalars['String']['input']>>;
  /** 新的服务时段结束 window end，DateTime（ISO 8601，带时区） */
  windowEnd?: InputMaybe<Scalars['DateTime']['input']>;
  /** 新的服务时段开始 window start，DateTime（ISO 8601，带时区）（与 windowEnd 一起修改） */
  windowStart?: InputMaybe<Scalars['DateTime']['input']>;
};

/** 紧急程度 urgency；决定受理和接单时限 deadlines（默认：特急 30 分钟/2 小时，紧急 2/24 小时，一般 24/72 小时，可按区域设置） */
export type Urgency =
  /** 特急 */
  | 'EMERGENCY'
  /** 一般 */
  | 'NORMAL'
  /** 紧急 */
  | 'URGENT';

/** 探访方式 visit mode */
export type VisitMode =
  /** 入户 home visit */
  | 'HOME'
  /** 电话 phone call */
  | 'PHONE'
  /** 视频 video call */
  | 'VIDEO';

/** 探访结果 visit outcome */
export type VisitOutcome =
  /** 见到本人，发现问题 */
  | 'CONCERN'
  /** 已去世（经工作人员确认后结束） */
  | 'DECEASED'
  /** 住院（暂停探访） */
  | 'HOSPITALIZED'
  /** 已迁出（经工作人员确认后结束） */
  | 'MOVED'
  /** 不在家（算尝试，不算探访） */
  | 'NOT_HOME'
  /** 见到本人，情况良好 */
  | 'WELL';

/** 探访发现的风险 risk observed on a visit */
export type VisitRisk =
  /** 疑似受虐待 */
  | 'ABUSE_SUSPECTED'
  /** 情绪困扰 */
  | 'EMOTIONAL_DISTRESS'
  /** 健康状况下降 */
  | 'HEALTH_DECLINE'
  /** 缺少食物 */
  | 'NO_FOOD'
  /** 居住不安全 */
  | 'UNSAFE_HOUSING';

/** 探访任务筛选 visit task filter; every field optional */
export type VisitTaskFilter = {
  /** 只看我的 only tasks assigned to me */
  mine?: InputMaybe<Scalars['Boolean']['input']>;
  /** 月份 month YYYY-MM (Asia/Shanghai), e.g. "2026-12" */
  month?: InputMaybe<Scalars['String']['input']>;
  /** 区域 ID: only this region and below (within my scope) */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 任务状态 only this status */
  status?: InputMaybe<VisitTaskStatus>;
};

/** 探访任务状态 visit task status */
export type VisitTaskStatus =
  /** 已取消 cancelled: the person was paused or ended, or staff cancelled it */
  | 'CANCELLED'
  /** 已探访 done: a counted visit (WELL/CONCERN in a counted mode) completed it */
  | 'DONE'
  /** 待探访 due: open, waiting for a counted visit */
  | 'DUE'
  /** 未按期探访 missed: its last day passed without a counted visit (a callback follow-up is opened) */
  | 'MISSED';

/** 志愿者筛选 volunteer filter; every field optional */
export type VolunteerFilter = {
  /** 可服务时刻 available at this instant by their weekly availability, DateTime ISO 8601 with time zone */
  availableAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** 党员 only Party members (true) or non-members (false) */
  isPartyMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** 服务区域 ID: volunteers serving this region (or a region inside it) */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** 技能 only volunteers with this skill name */
  skill?: InputMaybe<Scalars['String']['input']>;
  /** 审核状态 only this status (PENDING and SUSPENDED only for case staff) */
  status?: InputMaybe<VolunteerStatus>;
};

/** 志愿者审核状态 volunteer status */
export type VolunteerStatus =
  /** 已通过 approved: holds the VOLUNTEER role and a volunteer number */
  | 'APPROVED'
  /** 待审核 pending: registered, waiting for a community worker */
  | 'PENDING'
  /** 未通过 rejected, with a reason */
  | 'REJECTED'
  /** 已暂停 suspended: the VOLUNTEER role is revoked until reinstated */
  | 'SUSPENDED';

/** 关爱类别 care group: why the person is visited */
export type CareGroup =
  /** 困境儿童 */
  | 'CHILD_IN_DIFFICULTY'
  /** 残疾人 */
  | 'DISABLED'
  /** 留守儿童 */
  | 'LEFT_BEHIND_CHILD'
  /** 低保/特困 */
  | 'LOW_INCOME'
  /** 特殊困难老年人（独居、空巢、失能/半失能、高龄、计划生育特殊家庭） */
  | 'SPECIAL_HARDSHIP_ELDERLY';

/** 证明状态 certificate status, derived when read from the reversals since issue */
export type CertificateStatus =
  /** 部分撤销: the hours of some stated services were reversed (冲正) since issue */
  | 'PARTIALLY_REVOKED'
  /** 已撤销: the hours of every stated service were reversed since issue */
  | 'REVOKED'
  /** 有效: every service stated still stands */
  | 'VALID';

/** 交易类型 ledger transaction kind: what moved the minutes */
export type LedgerKind =
  /** 捐赠爱心池 donate: minutes given to the community pool */
  | 'DONATE'
  /** 服务获得 earn: minutes credited to the volunteer for a confirmed service (from the issuance account) */
  | 'EARN'
  /** 过期 expire: earned minutes older than the policy allows, moved to the expiry sink */
  | 'EXPIRE'
  /** 爱心池发放 grant: a community worker pays a resident in need from the pool */
  | 'GRANT'
  /** 冲正 reversal: the mirror of an earlier transaction, with a reason */
  | 'REVERSAL'
  /** 兑换服务 spend: minutes paid for a service received */
  | 'SPEND'
  /** 亲属转赠 transfer: minutes given to a registered relative */
  | 'TRANSFER';

/** 登录 login with phone and password */
export type LoginInput = {
  /** 密码 password */
  password: string;
  /** 手机号 11位手机号 mainland mobile number */
  phone: string;
};

/** 需求类别 need category（资源和项目的服务类别也用它 also the categories of resources and projects） */
export type NeedCategory =
  /** 儿童关爱/托育 */
  | 'CHILD_CARE'
  /** 文体 */
  | 'CULTURE_SPORTS'
  /** 助残 */
  | 'DISABILITY_SUPPORT'
  /** 教育 */
  | 'EDUCATION'
  /** 养老助老 */
  | 'ELDERLY_CARE'
  /** 应急 */
  | 'EMERGENCY_RELIEF'
  /** 就业 */
  | 'EMPLOYMENT'
  /** 家政保洁 */
  | 'HOUSEKEEPING'
  /** 法律援助 */
  | 'LEGAL_AID'
  /** 助餐 */
  | 'MEAL_ASSISTANCE'
  /** 医疗陪护 */
  | 'MEDICAL_ESCORT'
  /** 其他 */
  | 'OTHER'
  /** 心理疏导 */
  | 'PSYCHOLOGICAL'
  /** 维修 */
  | 'REPAIR';

/** 需求状态 need status（群众点单、社区派单、志愿者接单的流转 the dispatch loop, docs/design.md §5） */
export type NeedStatus =
  /** 已受理 */
  | 'ACCEPTED'
  /** 已取消 */
  | 'CANCELLED'
  /** 已接单/已派单 */
  | 'CLAIMED'
  /** 已办结 */
  | 'CLOSED'
  /** 已完成 (待确认) */
  | 'COMPLETED'
  /** 已确认 */
  | 'CONFIRMED'
  /** 已过期 (服务时间已过，待改期或取消) */
  | 'EXPIRED'
  /** 服务中 */
  | 'IN_SERVICE'
  /** 已发布 (可接单) */
  | 'OPEN'
  /** 不予受理 */
  | 'REJECTED'
  /** 已提交 (待受理) */
  | 'SUBMITTED';

/** 社会组织类别 organization category (community social organizations) */
export type OrganizationCategory =
  /** 救助帮扶类 assistance and relief */
  | 'ASSISTANCE'
  /** 社区事务类 community affairs */
  | 'COMMUNITY_AFFAIRS'
  /** 文体活动类 culture and sports */
  | 'CULTURE_SPORTS'
  /** 生活服务类 life services */
  | 'LIFE_SERVICE'
  /** 专业调处类 professional mediation */
  | 'MEDIATION'
  /** 居民互助类 / 邻里互助类 neighbourhood mutual aid */
  | 'MUTUAL_AID'
  /** 公益慈善类 public welfare and charity */
  | 'PUBLIC_WELFARE'
  /** 乡村振兴类 rural revitalization */
  | 'RURAL_REVITALIZATION';

/** 社会组织审核状态 organization status */
export type OrganizationStatus =
  /** 已通过 approved: its admins hold ORG_ADMIN */
  | 'APPROVED'
  /** 待审核 pending: waiting for the street admin */
  | 'PENDING'
  /** 未通过 rejected, with a reason */
  | 'REJECTED'
  /** 已暂停 suspended: its admins’ ORG_ADMIN grants are revoked */
  | 'SUSPENDED';

/** 点单 post a need（居民本人，或网格员/社区工作者代办 proxy） */
export type PostNeedInput = {
  /** 详细地址 address（最多 200 字）；仅需求方、辖区工作人员和接单志愿者（CLAIMED / IN_SERVICE 期间）可见 */
  address?: string | null | undefined;
  /** 代办 proxy posting：服务对象 resident 的 id；省略为本人 */
  beneficiaryId?: string | number | null | undefined;
  /** 需求类别 category */
  category: NeedCategory;
  /** 描述 description（最多 2000 字） */
  description?: string | null | undefined;
  /** 预计时长 estimated minutes，单位分钟（15–720） */
  estimatedMinutes: number;
  /** 需求所在网格 grid 的 id；省略时为服务对象的家庭网格 */
  gridId?: string | number | null | undefined;
  /** 集体活动 group activity（仅该网格的工作人员）：获得的时长只能捐赠（默认 false） */
  groupActivity?: boolean | null | undefined;
  /** 入户服务 home entry（默认 false） */
  homeEntry?: boolean | null | undefined;
  /** 纬度 latitude（WGS84，-90–90；与 longitude 同时提供） */
  latitude?: number | null | undefined;
  /** 经度 longitude（WGS84，-180–180；与 latitude 同时提供） */
  longitude?: number | null | undefined;
  /** 党员接单 prefer party-member volunteers（默认 false） */
  preferPartyMember?: boolean | null | undefined;
  /** 周期需求 recurrence：上面的时段是第一次，其余提前生成 (docs/everyday.md) */
  recurrence?: RecurrenceInput | null | undefined;
  /** 所需技能 required skills（技能名称，最多 5 项） */
  requiredSkills?: Array<string> | null | undefined;
  /** 标题 title（1–100 字） */
  title: string;
  /** 紧急程度 urgency（默认 NORMAL 一般） */
  urgency?: Urgency | null | undefined;
  /** 服务时段结束 window end，DateTime（ISO 8601，带时区），晚于开始 */
  windowEnd: string;
  /** 服务时段开始 window start，DateTime（ISO 8601，带时区） */
  windowStart: string;
};

/** 民生项目状态 project status: 立项申请 → 立项 → 信息发布 → 承接 → 实施 → 绩效评估 → 结项 (docs/projects.md) */
export type ProjectStatus =
  /** 已立项（预算已预留） */
  | 'APPROVED'
  /** 已取消 */
  | 'CANCELLED'
  /** 已结项 */
  | 'CLOSED'
  /** 已完成绩效评估 */
  | 'EVALUATED'
  /** 立项申请 */
  | 'PROPOSED'
  /** 信息发布，接受承接申请 */
  | 'PUBLISHED'
  /** 未予立项 */
  | 'REJECTED'
  /** 实施中 */
  | 'RUNNING'
  /** 暂停 */
  | 'SUSPENDED'
  /** 已确定承接组织 */
  | 'UNDERTAKEN';

/** 周期 recurrence：按周的某几天（Asia/Shanghai，1 = 周一 … 7 = 周日）或每 N 天；截止到某日或共 N 次（各选其一） */
export type RecurrenceInput = {
  /** 共几次 number of occurrences；与 until 二选一 */
  count?: number | null | undefined;
  /** 每隔几天 every N days；与 weekdays 二选一 */
  everyDays?: number | null | undefined;
  /** 截止时间 until，DateTime（ISO 8601，带时区）；与 count 二选一 */
  until?: string | null | undefined;
  /** 每周的星期几 weekdays（1 = 周一 … 7 = 周日，Asia/Shanghai；最多 7 个）；与 everyDays 二选一 */
  weekdays?: Array<number> | null | undefined;
};

/** 区划层级 region level：省 › 市 › 区县 › 街道乡镇 › 社区村 › 网格 */
export type RegionLevel =
  /** 市 */
  | 'CITY'
  /** 社区村 */
  | 'COMMUNITY'
  /** 区县 */
  | 'DISTRICT'
  /** 网格 */
  | 'GRID'
  /** 省 */
  | 'PROVINCE'
  /** 街道乡镇 */
  | 'STREET';

/** 角色 — every role is granted in a scope (a region node or an organization), docs/design.md §3 */
export type Role =
  /** 慈善管理员 */
  | 'CHARITY_ADMIN'
  /** 社区工作者 */
  | 'COMMUNITY_WORKER'
  /** 网格员 */
  | 'GRID_WORKER'
  /** 社会组织管理员 */
  | 'ORG_ADMIN'
  /** 居民 */
  | 'RESIDENT'
  /** 社工 (街道社工站) */
  | 'SOCIAL_WORKER'
  /** 街道管理员 */
  | 'STREET_ADMIN'
  /** 系统管理员 */
  | 'SYSTEM_ADMIN'
  /** 志愿者 */
  | 'VOLUNTEER';

/** 时间银行区域规则 policy input: the values to set for a region and its subtree; an omitted field keeps inheriting */
export type TimeBankPolicyInput = {
  /** 个人余额上限 balance cap, minutes, 60–6000000 */
  balanceCapMinutes?: number | null | undefined;
  /** 证明负责人 person in charge named on certificates, ≤ 50 characters */
  certificateSignatory?: string | null | undefined;
  /** 每日转赠上限 daily transfer cap, minutes 0–90000 */
  dailyTransferCapMinutes?: number | null | undefined;
  /** 有效期 months 0–120 after which earned minutes expire; 0 = off (also below an ancestor that has it on) */
  expiryMonths?: number | null | undefined;
  /** 到期提醒提前天数 notice days before expiry, 0–365 */
  expiryNoticeDays?: number | null | undefined;
  /** 集体活动时长仅可捐赠 group-activity hours donate-only */
  groupHoursDonateOnly?: boolean | null | undefined;
  /** 特殊困难兑换年龄 redemption age for hardship flags, years 0–120 */
  hardshipRedemptionAge?: number | null | undefined;
  /** 兑换年龄 redemption age, full years 0–120 (0 = any age) */
  redemptionAge?: number | null | undefined;
  /** 仅限亲属转赠 transfers only to registered relatives */
  relativesOnly?: boolean | null | undefined;
  /** 每年转赠上限 yearly transfer cap, minutes 0–1000000 */
  yearlyTransferCapMinutes?: number | null | undefined;
};

/** 亲属转赠 transfer input: minutes from the caller to a registered relative, within the daily/yearly caps */
export type TransferMinutesInput = {
  /** 幂等键 idempotency key chosen by the client (1–100 of A–Z a–z 0–9 . _ : -): a replay with the same key returns the first result */
  idempotencyKey: string;
  /** 摘要 memo, ≤ 200 characters, trimmed; empty = none */
  memo?: string | null | undefined;
  /** 分钟数 minutes, integer 1–90000 (at most 1500 h per operation) */
  minutes: number;
  /** 收款人 ID: the person receiving the minutes */
  toPersonId: string | number;
};

/** 紧急程度 urgency；决定受理和接单时限 deadlines（默认：特急 30 分钟/2 小时，紧急 2/24 小时，一般 24/72 小时，可按区域设置） */
export type Urgency =
  /** 特急 */
  | 'EMERGENCY'
  /** 一般 */
  | 'NORMAL'
  /** 紧急 */
  | 'URGENT';

/** 探访任务状态 visit task status */
export type VisitTaskStatus =
  /** 已取消 cancelled: the person was paused or ended, or staff cancelled it */
  | 'CANCELLED'
  /** 已探访 done: a counted visit (WELL/CONCERN in a counted mode) completed it */
  | 'DONE'
  /** 待探访 due: open, waiting for a counted visit */
  | 'DUE'
  /** 未按期探访 missed: its last day passed without a counted visit (a callback follow-up is opened) */
  | 'MISSED';

/** 志愿者筛选 volunteer filter; every field optional */
export type VolunteerFilter = {
  /** 可服务时刻 available at this instant by their weekly availability, DateTime ISO 8601 with time zone */
  availableAt?: string | null | undefined;
  /** 党员 only Party members (true) or non-members (false) */
  isPartyMember?: boolean | null | undefined;
  /** 服务区域 ID: volunteers serving this region (or a region inside it) */
  regionId?: string | number | null | undefined;
  /** 技能 only volunteers with this skill name */
  skill?: string | null | undefined;
  /** 审核状态 only this status (PENDING and SUSPENDED only for case staff) */
  status?: VolunteerStatus | null | undefined;
};

/** 志愿者审核状态 volunteer status */
export type VolunteerStatus =
  /** 已通过 approved: holds the VOLUNTEER role and a volunteer number */
  | 'APPROVED'
  /** 待审核 pending: registered, waiting for a community worker */
  | 'PENDING'
  /** 未通过 rejected, with a reason */
  | 'REJECTED'
  /** 已暂停 suspended: the VOLUNTEER role is revoked until reinstated */
  | 'SUSPENDED';

export type AcceptNeedMutationVariables = Exact<{
  id: string | number;
}>;


export type AcceptNeedMutation = { acceptNeed: { id: string, status: NeedStatus } };

export type PublishNeedMutationVariables = Exact<{
  id: string | number;
}>;


export type PublishNeedMutation = { publishNeed: { id: string, status: NeedStatus } };

export type MatchCandidatesQueryVariables = Exact<{
  needId: string | number;
  first?: number | null | undefined;
}>;


export type MatchCandidatesQuery = { matchCandidates: Array<{ rank: number, score: number, reasons: Array<string>, distanceKm: number | null, volunteer: { id: string, volunteerNo: string | null } }> };

export type VolunteersQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: VolunteerFilter | null | undefined;
}>;


export type VolunteersQuery = { volunteers: { totalCount: number, edges: Array<{ node: { id: string, volunteerNo: string | null, skills: Array<string>, starLevel: number, reliability: number, person: { name: string, phone: string } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PlanVisitsMutationVariables = Exact<{
  regionId: string | number;
  month: string;
}>;


export type PlanVisitsMutation = { planVisits: number };

export type MyVisitTasksQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type MyVisitTasksQuery = { visitTasks: { totalCount: number, edges: Array<{ node: { id: string, earliest: string, due: string, last: string, status: VisitTaskStatus, group: CareGroup, person: { name: string } } }> } };

export type VisitRateQueryVariables = Exact<{
  regionId: string | number;
  month: string;
}>;


export type VisitRateQuery = { visitRate: { due: number, done: number, missed: number, pending: number, rate: number | null } };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string, me: { id: string, name: string, roles: Array<{ role: Role, scopeName: string | null }> } } };

export type RefreshTokenMutationVariables = Exact<{
  token: string;
}>;


export type RefreshTokenMutation = { refreshToken: { accessToken: string, accessTokenExpiresAt: string, refreshToken: string } };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, name: string, phone: string, roles: Array<{ role: Role, scopeId: string | null, scopeName: string | null, scopeType: string }>, volunteer: { status: VolunteerStatus, skills: Array<string> } | null } };

export type RegionsQueryVariables = Exact<{
  parentId?: string | number | null | undefined;
}>;


export type RegionsQuery = { regions: Array<{ id: string, name: string, level: RegionLevel, children: Array<{ id: string, name: string, level: RegionLevel }> }> };

export type PostNeedMutationVariables = Exact<{
  input: PostNeedInput;
}>;


export type PostNeedMutation = { postNeed: { id: string, status: NeedStatus, windowStart: string, windowEnd: string, deadlines: { acceptBy: string, claimBy: string } } };

export type MyNeedsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyNeedsQuery = { needs: { totalCount: number, edges: Array<{ cursor: string, node: { id: string, title: string, status: NeedStatus, windowStart: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type NeedMessagesLatestQueryVariables = Exact<{
  needId: string | number;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type NeedMessagesLatestQuery = { needMessages: { totalCount: number, edges: Array<{ cursor: string, node: { text: string, sentAt: string, author: { name: string } | null } }>, pageInfo: { hasPreviousPage: boolean, startCursor: string | null } } };

export type NeedHistoryQueryVariables = Exact<{
  id: string | number;
  last?: number | null | undefined;
}>;


export type NeedHistoryQuery = { need: { id: string, status: NeedStatus, deadlines: { acceptBy: string, claimBy: string, escalated: boolean }, historyConnection: { totalCount: number, edges: Array<{ node: { action: string, from: NeedStatus | null, to: NeedStatus, reason: string | null, at: string, actor: { name: string } | null } }>, pageInfo: { hasPreviousPage: boolean, startCursor: string | null } } } | null };

export type ConfirmServiceMutationVariables = Exact<{
  id: string | number;
  rating: number;
  comment?: string | null | undefined;
  tags?: Array<string> | string | null | undefined;
}>;


export type ConfirmServiceMutation = { confirmService: { id: string, status: NeedStatus, serviceMinutes: number | null, rating: { rating: number, comment: string | null } | null } };

export type VerifyCertificateQueryVariables = Exact<{
  code: string;
}>;


export type VerifyCertificateQuery = { verifyCertificate: { certificateNo: string, volunteerName: string, idNumberMasked: string | null, totalMinutes: number, status: CertificateStatus, issuerName: string } | null };

export type LogoutMutationVariables = Exact<{
  refreshToken?: string | null | undefined;
}>;


export type LogoutMutation = { logout: boolean };

export type UnmetDemandQueryVariables = Exact<{
  regionId: string | number;
  from: string;
  to: string;
}>;


export type UnmetDemandQuery = { unmetDemand: Array<{ category: NeedCategory, needCount: number, withoutCandidateCount: number, needIds: Array<string>, community: { name: string } }> };

export type BatchAssignmentQueryVariables = Exact<{
  regionId: string | number;
  capacity?: number | null | undefined;
}>;


export type BatchAssignmentQuery = { batchAssignment: { optimal: boolean, total: number, unassignedNeedIds: Array<string>, assignments: Array<{ needId: string, score: number, reasons: Array<string>, volunteer: { volunteerNo: string | null } }> } };

export type ProjectsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ProjectsQuery = { projects: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: ProjectStatus } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type RegionStatsQueryVariables = Exact<{
  regionId: string | number;
  from: string;
  to: string;
}>;


export type RegionStatsQuery = { regionStats: { needsPosted: number | null, needsClosed: number | null, onTimeRate: number | null, satisfactionRate: number | null, minutesServed: number | null, minutesBanked: number | null, region: { name: string }, children: Array<{ needsPosted: number | null, minutesServed: number | null, region: { name: string } }> } };

export type VerifyLedgerQueryVariables = Exact<{
  regionId?: string | number | null | undefined;
}>;


export type VerifyLedgerQuery = { verifyLedger: { ok: boolean, checkedEntries: number, checkedAccounts: number, sumOfBalances: number, firstBadEntryId: string | null, problems: Array<string> } };

export type SetTimeBankPolicyMutationVariables = Exact<{
  regionId: string | number;
  input: TimeBankPolicyInput;
}>;


export type SetTimeBankPolicyMutation = { setTimeBankPolicy: { dailyTransferCapMinutes: number } };

export type OrganizationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OrganizationsQuery = { organizations: { totalCount: number, edges: Array<{ node: { id: string, name: string, category: OrganizationCategory, status: OrganizationStatus } }> } };

export type OpenNeedsForMeQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type OpenNeedsForMeQuery = { openNeedsForMe: { totalCount: number, edges: Array<{ node: { id: string, title: string, category: NeedCategory, windowStart: string, windowEnd: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ClaimNeedMutationVariables = Exact<{
  id: string | number;
}>;


export type ClaimNeedMutation = { claimNeed: { id: string, status: NeedStatus, address: string | null, claimedBy: { id: string } | null } };

export type SendNeedMessageMutationVariables = Exact<{
  needId: string | number;
  text: string;
}>;


export type SendNeedMessageMutation = { sendNeedMessage: { id: string, text: string, sentAt: string } };

export type MyAccountQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyAccountQuery = { myAccount: { balanceMinutes: number, donateOnlyMinutes: number, entries: { totalCount: number, edges: Array<{ node: { kind: LedgerKind, amountMinutes: number, balanceAfterMinutes: number, counterparty: string | null, memo: string | null, at: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } };

export type MonthlyStatementQueryVariables = Exact<{
  month: string;
}>;


export type MonthlyStatementQuery = { myAccount: { statement: { openingBalanceMinutes: number, creditMinutes: number, debitMinutes: number, closingBalanceMinutes: number, csv: string } } };

export type TransferMinutesMutationVariables = Exact<{
  input: TransferMinutesInput;
}>;


export type TransferMinutesMutation = { transferMinutes: { id: string, kind: LedgerKind, postings: Array<{ holder: string, amountMinutes: number }> } };

export type IssueCertificateMutationVariables = Exact<{
  from: string;
  to: string;
}>;


export type IssueCertificateMutation = { issueCertificate: { certificateNo: string, code: string, totalMinutes: number, records: Array<{ date: string, content: string, minutes: number }> } };
