import { StateMachine, TransitionRule } from '../common/state-machine.js';

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
  /** A volunteer who claimed a recurring series holds each new occurrence (materialiser, docs/everyday.md). */
  SERIES_CLAIM = 'SERIES_CLAIM',
  /** The window of a claimed need changed (updateNeed): the claim is released without penalty. */
  WINDOW_CHANGED = 'WINDOW_CHANGED',
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

/** A row of the need table: the generic rule plus the need's own narrowing of STAFF. */
export interface Transition extends TransitionRule<NeedStatus, NeedAction, NeedParty> {
  needsReason: boolean;
  /** Only for a need posted by a proxy: STAFF may confirm it. */
  staffOnlyIfProxy?: boolean;
}

/** The condition the need table reads: the service window is over (nobody can serve the need any more). */
export const WINDOW_PASSED = 'WINDOW_PASSED';

const S = NeedStatus;
const P = NeedParty;
const A = NeedAction;
/** Refused once the window is over (CONFLICT, reason WINDOW_PASSED). */
const WINDOW_MUST_BE_OPEN = { refusedWhen: [WINDOW_PASSED] } as const;
/** Reopening a need nobody can serve any more is pointless: it expires instead. */
const EXPIRES_WHEN_LATE = { redirectWhen: { [WINDOW_PASSED]: S.EXPIRED } } as const;

export const NEED_TRANSITIONS: readonly Transition[] = [
  { action: A.ACCEPT, from: [S.SUBMITTED], to: S.ACCEPTED, by: [P.STAFF], needsReason: false },
  { action: A.REJECT, from: [S.SUBMITTED], to: S.REJECTED, by: [P.STAFF], needsReason: true },
  { action: A.PUBLISH, from: [S.ACCEPTED], to: S.OPEN, by: [P.STAFF], needsReason: false, ...WINDOW_MUST_BE_OPEN },
  { action: A.DISPATCH, from: [S.ACCEPTED, S.OPEN], to: S.CLAIMED, by: [P.STAFF], needsReason: false, ...WINDOW_MUST_BE_OPEN },
  { action: A.CLAIM, from: [S.OPEN], to: S.CLAIMED, by: [P.VOLUNTEER], needsReason: false, ...WINDOW_MUST_BE_OPEN },
  { action: A.WITHDRAW, from: [S.CLAIMED], to: S.OPEN, by: [P.CLAIMANT], needsReason: true, ...EXPIRES_WHEN_LATE },
  { action: A.NO_SHOW, from: [S.CLAIMED], to: S.OPEN, by: [P.STAFF, P.SYSTEM], needsReason: true, ...EXPIRES_WHEN_LATE },
  { action: A.START, from: [S.CLAIMED], to: S.IN_SERVICE, by: [P.CLAIMANT], needsReason: false },
  { action: A.COMPLETE, from: [S.IN_SERVICE], to: S.COMPLETED, by: [P.CLAIMANT], needsReason: false },
  { action: A.DISPUTE, from: [S.COMPLETED], to: null, by: [P.BENEFICIARY, P.PROXY], needsReason: true },
  { action: A.CONFIRM, from: [S.COMPLETED], to: S.CONFIRMED, by: [P.BENEFICIARY, P.PROXY, P.STAFF], needsReason: false, staffOnlyIfProxy: true },
  { action: A.AUTO_CONFIRM, from: [S.COMPLETED], to: S.CONFIRMED, by: [P.SYSTEM], needsReason: false },
  { action: A.CLOSE, from: [S.CONFIRMED], to: S.CLOSED, by: [P.STAFF, P.SYSTEM], needsReason: false },
  {
    action: A.CANCEL,
    from: [S.SUBMITTED, S.ACCEPTED, S.OPEN, S.CLAIMED, S.EXPIRED],
    to: S.CANCELLED,
    by: [P.BENEFICIARY, P.PROXY, P.STAFF],
    needsReason: true,
  },
  { action: A.EXPIRE, from: [S.ACCEPTED, S.OPEN], to: S.EXPIRED, by: [P.SYSTEM], needsReason: true },
  { action: A.RESCHEDULE, from: [S.OPEN, S.EXPIRED], to: S.OPEN, by: [P.STAFF], needsReason: true },
  { action: A.DISPUTE_CONFIRM, from: [S.COMPLETED], to: S.CONFIRMED, by: [P.STAFF], needsReason: false },
  { action: A.DISPUTE_REOPEN, from: [S.COMPLETED], to: S.OPEN, by: [P.STAFF], needsReason: false, ...EXPIRES_WHEN_LATE },
  { action: A.DISPUTE_CANCEL, from: [S.COMPLETED], to: S.CANCELLED, by: [P.STAFF], needsReason: false },
  { action: A.SERIES_CLAIM, from: [S.OPEN], to: S.CLAIMED, by: [P.SYSTEM], needsReason: false, ...WINDOW_MUST_BE_OPEN },
  { action: A.WINDOW_CHANGED, from: [S.CLAIMED], to: S.OPEN, by: [P.BENEFICIARY, P.PROXY, P.STAFF], needsReason: true },
];

/** The need state machine on the generic engine (src/common/state-machine.ts). */
export const NEED_MACHINE = new StateMachine<NeedStatus, NeedAction, NeedParty, Transition>('need', NEED_TRANSITIONS);

export function transitionOf(action: NeedAction): Transition {
  return NEED_MACHINE.rule(action);
}

/** STAFF may fire a `staffOnlyIfProxy` action only on a need posted by a proxy. */
export const needAllows = (postedByProxy: boolean) => (party: NeedParty, rule: Transition) => !(party === P.STAFF && rule.staffOnlyIfProxy && !postedByProxy);

/** The conditions of one need now (see `WINDOW_PASSED`). */
export const needConditions = (windowPassed: boolean): ReadonlySet<string> => new Set(windowPassed ? [WINDOW_PASSED] : []);

export type Decision = ReturnType<typeof NEED_MACHINE.decide>;

/**
 * Whether `parties` may fire `action` on a need in `status`. Wrong state is CONFLICT whoever asks (the need moved
 * on); the right state but the wrong party is FORBIDDEN; an action that needs the window still open is CONFLICT
 * (WINDOW_PASSED) once it is over.
 */
export function decide(status: NeedStatus, action: NeedAction, parties: ReadonlySet<NeedParty>, postedByProxy: boolean, windowPassed = false): Decision {
  return NEED_MACHINE.decide(status, action, parties, needAllows(postedByProxy), needConditions(windowPassed));
}

/** States in which a need is still waiting for someone (the ones that can breach the claim deadline). */
export const WAITING_STATES: readonly NeedStatus[] = [...new Set([...NEED_MACHINE.from(A.ACCEPT), ...NEED_MACHINE.from(A.DISPATCH)])];
/** States in which a volunteer holds the need (their time is booked): from claiming until the service is done. */
export const HELD_STATES: readonly NeedStatus[] = [...new Set([...NEED_MACHINE.from(A.START), ...NEED_MACHINE.from(A.COMPLETE)])];
/** States of a service confirmed as done (it counts as served). */
export const SERVED_STATES: readonly NeedStatus[] = [...NEED_MACHINE.from(A.CLOSE), transitionOf(A.CLOSE).to as NeedStatus];
