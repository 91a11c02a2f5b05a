import { Role } from '../scope/role.js';

/**
 * The need state machine of docs/design.md §5 as data: one row per action says from which states it may fire,
 * the state it leads to and which parties may fire it. The service, the scheduler and the tests all read this
 * table; nothing else decides whether a transition is legal.
 */
export enum NeedStatus {
  SUBMITTED = 'SUBMITTED',
  ACCEPTED = 'ACCEPTED',
  OPEN = 'OPEN',
  CLAIMED = 'CLAIMED',
  IN_SERVICE = 'IN_SERVICE',
  COMPLETED = 'COMPLETED',
  CONFIRMED = 'CONFIRMED',
  CLOSED = 'CLOSED',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
  /** 已过期: the window passed without a service; staff reschedule (RESCHEDULE) or cancel it. */
  EXPIRED = 'EXPIRED',
}

export enum NeedAction {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
  PUBLISH = 'PUBLISH',
  DISPATCH = 'DISPATCH',
  CLAIM = 'CLAIM',
  WITHDRAW = 'WITHDRAW',
  NO_SHOW = 'NO_SHOW',
  START = 'START',
  COMPLETE = 'COMPLETE',
  DISPUTE = 'DISPUTE',
  CONFIRM = 'CONFIRM',
  AUTO_CONFIRM = 'AUTO_CONFIRM',
  CLOSE = 'CLOSE',
  CANCEL = 'CANCEL',
  /** The window passed while nobody held the need (scheduler). */
  EXPIRE = 'EXPIRE',
  /** Staff set a new window and open the need again (改期). */
  RESCHEDULE = 'RESCHEDULE',
  /** Staff settle a disputed completion: confirm it with the minutes they establish (the time bank earns those). */
  DISPUTE_CONFIRM = 'DISPUTE_CONFIRM',
  /** Staff settle a disputed completion: the service did not happen as reported; the need is open again. */
  DISPUTE_REOPEN = 'DISPUTE_REOPEN',
  /** Staff settle a disputed completion: no service is owed any more; the need is cancelled, nothing is earned. */
  DISPUTE_CANCEL = 'DISPUTE_CANCEL',
}

/**
 * How an actor relates to one need. Computed per need from the actor's roles and identity (`partiesOf`):
 * BENEFICIARY the resident served; PROXY the poster who is not the beneficiary (代办); CLAIMANT the volunteer
 * holding it; VOLUNTEER an approved volunteer serving its area; STAFF case staff whose scope holds its grid;
 * SYSTEM the scheduler.
 */
export enum NeedParty {
  BENEFICIARY = 'BENEFICIARY',
  PROXY = 'PROXY',
  CLAIMANT = 'CLAIMANT',
  VOLUNTEER = 'VOLUNTEER',
  STAFF = 'STAFF',
  SYSTEM = 'SYSTEM',
}

export interface Transition {
  action: NeedAction;
  from: readonly NeedStatus[];
  /** null: the status stays (a flag changes, e.g. a dispute). */
  to: NeedStatus | null;
  by: readonly NeedParty[];
  /** A reason the actor must give (一次告知 for rejections). */
  needsReason: boolean;
  /** Only for a need posted by a proxy: STAFF may confirm it (docs/design.md §5). */
  staffOnlyIfProxy?: boolean;
  /** Refused once the need's window is over (CONFLICT, reason WINDOW_PASSED): nobody can serve it then. */
  windowMustBeOpen?: boolean;
  /** Where the action leads instead once the window is over (reopening a need nobody can serve any more is pointless). */
  toWhenWindowPassed?: NeedStatus;
}

const S = NeedStatus;
const P = NeedParty;
const A = NeedAction;

