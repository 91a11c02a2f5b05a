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
import { ConnectionType } from '../common/graphql/connection.js';
import { CareGroup, VisitMode } from './visit-schedule.js';
import { VisitTaskStatus } from './visit-task-transitions.js';
export { CareGroup, VisitMode, VisitTaskStatus };
export var VisitOutcome;
(function (VisitOutcome) {
    VisitOutcome["WELL"] = "WELL";
    VisitOutcome["CONCERN"] = "CONCERN";
    VisitOutcome["NOT_HOME"] = "NOT_HOME";
    VisitOutcome["HOSPITALIZED"] = "HOSPITALIZED";
    VisitOutcome["MOVED"] = "MOVED";
    VisitOutcome["DECEASED"] = "DECEASED";
})(VisitOutcome || (VisitOutcome = {}));
export var CareStatus;
(function (CareStatus) {
    CareStatus["ACTIVE"] = "ACTIVE";
    CareStatus["PAUSED"] = "PAUSED";
    CareStatus["ENDED"] = "ENDED";
})(CareStatus || (CareStatus = {}));
/** Observed risks 风险发现, as codes. */
export var VisitRisk;
(function (VisitRisk) {
    VisitRisk["HEALTH_DECLINE"] = "HEALTH_DECLINE";
    VisitRisk["NO_FOOD"] = "NO_FOOD";
    VisitRisk["UNSAFE_HOUSING"] = "UNSAFE_HOUSING";
    VisitRisk["EMOTIONAL_DISTRESS"] = "EMOTIONAL_DISTRESS";
    VisitRisk["ABUSE_SUSPECTED"] = "ABUSE_SUSPECTED";
})(VisitRisk || (VisitRisk = {}));
export var CareFollowUpKind;
(function (CareFollowUpKind) {
    CareFollowUpKind["CONCERN"] = "CONCERN";
    CareFollowUpKind["MISSED_CALLBACK"] = "MISSED_CALLBACK";
    CareFollowUpKind["END_CONFIRMATION"] = "END_CONFIRMATION";
})(CareFollowUpKind || (CareFollowUpKind = {}));
registerEnumType(CareGroup, {
    name: 'CareGroup',
    description: '关爱类别',
    valuesMap: {
        SPECIAL_HARDSHIP_ELDERLY: { description: '特殊困难老年人（独居、空巢、失能/半失能、高龄、计划生育特殊家庭）' },
        CHILD_IN_DIFFICULTY: { description: '困境儿童' },
        LEFT_BEHIND_CHILD: { description: '留守儿童' },
        DISABLED: { description: '残疾人' },
        LOW_INCOME: { description: '低保/特困' },
    },
});
registerEnumType(VisitMode, { name: 'VisitMode', description: '探访方式', valuesMap: { HOME: { description: '入户' }, PHONE: { description: '电话' }, VIDEO: { description: '视频' } } });
registerEnumType(VisitOutcome, {
    name: 'VisitOutcome',
    description: '探访结果',
    valuesMap: {
        WELL: { description: '见到本人，情况良好' }, CONCERN: { description: '见到本人，发现问题' }, NOT_HOME: { description: '不在家（算尝试，不算探访）' },
        HOSPITALIZED: { description: '住院（暂停探访）' }, MOVED: { description: '已迁出（经工作人员确认后结束）' }, DECEASED: { description: '已去世（经工作人员确认后结束）' },
    },
});
registerEnumType(VisitTaskStatus, { name: 'VisitTaskStatus', description: '探访任务状态' });
registerEnumType(CareStatus, { name: 'CareStatus', description: '关爱登记状态: ACTIVE 在册, PAUSED 暂停, ENDED 已结束' });
registerEnumType(VisitRisk, {
    name: 'VisitRisk',
    description: '探访发现的风险',
    valuesMap: {
        HEALTH_DECLINE: { description: '健康状况下降' }, NO_FOOD: { description: '缺少食物' }, UNSAFE_HOUSING: { description: '居住不安全' },
        EMOTIONAL_DISTRESS: { description: '情绪困扰' }, ABUSE_SUSPECTED: { description: '疑似受虐待' },
    },
});
registerEnumType(CareFollowUpKind, {
    name: 'CareFollowUpKind',
    description: '跟进事项',
    valuesMap: { CONCERN: { description: '探访发现问题的跟进' }, MISSED_CALLBACK: { description: '未按期探访的回访' }, END_CONFIRMATION: { description: '迁出/去世待确认' } },
});
let CareEnrollmentEvent = class CareEnrollmentEvent {
    action;
    actorId;
    reason;
    at;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], CareEnrollmentEvent.prototype, "action", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CareEnrollmentEvent.prototype, "reason", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], CareEnrollmentEvent.prototype, "at", void 0);
CareEnrollmentEvent = __decorate([
    ObjectType('CareEnrollmentEvent', { description: '关爱登记的历史' })
], CareEnrollmentEvent);
export { CareEnrollmentEvent };
let CareEnrollment = class CareEnrollment {
    id;
    personId;
    group;
    highRisk;
    status;
    consentById;
    consentAt;
    enrolledAt;
    pausedUntil;
    pauseReason;
    endedAt;
    endReason;
    endReportedAt;
    gridId;
    gridPath;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], CareEnrollment.prototype, "id", void 0);
