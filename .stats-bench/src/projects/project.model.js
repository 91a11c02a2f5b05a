var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
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
        PROPOSED: { description: '立项申请' }, APPROVED: { description: '已立项（预算已预留）' }, PUBLISHED: { description: '信息发布，接受承接申请' },
        UNDERTAKEN: { description: '已确定承接组织' }, RUNNING: { description: '实施中' }, EVALUATED: { description: '已完成绩效评估' },
        CLOSED: { description: '已结项' }, REJECTED: { description: '未予立项' }, CANCELLED: { description: '已取消' }, SUSPENDED: { description: '暂停' },
    },
});
export var FundingSource;
(function (FundingSource) {
    FundingSource["GOVERNMENT_PURCHASE"] = "GOVERNMENT_PURCHASE";
    FundingSource["CHARITY_FUND"] = "CHARITY_FUND";
    FundingSource["SELF_RAISED"] = "SELF_RAISED";
})(FundingSource || (FundingSource = {}));
registerEnumType(FundingSource, {
    name: 'FundingSource',
    valuesMap: { GOVERNMENT_PURCHASE: { description: '政府购买服务' }, CHARITY_FUND: { description: '社区慈善基金' }, SELF_RAISED: { description: '自筹' } },
});
export var ProjectMetric;
(function (ProjectMetric) {
    ProjectMetric["SERVICE_MINUTES"] = "SERVICE_MINUTES";
    ProjectMetric["PEOPLE_SERVED"] = "PEOPLE_SERVED";
    ProjectMetric["NEEDS_FULFILLED"] = "NEEDS_FULFILLED";
    ProjectMetric["SESSIONS_HELD"] = "SESSIONS_HELD";
    ProjectMetric["VOLUNTEERS_ENGAGED"] = "VOLUNTEERS_ENGAGED";
    ProjectMetric["SATISFACTION_RATE"] = "SATISFACTION_RATE";
})(ProjectMetric || (ProjectMetric = {}));
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
export var EvaluationStage;
(function (EvaluationStage) {
    EvaluationStage["MIDTERM"] = "MIDTERM";
    EvaluationStage["FINAL"] = "FINAL";
})(EvaluationStage || (EvaluationStage = {}));
registerEnumType(EvaluationStage, { name: 'EvaluationStage', valuesMap: { MIDTERM: { description: '中期评估' }, FINAL: { description: '终期评估（项目进入 EVALUATED）' } } });
export var ApplicationStatus;
(function (ApplicationStatus) {
    ApplicationStatus["SUBMITTED"] = "SUBMITTED";
    ApplicationStatus["WITHDRAWN"] = "WITHDRAWN";
    ApplicationStatus["AWARDED"] = "AWARDED";
    ApplicationStatus["NOT_AWARDED"] = "NOT_AWARDED";
})(ApplicationStatus || (ApplicationStatus = {}));
registerEnumType(ApplicationStatus, {
    name: 'ApplicationStatus',
    valuesMap: { SUBMITTED: { description: '已提交（有效）' }, WITHDRAWN: { description: '已撤回' }, AWARDED: { description: '中选承接' }, NOT_AWARDED: { description: '未中选（已通知）' } },
});
export var ActivityStatus;
(function (ActivityStatus) {
    ActivityStatus["SCHEDULED"] = "SCHEDULED";
    ActivityStatus["CONFIRMED"] = "CONFIRMED";
    ActivityStatus["CANCELLED"] = "CANCELLED";
})(ActivityStatus || (ActivityStatus = {}));
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
export var SignupStatus;
(function (SignupStatus) {
    SignupStatus["SIGNED_UP"] = "SIGNED_UP";
    SignupStatus["WAITLISTED"] = "WAITLISTED";
    SignupStatus["CANCELLED"] = "CANCELLED";
})(SignupStatus || (SignupStatus = {}));
registerEnumType(SignupStatus, { name: 'SignupStatus', valuesMap: { SIGNED_UP: { description: '已报名（占名额）' }, WAITLISTED: { description: '候补' }, CANCELLED: { description: '已取消' } } });
let FundingLine = class FundingLine {
    source;
    amountFen;
    charityId;
    charityName;
    reservedFen;
    disbursedFen;
    releasedFen;
    id;
    projectId;
    position;
    reservedTotal;
};
__decorate([
    Field(() => FundingSource),
    __metadata("design:type", String)
], FundingLine.prototype, "source", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], FundingLine.prototype, "amountFen", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The charity fund of a CHARITY_FUND line' }),
    __metadata("design:type", Object)
], FundingLine.prototype, "charityId", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], FundingLine.prototype, "charityName", void 0);
__decorate([
    Field(() => FenScalar, { description: 'Reserved from the fund and not yet released or paid out' }),
    __metadata("design:type", Number)
], FundingLine.prototype, "reservedFen", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], FundingLine.prototype, "disbursedFen", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], FundingLine.prototype, "releasedFen", void 0);
FundingLine = __decorate([
    ObjectType('FundingLine', { description: '资金来源: budget = the sum of the lines; charity lines are reserved at approval' })
], FundingLine);
export { FundingLine };
let ProjectIndicator = class ProjectIndicator {
    metric;
    target;
    actual;
    progress;
};
__decorate([
    Field(() => ProjectMetric),
    __metadata("design:type", String)
], ProjectIndicator.prototype, "metric", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ProjectIndicator.prototype, "target", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'Computed now; null for a rate with nothing to divide by' }),
    __metadata("design:type", Object)
], ProjectIndicator.prototype, "actual", void 0);
__decorate([
    Field(() => Float, { nullable: true, description: 'actual / target (0–1+), null when the target is 0 or actual unknown' }),
    __metadata("design:type", Object)
], ProjectIndicator.prototype, "progress", void 0);
ProjectIndicator = __decorate([
    ObjectType('ProjectIndicator', { description: '绩效指标: target set at proposal, actual computed from operations' })
], ProjectIndicator);
export { ProjectIndicator };
let ProjectEvent = class ProjectEvent {
    action;
    from;
    to;
    reason;
    at;
    /** Hidden from anonymous viewers (resolved to a masked Person for staff). */
    actorId;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectEvent.prototype, "action", void 0);
