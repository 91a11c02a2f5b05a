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
  description: '关爱类别 care group: why the person is visited',
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
  description: '探访方式 visit mode',
  valuesMap: { HOME: { description: '入户 home visit' }, PHONE: { description: '电话 phone call' }, VIDEO: { description: '视频 video call' } },
});
registerEnumType(VisitOutcome, {
  name: 'VisitOutcome',
  description: '探访结果 visit outcome',
  valuesMap: {
    WELL: { description: '见到本人，情况良好' },
    CONCERN: { description: '见到本人，发现问题' },
    NOT_HOME: { description: '不在家（算尝试，不算探访）' },
    HOSPITALIZED: { description: '住院（暂停探访）' },
    MOVED: { description: '已迁出（经工作人员确认后结束）' },
    DECEASED: { description: '已去世（经工作人员确认后结束）' },
  },
});
registerEnumType(VisitTaskStatus, {
  name: 'VisitTaskStatus',
  description: '探访任务状态 visit task status',
  valuesMap: {
    DUE: { description: '待探访 due: open, waiting for a counted visit' },
    DONE: { description: '已探访 done: a counted visit (WELL/CONCERN in a counted mode) completed it' },
    MISSED: { description: '未按期探访 missed: its last day passed without a counted visit (a callback follow-up is opened)' },
    CANCELLED: { description: '已取消 cancelled: the person was paused or ended, or staff cancelled it' },
  },
});
registerEnumType(CareStatus, {
  name: 'CareStatus',
  description: '关爱登记状态 care enrolment status',
  valuesMap: {
    ACTIVE: { description: '在册 active: visit tasks are planned' },
    PAUSED: { description: '暂停 paused until pausedUntil (hospitalised, staying with family); no tasks are due' },
    ENDED: { description: '已结束 ended (moved away, deceased)' },
  },
});
registerEnumType(VisitRisk, {
  name: 'VisitRisk',
  description: '探访发现的风险 risk observed on a visit',
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
  description: '跟进事项类型 follow-up kind',
  valuesMap: {
    CONCERN: { description: '探访发现问题的跟进' },
    MISSED_CALLBACK: { description: '未按期探访的回访' },
    END_CONFIRMATION: { description: '迁出/去世待确认' },
  },
});

@ObjectType('CareEnrollmentEvent', { description: '关爱登记的历史 one event in the history of an enrolment' })
export class CareEnrollmentEvent {
  @Field({ description: '动作 action: ENROL 登记, PAUSE 暂停, END 结束, END_REPORTED 探访者报告迁出/去世, END_REPORT_REJECTED 报告未获确认' }) action: string;
  actorId: string | null;
  @Field(() => String, { nullable: true, description: '原因 reason given; null = none' }) reason: string | null;
  @Field({ description: '时间 when it happened, DateTime (ISO 8601, UTC)' }) at: Date;
}

@ObjectType('CareEnrollment', { description: '关爱对象登记 — sensitive personal data: staff in scope (every read logged) and the person themself' })
export class CareEnrollment {
  @Field(() => ID, { description: '关爱登记 ID' }) id: string;
  personId: string;
  @Field(() => CareGroup, { description: '关爱类别 care group' }) group: CareGroup;
  @Field({ description: '高风险 high risk: visited more often (the visit rule of the high tier)' }) highRisk: boolean;
  @Field(() => CareStatus, { description: '状态 status, derived from pausedUntil and endedAt' }) status: CareStatus;
  consentById: string;
  @Field({ description: '同意时间 when consent was given, DateTime (ISO 8601, UTC)' }) consentAt: Date;
  @Field({ description: '登记时间 enrolled at, DateTime (ISO 8601, UTC)' }) enrolledAt: Date;
  @Field(() => Date, { nullable: true, description: '暂停至 paused until, DateTime (ISO 8601, UTC); null = not paused (a past value means the pause is over)' })
  pausedUntil: Date | null;
  @Field(() => String, { nullable: true, description: '暂停原因 reason of the latest pause; null = never paused' }) pauseReason: string | null;
  @Field(() => Date, { nullable: true, description: '结束时间 ended at, DateTime (ISO 8601, UTC); null = not ended' }) endedAt: Date | null;
  @Field(() => String, { nullable: true, description: '结束原因 reason of the end; null = not ended' }) endReason: string | null;
  @Field(() => Date, { nullable: true, description: '迁出/去世报告时间 DateTime: a visitor reported MOVED/DECEASED; staff confirm with endCare' })
  endReportedAt: Date | null;
  gridId: string;
  gridPath: string;
}

