import { ProjectSignalType } from './project-signals.js';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FenScalar } from '../common/graphql/fen.scalar.js';
import { NeedCategory } from '../needs/need.model.js';
import { NeedStatus } from '../needs/need-transitions.js';
import { ProjectStatus } from './project-transitions.js';

export { ProjectStatus };

registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: '民生项目 lifecycle (docs/projects.md)',
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
  description: '绩效指标: computed from operations, never typed in',
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
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });

export enum SignupStatus {
  SIGNED_UP = 'SIGNED_UP',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(SignupStatus, {
  name: 'SignupStatus',
  valuesMap: { SIGNED_UP: { description: '已报名（占名额）' }, WAITLISTED: { description: '候补' }, CANCELLED: { description: '已取消' } },
});

@ObjectType('FundingLine', { description: '资金来源: budget = the sum of the lines; charity lines are reserved at approval' })
export class FundingLine {
  @Field(() => FundingSource) source: FundingSource;
  @Field(() => FenScalar) amountFen: number;
  @Field(() => ID, { nullable: true, description: 'The charity fund of a CHARITY_FUND line' }) charityId: string | null;
  @Field(() => String, { nullable: true }) charityName: string | null;
  @Field(() => FenScalar, { description: 'Reserved from the fund and not yet released or paid out' }) reservedFen: number;
  @Field(() => FenScalar) disbursedFen: number;
  @Field(() => FenScalar) releasedFen: number;
  id: string;
  projectId: string;
  position: number;
  reservedTotal: number;
}

@ObjectType('ProjectIndicator', { description: '绩效指标: target set at proposal, actual computed from operations' })
export class ProjectIndicator {
  @Field(() => ProjectMetric) metric: ProjectMetric;
  @Field(() => Int) target: number;
  @Field(() => Int, { nullable: true, description: 'Computed now; null for a rate with nothing to divide by' }) actual: number | null;
  @Field(() => Float, { nullable: true, description: 'actual / target (0–1+), null when the target is 0 or actual unknown' }) progress: number | null;
}

@ObjectType('ProjectEvent', { description: 'One recorded transition of a project: who, why, when' })
export class ProjectEvent {
  @Field() action: string;
  @Field(() => ProjectStatus) from: ProjectStatus;
  @Field(() => ProjectStatus) to: ProjectStatus;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Date) at: Date;
  /** Hidden from anonymous viewers (resolved to a masked Person for staff). */
  actorId: string | null;
}

@ObjectType('ProjectNeed', { description: 'A need linked to the project, without personal data' })
export class ProjectNeed {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => NeedCategory) category: NeedCategory;
  @Field(() => NeedStatus) status: NeedStatus;
  @Field({ description: 'Served by a confirmed activity of the project' }) fulfilled: boolean;
}

@ObjectType('ProjectResource', { description: 'A resource linked to the project' })
export class ProjectResource {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() kind: string;
}

@ObjectType('PastEvaluation', { description: 'An evaluation of an earlier project the organization undertook' })
export class PastEvaluation {
  @Field(() => ID) projectId: string;
  @Field() projectTitle: string;
  @Field(() => EvaluationStage) stage: EvaluationStage;
  @Field(() => Float) totalScore: number;
  @Field(() => Date) at: Date;
  organizationId: string;
}

@ObjectType('ProjectApplication', { description: '承接申请 of an organization, with its past evaluations beside it' })
export class ProjectApplication {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field() plan: string;
  @Field(() => FenScalar) quoteFen: number;
  @Field(() => String, { nullable: true }) team: string | null;
  @Field(() => ApplicationStatus) status: ApplicationStatus;
  @Field(() => String, { nullable: true, description: 'Why it was awarded or not (the others are told)' }) decisionReason: string | null;
  @Field(() => Date) createdAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
}

