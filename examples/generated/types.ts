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
  /** A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format. */
  DateTime: { input: string; output: string; }
  /** 金额（分）: integer fen as a decimal string on output (exact, no 2^31 limit); input an integer or a decimal string, |amount| ≤ 10000000000000 */
  Fen: { input: string | number; output: string; }
};

export type ActivityStatus =
  | 'CANCELLED'
  | 'CONFIRMED'
  | 'SCHEDULED';

export type ApplicationStatus =
  /** 中选承接 */
  | 'AWARDED'
  /** 未中选（已通知） */
  | 'NOT_AWARDED'
  /** 已提交（有效） */
  | 'SUBMITTED'
  /** 已撤回 */
  | 'WITHDRAWN';

export type ApplyForProjectInput = {
  organizationId: Scalars['ID']['input'];
  plan: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
  quoteFen: Scalars['Fen']['input'];
  /** 项目团队 (roles and counts; no personal data needed) */
  team?: InputMaybe<Scalars['String']['input']>;
};

export type AttendanceInput = {
  minutes: Scalars['Int']['input'];
  volunteerId: Scalars['ID']['input'];
};

/** A weekly slot in local time (Asia/Shanghai) */
export type AvailabilityInput = {
  /** HH:MM, after start; 24:00 = end of day */
  end: Scalars['String']['input'];
  /** HH:MM */
  start: Scalars['String']['input'];
  /** ISO weekday: 1 = 周一 … 7 = 周日 */
  weekday: Scalars['Int']['input'];
};

export type BookResourceInput = {
  needId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
  resourceId: Scalars['ID']['input'];
};

export type CareEnrollmentFilter = {
  group?: InputMaybe<CareGroup>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<CareStatus>;
};

export type CareFollowUpFilter = {
  regionId?: InputMaybe<Scalars['ID']['input']>;
  /** OPEN or RESOLVED */
  status?: InputMaybe<Scalars['String']['input']>;
};

/** 跟进事项 */
export type CareFollowUpKind =
  /** 探访发现问题的跟进 */
  | 'CONCERN'
  /** 迁出/去世待确认 */
  | 'END_CONFIRMATION'
  /** 未按期探访的回访 */
  | 'MISSED_CALLBACK';

/** 关爱类别 */
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

/** 关爱登记状态: ACTIVE 在册, PAUSED 暂停, ENDED 已结束 */
export type CareStatus =
  | 'ACTIVE'
  | 'ENDED'
  | 'PAUSED';

export type CertificateStatus =
  /** 部分撤销: the hours of some stated services were reversed (冲正) since issue */
  | 'PARTIALLY_REVOKED'
  /** 已撤销: the hours of every stated service were reversed since issue */
  | 'REVOKED'
  /** 有效: every service stated still stands */
  | 'VALID';

export type ChangePasswordInput = {
  currentPassword: Scalars['String']['input'];
  /** 密码须为8至64位，且同时包含字母和数字 */
  newPassword: Scalars['String']['input'];
};

export type CharityEntryKind =
  /** 物资捐赠 */
  | 'GOODS_DONATION'
  /** 资助 (to a need or project) */
  | 'GRANT'
  /** 资金捐赠 */
  | 'MONEY_DONATION'
  /** 项目拨付: RESERVED → PAID_OUT to the undertaking organization */
  | 'PROJECT_DISBURSE'
  /** 预留释放: RESERVED → AVAILABLE when a project is cancelled */
  | 'PROJECT_RELEASE'
  /** 项目预留: AVAILABLE → RESERVED at a project's approval */
  | 'PROJECT_RESERVE'
  /** 冲正: mirror of an earlier entry */
  | 'REVERSAL';

export type CharityKind =
  /** 社区慈善基金 */
  | 'FUND'
  /** 慈善超市 / 慈善小屋 */
  | 'SUPERMARKET';

export type ConsentAction =
  /** 同意 */
  | 'GIVEN'
  /** 撤回同意 */
  | 'WITHDRAWN';

export type CreateCharityInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  kind: CharityKind;
  name: Scalars['String']['input'];
  /** A street or community */
  regionId: Scalars['ID']['input'];
};

