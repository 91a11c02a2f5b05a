import { PROJECT_MACHINE, ProjectAction, ProjectParty, ProjectStatus, PUBLIC_STATUSES } from './project-transitions.js';
import { allocateTranche, organizationFits, scoresProblem, totalScore } from './organization-fit.js';
import { NeedCategory } from '../needs/need.model.js';
import { OrganizationCategory } from '../organizations/organization.model.js';

const S = ProjectStatus;
const A = ProjectAction;
const P = ProjectParty;

/**
 * The lifecycle written out by hand, independently of the table (docs/projects.md "Lifecycle"): for each action,
 * the states it fires from, where it leads (null = status stays) and who may fire it.
 */
const EXPECTED: Record<ProjectAction, { from: ProjectStatus[]; to: ProjectStatus | null; by: ProjectParty[]; reason?: true }> = {
  APPROVE: { from: [S.PROPOSED], to: S.APPROVED, by: [P.APPROVER] },
  REJECT: { from: [S.PROPOSED], to: S.REJECTED, by: [P.APPROVER], reason: true },
  PUBLISH: { from: [S.APPROVED], to: S.PUBLISHED, by: [P.BROKER] },
  APPLY: { from: [S.PUBLISHED], to: null, by: [P.APPLICANT] },
  AWARD: { from: [S.PUBLISHED], to: S.UNDERTAKEN, by: [P.BROKER], reason: true },
  START: { from: [S.UNDERTAKEN], to: S.RUNNING, by: [P.BROKER] },
  SCHEDULE_ACTIVITY: { from: [S.UNDERTAKEN, S.RUNNING], to: null, by: [P.ORGANIZATION] },
  CONFIRM_ACTIVITY: { from: [S.RUNNING], to: null, by: [P.ORGANIZATION] },
  DISBURSE: { from: [S.UNDERTAKEN, S.RUNNING, S.EVALUATED], to: null, by: [P.DISBURSER] },
  EVALUATE_MIDTERM: { from: [S.RUNNING], to: null, by: [P.EVALUATOR] },
  EVALUATE_FINAL: { from: [S.RUNNING], to: S.EVALUATED, by: [P.EVALUATOR] },
  SUSPEND: { from: [S.RUNNING], to: S.SUSPENDED, by: [P.APPROVER, P.BROKER], reason: true },
  RESUME: { from: [S.SUSPENDED], to: S.RUNNING, by: [P.APPROVER, P.BROKER] },
  CLOSE: { from: [S.EVALUATED], to: S.CLOSED, by: [P.APPROVER, P.BROKER] },
  CANCEL: { from: [S.PROPOSED, S.APPROVED, S.PUBLISHED, S.UNDERTAKEN, S.RUNNING, S.SUSPENDED], to: S.CANCELLED, by: [P.APPROVER], reason: true },
};

describe('project lifecycle table', () => {
  const statuses = Object.values(ProjectStatus);
  const parties = Object.values(ProjectParty);

  it('has exactly the hand-written actions, with the same reasons required', () => {
    expect(PROJECT_MACHINE.rules.map((r) => r.action).sort()).toEqual(Object.values(ProjectAction).sort());
    for (const action of Object.values(ProjectAction)) expect(!!PROJECT_MACHINE.rule(action).needsReason).toBe(!!EXPECTED[action].reason);
  });

  // Every cell: each action × each status × each party.
  for (const action of Object.values(ProjectAction)) {
    for (const status of statuses) {
      it(`${action} from ${status}`, () => {
        const want = EXPECTED[action];
        for (const party of parties) {
          const d = PROJECT_MACHINE.decide(status, action, new Set([party]));
          if (!want.from.includes(status)) expect(d).toEqual({ ok: false, code: 'CONFLICT' });
          else if (!want.by.includes(party)) expect(d).toEqual({ ok: false, code: 'FORBIDDEN' });
          else expect(d).toEqual({ ok: true, to: want.to ?? status });
        }
        // Nobody at all: CONFLICT in a wrong state (whoever asks), FORBIDDEN in a right one.
        expect(PROJECT_MACHINE.decide(status, action, new Set()).ok).toBe(false);
      });
    }
  }

  it('terminal states allow nothing but paying a last tranche after evaluation', () => {
    expect(PROJECT_MACHINE.actionsFrom(S.CLOSED)).toEqual([]);
    expect(PROJECT_MACHINE.actionsFrom(S.REJECTED)).toEqual([]);
    expect(PROJECT_MACHINE.actionsFrom(S.CANCELLED)).toEqual([]);
    expect(PROJECT_MACHINE.actionsFrom(S.EVALUATED)).toEqual([A.DISBURSE, A.CLOSE]);
  });

  it('is public from PUBLISHED on, never before and never after a rejection', () => {
    expect([...PUBLIC_STATUSES].sort()).toEqual([S.CLOSED, S.EVALUATED, S.PUBLISHED, S.RUNNING, S.SUSPENDED, S.UNDERTAKEN].sort());
  });
});

