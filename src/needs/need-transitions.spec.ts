import { decide, NEED_TRANSITIONS, NeedAction, NeedParty, NeedStatus } from './need-transitions.js';

/**
 * The expected state machine written out independently of the table: for each action, the states it fires
 * from, where it leads, and who may fire it. Every (state, action, party) cell is checked against `decide`,
 * for direct and proxy-posted needs.
 */
const S = NeedStatus;
const P = NeedParty;
const EXPECTED: Record<NeedAction, { from: NeedStatus[]; to: NeedStatus | 'same'; by: NeedParty[]; byIfProxy?: NeedParty[] }> = {
  ACCEPT: { from: [S.SUBMITTED], to: S.ACCEPTED, by: [P.STAFF] },
  REJECT: { from: [S.SUBMITTED], to: S.REJECTED, by: [P.STAFF] },
  PUBLISH: { from: [S.ACCEPTED], to: S.OPEN, by: [P.STAFF] },
  DISPATCH: { from: [S.ACCEPTED, S.OPEN], to: S.CLAIMED, by: [P.STAFF] },
  CLAIM: { from: [S.OPEN], to: S.CLAIMED, by: [P.VOLUNTEER] },
  WITHDRAW: { from: [S.CLAIMED], to: S.OPEN, by: [P.CLAIMANT] },
  NO_SHOW: { from: [S.CLAIMED], to: S.OPEN, by: [P.STAFF, P.SYSTEM] },
  START: { from: [S.CLAIMED], to: S.IN_SERVICE, by: [P.CLAIMANT] },
  COMPLETE: { from: [S.IN_SERVICE], to: S.COMPLETED, by: [P.CLAIMANT] },
  DISPUTE: { from: [S.COMPLETED], to: 'same', by: [P.BENEFICIARY, P.PROXY] },
  CONFIRM: { from: [S.COMPLETED], to: S.CONFIRMED, by: [P.BENEFICIARY, P.PROXY], byIfProxy: [P.STAFF] },
  AUTO_CONFIRM: { from: [S.COMPLETED], to: S.CONFIRMED, by: [P.SYSTEM] },
  CLOSE: { from: [S.CONFIRMED], to: S.CLOSED, by: [P.STAFF, P.SYSTEM] },
  CANCEL: { from: [S.SUBMITTED, S.ACCEPTED, S.OPEN, S.CLAIMED], to: S.CANCELLED, by: [P.BENEFICIARY, P.PROXY, P.STAFF] },
};

const cells: [NeedStatus, NeedAction, NeedParty, boolean][] = [];
for (const status of Object.values(NeedStatus)) {
  for (const action of Object.values(NeedAction)) {
    for (const party of Object.values(NeedParty)) for (const proxy of [false, true]) cells.push([status, action, party, proxy]);
  }
}

describe('need transition table', () => {
  it('has one row per action and nothing else', () => {
    expect(NEED_TRANSITIONS.map((t) => t.action).sort()).toEqual(Object.values(NeedAction).sort());
  });

  it(`checks all ${cells.length} (state, action, party, proxy) cells`, () => {
    let allowed = 0;
    for (const [status, action, party, proxy] of cells) {
      const e = EXPECTED[action];
      const d = decide(status, action, new Set([party]), proxy);
      if (!e.from.includes(status)) {
        expect({ status, action, party, d }).toEqual({ status, action, party, d: { ok: false, code: 'CONFLICT' } });
        continue;
      }
      const may = e.by.includes(party) || (proxy && (e.byIfProxy ?? []).includes(party));
      const to = e.to === 'same' ? status : e.to;
      expect({ status, action, party, proxy, d }).toEqual({ status, action, party, proxy, d: may ? { ok: true, to } : { ok: false, code: 'FORBIDDEN' } });
      if (may) allowed++;
    }
    expect(allowed).toBe(61);
  });

  it('never leaves a terminal state', () => {
    for (const status of [S.CLOSED, S.REJECTED, S.CANCELLED]) {
      for (const action of Object.values(NeedAction)) expect(decide(status, action, new Set(Object.values(NeedParty)), true)).toEqual({ ok: false, code: 'CONFLICT' });
    }
  });

  it('lets a party holding several roles act through any of them', () => {
    expect(decide(S.COMPLETED, NeedAction.CONFIRM, new Set([P.VOLUNTEER, P.STAFF]), false)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decide(S.COMPLETED, NeedAction.CONFIRM, new Set([P.VOLUNTEER, P.STAFF]), true)).toEqual({ ok: true, to: S.CONFIRMED });
  });
});