__decorate([
    Field(() => CareGroup),
    __metadata("design:type", String)
], CareEnrollment.prototype, "group", void 0);
__decorate([
    Field({ description: '高风险: visited more often (the visit rule of the high tier)' }),
    __metadata("design:type", Boolean)
], CareEnrollment.prototype, "highRisk", void 0);
__decorate([
    Field(() => CareStatus),
    __metadata("design:type", String)
], CareEnrollment.prototype, "status", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], CareEnrollment.prototype, "consentAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], CareEnrollment.prototype, "enrolledAt", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], CareEnrollment.prototype, "pausedUntil", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CareEnrollment.prototype, "pauseReason", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], CareEnrollment.prototype, "endedAt", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CareEnrollment.prototype, "endReason", void 0);
__decorate([
    Field(() => Date, { nullable: true, description: 'A visitor reported MOVED/DECEASED; staff confirm with endCare' }),
    __metadata("design:type", Object)
], CareEnrollment.prototype, "endReportedAt", void 0);
CareEnrollment = __decorate([
    ObjectType('CareEnrollment', { description: '关爱对象登记 — sensitive personal data: staff in scope (every read logged) and the person themself' })
], CareEnrollment);
export { CareEnrollment };
export const CareEnrollmentConnection = ConnectionType(CareEnrollment, 'CareEnrollment');
let VisitTask = class VisitTask {
    id;
    enrollmentId;
    personId;
    group;
    month;
    slot;
    earliest;
    due;
    last;
    modes;
    status;
    assigneeId;
    assignedBy;
    attempts;
    doneAt;
    missedAt;
    gridId;
    gridPath;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], VisitTask.prototype, "id", void 0);
__decorate([
    Field(() => CareGroup),
    __metadata("design:type", String)
], VisitTask.prototype, "group", void 0);
__decorate([
    Field({ description: '"2026-12"' }),
    __metadata("design:type", String)
], VisitTask.prototype, "month", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], VisitTask.prototype, "slot", void 0);
__decorate([
    Field({ description: 'First day a visit counts, "2026-12-01"' }),
    __metadata("design:type", String)
], VisitTask.prototype, "earliest", void 0);
__decorate([
    Field({ description: 'Day the visit should be done by' }),
    __metadata("design:type", String)
], VisitTask.prototype, "due", void 0);
__decorate([
    Field({ description: 'Last day; after it the task is MISSED' }),
    __metadata("design:type", String)
], VisitTask.prototype, "last", void 0);
__decorate([
    Field(() => [VisitMode], { description: 'Modes that count for this task' }),
    __metadata("design:type", Array)
], VisitTask.prototype, "modes", void 0);
__decorate([
    Field(() => VisitTaskStatus),
    __metadata("design:type", String)
], VisitTask.prototype, "status", void 0);
__decorate([
    Field(() => Int, { description: 'Visits recorded that did not complete it (NOT_HOME, uncounted mode)' }),
    __metadata("design:type", Number)
], VisitTask.prototype, "attempts", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], VisitTask.prototype, "doneAt", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], VisitTask.prototype, "missedAt", void 0);
VisitTask = __decorate([
    ObjectType('VisitTask', { description: '探访任务: one visit due for an enrolled person in a window of days (Asia/Shanghai)' })
], VisitTask);
export { VisitTask };
export const VisitTaskConnection = ConnectionType(VisitTask, 'VisitTask');
let CareVisit = class CareVisit {
    id;
    taskId;
    visitorId;
    visitedAt;
    mode;
    outcome;
    counted;
    minutes;
    findings;
    risks;
    raisedNeedId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], CareVisit.prototype, "id", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], CareVisit.prototype, "visitedAt", void 0);
