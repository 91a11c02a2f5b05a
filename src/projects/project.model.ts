import { ProjectSignalType } from './project-signals.js';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FenScalar } from '../common/graphql/fen.scalar.js';
import { NeedCategory } from '../needs/need.model.js';
import { NeedStatus } from '../needs/need-transitions.js';
import { ProjectStatus } from './project-transitions.js';

export { ProjectStatus };

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: '民生项目状态 project status: 立项申请 → 立项 → 信息发布 → 承接 → 实施 → 绩效评估 → 结项 (docs/projects.md)',
  valuesMap: {
    PROPOSED: { description: '立项申请' },
    APPROVED: { description: '已立项（预算已预留）' },
    PUBLISHED: { description: '信息发布，接受承接申请' },
    UNDERTAKEN: { description: '已确定承接组织' },
    RUNNING: { description: '实施中' },
    EVALUATED: { description: '已完成绩效评估' },
    CLOSED: { description: '已结项' },
    REJECTED: { description: '未予立项' },
    CANCELLED: { description: '已取消' },
    SUSPENDED: { description: '暂停' },
  },
});

export enum FundingSource {
  GOVERNMENT_PURCHASE = 'GOVERNMENT_PURCHASE',
  CHARITY_FUND = 'CHARITY_FUND',
  SELF_RAISED = 'SELF_RAISED',
}
registerEnumType(FundingSource, {
  name: 'FundingSource',
  description: '资金来源 funding source of a project funding line',
  valuesMap: { GOVERNMENT_PURCHASE: { description: '政府购买服务' }, CHARITY_FUND: { description: '社区慈善基金' }, SELF_RAISED: { description: '自筹' } },
});

export enum ProjectMetric {
  SERVICE_MINUTES = 'SERVICE_MINUTES',
  PEOPLE_SERVED = 'PEOPLE_SERVED',
  NEEDS_FULFILLED = 'NEEDS_FULFILLED',
  SESSIONS_HELD = 'SESSIONS_HELD',
  VOLUNTEERS_ENGAGED = 'VOLUNTEERS_ENGAGED',
  SATISFACTION_RATE = 'SATISFACTION_RATE',
}
registerEnumType(ProjectMetric, {
  name: 'ProjectMetric',
  description: '绩效指标 project metric: the actual is computed from operations, never typed in',
  valuesMap: {
    SERVICE_MINUTES: { description: '服务时长（分钟）: minutes of confirmed attendance' },
    PEOPLE_SERVED: { description: '服务人次: people served recorded by confirmed activities' },
    NEEDS_FULFILLED: { description: '满足需求数: linked needs served by a confirmed activity' },
    SESSIONS_HELD: { description: '开展活动场次: confirmed activities' },
    VOLUNTEERS_ENGAGED: { description: '参与志愿者人数: distinct attendees' },
    SATISFACTION_RATE: { description: '满意率（%）: satisfied over surveyed at confirmed activities' },
  },
});

export enum EvaluationStage {
  MIDTERM = 'MIDTERM',
  FINAL = 'FINAL',
}
registerEnumType(EvaluationStage, {
  name: 'EvaluationStage',
  description: '评估阶段 evaluation stage',
  valuesMap: { MIDTERM: { description: '中期评估' }, FINAL: { description: '终期评估（项目进入 EVALUATED）' } },
});

export enum ApplicationStatus {
  SUBMITTED = 'SUBMITTED',
  WITHDRAWN = 'WITHDRAWN',
  AWARDED = 'AWARDED',
  NOT_AWARDED = 'NOT_AWARDED',
}
registerEnumType(ApplicationStatus, {
  name: 'ApplicationStatus',
  description: "承接申请状态 status of an organization's application for a project",
  valuesMap: {
    SUBMITTED: { description: '已提交（有效）' },
    WITHDRAWN: { description: '已撤回' },
    AWARDED: { description: '中选承接' },
    NOT_AWARDED: { description: '未中选（已通知）' },
  },
});