@ObjectType('ProjectActivity', { description: '活动/班次: a dated session with volunteer slots' })
export class ProjectActivity {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field() title: string;
  @Field(() => Date) startsAt: Date;
  @Field(() => Date) endsAt: Date;
  @Field() address: string;
  @Field(() => ID) regionId: string;
  @Field(() => Int) volunteerSlots: number;
  @Field(() => [String]) requiredSkills: string[];
  @Field(() => ActivityStatus) status: ActivityStatus;
  @Field(() => Int, { nullable: true }) peopleServed: number | null;
  @Field(() => Int, { description: 'Volunteers holding a slot' }) signedUpCount: number;
  @Field(() => Int, { description: 'Volunteers on the waitlist' }) waitlistCount: number;
  @Field(() => Int, { description: 'Attendees confirmed' }) attendedCount: number;
  @Field(() => Date, { nullable: true }) confirmedAt: Date | null;
  path: string;
  category: NeedCategory;
  servedNeedIds: string[];
  /** Whether the viewer may see who signed up (staff in scope, the organization). */
  showsPeople: boolean;
}

@ObjectType('ActivitySignup', { description: 'My place on an activity: a slot or the waitlist' })
export class ActivitySignup {
  @Field(() => ID) activityId: string;
  @Field(() => SignupStatus) status: SignupStatus;
  @Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next)' }) waitlistPosition: number | null;
}

@ObjectType('EvaluationScore')
export class EvaluationScore {
  @Field() criterion: string;
  @Field(() => Int) weight: number;
  @Field(() => Int) score: number;
}

@ObjectType('ProjectEvaluation', { description: '绩效评估: weighted criteria, total computed, the indicators of the moment beside it' })
export class ProjectEvaluation {
  @Field(() => ID) id: string;
  @Field(() => ID) projectId: string;
  @Field(() => EvaluationStage) stage: EvaluationStage;
  @Field(() => [EvaluationScore]) scores: EvaluationScore[];
  @Field(() => Float, { description: 'Σ weight × score / 100' }) totalScore: number;
  @Field() conclusion: string;
  @Field(() => [ProjectIndicator], { description: 'The computed indicators when it was evaluated' }) indicators: ProjectIndicator[];
  @Field(() => String, { nullable: true, description: 'The evaluator organization, when a granted one evaluated' }) evaluatorOrganizationName: string | null;
  @Field(() => Date) createdAt: Date;
}

@ObjectType('ProjectEvaluatorGrant', { description: 'A third-party evaluator organization granted to evaluate projects under a region' })
export class ProjectEvaluatorGrant {
  @Field(() => ID) id: string;
  @Field(() => ID) organizationId: string;
  @Field(() => ID) regionId: string;
  @Field(() => Date) grantedAt: Date;
}

@ObjectType('Consultation', { description: '议事协商: a community meeting that put needs first' })
export class Consultation {
  @Field(() => ID) id: string;
  @Field(() => ID) communityId: string;
  @Field() topic: string;
  @Field(() => Date) heldAt: Date;
  @Field(() => Int) participants: number;
  @Field() decisions: string;
  @Field(() => Int, { description: 'Needs discussed' }) needCount: number;
  needIds: string[];
  path: string;
}

@ObjectType('Project', { description: '民生项目 (the third list); public from PUBLISHED on, without personal data' })
export class Project {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => ProjectStatus) status: ProjectStatus;
  @Field(() => NeedCategory) category: NeedCategory;
  @Field() description: string;
  @Field(() => [String]) targetGroups: string[];
  @Field(() => Date) startsOn: Date;
  @Field(() => Date) endsOn: Date;
  @Field(() => Date, { nullable: true, description: 'Applications close at this time' }) applyBy: Date | null;
  @Field(() => FenScalar, { description: 'The sum of the funding lines' }) budgetFen: number;
  @Field(() => FenScalar, { description: 'Held in charity funds for the project, not yet paid out or released' }) reservedFen: number;
  @Field(() => FenScalar) disbursedFen: number;
  @Field(() => String, { nullable: true, description: 'Reason of the last rejection, suspension or cancellation' }) statusReason: string | null;
  @Field(() => ID, { nullable: true }) consultationId: string | null;
  @Field(() => Date) createdAt: Date;
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
  valuesMap: { AWARDED: { description: '本组织获选承接' }, NOT_AWARDED: { description: '未获选（已确定其他承接组织）' } },
});

@ObjectType('ProjectNotice', {
  description: 'Pushed to the admins of an applying organization when the project is awarded (ids only; read the reason on ProjectApplication.decisionReason)',
})
export class ProjectNotice {
  @Field(() => ProjectSignalType) type: ProjectSignalType;
  @Field(() => ID) projectId: string;
  @Field(() => ID) applicationId: string;
  @Field(() => ID) organizationId: string;
  @Field() at: Date;
}