__decorate([
    Field(() => VisitMode),
    __metadata("design:type", String)
], CareVisit.prototype, "mode", void 0);
__decorate([
    Field(() => VisitOutcome),
    __metadata("design:type", String)
], CareVisit.prototype, "outcome", void 0);
__decorate([
    Field({ description: 'Whether this visit completed the task' }),
    __metadata("design:type", Boolean)
], CareVisit.prototype, "counted", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], CareVisit.prototype, "minutes", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CareVisit.prototype, "findings", void 0);
__decorate([
    Field(() => [VisitRisk]),
    __metadata("design:type", Array)
], CareVisit.prototype, "risks", void 0);
CareVisit = __decorate([
    ObjectType('CareVisit', { description: '探访记录' })
], CareVisit);
export { CareVisit };
let VisitorRate = class VisitorRate {
    visitorId;
    due;
    done;
    missed;
    rate;
};
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], VisitorRate.prototype, "due", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], VisitorRate.prototype, "done", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], VisitorRate.prototype, "missed", void 0);
__decorate([
    Field(() => Float, { nullable: true }),
    __metadata("design:type", Object)
], VisitorRate.prototype, "rate", void 0);
VisitorRate = __decorate([
    ObjectType('VisitorRate', { description: 'Visit figures of one visitor (the assignee of the tasks)' })
], VisitorRate);
export { VisitorRate };
let VisitRate = class VisitRate {
    regionId;
    month;
    group;
    due;
    done;
    missed;
    pending;
    rate;
    children;
    groups;
    visitors;
};
__decorate([
    Field(),
    __metadata("design:type", String)
], VisitRate.prototype, "month", void 0);
__decorate([
    Field(() => CareGroup, { nullable: true }),
    __metadata("design:type", Object)
], VisitRate.prototype, "group", void 0);
__decorate([
    Field(() => Int, { description: 'Tasks due in the month (not cancelled)' }),
    __metadata("design:type", Number)
], VisitRate.prototype, "due", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], VisitRate.prototype, "done", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], VisitRate.prototype, "missed", void 0);
__decorate([
    Field(() => Int, { description: 'Still open (DUE)' }),
    __metadata("design:type", Number)
], VisitRate.prototype, "pending", void 0);
__decorate([
    Field(() => Float, { nullable: true, description: 'done ÷ due, 0..1; null when nothing is due' }),
    __metadata("design:type", Object)
], VisitRate.prototype, "rate", void 0);
__decorate([
    Field(() => [VisitRate], { description: 'The same for each child region (street → communities, …)' }),
    __metadata("design:type", Array)
], VisitRate.prototype, "children", void 0);
__decorate([
    Field(() => [VisitRate], { description: 'Per care group (when no group was asked for)' }),
    __metadata("design:type", Array)
], VisitRate.prototype, "groups", void 0);
__decorate([
    Field(() => [VisitorRate]),
    __metadata("design:type", Array)
], VisitRate.prototype, "visitors", void 0);
VisitRate = __decorate([
    ObjectType('VisitRate', { description: '探访率 = visits done in time ÷ tasks due (paused persons are not due)' })
], VisitRate);
export { VisitRate };
let VisitRuleModel = class VisitRuleModel {
    regionId;
    group;
    highRisk;
    visitsPerMonth;
    modes;
    setByRegionId;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], VisitRuleModel.prototype, "regionId", void 0);
__decorate([
    Field(() => CareGroup),
    __metadata("design:type", String)
], VisitRuleModel.prototype, "group", void 0);
__decorate([
    Field(),
    __metadata("design:type", Boolean)
], VisitRuleModel.prototype, "highRisk", void 0);
__decorate([
    Field(() => Int),
    __metadata("design:type", Number)
], VisitRuleModel.prototype, "visitsPerMonth", void 0);
__decorate([
    Field(() => [VisitMode]),
    __metadata("design:type", Array)
], VisitRuleModel.prototype, "modes", void 0);
__decorate([
    Field(() => ID, { nullable: true, description: 'The region that sets it; null = the default' }),
    __metadata("design:type", Object)
], VisitRuleModel.prototype, "setByRegionId", void 0);
VisitRuleModel = __decorate([
    ObjectType('VisitRule', { description: '探访频次 of a care group and tier in a region, inherited from the nearest ancestor' })
], VisitRuleModel);
export { VisitRuleModel };
let CareFollowUp = class CareFollowUp {
    id;
    kind;
    taskId;
    visitId;
    personId;
    regionPath;
    note;
    dueAt;
    status;
    resolution;
    resolvedAt;
    createdAt;
};
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], CareFollowUp.prototype, "id", void 0);
__decorate([
    Field(() => CareFollowUpKind),
    __metadata("design:type", String)
], CareFollowUp.prototype, "kind", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], CareFollowUp.prototype, "note", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], CareFollowUp.prototype, "dueAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", String)
], CareFollowUp.prototype, "status", void 0);
__decorate([
    Field(() => String, { nullable: true }),
    __metadata("design:type", Object)
], CareFollowUp.prototype, "resolution", void 0);
__decorate([
    Field(() => Date, { nullable: true }),
    __metadata("design:type", Object)
], CareFollowUp.prototype, "resolvedAt", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], CareFollowUp.prototype, "createdAt", void 0);
CareFollowUp = __decorate([
    ObjectType('CareFollowUp', { description: '跟进事项 for the community: a concern, a missed visit, or an end to confirm' })
], CareFollowUp);
export { CareFollowUp };
export const CareFollowUpConnection = ConnectionType(CareFollowUp, 'CareFollowUp');
let VisitTaskNotification = class VisitTaskNotification {
    type;
    taskId;
    at;
};
__decorate([
    Field({ description: 'ASSIGNED or OVERDUE' }),
    __metadata("design:type", String)
], VisitTaskNotification.prototype, "type", void 0);
__decorate([
    Field(() => ID),
    __metadata("design:type", String)
], VisitTaskNotification.prototype, "taskId", void 0);
__decorate([
    Field(),
    __metadata("design:type", Date)
], VisitTaskNotification.prototype, "at", void 0);
VisitTaskNotification = __decorate([
    ObjectType('VisitTaskNotification', { description: 'Pushed to the assignee: a task was assigned to them, or is overdue' })
], VisitTaskNotification);
export { VisitTaskNotification };
//# sourceMappingURL=care-visit.model.js.map