__decorate([
    Field(() => ProjectStatus),
    __metadata("design:type", String)
], ProjectEvent.prototype, "from", void 0);
__decorate([
    Field(() => ProjectStatus),
    __metadata("design:type", String)
], ProjectEvent.prototype, "to", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], ProjectEvent.prototype, "reason", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], ProjectEvent.prototype, "at", void 0);
ProjectEvent = __decorate([
    ObjectType('ProjectEvent', { description: 'One recorded transition of a project: who, why, when' })
], ProjectEvent);
export { ProjectEvent };
let ProjectNeed = class ProjectNeed {
    id;
    title;
    category;
    status;
    fulfilled;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectNeed.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectNeed.prototype, "title", void 0);
__decorate([
    Field(() => NeedCategory),
    __metadata("design:type", String)
], ProjectNeed.prototype, "category", void 0);
__decorate([
    Field(() => NeedStatus),
    __metadata("design:type", String)
], ProjectNeed.prototype, "status", void 0);
__decorate([
    Field({ description: 'Served by a confirmed activity of the project' }),
    __metadata("design:type", Boolean)
], ProjectNeed.prototype, "fulfilled", void 0);
ProjectNeed = __decorate([
    ObjectType('ProjectNeed', { description: 'A need linked to the project, without personal data' })
], ProjectNeed);
export { ProjectNeed };
let ProjectResource = class ProjectResource {
    id;
    name;
    kind;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectResource.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectResource.prototype, "name", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectResource.prototype, "kind", void 0);
ProjectResource = __decorate([
    ObjectType('ProjectResource', { description: 'A resource linked to the project' })
], ProjectResource);
export { ProjectResource };
let PastEvaluation = class PastEvaluation {
    projectId;
    projectTitle;
    stage;
    totalScore;
    at;
    organizationId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], PastEvaluation.prototype, "projectId", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], PastEvaluation.prototype, "projectTitle", void 0);
__decorate([
    Field(() => EvaluationStage),
    __metadata("design:type", String)
], PastEvaluation.prototype, "stage", void 0);
__decorate([
    Field(() => Float),
    __metadata("design:type", Number)
], PastEvaluation.prototype, "totalScore", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], PastEvaluation.prototype, "at", void 0);
PastEvaluation = __decorate([
    ObjectType('PastEvaluation', { description: 'An evaluation of an earlier project the organization undertook' })
], PastEvaluation);
export { PastEvaluation };
let ProjectApplication = class ProjectApplication {
    id;
    projectId;
    organizationId;
    organizationName;
    plan;
    quoteFen;
    team;
    status;
    decisionReason;
    createdAt;
    decidedAt;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectApplication.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectApplication.prototype, "projectId", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectApplication.prototype, "organizationId", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectApplication.prototype, "organizationName", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectApplication.prototype, "plan", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], ProjectApplication.prototype, "quoteFen", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], ProjectApplication.prototype, "team", void 0);