export type CreateResourceInput = {
  /** Weekly slots when it can be used */
  availability?: InputMaybe<Array<AvailabilityInput>>;
  availabilityNote?: InputMaybe<Scalars['String']['input']>;
  capacity?: InputMaybe<Scalars['Int']['input']>;
  capacityUnit?: InputMaybe<Scalars['String']['input']>;
  categories: Array<NeedCategory>;
  description?: InputMaybe<Scalars['String']['input']>;
  kind: ResourceKind;
  name: Scalars['String']['input'];
  /** The volunteer, team, organization or charity offering it (VOLUNTEER defaults to the caller) */
  providerId?: InputMaybe<Scalars['ID']['input']>;
  providerKind: ResourceProvider;
  /** Area served 服务区域: a street, community or grid */
  regionId: Scalars['ID']['input'];
  /** 驻区单位 name, for RESIDENT_UNIT */
  unitName?: InputMaybe<Scalars['String']['input']>;
};

export type CreateStationInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  kind: StationKind;
  name: Scalars['String']['input'];
  /** A street for 社工站, a community for 社工室 and 志愿服务站点 */
  regionId: Scalars['ID']['input'];
};

export type CreateVolunteerTeamInput = {
  /** The community 社区 the team belongs to */
  communityId: Scalars['ID']['input'];
  /** An approved adult volunteer who leads the team */
  leaderVolunteerId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  /** The social organization running the team, if any */
  organizationId?: InputMaybe<Scalars['ID']['input']>;
};

export type DisburseProjectFundsInput = {
  amountFen: Scalars['Fen']['input'];
  /** The same key returns the same result and pays once */
  idempotencyKey: Scalars['String']['input'];
  /** 里程碑, e.g. 项目启动, 中期评估通过, 结项 */
  milestone: Scalars['String']['input'];
  projectId: Scalars['ID']['input'];
};

/** How staff settle a disputed completion */
export type DisputeOutcome =
  | 'CANCEL'
  | 'CONFIRM'
  | 'REOPEN';

export type DonateMinutesInput = {
  idempotencyKey: Scalars['String']['input'];
  memo?: InputMaybe<Scalars['String']['input']>;
  minutes: Scalars['Int']['input'];
};