export enum ActivityStatus {
  SCHEDULED = 'SCHEDULED',
  CONFIRMED = 'CONFIRMED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  description: '活动/班次状态 status of a project activity',
  valuesMap: {
    SCHEDULED: { description: '已安排（接受报名）scheduled, open for sign-up' },
    CONFIRMED: { description: '已确认出勤（参与者已获得时长）attendance confirmed, minutes earned' },
    CANCELLED: { description: '已取消 cancelled' },
  },
});

export enum SignupStatus {
  SIGNED_UP = 'SIGNED_UP',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SignupStatus, {
  name: 'SignupStatus',
  description: '活动报名状态 sign-up status of a volunteer on an activity',
  valuesMap: { SIGNED_UP: { description: '已报名（占名额）' }, WAITLISTED: { description: '候补' }, CANCELLED: { description: '已取消' } },
});

@ObjectType('FundingLine', {
  description: '资金来源行 funding line: 项目预算 budget = 各行之和；慈善基金行 CHARITY_FUND 在立项 APPROVED 时从基金预留 reserved',
})
export class FundingLine {
  @Field(() => FundingSource, { description: '资金来源 funding source' }) source: FundingSource;
  @Field(() => FenScalar, { description: '本行金额，单位分 fen' }) amountFen: number;
  @Field(() => ID, { nullable: true, description: 'CHARITY_FUND 行所用的慈善基金 charity fund 的 id；其他来源为 null' }) charityId: string | null;
  @Field(() => String, { nullable: true, description: '慈善基金名称 charity fund name；非 CHARITY_FUND 行为 null' }) charityName: string | null;
  @Field(() => FenScalar, { description: '基金中为本项目预留、尚未拨付或释放的金额，单位分 fen（reserved, not yet paid out or released）' })
  reservedFen: number;
  @Field(() => FenScalar, { description: '已按里程碑拨付给承接组织的金额，单位分 fen（disbursed）' }) disbursedFen: number;
  @Field(() => FenScalar, { description: '项目取消时退回基金可用余额的金额，单位分 fen（released）' }) releasedFen: number;
  id: string;
  projectId: string;
  position: number;
  reservedTotal: number;
}

@ObjectType('ProjectIndicator', { description: '绩效指标 project indicator: 目标值 target 在立项申请时设定，实际值 actual 由运营数据计算' })
export class ProjectIndicator {
  @Field(() => ProjectMetric, { description: '指标 metric' }) metric: ProjectMetric;
  @Field(() => Int, { description: '目标值 target（分钟、人次、个、场次、人，SATISFACTION_RATE 为百分比 %）' }) target: number;
  @Field(() => Int, { nullable: true, description: '当前计算的实际值 actual（单位同 target）；满意率无调查数据时为 null' }) actual: number | null;
  @Field(() => Float, { nullable: true, description: '完成度 progress = actual ÷ target（0–1，可超过 1）；目标为 0 或实际值未知时为 null' }) progress:
    number | null;
}

@ObjectType('ProjectEvent', { description: '项目流转记录 project event: 一次状态变更，谁、为何、何时' })
export class ProjectEvent {
  @Field({ description: '动作 action，如 APPROVE、PUBLISH、AWARD、START、EVALUATE_FINAL、CLOSE、CANCEL' }) action: string;
  @Field(() => ProjectStatus, { description: '变更前状态 status before' }) from: ProjectStatus;
  @Field(() => ProjectStatus, { description: '变更后状态 status after' }) to: ProjectStatus;
  @Field(() => String, { nullable: true, description: '原因或备注 reason / note（驳回、暂停、取消、确定承接时必填）' }) reason: string | null;
  @Field(() => Date, { description: '发生时间 DateTime（ISO 8601，带时区）' }) at: Date;
  /** Hidden from anonymous viewers (resolved to a masked Person for staff). */
  actorId: string | null;
}