__decorate([
    Field(() => ApplicationStatus),
    __metadata("design:type", String)
], ProjectApplication.prototype, "status", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Why it was awarded or not (the others are told)' }),
    __metadata("design:type", Object)
], ProjectApplication.prototype, "decisionReason", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], ProjectApplication.prototype, "createdAt", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], ProjectApplication.prototype, "decidedAt", void 0);
ProjectApplication = __decorate([
    ObjectType('ProjectApplication', { description: '承接申请 of an organization, with its past evaluations beside it' })
], ProjectApplication);
export { ProjectApplication };
let ProjectActivity = class ProjectActivity {
    id;
    projectId;
    title;
    startsAt;
    endsAt;
    address;
    regionId;
    volunteerSlots;
    requiredSkills;
    status;
    peopleServed;
    signedUpCount;
    waitlistCount;
    attendedCount;
    confirmedAt;
    path;
    category;
    servedNeedIds;
    /** Whether the viewer may see who signed up (staff in scope, the organization). */
    showsPeople;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectActivity.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectActivity.prototype, "projectId", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectActivity.prototype, "title", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], ProjectActivity.prototype, "startsAt", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], ProjectActivity.prototype, "endsAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectActivity.prototype, "address", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectActivity.prototype, "regionId", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], ProjectActivity.prototype, "volunteerSlots", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], ProjectActivity.prototype, "requiredSkills", void 0);
__decorate([
    Field(() => ActivityStatus),
    __metadata("design:type", String)
], ProjectActivity.prototype, "status", void 0);
__decorate([
    Field(() => Int, { nullable: true }),
    __metadata("design:type", Object)
], ProjectActivity.prototype, "peopleServed", void 0);
__decorate([
    Field(() => Int, { description: 'Volunteers holding a slot' }),
    __metadata("design:type", Number)
], ProjectActivity.prototype, "signedUpCount", void 0);
__decorate([
    Field(() => Int, { description: 'Volunteers on the waitlist' }),
    __metadata("design:type", Number)
], ProjectActivity.prototype, "waitlistCount", void 0);
__decorate([
    Field(() => Int, { description: 'Attendees confirmed' }),
    __metadata("design:type", Number)
], ProjectActivity.prototype, "attendedCount", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], ProjectActivity.prototype, "confirmedAt", void 0);
ProjectActivity = __decorate([
    ObjectType('ProjectActivity', { description: '活动/班次: a dated session with volunteer slots' })
], ProjectActivity);
export { ProjectActivity };
let ActivitySignup = class ActivitySignup {
    activityId;
    status;
    waitlistPosition;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ActivitySignup.prototype, "activityId", void 0);
__decorate([
    Field(() => SignupStatus),
    __metadata("design:type", String)
], ActivitySignup.prototype, "status", void 0);
__decorate([
    Field(() => Int, { nullable: true, description: 'Place on the waitlist (1 = next)' }),
    __metadata("design:type", Object)
], ActivitySignup.prototype, "waitlistPosition", void 0);
ActivitySignup = __decorate([
    ObjectType('ActivitySignup', { description: 'My place on an activity: a slot or the waitlist' })
], ActivitySignup);
export { ActivitySignup };
let EvaluationScore = class EvaluationScore {
    criterion;
    weight;
    score;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], EvaluationScore.prototype, "criterion", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], EvaluationScore.prototype, "weight", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], EvaluationScore.prototype, "score", void 0);
EvaluationScore = __decorate([
    ObjectType('EvaluationScore')
], EvaluationScore);
export { EvaluationScore };
let ProjectEvaluation = class ProjectEvaluation {
    id;
    projectId;
    stage;
    scores;
    totalScore;
    conclusion;
    indicators;
    evaluatorOrganizationName;
    createdAt;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectEvaluation.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectEvaluation.prototype, "projectId", void 0);
