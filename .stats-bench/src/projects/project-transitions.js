import { StateMachine } from '../common/state-machine.js';
/** The project lifecycle of docs/projects.md "Lifecycle": 立项申请 → 立项 → 信息发布 → 承接 → 实施 → 绩效评估 → 结项. */
export var ProjectStatus;
(function (ProjectStatus) {
    ProjectStatus["PROPOSED"] = "PROPOSED";
    ProjectStatus["APPROVED"] = "APPROVED";
    ProjectStatus["PUBLISHED"] = "PUBLISHED";
    ProjectStatus["UNDERTAKEN"] = "UNDERTAKEN";
    ProjectStatus["RUNNING"] = "RUNNING";
    ProjectStatus["EVALUATED"] = "EVALUATED";
    ProjectStatus["CLOSED"] = "CLOSED";
    ProjectStatus["REJECTED"] = "REJECTED";
    ProjectStatus["CANCELLED"] = "CANCELLED";
    ProjectStatus["SUSPENDED"] = "SUSPENDED";
})(ProjectStatus || (ProjectStatus = {}));
export var ProjectAction;
(function (ProjectAction) {
    ProjectAction["APPROVE"] = "APPROVE";
    ProjectAction["REJECT"] = "REJECT";
    ProjectAction["PUBLISH"] = "PUBLISH";
    /** An organization applies (no state change; gated by the table like everything else). */
    ProjectAction["APPLY"] = "APPLY";
    ProjectAction["AWARD"] = "AWARD";
    ProjectAction["START"] = "START";
    ProjectAction["SCHEDULE_ACTIVITY"] = "SCHEDULE_ACTIVITY";
    ProjectAction["CONFIRM_ACTIVITY"] = "CONFIRM_ACTIVITY";
    ProjectAction["DISBURSE"] = "DISBURSE";
    ProjectAction["EVALUATE_MIDTERM"] = "EVALUATE_MIDTERM";
    ProjectAction["EVALUATE_FINAL"] = "EVALUATE_FINAL";
    ProjectAction["SUSPEND"] = "SUSPEND";
    ProjectAction["RESUME"] = "RESUME";
    ProjectAction["CLOSE"] = "CLOSE";
    ProjectAction["CANCEL"] = "CANCEL";
})(ProjectAction || (ProjectAction = {}));
/**
 * How an actor relates to one project, computed on the locked row: APPROVER the street admin of its area
 * (PROJECT_APPROVE); BROKER the station's social workers and admins (PROJECT_BROKER); ORGANIZATION the admins of
 * the undertaking organization (PROJECT_RUN); APPLICANT an organization admin who may apply (PROJECT_APPLY);
 * EVALUATOR the street admin (PROJECT_EVALUATE) or a granted evaluator organization; DISBURSER who pays tranches.
 */
export var ProjectParty;
(function (ProjectParty) {
    ProjectParty["APPROVER"] = "APPROVER";
    ProjectParty["BROKER"] = "BROKER";
    ProjectParty["ORGANIZATION"] = "ORGANIZATION";
    ProjectParty["APPLICANT"] = "APPLICANT";
    ProjectParty["EVALUATOR"] = "EVALUATOR";
    ProjectParty["DISBURSER"] = "DISBURSER";
})(ProjectParty || (ProjectParty = {}));
const S = ProjectStatus;
const A = ProjectAction;
const P = ProjectParty;
/** The one table: every state change and every state-gated operation of a project. */
export const PROJECT_TRANSITIONS = [
    { action: A.APPROVE, from: [S.PROPOSED], to: S.APPROVED, by: [P.APPROVER] },
    { action: A.REJECT, from: [S.PROPOSED], to: S.REJECTED, by: [P.APPROVER], needsReason: true },
    { action: A.PUBLISH, from: [S.APPROVED], to: S.PUBLISHED, by: [P.BROKER] },
    { action: A.APPLY, from: [S.PUBLISHED], to: null, by: [P.APPLICANT] },
    { action: A.AWARD, from: [S.PUBLISHED], to: S.UNDERTAKEN, by: [P.BROKER], needsReason: true },
    { action: A.START, from: [S.UNDERTAKEN], to: S.RUNNING, by: [P.BROKER] },
    { action: A.SCHEDULE_ACTIVITY, from: [S.UNDERTAKEN, S.RUNNING], to: null, by: [P.ORGANIZATION] },
    { action: A.CONFIRM_ACTIVITY, from: [S.RUNNING], to: null, by: [P.ORGANIZATION] },
    { action: A.DISBURSE, from: [S.UNDERTAKEN, S.RUNNING, S.EVALUATED], to: null, by: [P.DISBURSER] },
    { action: A.EVALUATE_MIDTERM, from: [S.RUNNING], to: null, by: [P.EVALUATOR] },
    { action: A.EVALUATE_FINAL, from: [S.RUNNING], to: S.EVALUATED, by: [P.EVALUATOR] },
    { action: A.SUSPEND, from: [S.RUNNING], to: S.SUSPENDED, by: [P.APPROVER, P.BROKER], needsReason: true },
    { action: A.RESUME, from: [S.SUSPENDED], to: S.RUNNING, by: [P.APPROVER, P.BROKER] },
    { action: A.CLOSE, from: [S.EVALUATED], to: S.CLOSED, by: [P.APPROVER, P.BROKER] },
    { action: A.CANCEL, from: [S.PROPOSED, S.APPROVED, S.PUBLISHED, S.UNDERTAKEN, S.RUNNING, S.SUSPENDED], to: S.CANCELLED, by: [P.APPROVER], needsReason: true },
];
export const PROJECT_MACHINE = new StateMachine('project', PROJECT_TRANSITIONS);
/** Statuses anyone may see without login (信息公开): published and later, except side exits before publication. */
export const PUBLIC_STATUSES = [S.PUBLISHED, S.UNDERTAKEN, S.RUNNING, S.SUSPENDED, S.EVALUATED, S.CLOSED];
//# sourceMappingURL=project-transitions.js.map