@ObjectType('ProjectNeed', { description: '项目关联的居民需求 need linked to a project，不含个人信息 no personal data' })
export class ProjectNeed {
  @Field(() => ID, { description: '需求 id' }) id: string;
  @Field({ description: '需求标题 title' }) title: string;
  @Field(() => NeedCategory, { description: '需求类别 category' }) category: NeedCategory;
  @Field(() => NeedStatus, { description: '需求状态 need status' }) status: NeedStatus;
  @Field({ description: '是否已满足 fulfilled: 有已确认出勤的活动 confirmed activity 在 needIds 中列出了它' }) fulfilled: boolean;
}

@ObjectType('ProjectResource', { description: '项目关联的服务资源 resource linked to a project' })
export class ProjectResource {
  @Field(() => ID, { description: '资源 id' }) id: string;
  @Field({ description: '资源名称 name' }) name: string;
  @Field({ description: '资源类型 kind（ResourceKind 的值: SERVICE、VENUE、GOODS、FUNDS）' }) kind: string;
}

@ObjectType('PastEvaluation', { description: '历史评估 past evaluation: 该组织此前承接项目的绩效评估，供审核承接申请时参考' })
export class PastEvaluation {
  @Field(() => ID, { description: '被评估项目的 id' }) projectId: string;
  @Field({ description: '被评估项目的标题 title' }) projectTitle: string;
  @Field(() => EvaluationStage, { description: '评估阶段 stage' }) stage: EvaluationStage;
  @Field(() => Float, { description: '总分 total score（0–100，Σ 权重 × 得分 / 100）' }) totalScore: number;
  @Field(() => Date, { description: '评估时间 DateTime（ISO 8601，带时区）' }) at: Date;
  organizationId: string;
}

@ObjectType('ProjectApplication', {
  description: '承接申请 project application of an organization；工作人员 staff in scope 看到全部，申请组织看到自己的，公众只看到中选的申请',
})
export class ProjectApplication {
  @Field(() => ID, { description: '申请 id' }) id: string;
  @Field(() => ID, { description: '所申请项目的 id' }) projectId: string;
  @Field(() => ID, { description: '申请组织 organization 的 id' }) organizationId: string;
  @Field({ description: '申请组织名称 organization name' }) organizationName: string;
  @Field({ description: '实施方案 plan' }) plan: string;
  @Field(() => FenScalar, { description: '报价 quote，单位分 fen（≤ 项目预算 budgetFen）' }) quoteFen: number;
  @Field(() => String, { nullable: true, description: '项目团队说明 team（岗位与人数，不含个人信息）' }) team: string | null;
  @Field(() => ApplicationStatus, { description: '申请状态 application status' }) status: ApplicationStatus;
  @Field(() => String, { nullable: true, description: '中选或未中选的理由 decision reason（未中选者被告知中选组织）' }) decisionReason: string | null;
  @Field(() => Date, { description: '提交时间 DateTime（ISO 8601，带时区）' }) createdAt: Date;
  @Field(() => Date, { nullable: true, description: '确定承接组织的时间 DateTime（ISO 8601，带时区）；未决定为 null' }) decidedAt: Date | null;
}

@ObjectType('ProjectActivity', { description: '活动/班次 project activity: 一次有日期的服务活动，带志愿者名额 volunteer slots' })
export class ProjectActivity {
  @Field(() => ID, { description: '活动 id' }) id: string;
  @Field(() => ID, { description: '所属项目的 id' }) projectId: string;
  @Field({ description: '活动名称 title' }) title: string;
  @Field(() => Date, { description: '开始时间 DateTime（ISO 8601，带时区）' }) startsAt: Date;
  @Field(() => Date, { description: '结束时间 DateTime（ISO 8601，带时区；活动不超过 24 小时）' }) endsAt: Date;
  @Field({ description: '活动地址 address（公共场所，不是居民住址）' }) address: string;
  @Field(() => ID, { description: '活动所在社区或网格 community / grid 的 id' }) regionId: string;
  @Field(() => Int, { description: '志愿者名额 volunteer slots（1–500）' }) volunteerSlots: number;
  @Field(() => [String], { description: '所需技能 required skills（技能名称）' }) requiredSkills: string[];
  @Field(() => ActivityStatus, { description: '活动状态 activity status' }) status: ActivityStatus;
  @Field(() => Int, { nullable: true, description: '服务人次 people served（确认出勤时填写）；未确认为 null' }) peopleServed: number | null;
  @Field(() => Int, { description: '已占名额的志愿者人数 volunteers holding a slot（公开）' }) signedUpCount: number;
  @Field(() => Int, { description: '候补人数 volunteers on the waitlist（公开）' }) waitlistCount: number;
  @Field(() => Int, { description: '已确认出勤的人数 attendees confirmed（公开）' }) attendedCount: number;
  @Field(() => Date, { nullable: true, description: '确认出勤的时间 DateTime（ISO 8601，带时区）；未确认为 null' }) confirmedAt: Date | null;
  path: string;
  category: NeedCategory;
  servedNeedIds: string[];
  /** Whether the viewer may see who signed up (staff in scope, the organization). */
  showsPeople: boolean;
}