export const CareEnrollmentConnection = ConnectionType(CareEnrollment, 'CareEnrollment');

@ObjectType('VisitTask', {
  description:
    '探访任务 visit task: one visit due for an enrolled person in a window of days (Asia/Shanghai). Seen by its assignee and by staff in scope (reads logged)',
})
export class VisitTask {
  @Field(() => ID, { description: '探访任务 ID' }) id: string;
  enrollmentId: string;
  personId: string;
  @Field(() => CareGroup, { description: '关爱类别 care group of the enrolment' }) group: CareGroup;
  @Field({ description: '月份 month, YYYY-MM (Asia/Shanghai), e.g. "2026-12"' }) month: string;
  @Field(() => Int, { description: '序号 the task’s number within the month, from 1 to visitsPerMonth' }) slot: number;
  @Field({ description: '最早日期 first day a visit counts, YYYY-MM-DD (Asia/Shanghai), e.g. "2026-12-01"' }) earliest: string;
  @Field({ description: '应访日期 day the visit should be done by, YYYY-MM-DD (Asia/Shanghai); after it the assignee is reminded' }) due: string;
  @Field({ description: '最后日期 last day, YYYY-MM-DD (Asia/Shanghai); after it the task is MISSED' }) last: string;
  @Field(() => [VisitMode], { description: '计入方式 modes that count for this task' }) modes: VisitMode[];
  @Field(() => VisitTaskStatus, { description: '任务状态 status' }) status: VisitTaskStatus;
  assigneeId: string | null;
  assignedBy: string | null;
  @Field(() => Int, { description: '尝试次数 visits recorded that did not complete it (NOT_HOME, uncounted mode)' }) attempts: number;
  @Field(() => Date, { nullable: true, description: '完成时间 done at, DateTime (ISO 8601, UTC); null unless DONE' }) doneAt: Date | null;
  @Field(() => Date, { nullable: true, description: '逾期时间 marked missed at, DateTime (ISO 8601, UTC); null unless MISSED' }) missedAt: Date | null;
  gridId: string;
  gridPath: string;
}

export const VisitTaskConnection = ConnectionType(VisitTask, 'VisitTask');

@ObjectType('CareVisit', { description: '探访记录 care visit recorded by the assignee; seen with its task' })
export class CareVisit {
  @Field(() => ID, { description: '探访记录 ID' }) id: string;
  taskId: string;
  visitorId: string;
  @Field({ description: '探访时间 visited at, DateTime (ISO 8601, UTC)' }) visitedAt: Date;
  @Field(() => VisitMode, { description: '探访方式 mode' }) mode: VisitMode;
  @Field(() => VisitOutcome, { description: '探访结果 outcome' }) outcome: VisitOutcome;
  @Field({ description: '是否计入 whether this visit completed the task' }) counted: boolean;
  @Field(() => Int, { description: '服务时长 minutes the visit took (a volunteer visitor earns them once)' }) minutes: number;
  @Field(() => String, { nullable: true, description: '探访情况 findings written by the visitor; null = none' }) findings: string | null;
  @Field(() => [VisitRisk], { description: '风险发现 risks observed (may be empty)' }) risks: VisitRisk[];
  raisedNeedId: string | null;
}

@ObjectType('VisitorRate', { description: '探访者统计 visit figures of one visitor (the assignee of the tasks) in the month' })
export class VisitorRate {
  visitorId: string;
  @Field(() => Int, { description: '应访任务数 tasks due' }) due: number;
  @Field(() => Int, { description: '已访任务数 tasks done in time' }) done: number;
  @Field(() => Int, { description: '未按期任务数 tasks missed' }) missed: number;
  @Field(() => Float, { nullable: true, description: '探访率 done ÷ due, 0..1; null when nothing is due' }) rate: number | null;
}

