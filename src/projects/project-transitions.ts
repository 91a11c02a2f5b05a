import { StateMachine, TransitionRule } from '../common/state-machine.js';

/** The project lifecycle of docs/projects.md "Lifecycle": 立项申请 → 立项 → 信息发布 → 承接 → 实施 → 绩效评估 → 结项. */
export enum ProjectStatus {
  PROPOSED = 'PROPOSED',
  APPROVED = 'APPROVED',
  PUBLISHED = 'PUBLISHED',
  UNDERTAKEN = 'UNDERTAKEN',
  RUNNING = 'RUNNING',
  EVALUATED = 'EVALUATED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  SUSPENDED = 'SUSPENDED',
}

export enum ProjectAction {
  APPROVE = 'APPROVE',
  REJECT = 'REJECT',
  PUBLISH = 'PUBLISH',
  /** An organization applies (no state change; gated by the table like everything else). */
  APPLY = 'APPLY',
  AWARD = 'AWARD',
  START = 'START',
  SCHEDULE_ACTIVITY = 'SCHEDULE_ACTIVITY',
  CONFIRM_ACTIVITY = 'CONFIRM_ACTIVITY',
  DISBURSE = 'DISBURSE',
  EVALUATE_MIDTERM = 'EVALUATE_MIDTERM',
  EVALUATE_FINAL = 'EVALUATE_FINAL',
  SUSPEND = 'SUSPEND',
  RESUME = 'RESUME',
  CLOSE = 'CLOSE',
  CANCEL = 'CANCEL',
}

/**
 * How an actor relates to one project, computed on the locked row: APPROVER the street admin of its area
 * (PROJECT_APPROVE); BROKER the station's social workers and admins (PROJECT_BROKER); ORGANIZATION the admins of
 * the undertaking organization (PROJECT_RUN); APPLICANT an organization admin who may apply (PROJECT_APPLY);
 * EVALUATOR the street admin (PROJECT_EVALUATE) or a granted evaluator organization; DISBURSER who pays tranches.
 */
export enum ProjectParty {
  APPROVER = 'APPROVER',
  BROKER = 'BROKER',
  ORGANIZATION = 'ORGANIZATION',
  APPLICANT = 'APPLICANT',
  EVALUATOR = 'EVALUATOR',
  DISBURSER = 'DISBURSER',
}

const S = ProjectStatus;
const A = ProjectAction;
const P = ProjectParty;

export type ProjectRule = TransitionRule<ProjectStatus, ProjectAction, ProjectParty>;

/** The one table: every state change and every state-gated operation of a project. */
export const PROJECT_TRANSITIONS: readonly ProjectRule[] = [
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

export const PROJECT_MACHINE = new StateMachine<ProjectStatus, ProjectAction, ProjectParty>('project', PROJECT_TRANSITIONS);

/** Statuses anyone may see without login (信息公开): published and later, except side exits before publication. */
export const PUBLIC_STATUSES: readonly ProjectStatus[] = [S.PUBLISHED, S.UNDERTAKEN, S.RUNNING, S.SUSPENDED, S.EVALUATED, S.CLOSED];
