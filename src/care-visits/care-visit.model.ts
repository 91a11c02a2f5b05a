import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../common/graphql/connection.js';
import { CareGroup, VisitMode } from './visit-schedule.js';
import { VisitTaskStatus } from './visit-task-transitions.js';

export { CareGroup, VisitMode, VisitTaskStatus };

export enum VisitOutcome {
  WELL = 'WELL',
  CONCERN = 'CONCERN',
  NOT_HOME = 'NOT_HOME',
  HOSPITALIZED = 'HOSPITALIZED',
  MOVED = 'MOVED',
  DECEASED = 'DECEASED',
}

export enum CareStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  ENDED = 'ENDED',
}

/** Observed risks 风险发现, as codes. */
export enum VisitRisk {
  HEALTH_DECLINE = 'HEALTH_DECLINE',
  NO_FOOD = 'NO_FOOD',
  UNSAFE_HOUSING = 'UNSAFE_HOUSING',
  EMOTIONAL_DISTRESS = 'EMOTIONAL_DISTRESS',
  ABUSE_SUSPECTED = 'ABUSE_SUSPECTED',
}

export enum CareFollowUpKind {
  CONCERN = 'CONCERN',
  MISSED_CALLBACK = 'MISSED_CALLBACK',
  END_CONFIRMATION = 'END_CONFIRMATION',
}

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
registerEnumType(VisitMode, {
  name: 'VisitMode',
  description: '探访方式',
  valuesMap: { HOME: { description: '入户' }, PHONE: { description: '电话' }, VIDEO: { description: '视频' } },
});
registerEnumType(VisitOutcome, {
  name: 'VisitOutcome',
  description: '探访结果',
  valuesMap: {
    WELL: { description: '见到本人，情况良好' },
    CONCERN: { description: '见到本人，发现问题' },
    NOT_HOME: { description: '不在家（算尝试，不算探访）' },
    HOSPITALIZED: { description: '住院（暂停探访）' },
    MOVED: { description: '已迁出（经工作人员确认后结束）' },
    DECEASED: { description: '已去世（经工作人员确认后结束）' },
  },
});
registerEnumType(VisitTaskStatus, { name: 'VisitTaskStatus', description: '探访任务状态' });
registerEnumType(CareStatus, { name: 'CareStatus', description: '关爱登记状态: ACTIVE 在册, PAUSED 暂停, ENDED 已结束' });
registerEnumType(VisitRisk, {
  name: 'VisitRisk',
  description: '探访发现的风险',
  valuesMap: {
    HEALTH_DECLINE: { description: '健康状况下降' },
    NO_FOOD: { description: '缺少食物' },
    UNSAFE_HOUSING: { description: '居住不安全' },
    EMOTIONAL_DISTRESS: { description: '情绪困扰' },
    ABUSE_SUSPECTED: { description: '疑似受虐待' },
  },
});
registerEnumType(CareFollowUpKind, {
  name: 'CareFollowUpKind',
  description: '跟进事项',
  valuesMap: {
    CONCERN: { description: '探访发现问题的跟进' },
    MISSED_CALLBACK: { description: '未按期探访的回访' },
    END_CONFIRMATION: { description: '迁出/去世待确认' },
  },
});

@ObjectType('CareEnrollmentEvent', { description: '关爱登记的历史' })
export class CareEnrollmentEvent {
  @Field() action: string;
  actorId: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field() at: Date;
}

@ObjectType('CareEnrollment', { description: '关爱对象登记 — sensitive personal data: staff in scope (every read logged) and the person themself' })
export class CareEnrollment {
  @Field(() => ID) id: string;
  personId: string;
  @Field(() => CareGroup) group: CareGroup;
  @Field({ description: '高风险: visited more often (the visit rule of the high tier)' }) highRisk: boolean;
  @Field(() => CareStatus) status: CareStatus;
  consentById: string;
  @Field() consentAt: Date;
  @Field() enrolledAt: Date;
  @Field(() => Date, { nullable: true }) pausedUntil: Date | null;
  @Field(() => String, { nullable: true }) pauseReason: string | null;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
  @Field(() => Date, { nullable: true, description: 'A visitor reported MOVED/DECEASED; staff confirm with endCare' }) endReportedAt: Date | null;
  gridId: string;
  gridPath: string;
}

export const CareEnrollmentConnection = ConnectionType(CareEnrollment, 'CareEnrollment');

