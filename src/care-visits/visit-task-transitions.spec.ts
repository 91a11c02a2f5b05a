import { VisitTaskAction, visitTaskMachine, VisitTaskParty, VisitTaskStatus } from './visit-task-transitions.js';

/** Every cell of the table, against an expectation written separately. */
const EXPECTED: Record<VisitTaskAction, { from: VisitTaskStatus[]; to: VisitTaskStatus | 'same'; by: VisitTaskParty[] }> = {
  ATTEMPT: { from: [VisitTaskStatus.DUE], to: 'same', by: [VisitTaskParty.ASSIGNEE] },
  COMPLETE: { from: [VisitTaskStatus.DUE], to: VisitTaskStatus.DONE, by: [VisitTaskParty.ASSIGNEE] },
  REPORT_ABSENCE: { from: [VisitTaskStatus.DUE], to: VisitTaskStatus.CANCELLED, by: [VisitTaskParty.ASSIGNEE] },
  ASSIGN: { from: [VisitTaskStatus.DUE], to: 'same', by: [VisitTaskParty.STAFF] },
  CANCEL: { from: [VisitTaskStatus.DUE], to: VisitTaskStatus.CANCELLED, by: [VisitTaskParty.STAFF, VisitTaskParty.SYSTEM] },
  OVERDUE: { from: [VisitTaskStatus.DUE], to: 'same', by: [VisitTaskParty.SYSTEM] },
  MISS: { from: [VisitTaskStatus.DUE], to: VisitTaskStatus.MISSED, by: [VisitTaskParty.SYSTEM] },
};

describe('visit task transitions', () => {
  const statuses = Object.values(VisitTaskStatus);
  const parties = Object.values(VisitTaskParty);
  for (const action of Object.values(VisitTaskAction)) {
    for (const status of statuses) {
      for (const party of parties) {
        it(`${action} from ${status} by ${party}`, () => {
          const e = EXPECTED[action];
          const d = visitTaskMachine.decide(status, action, new Set([party]));
          if (!e.from.includes(status)) expect(d).toEqual({ ok: false, code: 'CONFLICT' });
          else if (!e.by.includes(party)) expect(d).toEqual({ ok: false, code: 'FORBIDDEN' });
          else expect(d).toEqual({ ok: true, to: e.to === 'same' ? status : e.to });
        });
      }
    }
  }

  it('only a DUE task moves: DONE, MISSED and CANCELLED are final', () => {
    for (const s of [VisitTaskStatus.DONE, VisitTaskStatus.MISSED, VisitTaskStatus.CANCELLED]) expect(visitTaskMachine.actionsFrom(s)).toEqual([]);
  });
});