export const NEED_TRANSITIONS: readonly Transition[] = [
  { action: A.ACCEPT, from: [S.SUBMITTED], to: S.ACCEPTED, by: [P.STAFF], needsReason: false },
  { action: A.REJECT, from: [S.SUBMITTED], to: S.REJECTED, by: [P.STAFF], needsReason: true },
  { action: A.PUBLISH, from: [S.ACCEPTED], to: S.OPEN, by: [P.STAFF], needsReason: false, windowMustBeOpen: true },
  { action: A.DISPATCH, from: [S.ACCEPTED, S.OPEN], to: S.CLAIMED, by: [P.STAFF], needsReason: false, windowMustBeOpen: true },
  { action: A.CLAIM, from: [S.OPEN], to: S.CLAIMED, by: [P.VOLUNTEER], needsReason: false, windowMustBeOpen: true },
  { action: A.WITHDRAW, from: [S.CLAIMED], to: S.OPEN, by: [P.CLAIMANT], needsReason: true, toWhenWindowPassed: S.EXPIRED },
  { action: A.NO_SHOW, from: [S.CLAIMED], to: S.OPEN, by: [P.STAFF, P.SYSTEM], needsReason: true, toWhenWindowPassed: S.EXPIRED },
  { action: A.START, from: [S.CLAIMED], to: S.IN_SERVICE, by: [P.CLAIMANT], needsReason: false },
  { action: A.COMPLETE, from: [S.IN_SERVICE], to: S.COMPLETED, by: [P.CLAIMANT], needsReason: false },
  { action: A.DISPUTE, from: [S.COMPLETED], to: null, by: [P.BENEFICIARY, P.PROXY], needsReason: true },
  { action: A.CONFIRM, from: [S.COMPLETED], to: S.CONFIRMED, by: [P.BENEFICIARY, P.PROXY, P.STAFF], needsReason: false, staffOnlyIfProxy: true },
  { action: A.AUTO_CONFIRM, from: [S.COMPLETED], to: S.CONFIRMED, by: [P.SYSTEM], needsReason: false },
  { action: A.CLOSE, from: [S.CONFIRMED], to: S.CLOSED, by: [P.STAFF, P.SYSTEM], needsReason: false },
  { action: A.CANCEL, from: [S.SUBMITTED, S.ACCEPTED, S.OPEN, S.CLAIMED, S.EXPIRED], to: S.CANCELLED, by: [P.BENEFICIARY, P.PROXY, P.STAFF], needsReason: true },
  { action: A.EXPIRE, from: [S.ACCEPTED, S.OPEN], to: S.EXPIRED, by: [P.SYSTEM], needsReason: true },
  { action: A.RESCHEDULE, from: [S.OPEN, S.EXPIRED], to: S.OPEN, by: [P.STAFF], needsReason: true },
  { action: A.DISPUTE_CONFIRM, from: [S.COMPLETED], to: S.CONFIRMED, by: [P.STAFF], needsReason: false },
  { action: A.DISPUTE_REOPEN, from: [S.COMPLETED], to: S.OPEN, by: [P.STAFF], needsReason: false, toWhenWindowPassed: S.EXPIRED },
  { action: A.DISPUTE_CANCEL, from: [S.COMPLETED], to: S.CANCELLED, by: [P.STAFF], needsReason: false },
];

const BY_ACTION = new Map(NEED_TRANSITIONS.map((t) => [t.action, t]));

export function transitionOf(action: NeedAction): Transition {
  const t = BY_ACTION.get(action);
  if (!t) throw new Error(`no transition for ${action}`);
  return t;
}

export type Decision =
  | { ok: true; to: NeedStatus }
  | { ok: false; code: 'CONFLICT' | 'FORBIDDEN'; reason?: 'WINDOW_PASSED' };

/**
 * Whether `parties` may fire `action` on a need in `status`. Wrong state is CONFLICT whoever asks (the need moved
 * on); the right state but the wrong party is FORBIDDEN; an action that needs the window still open is CONFLICT
 * (WINDOW_PASSED) once it is over.
 */
export function decide(status: NeedStatus, action: NeedAction, parties: ReadonlySet<NeedParty>, postedByProxy: boolean, windowPassed = false): Decision {
  const t = transitionOf(action);
  if (!t.from.includes(status)) return { ok: false, code: 'CONFLICT' };
  const allowed = t.by.some((p) => parties.has(p) && !(p === P.STAFF && t.staffOnlyIfProxy && !postedByProxy));
  if (!allowed) return { ok: false, code: 'FORBIDDEN' };
  if (windowPassed && t.windowMustBeOpen) return { ok: false, code: 'CONFLICT', reason: 'WINDOW_PASSED' };
  return { ok: true, to: (windowPassed && t.toWhenWindowPassed) || (t.to ?? status) };
}

/** States in which a need is still waiting for someone (the ones that can breach a deadline). */
export const WAITING_STATES: readonly NeedStatus[] = [S.SUBMITTED, S.ACCEPTED, S.OPEN];
/** States in which a volunteer holds the need (their time is booked). */
export const HELD_STATES: readonly NeedStatus[] = [S.CLAIMED, S.IN_SERVICE];

/** Roles that act as STAFF on a need whose grid their scope holds: they triage, dispatch and watch deadlines. */
export const NEED_STAFF: readonly Role[] = [Role.GRID_WORKER, Role.COMMUNITY_WORKER, Role.SOCIAL_WORKER, Role.STREET_ADMIN, Role.SYSTEM_ADMIN];