@ObjectType('VisitTask', { description: '探访任务: one visit due for an enrolled person in a window of days (Asia/Shanghai)' })
export class VisitTask {
  @Field(() => ID) id: string;
  enrollmentId: string;
  personId: string;
  @Field(() => CareGroup) group: CareGroup;
  @Field({ description: '"2026-12"' }) month: string;
  @Field(() => Int) slot: number;
  @Field({ description: 'First day a visit counts, "2026-12-01"' }) earliest: string;
  @Field({ description: 'Day the visit should be done by' }) due: string;
  @Field({ description: 'Last day; after it the task is MISSED' }) last: string;
  @Field(() => [VisitMode], { description: 'Modes that count for this task' }) modes: VisitMode[];
  @Field(() => VisitTaskStatus) status: VisitTaskStatus;
  assigneeId: string | null;
  assignedBy: string | null;
  @Field(() => Int, { description: 'Visits recorded that did not complete it (NOT_HOME, uncounted mode)' }) attempts: number;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
  @Field(() => Date, { nullable: true }) missedAt: Date | null;
  gridId: string;
  gridPath: string;
}

export const VisitTaskConnection = ConnectionType(VisitTask, 'VisitTask');

@ObjectType('CareVisit', { description: '探访记录' })
export class CareVisit {
  @Field(() => ID) id: string;
  taskId: string;
  visitorId: string;
  @Field() visitedAt: Date;
  @Field(() => VisitMode) mode: VisitMode;
  @Field(() => VisitOutcome) outcome: VisitOutcome;
  @Field({ description: 'Whether this visit completed the task' }) counted: boolean;
  @Field(() => Int) minutes: number;
  @Field(() => String, { nullable: true }) findings: string | null;
  @Field(() => [VisitRisk]) risks: VisitRisk[];
  raisedNeedId: string | null;
}

@ObjectType('VisitorRate', { description: 'Visit figures of one visitor (the assignee of the tasks)' })
export class VisitorRate {
  visitorId: string;
  @Field(() => Int) due: number;
  @Field(() => Int) done: number;
  @Field(() => Int) missed: number;
  @Field(() => Float, { nullable: true }) rate: number | null;
}

@ObjectType('VisitRate', { description: '探访率 = visits done in time ÷ tasks due (paused persons are not due)' })
export class VisitRate {
  regionId: string;
  @Field() month: string;
  @Field(() => CareGroup, { nullable: true }) group: CareGroup | null;
  @Field(() => Int, { description: 'Tasks due in the month (not cancelled)' }) due: number;
  @Field(() => Int) done: number;
  @Field(() => Int) missed: number;
  @Field(() => Int, { description: 'Still open (DUE)' }) pending: number;
  @Field(() => Float, { nullable: true, description: 'done ÷ due, 0..1; null when nothing is due' }) rate: number | null;
  @Field(() => [VisitRate], { description: 'The same for each child region (street → communities, …)' }) children: VisitRate[];
  @Field(() => [VisitRate], { description: 'Per care group (when no group was asked for)' }) groups: VisitRate[];
  @Field(() => [VisitorRate]) visitors: VisitorRate[];
}

@ObjectType('VisitRule', { description: '探访频次 of a care group and tier in a region, inherited from the nearest ancestor' })
export class VisitRuleModel {
  @Field(() => ID) regionId: string;
  @Field(() => CareGroup) group: CareGroup;
  @Field() highRisk: boolean;
  @Field(() => Int) visitsPerMonth: number;
  @Field(() => [VisitMode]) modes: VisitMode[];
  @Field(() => ID, { nullable: true, description: 'The region that sets it; null = the default' }) setByRegionId: string | null;
}

@ObjectType('CareFollowUp', { description: '跟进事项 for the community: a concern, a missed visit, or an end to confirm' })
export class CareFollowUp {
  @Field(() => ID) id: string;
  @Field(() => CareFollowUpKind) kind: CareFollowUpKind;
  taskId: string;
  visitId: string | null;
  personId: string;
  regionPath: string;
  @Field() note: string;
  @Field() dueAt: Date;
  @Field() status: string;
  @Field(() => String, { nullable: true }) resolution: string | null;
  @Field(() => Date, { nullable: true }) resolvedAt: Date | null;
  @Field() createdAt: Date;
}

export const CareFollowUpConnection = ConnectionType(CareFollowUp, 'CareFollowUp');

@ObjectType('VisitTaskNotification', { description: 'Pushed to the assignee: a task was assigned to them, or is overdue' })
export class VisitTaskNotification {
  @Field({ description: 'ASSIGNED or OVERDUE' }) type: string;
  @Field(() => ID) taskId: string;
  @Field() at: Date;
}
