import { StateMachine } from '../common/state-machine.js';
/** A visit task's status (docs/care-visits.md "Visit tasks"). */
export var VisitTaskStatus;
(function (VisitTaskStatus) {
    VisitTaskStatus["DUE"] = "DUE";
    VisitTaskStatus["DONE"] = "DONE";
    VisitTaskStatus["MISSED"] = "MISSED";
    VisitTaskStatus["CANCELLED"] = "CANCELLED";
})(VisitTaskStatus || (VisitTaskStatus = {}));
export var VisitTaskAction;
(function (VisitTaskAction) {
    /** The assignee tried and did not see the person (NOT_HOME, or a mode the rule does not count): still due. */
    VisitTaskAction["ATTEMPT"] = "ATTEMPT";
    /** The assignee saw the person (WELL / CONCERN) in a counted mode. */
    VisitTaskAction["COMPLETE"] = "COMPLETE";
    /** The assignee found the person hospitalised, moved or deceased: nothing is due this period. */
    VisitTaskAction["REPORT_ABSENCE"] = "REPORT_ABSENCE";
    /** Staff hand the task to another visitor. */
    VisitTaskAction["ASSIGN"] = "ASSIGN";
    /** The enrolment was paused or ended: the task is no longer due. */
    VisitTaskAction["CANCEL"] = "CANCEL";
    /** The scheduler: the due day passed (the assignee is told once). */
    VisitTaskAction["OVERDUE"] = "OVERDUE";
    /** The scheduler: the last day passed without a visit. */
    VisitTaskAction["MISS"] = "MISS";
})(VisitTaskAction || (VisitTaskAction = {}));
/** How an actor relates to a task, computed on the locked row. */
export var VisitTaskParty;
(function (VisitTaskParty) {
    VisitTaskParty["ASSIGNEE"] = "ASSIGNEE";
    /** VISIT_ASSIGN / CARE_ENROL in the person's scope. */
    VisitTaskParty["STAFF"] = "STAFF";
    VisitTaskParty["SYSTEM"] = "SYSTEM";
})(VisitTaskParty || (VisitTaskParty = {}));
const { DUE, DONE, MISSED, CANCELLED } = VisitTaskStatus;
const { ASSIGNEE, STAFF, SYSTEM } = VisitTaskParty;
/** The one table of visit-task transitions, read by the service, the scheduler and the tests. */
export const VISIT_TASK_RULES = [
    { action: VisitTaskAction.ATTEMPT, from: [DUE], to: null, by: [ASSIGNEE] },
    { action: VisitTaskAction.COMPLETE, from: [DUE], to: DONE, by: [ASSIGNEE] },
    { action: VisitTaskAction.REPORT_ABSENCE, from: [DUE], to: CANCELLED, by: [ASSIGNEE] },
    { action: VisitTaskAction.ASSIGN, from: [DUE], to: null, by: [STAFF] },
    { action: VisitTaskAction.CANCEL, from: [DUE], to: CANCELLED, by: [STAFF, SYSTEM], needsReason: true },
    { action: VisitTaskAction.OVERDUE, from: [DUE], to: null, by: [SYSTEM] },
    { action: VisitTaskAction.MISS, from: [DUE], to: MISSED, by: [SYSTEM] },
];
export const visitTaskMachine = new StateMachine('visit-task', VISIT_TASK_RULES);
export const STATUS_LABEL = { DUE: '待探访', DONE: '已探访', MISSED: '未按期探访', CANCELLED: '已取消' };
//# sourceMappingURL=visit-task-transitions.js.map