@ObjectType('ActivitySignup', { description: '我的活动报名 my sign-up: 占名额或在候补名单上（仅本人可见）' })
export class ActivitySignup {
  @Field(() => ID, { description: '活动 id' }) activityId: string;
  @Field(() => SignupStatus, { description: '报名状态 sign-up status' }) status: SignupStatus;
  @Field(() => Int, { nullable: true, description: '候补位次 waitlist position（1 = 下一个递补）；不在候补时为 null' }) waitlistPosition: number | null;
}

@ObjectType('EvaluationScore', { description: '评估维度得分 evaluation score: 一个维度的权重和得分' })
export class EvaluationScore {
  @Field({ description: '评估维度 criterion，如 项目管理、服务成效' }) criterion: string;
  @Field(() => Int, { description: '权重 weight（整数 1–100，各维度合计 100）' }) weight: number;
  @Field(() => Int, { description: '得分 score（0–100）' }) score: number;
}

@ObjectType('ProjectEvaluation', { description: '绩效评估 project evaluation: 加权评分、计算出的总分，以及评估时的指标（公开）' })
export class ProjectEvaluation {
  @Field(() => ID, { description: '评估 id' }) id: string;
  @Field(() => ID, { description: '被评估项目的 id' }) projectId: string;
  @Field(() => EvaluationStage, { description: '评估阶段 stage（FINAL 使项目进入 EVALUATED）' }) stage: EvaluationStage;
  @Field(() => [EvaluationScore], { description: '各维度得分 scores' }) scores: EvaluationScore[];
  @Field(() => Float, { description: '总分 total score = Σ 权重 weight × 得分 score / 100（0–100）' }) totalScore: number;
  @Field({ description: '评估结论 conclusion' }) conclusion: string;
  @Field(() => [ProjectIndicator], { description: '评估时计算的绩效指标 indicators at the time of the evaluation' }) indicators: ProjectIndicator[];
  @Field(() => String, { nullable: true, description: '第三方评估机构名称 evaluator organization name（经授权的机构评估时）；街道管理员评估为 null' })
  evaluatorOrganizationName: string | null;
  @Field(() => Date, { description: '评估时间 DateTime（ISO 8601，带时区）' }) createdAt: Date;
}

@ObjectType('ProjectEvaluatorGrant', { description: '第三方评估授权 evaluator grant: 授权一个组织评估某区域下的项目' })
export class ProjectEvaluatorGrant {
  @Field(() => ID, { description: '授权 id' }) id: string;
  @Field(() => ID, { description: '被授权的评估机构 organization 的 id' }) organizationId: string;
  @Field(() => ID, { description: '授权覆盖的区域 region 的 id（含其下级）' }) regionId: string;
  @Field(() => Date, { description: '授权时间 DateTime（ISO 8601，带时区）' }) grantedAt: Date;
}