export type EmergencyContactInput = {
  name: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

export type EnrollCareInput = {
  /** Who consented: omitted = the person; for a minor an adult recorded relative (under 14 it must be) */
  consentBy?: InputMaybe<Scalars['ID']['input']>;
  group: CareGroup;
  highRisk?: InputMaybe<Scalars['Boolean']['input']>;
  personId: Scalars['ID']['input'];
};

export type EvaluateProjectInput = {
  conclusion: Scalars['String']['input'];
  /** Evaluate as this granted evaluator organization (its admin); omit as the street admin */
  evaluatorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  projectId: Scalars['ID']['input'];
  scores: Array<ScoreInput>;
  stage: EvaluationStage;
};

export type EvaluationStage =
  /** 终期评估（项目进入 EVALUATED） */
  | 'FINAL'
  /** 中期评估 */
  | 'MIDTERM';

export type FundAccount =
  /** 可用 */
  | 'AVAILABLE'
  /** 已拨付 */
  | 'PAID_OUT'
  /** 项目预留 */
  | 'RESERVED';

export type FundingLineInput = {
  /** Amount in fen */
  amountFen: Scalars['Fen']['input'];
  /** The charity fund, for CHARITY_FUND lines */
  charityId?: InputMaybe<Scalars['ID']['input']>;
  source: FundingSource;
};

export type FundingSource =
  /** 社区慈善基金 */
  | 'CHARITY_FUND'
  /** 政府购买服务 */
  | 'GOVERNMENT_PURCHASE'
  /** 自筹 */
  | 'SELF_RAISED';

export type GrantMinutesInput = {
  /** Client-chosen key: a replay returns the first result */
  idempotencyKey: Scalars['String']['input'];
  memo?: InputMaybe<Scalars['String']['input']>;
  minutes: Scalars['Int']['input'];
  /** The receiver's need this grant pays for; without it the receiver must carry a special-group flag */
  needId?: InputMaybe<Scalars['ID']['input']>;
  toPersonId: Scalars['ID']['input'];
};

/** 物资发放: goods from a charity supermarket to a resident (docs/everyday.md) */
export type HandOutGoodsInput = {
  charityId: Scalars['ID']['input'];
  /** Client-chosen key: the same key returns the same hand-out instead of a second one */
  idempotencyKey: Scalars['String']['input'];
  /** Item name as in the stock, e.g. 大米 */
  item: Scalars['String']['input'];
  /** The need the goods answer, if any */
  needId?: InputMaybe<Scalars['ID']['input']>;
  personId: Scalars['ID']['input'];
  quantity: Scalars['Int']['input'];
};

export type IndicatorInput = {
  metric: ProjectMetric;
  /** Target (minutes, people, needs, sessions, volunteers, or percent for SATISFACTION_RATE) */
  target: Scalars['Int']['input'];
};

export type LedgerKind =
  /** 捐赠爱心池 */
  | 'DONATE'
  /** 服务获得 */
  | 'EARN'
  /** 过期 */
  | 'EXPIRE'
  /** 爱心池发放 */
  | 'GRANT'
  /** 冲正 */
  | 'REVERSAL'
  /** 兑换服务 */
  | 'SPEND'
  /** 亲属转赠 */
  | 'TRANSFER';

export type LoginInput = {
  password: Scalars['String']['input'];
  /** 11位手机号 */
  phone: Scalars['String']['input'];
};

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

export type NeedFilter = {
  category?: InputMaybe<NeedCategory>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<NeedStatus>;
};

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

export type OrganizationCategory =
  /** 救助帮扶类 */
  | 'ASSISTANCE'
  /** 社区事务类 */
  | 'COMMUNITY_AFFAIRS'
  /** 文体活动类 */
  | 'CULTURE_SPORTS'
  /** 生活服务类 */
  | 'LIFE_SERVICE'
  /** 专业调处类 */
  | 'MEDIATION'
  /** 居民互助类 / 邻里互助类 */
  | 'MUTUAL_AID'
  /** 公益慈善类 */
  | 'PUBLIC_WELFARE'
  /** 乡村振兴类 */
  | 'RURAL_REVITALIZATION';

export type OrganizationFilter = {
  category?: InputMaybe<OrganizationCategory>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<OrganizationStatus>;
};

export type OrganizationRegistration =
  /** 备案 (community-based organization filed with the street) */
  | 'FILED'
  /** 登记 (with the civil affairs bureau) */
  | 'REGISTERED';

export type OrganizationStatus =
  /** 已通过 */
  | 'APPROVED'
  /** 待审核 */
  | 'PENDING'
  /** 未通过 */
  | 'REJECTED'
  /** 已暂停 */
  | 'SUSPENDED';

/** 敏感个人信息标识, recorded with consent */
export type PersonFlag =
  /** 独居/空巢老人 */
  | 'ALONE_OR_EMPTY_NEST'
  /** 困境儿童 */
  | 'CHILD_IN_DIFFICULTY'
  /** 残疾 */
  | 'DISABILITY'
  /** 特困 */
  | 'EXTREME_POVERTY'
  /** 失能 */
  | 'INCAPACITATED'
  /** 低保 */
  | 'SUBSISTENCE_ALLOWANCE';

export type PhoneCodePurpose =
  /** 注册 */
  | 'REGISTER'
  /** 设置或找回密码 (also after 代办注册) */
  | 'SET_PASSWORD';

export type PostNeedInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** Proxy posting 代办: the resident the need is for */
  beneficiaryId?: InputMaybe<Scalars['ID']['input']>;
  category: NeedCategory;
  description?: InputMaybe<Scalars['String']['input']>;
  estimatedMinutes: Scalars['Int']['input'];
  gridId?: InputMaybe<Scalars['ID']['input']>;
  /** 集体活动 (staff of the grid only): hours earned may only be donated */
  groupActivity?: InputMaybe<Scalars['Boolean']['input']>;
  /** The service happens inside the home */
  homeEntry?: InputMaybe<Scalars['Boolean']['input']>;
  latitude?: InputMaybe<Scalars['Float']['input']>;
  longitude?: InputMaybe<Scalars['Float']['input']>;
  /** 党员接单: prefer party-member volunteers */
  preferPartyMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** 周期需求: the window above is the first occurrence; the others are materialised ahead of time (docs/everyday.md) */
  recurrence?: InputMaybe<RecurrenceInput>;
  requiredSkills?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
  urgency?: InputMaybe<Urgency>;
  windowEnd: Scalars['DateTime']['input'];
  windowStart: Scalars['DateTime']['input'];
};

export type ProjectFilter = {
  category?: InputMaybe<NeedCategory>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<ProjectStatus>;
};

