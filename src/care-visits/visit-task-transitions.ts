import { StateMachine, TransitionRule } from '../common/state-machine.js';

/** A visit task's status (docs/care-visits.md "Visit tasks"). */
export enum VisitTaskStatus {
  DUE = 'DUE',
  DONE = 'DONE',
  MISSED = 'MISSED',
  CANCELLED = 'CANCELLED',
}

export enum VisitTaskAction {
  /** The assignee tried and did not see the person (NOT_HOME, or a mode the rule does not count): still due. */
  ATTEMPT = 'ATTEMPT',
  /** The assignee saw the person (WELL / CONCERN) in a counted mode. */
  COMPLETE = 'COMPLETE',
  /** The assignee found the person hospitalised, moved or deceased: nothing is due this period. */
  REPORT_ABSENCE = 'REPORT_ABSENCE',
  /** Staff hand the task to another visitor. */
  ASSIGN = 'ASSIGN',
  /** The enrolment was paused or ended: the task is no longer due. */
  CANCEL = 'CANCEL',
  /** The scheduler: the due day passed (the assignee is told once). */
  OVERDUE = 'OVERDUE',
  /** The scheduler: the last day passed without a visit. */
  MISS = 'MISS',
}

/** How an actor relates to a task, computed on the locked row. */
export enum VisitTaskParty {
  ASSIGNEE = 'ASSIGNEE',
  /** VISIT_ASSIGN / CARE_ENROL in the person's scope. */
  STAFF = 'STAFF',
  SYSTEM = 'SYSTEM',
}

type Rule = TransitionRule<VisitTaskStatus, VisitTaskAction, VisitTaskParty>;
const { DUE, DONE, MISSED, CANCELLED } = VisitTaskStatus;
const { ASSIGNEE, STAFF, SYSTEM } = VisitTaskParty;

/** The one table of visit-task transitions, read by the service, the scheduler and the tests. */
export const VISIT_TASK_RULES: readonly Rule[] = [
  { action: VisitTaskAction.ATTEMPT, from: [DUE], to: null, by: [ASSIGNEE] },
  { action: VisitTaskAction.COMPLETE, from: [DUE], to: DONE, by: [ASSIGNEE] },
  { action: VisitTaskAction.REPORT_ABSENCE, from: [DUE], to: CANCELLED, by: [ASSIGNEE] },
  { action: VisitTaskAction.ASSIGN, from: [DUE], to: null, by: [STAFF] },
  { action: VisitTaskAction.CANCEL, from: [DUE], to: CANCELLED, by: [STAFF, SYSTEM], needsReason: true },
  { action: VisitTaskAction.OVERDUE, from: [DUE], to: null, by: [SYSTEM] },
  { action: VisitTaskAction.MISS, from: [DUE], to: MISSED, by: [SYSTEM] },
];

export const visitTaskMachine = new StateMachine<VisitTaskStatus, VisitTaskAction, VisitTaskParty>('visit-task', VISIT_TASK_RULES);

export const STATUS_LABEL: Record<VisitTaskStatus, string> = { DUE: '待探访', DONE: '已探访', MISSED: '未按期探访', CANCELLED: '已取消' };