__decorate([
    Field(() => EvaluationStage),
    __metadata("design:type", String)
], ProjectEvaluation.prototype, "stage", void 0);
__decorate([
    Field(() => [EvaluationScore]),
    __metadata("design:type", Array)
], ProjectEvaluation.prototype, "scores", void 0);
__decorate([
    Field(() => Float, { description: 'Σ weight × score / 100' }),
    __metadata("design:type", Number)
], ProjectEvaluation.prototype, "totalScore", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], ProjectEvaluation.prototype, "conclusion", void 0);
__decorate([
    Field(() => [ProjectIndicator], { description: 'The computed indicators when it was evaluated' }),
    __metadata("design:type", Array)
], ProjectEvaluation.prototype, "indicators", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'The evaluator organization, when a granted one evaluated' }),
    __metadata("design:type", Object)
], ProjectEvaluation.prototype, "evaluatorOrganizationName", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], ProjectEvaluation.prototype, "createdAt", void 0);
ProjectEvaluation = __decorate([
    ObjectType('ProjectEvaluation', { description: '绩效评估: weighted criteria, total computed, the indicators of the moment beside it' })
], ProjectEvaluation);
export { ProjectEvaluation };
let ProjectEvaluatorGrant = class ProjectEvaluatorGrant {
    id;
    organizationId;
    regionId;
    grantedAt;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectEvaluatorGrant.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectEvaluatorGrant.prototype, "organizationId", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], ProjectEvaluatorGrant.prototype, "regionId", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], ProjectEvaluatorGrant.prototype, "grantedAt", void 0);
ProjectEvaluatorGrant = __decorate([
    ObjectType('ProjectEvaluatorGrant', { description: 'A third-party evaluator organization granted to evaluate projects under a region' })
], ProjectEvaluatorGrant);
export { ProjectEvaluatorGrant };
let Consultation = class Consultation {
    id;
    communityId;
    topic;
    heldAt;
    participants;
    decisions;
    needCount;
    needIds;
    path;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Consultation.prototype, "id", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Consultation.prototype, "communityId", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Consultation.prototype, "topic", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Consultation.prototype, "heldAt", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], Consultation.prototype, "participants", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Consultation.prototype, "decisions", void 0);
__decorate([
    Field(() => Int, { description: 'Needs discussed' }),
    __metadata("design:type", Number)
], Consultation.prototype, "needCount", void 0);
Consultation = __decorate([
    ObjectType('Consultation', { description: '议事协商: a community meeting that put needs first' })
], Consultation);
export { Consultation };
let Project = class Project {
    id;
    title;
    status;
    category;
    description;
    targetGroups;
    startsOn;
    endsOn;
    applyBy;
    budgetFen;
    reservedFen;
    disbursedFen;
    statusReason;
    consultationId;
    createdAt;
    regionId;
    path;
    organizationId;
    proposedBy;
    /** What the viewer may see: FULL (staff in scope, proposer, the organization) or PUBLIC (信息公开). */
    view;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], Project.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Project.prototype, "title", void 0);
__decorate([
    Field(() => ProjectStatus),
    __metadata("design:type", String)
], Project.prototype, "status", void 0);
__decorate([
    Field(() => NeedCategory),
    __metadata("design:type", String)
], Project.prototype, "category", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], Project.prototype, "description", void 0);
__decorate([
    Field(() => [String]),
    __metadata("design:type", Array)
], Project.prototype, "targetGroups", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Project.prototype, "startsOn", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Project.prototype, "endsOn", void 0);
__decorate([
    Field(() => Date, { nullable: true, description: 'Applications close at this time' }),
    __metadata("design:type", Object)
], Project.prototype, "applyBy", void 0);
__decorate([
    Field(() => FenScalar, { description: 'The sum of the funding lines' }),
    __metadata("design:type", Number)
], Project.prototype, "budgetFen", void 0);
__decorate([
    Field(() => FenScalar, { description: 'Held in charity funds for the project, not yet paid out or released' }),
    __metadata("design:type", Number)
], Project.prototype, "reservedFen", void 0);
__decorate([
    Field(() => FenScalar),
    __metadata("design:type", Number)
], Project.prototype, "disbursedFen", void 0);
__decorate([
    Field(() => String, { nullable: true, description: 'Reason of the last rejection, suspension or cancellation' }),
    __metadata("design:type", Object)
], Project.prototype, "statusReason", void 0);
__decorate([
    Field(() => ID, { nullable: true }),
    __metadata("design:type", Object)
], Project.prototype, "consultationId", void 0);
__decorate([
    Field(() => Date),
    __metadata("design:type", Date)
], Project.prototype, "createdAt", void 0);
Project = __decorate([
    ObjectType('Project', { description: '民生项目 (the third list); public from PUBLISHED on, without personal data' })
], Project);
export { Project };
//# sourceMappingURL=project.model.js.map