@ObjectType('VisitRate', { description: '探访率 visit rate = visits done in time ÷ tasks due (paused persons are not due); case staff in scope' })
export class VisitRate {
  regionId: string;
  @Field({ description: '月份 month, YYYY-MM (Asia/Shanghai)' }) month: string;
  @Field(() => CareGroup, { nullable: true, description: '关爱类别 the care group these figures are for; null = all groups' }) group: CareGroup | null;
  @Field(() => Int, { description: '应访任务数 tasks due in the month (not cancelled)' }) due: number;
  @Field(() => Int, { description: '已访任务数 tasks done in time' }) done: number;
  @Field(() => Int, { description: '未按期任务数 tasks missed' }) missed: number;
  @Field(() => Int, { description: '待访任务数 still open (DUE)' }) pending: number;
  @Field(() => Float, { nullable: true, description: '探访率 done ÷ due, 0..1; null when nothing is due' }) rate: number | null;
  @Field(() => [VisitRate], { description: '下级区域 the same for each child region (street → communities, …)' }) children: VisitRate[];
  @Field(() => [VisitRate], { description: '分类别 per care group (when no group was asked for)' }) groups: VisitRate[];
  @Field(() => [VisitorRate], { description: '分探访者 per visitor (assignee)' }) visitors: VisitorRate[];
}

@ObjectType('VisitRule', { description: '探访频次 visit rule of a care group and tier in a region, inherited from the nearest ancestor' })
export class VisitRuleModel {
  @Field(() => ID, { description: '区域 ID the rule was asked for' }) regionId: string;
  @Field(() => CareGroup, { description: '关爱类别 care group' }) group: CareGroup;
  @Field({ description: '高风险档 the high-risk tier' }) highRisk: boolean;
  @Field(() => Int, { description: '每月探访次数 visits per month, 1–31' }) visitsPerMonth: number;
  @Field(() => [VisitMode], { description: '计入方式 modes that count as a visit' }) modes: VisitMode[];
  @Field(() => ID, { nullable: true, description: '设定区域 ID: the region that sets it; null = the default' }) setByRegionId: string | null;
}

@ObjectType('CareFollowUp', {
  description: '跟进事项 follow-up for the community: a concern, a missed visit, or an end to confirm. Case staff in scope (reads logged)',
})
export class CareFollowUp {
  @Field(() => ID, { description: '跟进事项 ID' }) id: string;
  @Field(() => CareFollowUpKind, { description: '类型 kind' }) kind: CareFollowUpKind;
  taskId: string;
  visitId: string | null;
  personId: string;
  regionPath: string;
  @Field({ description: '说明 what needs following up (generated from the visit or task)' }) note: string;
  @Field({ description: '办结期限 due at, DateTime (ISO 8601, UTC): 3 working days after it was opened' }) dueAt: Date;
  @Field({ description: '状态 status: OPEN 待办 or RESOLVED 已办结' }) status: string;
  @Field(() => String, { nullable: true, description: '办理情况 what was done; null while OPEN' }) resolution: string | null;
  @Field(() => Date, { nullable: true, description: '办结时间 resolved at, DateTime (ISO 8601, UTC); null while OPEN' }) resolvedAt: Date | null;
  @Field({ description: '创建时间 opened at, DateTime (ISO 8601, UTC)' }) createdAt: Date;
}

export const CareFollowUpConnection = ConnectionType(CareFollowUp, 'CareFollowUp');

@ObjectType('VisitTaskNotification', { description: '探访提醒 pushed to the assignee: a task was assigned to them, or is overdue' })
export class VisitTaskNotification {
  @Field({ description: '类型 type: ASSIGNED 已指派 or OVERDUE 已过应访日期' }) type: string;
  @Field(() => ID, { description: '探访任务 ID' }) taskId: string;
  @Field({ description: '时间 when it happened, DateTime (ISO 8601, UTC)' }) at: Date;
}