/** 绩效指标: computed from operations, never typed in */
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

export type ProjectNoticeType =
  /** 本组织获选承接 */
  | 'AWARDED'
  /** 未获选（已确定其他承接组织） */
  | 'NOT_AWARDED';

/** 民生项目 lifecycle (docs/projects.md) */
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

export type ProposeProjectInput = {
  category: NeedCategory;
  /** The consultation 议事协商 that put these needs first */
  consultationId?: InputMaybe<Scalars['ID']['input']>;
  description: Scalars['String']['input'];
  endsOn: Scalars['DateTime']['input'];
  fundingLines: Array<FundingLineInput>;
  indicators: Array<IndicatorInput>;
  /** Needs the project will serve (they leave the open feed) */
  needIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** A street or community */
  regionId: Scalars['ID']['input'];
  resourceIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  startsOn: Scalars['DateTime']['input'];
  /** 服务对象, e.g. 独居老人 */
  targetGroups?: InputMaybe<Array<Scalars['String']['input']>>;
  title: Scalars['String']['input'];
};

export type RecordConsultationInput = {
  communityId: Scalars['ID']['input'];
  decisions: Scalars['String']['input'];
  heldAt: Scalars['DateTime']['input'];
  needIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  participants: Scalars['Int']['input'];
  topic: Scalars['String']['input'];
};

export type RecordGoodsDonationInput = {
  /** Hide the donor's name from non-managers */
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  charityId: Scalars['ID']['input'];
  /** 捐赠人 name (person, company or 匿名) */
  donorName: Scalars['String']['input'];
  /** The donor, when it is a registered organization */
  donorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** The donor, when they are a registered person */
  donorPersonId?: InputMaybe<Scalars['ID']['input']>;
  itemName: Scalars['String']['input'];
  /** 单位, e.g. 袋, 箱, 件 */
  itemUnit: Scalars['String']['input'];
  /** 用途 (e.g. 助老助餐) */
  purpose?: InputMaybe<Scalars['String']['input']>;
  quantity: Scalars['Int']['input'];
  /** 收据编号 */
  receiptNo: Scalars['String']['input'];
  /** Estimated value in fen, 0 … 10^13 */
  valueFen?: InputMaybe<Scalars['Fen']['input']>;
};

export type RecordMoneyDonationInput = {
  /** Amount in fen (分), 1 … 10^13 */
  amountFen: Scalars['Fen']['input'];
  /** Hide the donor's name from non-managers */
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  charityId: Scalars['ID']['input'];
  /** 捐赠人 name (person, company or 匿名) */
  donorName: Scalars['String']['input'];
  /** The donor, when it is a registered organization */
  donorOrganizationId?: InputMaybe<Scalars['ID']['input']>;
  /** The donor, when they are a registered person */
  donorPersonId?: InputMaybe<Scalars['ID']['input']>;
  /** 用途 (e.g. 助老助餐) */
  purpose?: InputMaybe<Scalars['String']['input']>;
  /** 收据编号 */
  receiptNo: Scalars['String']['input'];
};

export type RecordVisitInput = {
  findings?: InputMaybe<Scalars['String']['input']>;
  /** Minutes the visit took (default 30); a volunteer visitor earns them once */
  minutes?: InputMaybe<Scalars['Int']['input']>;
  mode: VisitMode;
  outcome: VisitOutcome;
  /** HOSPITALIZED only: pause until (default the end of the task window) */
  pauseUntil?: InputMaybe<Scalars['DateTime']['input']>;
  /** 主动发现: posts a proxy need for the person in the same transaction (staff visitors) */
  raiseNeed?: InputMaybe<PostNeedInput>;
  /** VisitRisk codes: HEALTH_DECLINE, NO_FOOD, UNSAFE_HOUSING, EMOTIONAL_DISTRESS, ABUSE_SUSPECTED */
  risks?: InputMaybe<Array<Scalars['String']['input']>>;
  taskId: Scalars['ID']['input'];
  visitedAt: Scalars['DateTime']['input'];
};

/** 周期: weekly on given weekdays (Asia/Shanghai, 1 = Monday … 7 = Sunday) or every N days; until a date or N times */
export type RecurrenceInput = {
  count?: InputMaybe<Scalars['Int']['input']>;
  everyDays?: InputMaybe<Scalars['Int']['input']>;
  until?: InputMaybe<Scalars['DateTime']['input']>;
  weekdays?: InputMaybe<Array<Scalars['Int']['input']>>;
};

