import { StateMachine } from './state-machine.js';
import { defineErrors, DomainException, ERROR_CATALOGS, ErrorCode } from './errors.js';

type S = 'A' | 'B' | 'C';
type Act = 'GO' | 'BACK' | 'TOUCH';
type P = 'OWNER' | 'STAFF';

const sut = new StateMachine<S, Act, P>('toy', [
  { action: 'GO', from: ['A'], to: 'B', by: ['OWNER'] },
  { action: 'BACK', from: ['B', 'C'], to: 'A', by: ['STAFF'], needsReason: true },
  { action: 'TOUCH', from: ['A', 'B'], to: null, by: ['OWNER', 'STAFF'] },
]);

describe('StateMachine', () => {
  it('decides from the table: wrong state is CONFLICT, wrong party FORBIDDEN, a null target keeps the state', () => {
    expect(sut.decide('A', 'GO', new Set(['OWNER']))).toEqual({ ok: true, to: 'B' });
    expect(sut.decide('B', 'GO', new Set(['OWNER']))).toEqual({ ok: false, code: 'CONFLICT' });
    expect(sut.decide('A', 'GO', new Set(['STAFF']))).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(sut.decide('B', 'TOUCH', new Set(['STAFF']))).toEqual({ ok: true, to: 'B' });
    expect(sut.decide('B', 'TOUCH', new Set(['STAFF']), (p) => p !== 'STAFF')).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('refuses or redirects an action while a condition holds', () => {
    const late = new StateMachine<S, Act, P>('late', [
      { action: 'GO', from: ['A'], to: 'B', by: ['OWNER'], refusedWhen: ['LATE'] },
      { action: 'BACK', from: ['B'], to: 'A', by: ['OWNER'], redirectWhen: { LATE: 'C' } },
    ]);
    const late_ = new Set(['LATE']);
    expect(late.decide('A', 'GO', new Set(['OWNER']))).toEqual({ ok: true, to: 'B' });
    expect(late.decide('A', 'GO', new Set(['OWNER']), undefined, late_)).toEqual({ ok: false, code: 'CONFLICT', reason: 'LATE' });
    expect(late.decide('A', 'GO', new Set(['STAFF']), undefined, late_)).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(late.decide('B', 'BACK', new Set(['OWNER']), undefined, late_)).toEqual({ ok: true, to: 'C' });
    expect(late.decide('B', 'BACK', new Set(['OWNER']), undefined, new Set(['OTHER']))).toEqual({ ok: true, to: 'A' });
  });

  it('lists the states an action fires from and the actions of a state', () => {
    expect(sut.from('BACK')).toEqual(['B', 'C']);
    expect(sut.actionsFrom('B')).toEqual(['BACK', 'TOUCH']);
    expect(() => sut.rule('NOPE' as Act)).toThrow(/no transition/);
  });

  it('refuses a table with an action twice', () => {
    expect(
      () =>
        new StateMachine<S, Act, P>('dup', [
          { action: 'GO', from: ['A'], to: 'B', by: [] },
          { action: 'GO', from: ['B'], to: 'C', by: [] },
        ]),
    ).toThrow(/duplicate/);
  });
});

describe('defineErrors', () => {
  const errors = defineErrors('toy', {
    overBudget: {
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'TOY_OVER_BUDGET',
      field: 'quoteFen',
      message: (max: string) => `报价不能超过预算 ${max} 分`,
      meaning: 'quote above budget',
    },
    gone: { code: ErrorCode.NOT_FOUND, reason: 'TOY_GONE', message: '不存在', meaning: 'no such toy' },
  });

  it('makes coded exceptions with reason, message and field, and registers the catalog', () => {
    const e = errors.overBudget('100');
    expect(e).toBeInstanceOf(DomainException);
    expect(e.code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(e.message).toBe('报价不能超过预算 100 分');
    expect(e.options).toEqual({ reason: 'TOY_OVER_BUDGET', fields: [{ field: 'quoteFen', message: '报价不能超过预算 100 分' }] });
    expect(errors.gone().options).toEqual({ reason: 'TOY_GONE', fields: undefined });
    expect(Object.keys(ERROR_CATALOGS.get('toy')!)).toEqual(['overBudget', 'gone']);
  });
});