describe('project rules', () => {
  it('fits organizations by category', () => {
    expect(organizationFits(NeedCategory.MEAL_ASSISTANCE, OrganizationCategory.LIFE_SERVICE)).toBe(true);
    expect(organizationFits(NeedCategory.MEAL_ASSISTANCE, OrganizationCategory.CULTURE_SPORTS)).toBe(false);
    expect(organizationFits(NeedCategory.LEGAL_AID, OrganizationCategory.MEDIATION)).toBe(true);
    for (const c of Object.values(OrganizationCategory)) expect(organizationFits(NeedCategory.OTHER, c)).toBe(true);
  });

  it('checks evaluation scores and computes the weighted total', () => {
    const ok = [
      { criterion: '项目管理', weight: 20, score: 90 },
      { criterion: '服务成效', weight: 40, score: 85 },
      { criterion: '财务管理', weight: 20, score: 95 },
      { criterion: '满意度', weight: 20, score: 88 },
    ];
    expect(scoresProblem(ok)).toBeNull();
    expect(totalScore(ok)).toBe(88.6);
    expect(
      totalScore([
        { weight: 33, score: 1 },
        { weight: 67, score: 0 },
      ]),
    ).toBe(0.33);
    expect(scoresProblem([])).toMatch(/至少/);
    expect(
      scoresProblem([
        { criterion: 'a', weight: 50, score: 1 },
        { criterion: 'a', weight: 50, score: 1 },
      ]),
    ).toMatch(/重复/);
    expect(
      scoresProblem([
        { criterion: 'a', weight: 60, score: 1 },
        { criterion: 'b', weight: 30, score: 1 },
      ]),
    ).toMatch(/100（现为 90）/);
    expect(scoresProblem([{ criterion: 'a', weight: 100, score: 101 }])).toMatch(/0–100/);
    expect(
      scoresProblem([
        { criterion: 'a', weight: 0, score: 1 },
        { criterion: 'b', weight: 100, score: 1 },
      ]),
    ).toMatch(/权重/);
    expect(scoresProblem([{ criterion: ' ', weight: 100, score: 1 }])).toMatch(/不能为空/);
  });

  it('splits a tranche over the lines in order, never beyond what they hold', () => {
    expect(
      allocateTranche(150, [
        { id: 'a', held: 100 },
        { id: 'b', held: 100 },
      ]),
    ).toEqual([
      { id: 'a', amount: 100 },
      { id: 'b', amount: 50 },
    ]);
    expect(
      allocateTranche(50, [
        { id: 'a', held: 0 },
        { id: 'b', held: 100 },
      ]),
    ).toEqual([{ id: 'b', amount: 50 }]);
    expect(
      allocateTranche(201, [
        { id: 'a', held: 100 },
        { id: 'b', held: 100 },
      ]),
    ).toBeNull();
    expect(allocateTranche(1, [])).toBeNull();
  });
});