@ObjectType('Consultation', { description: '议事协商 consultation: 社区召开的协商会议，确定需求优先次序，立项申请可引用' })
export class Consultation {
  @Field(() => ID, { description: '协商记录 id' }) id: string;
  @Field(() => ID, { description: '召开会议的社区 community 的 id' }) communityId: string;
  @Field({ description: '议题 topic' }) topic: string;
  @Field(() => Date, { description: '会议时间 DateTime（ISO 8601，带时区）' }) heldAt: Date;
  @Field(() => Int, { description: '参与人数 participants' }) participants: number;
  @Field({ description: '议定事项 decisions' }) decisions: string;
  @Field(() => Int, { description: '讨论的需求数 needs discussed' }) needCount: number;
  needIds: string[];
  path: string;
}

@ObjectType('Project', {
  description:
    '民生项目 project（第三张清单 the third list）；自 PUBLISHED 起对所有人公开，不含个人信息；辖区工作人员 staff in scope、立项人和承接组织看到全部',
})
export class Project {
  @Field(() => ID, { description: '项目 id' }) id: string;
  @Field({ description: '项目名称 title' }) title: string;
  @Field(() => ProjectStatus, { description: '项目状态 project status' }) status: ProjectStatus;
  @Field(() => NeedCategory, { description: '服务类别 category（同需求类别 need category）' }) category: NeedCategory;
  @Field({ description: '项目说明 description' }) description: string;
  @Field(() => [String], { description: '服务对象 target groups，如 独居老人' }) targetGroups: string[];
  @Field(() => Date, { description: '计划开始时间 start（DateTime，ISO 8601，带时区）' }) startsOn: Date;
  @Field(() => Date, { description: '计划结束时间 end（DateTime，ISO 8601，带时区；晚于 startsOn）' }) endsOn: Date;
  @Field(() => Date, { nullable: true, description: '承接申请截止时间 applications close（DateTime，ISO 8601，带时区）；发布前为 null' }) applyBy: Date | null;
  @Field(() => FenScalar, { description: '项目预算 budget，单位分 fen（各资金来源行之和）' }) budgetFen: number;
  @Field(() => FenScalar, { description: '慈善基金中为本项目预留、尚未拨付或释放的金额，单位分 fen' }) reservedFen: number;
  @Field(() => FenScalar, { description: '已拨付给承接组织的金额，单位分 fen' }) disbursedFen: number;
  @Field(() => String, { nullable: true, description: '最近一次驳回、暂停或取消的原因 status reason' }) statusReason: string | null;
  @Field(() => ID, { nullable: true, description: '立项依据的议事协商 consultation 的 id' }) consultationId: string | null;
  @Field(() => Date, { description: '立项申请时间 DateTime（ISO 8601，带时区）' }) createdAt: Date;
  regionId: string;
  path: string;
  organizationId: string | null;
  proposedBy: string;
  /** What the viewer may see: FULL (staff in scope, proposer, the organization) or PUBLIC (信息公开). */
  /** Grids of linked needs and regions of activities: staff whose PROJECT_READ covers one of them read the project. */
  concernedPaths?: string[];
  view: 'FULL' | 'PUBLIC';
}

registerEnumType(ProjectSignalType, {
  name: 'ProjectNoticeType',
  description: '承接结果通知类型 project notice type',
  valuesMap: { AWARDED: { description: '本组织获选承接' }, NOT_AWARDED: { description: '未获选（已确定其他承接组织）' } },
});

@ObjectType('ProjectNotice', {
  description: '承接结果通知 project notice: 项目确定承接组织时推送给各申请组织的管理员（仅 id；理由见 ProjectApplication.decisionReason）',
})
export class ProjectNotice {
  @Field(() => ProjectSignalType, { description: '通知类型 notice type: AWARDED 中选 / NOT_AWARDED 未中选' }) type: ProjectSignalType;
  @Field(() => ID, { description: '项目 id' }) projectId: string;
  @Field(() => ID, { description: '本组织的承接申请 application 的 id' }) applicationId: string;
  @Field(() => ID, { description: '申请组织 organization 的 id' }) organizationId: string;
  @Field({ description: '确定承接的时间 DateTime（ISO 8601，带时区）' }) at: Date;
}
