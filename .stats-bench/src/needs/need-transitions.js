import { StateMachine } from '../common/state-machine.js';
/**
 * The need state machine of DESIGN.md §5 as data: one row per action says from which states it may fire,
 * the state it leads to and which parties may fire it. The service, the scheduler and the tests all read this
 * table; nothing else decides whether a transition is legal.
 */
export var NeedStatus;
(function (NeedStatus) {
    NeedStatus["SUBMITTED"] = "SUBMITTED";
    NeedStatus["ACCEPTED"] = "ACCEPTED";
    NeedStatus["OPEN"] = "OPEN";
    NeedStatus["CLAIMED"] = "CLAIMED";
    NeedStatus["IN_SERVICE"] = "IN_SERVICE";
    NeedStatus["COMPLETED"] = "COMPLETED";
    NeedStatus["CONFIRMED"] = "CONFIRMED";
    NeedStatus["CLOSED"] = "CLOSED";
    NeedStatus["REJECTED"] = "REJECTED";
    NeedStatus["CANCELLED"] = "CANCELLED";
    /** 已过期: the window passed without a service; staff reschedule (RESCHEDULE) or cancel it. */
    NeedStatus["EXPIRED"] = "EXPIRED";
})(NeedStatus || (NeedStatus = {}));
export var NeedAction;
(function (NeedAction) {
    NeedAction["ACCEPT"] = "ACCEPT";
    NeedAction["REJECT"] = "REJECT";
    NeedAction["PUBLISH"] = "PUBLISH";
    NeedAction["DISPATCH"] = "DISPATCH";
    NeedAction["CLAIM"] = "CLAIM";
    NeedAction["WITHDRAW"] = "WITHDRAW";
    NeedAction["NO_SHOW"] = "NO_SHOW";
    NeedAction["START"] = "START";
    NeedAction["COMPLETE"] = "COMPLETE";
    NeedAction["DISPUTE"] = "DISPUTE";
    NeedAction["CONFIRM"] = "CONFIRM";
    NeedAction["AUTO_CONFIRM"] = "AUTO_CONFIRM";
    NeedAction["CLOSE"] = "CLOSE";
    NeedAction["CANCEL"] = "CANCEL";
    /** The window passed while nobody held the need (scheduler). */
    NeedAction["EXPIRE"] = "EXPIRE";
    /** Staff set a new window and open the need again (改期). */
    NeedAction["RESCHEDULE"] = "RESCHEDULE";
    /** Staff settle a disputed completion: confirm it with the minutes they establish (the time bank earns those). */
    NeedAction["DISPUTE_CONFIRM"] = "DISPUTE_CONFIRM";
    /** Staff settle a disputed completion: the service did not happen as reported; the need is open again. */
    NeedAction["DISPUTE_REOPEN"] = "DISPUTE_REOPEN";
    /** Staff settle a disputed completion: no service is owed any more; the need is cancelled, nothing is earned. */
    NeedAction["DISPUTE_CANCEL"] = "DISPUTE_CANCEL";
})(NeedAction || (NeedAction = {}));
/**
 * How an actor relates to one need. Computed per need from the actor's roles and identity (`partiesOf`):
 * BENEFICIARY the resident served; PROXY the poster who is not the beneficiary (代办); CLAIMANT the volunteer
 * holding it; VOLUNTEER an approved volunteer serving its area; STAFF case staff whose scope holds its grid;
 * SYSTEM the scheduler.
 */
export var NeedParty;
(function (NeedParty) {
    NeedParty["BENEFICIARY"] = "BENEFICIARY";
    NeedParty["PROXY"] = "PROXY";
    NeedParty["CLAIMANT"] = "CLAIMANT";
    NeedParty["VOLUNTEER"] = "VOLUNTEER";
    NeedParty["STAFF"] = "STAFF";
    NeedParty["SYSTEM"] = "SYSTEM";
})(NeedParty || (NeedParty = {}));
/** The condition the need table reads: the service window is over (nobody can serve the need any more). */
export const WINDOW_PASSED = 'WINDOW_PASSED';
const S = NeedStatus;
const P = NeedParty;
const A = NeedAction;
/** Refused once the window is over (CONFLICT, reason WINDOW_PASSED). */
const WINDOW_MUST_BE_OPEN = { refusedWhen: [WINDOW_PASSED] };
/** Reopening a need nobody can serve any more is pointless: it expires instead. */
const EXPIRES_WHEN_LATE = { redirectWhen: { [WINDOW_PASSED]: S.EXPIRED } };
export const NEED_TRANSITIONS = [
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
    { action: A.CANCEL, from: [S.SUBMITTED, S.ACCEPTED, S.OPEN, S.CLAIMED, S.EXPIRED], to: S.CANCELLED, by: [P.BENEFICIARY, P.PROXY, P.STAFF], needsReason: true },
    { action: A.EXPIRE, from: [S.ACCEPTED, S.OPEN], to: S.EXPIRED, by: [P.SYSTEM], needsReason: true },
    { action: A.RESCHEDULE, from: [S.OPEN, S.EXPIRED], to: S.OPEN, by: [P.STAFF], needsReason: true },
    { action: A.DISPUTE_CONFIRM, from: [S.COMPLETED], to: S.CONFIRMED, by: [P.STAFF], needsReason: false },
    { action: A.DISPUTE_REOPEN, from: [S.COMPLETED], to: S.OPEN, by: [P.STAFF], needsReason: false, ...EXPIRES_WHEN_LATE },
    { action: A.DISPUTE_CANCEL, from: [S.COMPLETED], to: S.CANCELLED, by: [P.STAFF], needsReason: false },
];
/** The need state machine on the generic engine (src/common/state-machine.ts). */
export const NEED_MACHINE = new StateMachine('need', NEED_TRANSITIONS);
export function transitionOf(action) {
    return NEED_MACHINE.rule(action);
}
/** STAFF may fire a `staffOnlyIfProxy` action only on a need posted by a proxy. */
export const needAllows = (postedByProxy) => (party, rule) => !(party === P.STAFF && rule.staffOnlyIfProxy && !postedByProxy);
/** The conditions of one need now (see `WINDOW_PASSED`). */
export const needConditions = (windowPassed) => new Set(windowPassed ? [WINDOW_PASSED] : []);
/**
 * Whether `parties` may fire `action` on a need in `status`. Wrong state is CONFLICT whoever asks (the need moved
 * on); the right state but the wrong party is FORBIDDEN; an action that needs the window still open is CONFLICT
 * (WINDOW_PASSED) once it is over.
 */
export function decide(status, action, parties, postedByProxy, windowPassed = false) {
    return NEED_MACHINE.decide(status, action, parties, needAllows(postedByProxy), needConditions(windowPassed));
}
/** States in which a need is still waiting for someone (the ones that can breach the claim deadline). */
export const WAITING_STATES = [...new Set([...NEED_MACHINE.from(A.ACCEPT), ...NEED_MACHINE.from(A.DISPATCH)])];
/** States in which a volunteer holds the need (their time is booked): from claiming until the service is done. */
export const HELD_STATES = [...new Set([...NEED_MACHINE.from(A.START), ...NEED_MACHINE.from(A.COMPLETE)])];
/** States of a service confirmed as done (it counts as served). */
export const SERVED_STATES = [...NEED_MACHINE.from(A.CLOSE), transitionOf(A.CLOSE).to];
//# sourceMappingURL=need-transitions.js.map