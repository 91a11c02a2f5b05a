import { decide, HELD_STATES, NEED_TRANSITIONS, NeedAction, NeedParty, NeedStatus, SERVED_STATES, WAITING_STATES } from './need-transitions.js';

/**
 * The expected state machine written out independently of the table: for each action, the states it fires
 * from, where it leads, and who may fire it. Every (state, action, party) cell is checked against `decide`,
 * for direct and proxy-posted needs.
 */
const S = NeedStatus;
const P = NeedParty;
const EXPECTED: Record<NeedAction, { from: NeedStatus[]; to: NeedStatus | 'same'; by: NeedParty[]; byIfProxy?: NeedParty[]; late?: NeedStatus | 'refused' }> = {
  ACCEPT: { from: [S.SUBMITTED], to: S.ACCEPTED, by: [P.STAFF] },
  REJECT: { from: [S.SUBMITTED], to: S.REJECTED, by: [P.STAFF] },
  PUBLISH: { from: [S.ACCEPTED], to: S.OPEN, by: [P.STAFF], late: 'refused' },
  DISPATCH: { from: [S.ACCEPTED, S.OPEN], to: S.CLAIMED, by: [P.STAFF], late: 'refused' },
  CLAIM: { from: [S.OPEN], to: S.CLAIMED, by: [P.VOLUNTEER], late: 'refused' },
  WITHDRAW: { from: [S.CLAIMED], to: S.OPEN, by: [P.CLAIMANT], late: S.EXPIRED },
  NO_SHOW: { from: [S.CLAIMED], to: S.OPEN, by: [P.STAFF, P.SYSTEM], late: S.EXPIRED },
  START: { from: [S.CLAIMED], to: S.IN_SERVICE, by: [P.CLAIMANT] },
  COMPLETE: { from: [S.IN_SERVICE], to: S.COMPLETED, by: [P.CLAIMANT] },
  DISPUTE: { from: [S.COMPLETED], to: 'same', by: [P.BENEFICIARY, P.PROXY] },
  CONFIRM: { from: [S.COMPLETED], to: S.CONFIRMED, by: [P.BENEFICIARY, P.PROXY], byIfProxy: [P.STAFF] },
  AUTO_CONFIRM: { from: [S.COMPLETED], to: S.CONFIRMED, by: [P.SYSTEM] },
  CLOSE: { from: [S.CONFIRMED], to: S.CLOSED, by: [P.STAFF, P.SYSTEM] },
  CANCEL: { from: [S.SUBMITTED, S.ACCEPTED, S.OPEN, S.CLAIMED, S.EXPIRED], to: S.CANCELLED, by: [P.BENEFICIARY, P.PROXY, P.STAFF] },
  EXPIRE: { from: [S.ACCEPTED, S.OPEN], to: S.EXPIRED, by: [P.SYSTEM] },
  RESCHEDULE: { from: [S.OPEN, S.EXPIRED], to: S.OPEN, by: [P.STAFF] },
  DISPUTE_CONFIRM: { from: [S.COMPLETED], to: S.CONFIRMED, by: [P.STAFF] },
  DISPUTE_REOPEN: { from: [S.COMPLETED], to: S.OPEN, by: [P.STAFF], late: S.EXPIRED },
  DISPUTE_CANCEL: { from: [S.COMPLETED], to: S.CANCELLED, by: [P.STAFF] },
  SERIES_CLAIM: { from: [S.OPEN], to: S.CLAIMED, by: [P.SYSTEM], late: 'refused' },
  WINDOW_CHANGED: { from: [S.CLAIMED], to: S.OPEN, by: [P.BENEFICIARY, P.PROXY, P.STAFF] },
};

const cells: [NeedStatus, NeedAction, NeedParty, boolean, boolean][] = [];
for (const status of Object.values(NeedStatus)) {
  for (const action of Object.values(NeedAction)) {
    for (const party of Object.values(NeedParty))
      for (const proxy of [false, true]) for (const late of [false, true]) cells.push([status, action, party, proxy, late]);
  }
}

describe('need transition table', () => {
  it('has one row per action and nothing else', () => {
    expect(NEED_TRANSITIONS.map((t) => t.action).sort()).toEqual(Object.values(NeedAction).sort());
  });

  it(`checks all ${cells.length} (state, action, party, proxy) cells`, () => {
    let allowed = 0;
    for (const [status, action, party, proxy, late] of cells) {
      const e = EXPECTED[action];
      const d = decide(status, action, new Set([party]), proxy, late);
      if (!e.from.includes(status)) {
        expect({ status, action, party, d }).toEqual({ status, action, party, d: { ok: false, code: 'CONFLICT' } });
        continue;
      }
      const may = e.by.includes(party) || (proxy && (e.byIfProxy ?? []).includes(party));
      const to = e.to === 'same' ? status : late && e.late && e.late !== 'refused' ? e.late : e.to;
      const want = !may
        ? { ok: false, code: 'FORBIDDEN' }
        : late && e.late === 'refused'
          ? { ok: false, code: 'CONFLICT', reason: 'WINDOW_PASSED' }
          : { ok: true, to };
      expect({ status, action, party, proxy, late, d }).toEqual({ status, action, party, proxy, late, d: want });
      if (want.ok) allowed++;
    }
    // Per window state 61 cells of the loop + 20 of expiry, rescheduling (from OPEN and EXPIRED) and disputes; once the window is over,
    // PUBLISH (2), DISPATCH (4) and CLAIM (2) are refused. Everyday use adds SERIES_CLAIM (OPEN, SYSTEM: 2 cells while
    // the window is open) and WINDOW_CHANGED (CLAIMED; BENEFICIARY, PROXY or STAFF: 6 cells in either window state).
    expect(allowed).toBe(2 * 81 - 8 + 2 + 2 * 6);
  });

  it('never leaves a terminal state', () => {
    for (const status of [S.CLOSED, S.REJECTED, S.CANCELLED]) {
      // EXPIRED is not terminal: staff reschedule or cancel it.
      for (const action of Object.values(NeedAction))
        expect(decide(status, action, new Set(Object.values(NeedParty)), true)).toEqual({ ok: false, code: 'CONFLICT' });
    }
  });

  it('lets a party holding several roles act through any of them', () => {
    expect(decide(S.COMPLETED, NeedAction.CONFIRM, new Set([P.VOLUNTEER, P.STAFF]), false)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decide(S.COMPLETED, NeedAction.CONFIRM, new Set([P.VOLUNTEER, P.STAFF]), true)).toEqual({ ok: true, to: S.CONFIRMED });
  });

  it('derives the status lists the queries use from the table', () => {
    expect(WAITING_STATES).toEqual([S.SUBMITTED, S.ACCEPTED, S.OPEN]);
    expect(HELD_STATES).toEqual([S.CLAIMED, S.IN_SERVICE]);
    expect(SERVED_STATES).toEqual([S.CONFIRMED, S.CLOSED]);
  });
});