/** 城市社区 URBAN / 农村社区 RURAL */
export type RegionKind =
  | 'RURAL'
  | 'URBAN';

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

/** 社会组织登记; approved by the street admin of its region */
export type RegisterOrganizationInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  category: OrganizationCategory;
  /** 统一社会信用代码, 18 characters with check character */
  creditCode: Scalars['String']['input'];
  description?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
  /** Home region: a street or a community */
  regionId: Scalars['ID']['input'];
  registration?: InputMaybe<OrganizationRegistration>;
};

/** 代办注册: staff register a resident met in person; the resident sets a password by SMS code */
export type RegisterResidentInPersonInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** 所在网格 (a GRID-level region in the staff member's scope) */
  gridId: Scalars['ID']['input'];
  /** 身份证号 (checked in person) */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 姓名 */
  name: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

export type RegisterResidentInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** 短信验证码 (requestPhoneCode, purpose REGISTER); required unless PHONE_VERIFICATION=off */
  code?: InputMaybe<Scalars['String']['input']>;
  /** 所在网格 (a GRID-level region) */
  gridId: Scalars['ID']['input'];
  /** 身份证号 (18 chars, check digit validated); stored encrypted */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 姓名 */
  name: Scalars['String']['input'];
  /** 密码须为8至64位，且同时包含字母和数字 */
  password: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

export type RegisterSocialWorkerInput = {
  /** 证书编号: 6–30 letters, digits or - */
  certificateNo: Scalars['String']['input'];
  level: SocialWorkerLevel;
  personId: Scalars['ID']['input'];
  /** A 社工站 (street) or 社工室 (community) */
  stationId: Scalars['ID']['input'];
};

/** 志愿者注册: the caller registers themselves; a community worker of their community approves */
export type RegisterVolunteerInput = {
  /** Weekly availability; end after start, no overlaps within a day */
  availability?: InputMaybe<Array<AvailabilityInput>>;
  emergencyContact?: InputMaybe<EmergencyContactInput>;
  /** 身份证号, required when the caller has none on record (age check) */
  idNumber?: InputMaybe<Scalars['String']['input']>;
  /** 党员 */
  isPartyMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** Streets, communities or grids the volunteer serves */
  serviceRegionIds: Array<Scalars['ID']['input']>;
  /** Skill names from `skills` (e.g. 助老陪护) */
  skills: Array<Scalars['String']['input']>;
  /** Join this 志愿服务队 (required under 18: the team must have an adult leader) */
  teamId?: InputMaybe<Scalars['ID']['input']>;
};

export type RequestPhoneCodeInput = {
  phone: Scalars['String']['input'];
  purpose: PhoneCodePurpose;
};

export type ResourceBookingStatus =
  /** 有效 */
  | 'ACTIVE'
  /** 已取消（容量已退回） */
  | 'CANCELLED';

export type ResourceFilter = {
  category?: InputMaybe<NeedCategory>;
  includeWithdrawn?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<ResourceKind>;
  providerKind?: InputMaybe<ResourceProvider>;
  /** Resources whose area contains or lies in this region */
  regionId?: InputMaybe<Scalars['ID']['input']>;
};

export type ResourceKind =
  /** 资金 */
  | 'FUNDS'
  /** 物资 */
  | 'GOODS'
  /** 服务 */
  | 'SERVICE'
  /** 场地 (incl. parking) */
  | 'VENUE';

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

export type ReverseTransactionInput = {
  idempotencyKey: Scalars['String']['input'];
  reason: Scalars['String']['input'];
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

export type SatisfactionInput = {
  /** 表示满意的人数 */
  satisfied: Scalars['Int']['input'];
  /** 参与满意度调查的人数 */
  surveyed: Scalars['Int']['input'];
};

export type ScheduleActivityInput = {
  address: Scalars['String']['input'];
  endsAt: Scalars['DateTime']['input'];
  projectId: Scalars['ID']['input'];
  /** The community or grid where it takes place; defaults to the project region when that is a community */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  requiredSkills?: InputMaybe<Array<Scalars['String']['input']>>;
  startsAt: Scalars['DateTime']['input'];
  title: Scalars['String']['input'];
  volunteerSlots: Scalars['Int']['input'];
};

export type ScoreInput = {
  criterion: Scalars['String']['input'];
  score: Scalars['Int']['input'];
  weight: Scalars['Int']['input'];
};

/** 服务记录来源 */
export type ServiceSource =
  /** 项目活动 */
  | 'ACTIVITY'
  /** 居民需求 */
  | 'NEED'
  /** 探访关爱 */
  | 'VISIT';

export type SetPasswordWithCodeInput = {
  /** 短信验证码 (purpose SET_PASSWORD) */
  code: Scalars['String']['input'];
  /** 密码须为8至64位，且同时包含字母和数字 */
  password: Scalars['String']['input'];
  phone: Scalars['String']['input'];
};

export type SetPersonFlagInput = {
  /** Who gave consent; omitted = the person themself (an adult must consent themself). For a minor: a guardian (an adult recorded relative); under 14 a guardian is required */
  consentGivenById?: InputMaybe<Scalars['ID']['input']>;
  flag: PersonFlag;
  personId: Scalars['ID']['input'];
};

export type SetRegionAttributesInput = {
  certifiedWorkerShareTarget?: InputMaybe<Scalars['Float']['input']>;
  coveredCategories?: InputMaybe<Array<Scalars['String']['input']>>;
  /** resident population aged 60 and over */
  elderlyPopulation?: InputMaybe<Scalars['Int']['input']>;
  hasVolunteerStation?: InputMaybe<Scalars['Boolean']['input']>;
  kind?: InputMaybe<RegionKind>;
  regionId: Scalars['String']['input'];
  registeredPopulation?: InputMaybe<Scalars['Int']['input']>;
  residentPopulation?: InputMaybe<Scalars['Int']['input']>;
  socialWorkersPer10kTarget?: InputMaybe<Scalars['Float']['input']>;
};

export type SetVisitRuleInput = {
  group: CareGroup;
  highRisk: Scalars['Boolean']['input'];
  modes: Array<VisitMode>;
  regionId: Scalars['ID']['input'];
  visitsPerMonth: Scalars['Int']['input'];
};

export type SignupStatus =
  /** 已取消 */
  | 'CANCELLED'
  /** 已报名（占名额） */
  | 'SIGNED_UP'
  /** 候补 */
  | 'WAITLISTED';

/** 社会工作者职业资格 */
export type SocialWorkerLevel =
  /** 助理社会工作师 */
  | 'ASSISTANT'
  /** 社会工作师 */
  | 'INTERMEDIATE'
  /** 高级社会工作师 */
  | 'SENIOR';

export type SpendMinutesInput = {
  idempotencyKey: Scalars['String']['input'];
  memo?: InputMaybe<Scalars['String']['input']>;
  minutes: Scalars['Int']['input'];
  /** The service received: a CONFIRMED or CLOSED need of the caller; its volunteer is paid. Omitted (with no provider) = paid to the street time bank */
  needId?: InputMaybe<Scalars['ID']['input']>;
  /** The person who served; must be the volunteer of `needId`, which it requires */
  providerPersonId?: InputMaybe<Scalars['ID']['input']>;
};

export type StationKind =
  /** 社区(村)社工室 */
  | 'SOCIAL_WORK_ROOM'
  /** 街道(乡镇)社工站 */
  | 'SOCIAL_WORK_STATION'
  /** 志愿服务站点 */
  | 'VOLUNTEER_STATION';

export type TimeAccountKind =
  /** 社区爱心池 */
  | 'COMMUNITY_POOL'
  /** 过期回收账户 */
  | 'EXPIRY_SINK'
  /** 街道发行账户 (negative balance = hours ever minted) */
  | 'ISSUANCE'
  /** 组织账户 */
  | 'ORGANIZATION'
  /** 个人账户 */
  | 'PERSON'
  /** 兑换账户 */
  | 'REDEMPTION_SINK';

export type TimeBankPolicyInput = {
  balanceCapMinutes?: InputMaybe<Scalars['Int']['input']>;
  certificateSignatory?: InputMaybe<Scalars['String']['input']>;
  dailyTransferCapMinutes?: InputMaybe<Scalars['Int']['input']>;
  /** 0 = off */
  expiryMonths?: InputMaybe<Scalars['Int']['input']>;
  expiryNoticeDays?: InputMaybe<Scalars['Int']['input']>;
  groupHoursDonateOnly?: InputMaybe<Scalars['Boolean']['input']>;
  hardshipRedemptionAge?: InputMaybe<Scalars['Int']['input']>;
  redemptionAge?: InputMaybe<Scalars['Int']['input']>;
  relativesOnly?: InputMaybe<Scalars['Boolean']['input']>;
  yearlyTransferCapMinutes?: InputMaybe<Scalars['Int']['input']>;
};

export type TransferMinutesInput = {
  /** Client-chosen key: a replay returns the first result */
  idempotencyKey: Scalars['String']['input'];
  memo?: InputMaybe<Scalars['String']['input']>;
  minutes: Scalars['Int']['input'];
  toPersonId: Scalars['ID']['input'];
};

export type UpdateMyProfileInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  /** 身份证号, only when none is on record yet (changes go through a community worker) */
  idNumber?: InputMaybe<Scalars['String']['input']>;
};

/** 志愿者资料更新 by the volunteer: only what is given changes; the review status stays as it is */
export type UpdateMyVolunteerProfileInput = {
  /** Replaces the weekly availability ([] clears it) */
  availability?: InputMaybe<Array<AvailabilityInput>>;
  emergencyContact?: InputMaybe<EmergencyContactInput>;
  /** Replaces the service regions (streets, communities or grids) */
  serviceRegionIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Replaces the skills (names from `skills`) */
  skills?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** 修改需求: only the fields given change */
export type UpdateNeedInput = {
  address?: InputMaybe<Scalars['String']['input']>;
  description?: InputMaybe<Scalars['String']['input']>;
  /** Why (recorded in the history; required when the window of a claimed need changes) */
  reason?: InputMaybe<Scalars['String']['input']>;
  requiredSkills?: InputMaybe<Array<Scalars['String']['input']>>;
  windowEnd?: InputMaybe<Scalars['DateTime']['input']>;
  windowStart?: InputMaybe<Scalars['DateTime']['input']>;
};

export type Urgency =
  /** 特急 */
  | 'EMERGENCY'
  /** 一般 */
  | 'NORMAL'
  /** 紧急 */
  | 'URGENT';

/** 探访方式 */
export type VisitMode =
  /** 入户 */
  | 'HOME'
  /** 电话 */
  | 'PHONE'
  /** 视频 */
  | 'VIDEO';

/** 探访结果 */
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

/** 探访发现的风险 */
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

export type VisitTaskFilter = {
  /** Only tasks assigned to me */
  mine?: InputMaybe<Scalars['Boolean']['input']>;
  /** "2026-12" */
  month?: InputMaybe<Scalars['String']['input']>;
  regionId?: InputMaybe<Scalars['ID']['input']>;
  status?: InputMaybe<VisitTaskStatus>;
};

/** 探访任务状态 */
export type VisitTaskStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'DUE'
  | 'MISSED';

export type VolunteerFilter = {
  /** Available at this instant by their weekly availability */
  availableAt?: InputMaybe<Scalars['DateTime']['input']>;
  isPartyMember?: InputMaybe<Scalars['Boolean']['input']>;
  /** Volunteers serving this region (or a region inside it) */
  regionId?: InputMaybe<Scalars['ID']['input']>;
  skill?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<VolunteerStatus>;
};

export type VolunteerStatus =
  /** 已通过 */
  | 'APPROVED'
  /** 待审核 */
  | 'PENDING'
  /** 未通过 */
  | 'REJECTED'
  /** 已暂停 */
  | 'SUSPENDED';

/** 关爱类别 */
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

export type CertificateStatus =
  /** 部分撤销: the hours of some stated services were reversed (冲正) since issue */
  | 'PARTIALLY_REVOKED'
  /** 已撤销: the hours of every stated service were reversed since issue */
  | 'REVOKED'
  /** 有效: every service stated still stands */
  | 'VALID';

export type LedgerKind =
  /** 捐赠爱心池 */
  | 'DONATE'
  /** 服务获得 */
  | 'EARN'
  /** 过期 */
  | 'EXPIRE'
  /** 爱心池发放 */
  | 'GRANT'
  /** 冲正 */
  | 'REVERSAL'
  /** 兑换服务 */
  | 'SPEND'
  /** 亲属转赠 */
  | 'TRANSFER';

export type LoginInput = {
  password: string;
  /** 11位手机号 */
  phone: string;
};

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

export type OrganizationCategory =
  /** 救助帮扶类 */
  | 'ASSISTANCE'
  /** 社区事务类 */
  | 'COMMUNITY_AFFAIRS'
  /** 文体活动类 */
  | 'CULTURE_SPORTS'
  /** 生活服务类 */
  | 'LIFE_SERVICE'
  /** 专业调处类 */
  | 'MEDIATION'
  /** 居民互助类 / 邻里互助类 */
  | 'MUTUAL_AID'
  /** 公益慈善类 */
  | 'PUBLIC_WELFARE'
  /** 乡村振兴类 */
  | 'RURAL_REVITALIZATION';

export type OrganizationStatus =
  /** 已通过 */
  | 'APPROVED'
  /** 待审核 */
  | 'PENDING'
  /** 未通过 */
  | 'REJECTED'
  /** 已暂停 */
  | 'SUSPENDED';

export type PostNeedInput = {
  address?: string | null | undefined;
  /** Proxy posting 代办: the resident the need is for */
  beneficiaryId?: string | number | null | undefined;
  category: NeedCategory;
  description?: string | null | undefined;
  estimatedMinutes: number;
  gridId?: string | number | null | undefined;
  /** 集体活动 (staff of the grid only): hours earned may only be donated */
  groupActivity?: boolean | null | undefined;
  /** The service happens inside the home */
  homeEntry?: boolean | null | undefined;
  latitude?: number | null | undefined;
  longitude?: number | null | undefined;
  /** 党员接单: prefer party-member volunteers */
  preferPartyMember?: boolean | null | undefined;
  /** 周期需求: the window above is the first occurrence; the others are materialised ahead of time (docs/everyday.md) */
  recurrence?: RecurrenceInput | null | undefined;
  requiredSkills?: Array<string> | null | undefined;
  title: string;
  urgency?: Urgency | null | undefined;
  windowEnd: string;
  windowStart: string;
};

/** 民生项目 lifecycle (docs/projects.md) */
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

/** 周期: weekly on given weekdays (Asia/Shanghai, 1 = Monday … 7 = Sunday) or every N days; until a date or N times */
export type RecurrenceInput = {
  count?: number | null | undefined;
  everyDays?: number | null | undefined;
  until?: string | null | undefined;
  weekdays?: Array<number> | null | undefined;
};

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

export type TimeBankPolicyInput = {
  balanceCapMinutes?: number | null | undefined;
  certificateSignatory?: string | null | undefined;
  dailyTransferCapMinutes?: number | null | undefined;
  /** 0 = off */
  expiryMonths?: number | null | undefined;
  expiryNoticeDays?: number | null | undefined;
  groupHoursDonateOnly?: boolean | null | undefined;
  hardshipRedemptionAge?: number | null | undefined;
  redemptionAge?: number | null | undefined;
  relativesOnly?: boolean | null | undefined;
  yearlyTransferCapMinutes?: number | null | undefined;
};

export type TransferMinutesInput = {
  /** Client-chosen key: a replay returns the first result */
  idempotencyKey: string;
  memo?: string | null | undefined;
  minutes: number;
  toPersonId: string | number;
};

export type Urgency =
  /** 特急 */
  | 'EMERGENCY'
  /** 一般 */
  | 'NORMAL'
  /** 紧急 */
  | 'URGENT';

/** 探访任务状态 */
export type VisitTaskStatus =
  | 'CANCELLED'
  | 'DONE'
  | 'DUE'
  | 'MISSED';

export type VolunteerFilter = {
  /** Available at this instant by their weekly availability */
  availableAt?: string | null | undefined;
  isPartyMember?: boolean | null | undefined;
  /** Volunteers serving this region (or a region inside it) */
  regionId?: string | number | null | undefined;
  skill?: string | null | undefined;
  status?: VolunteerStatus | null | undefined;
};

export type VolunteerStatus =
  /** 已通过 */
  | 'APPROVED'
  /** 待审核 */
  | 'PENDING'
  /** 未通过 */
  | 'REJECTED'
  /** 已暂停 */
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


export type RegionStatsQuery = { regionStats: { needsPosted: number | null, needsClosed: number | null, onTimeRate: number | null, satisfactionRate: number | null, minutesServed: number, minutesBanked: number, region: { name: string }, children: Array<{ needsPosted: number | null, minutesServed: number, region: { name: string } }> } };

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
