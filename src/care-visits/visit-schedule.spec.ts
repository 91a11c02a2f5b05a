import { addMonths, CareGroup, dayOf, defaultRule, endOfDay, monthOf, parseMonth, ruleFor, RuleRow, VisitMode, windowsOf } from './visit-schedule.js';

describe('visit schedule', () => {
  it('has the defaults of the seeds', () => {
    expect(defaultRule(CareGroup.SPECIAL_HARDSHIP_ELDERLY, false)).toEqual({ visitsPerMonth: 1, modes: ['HOME', 'PHONE', 'VIDEO'] });
    expect(defaultRule(CareGroup.SPECIAL_HARDSHIP_ELDERLY, true)).toEqual({ visitsPerMonth: 4, modes: ['HOME'] });
    expect(defaultRule(CareGroup.CHILD_IN_DIFFICULTY, false).visitsPerMonth).toBe(1);
  });

  it('inherits a rule from the nearest ancestor that sets one', () => {
    const rows: RuleRow[] = [
      { regionId: 'street', regionPath: '32.01.02', group: CareGroup.SPECIAL_HARDSHIP_ELDERLY, highRisk: false, visitsPerMonth: 2, modes: [VisitMode.HOME] },
      {
        regionId: 'community',
        regionPath: '32.01.02.001',
        group: CareGroup.SPECIAL_HARDSHIP_ELDERLY,
        highRisk: false,
        visitsPerMonth: 3,
        modes: [VisitMode.PHONE],
      },
      {
        regionId: 'other',
        regionPath: '32.01.02.0011',
        group: CareGroup.SPECIAL_HARDSHIP_ELDERLY,
        highRisk: false,
        visitsPerMonth: 9,
        modes: [VisitMode.PHONE],
      },
    ];
    expect(ruleFor(rows, '32.01.02.001.01', CareGroup.SPECIAL_HARDSHIP_ELDERLY, false)).toMatchObject({ visitsPerMonth: 3, setByRegionId: 'community' });
    expect(ruleFor(rows, '32.01.02.002.01', CareGroup.SPECIAL_HARDSHIP_ELDERLY, false)).toMatchObject({ visitsPerMonth: 2, setByRegionId: 'street' });
    expect(ruleFor(rows, '32.01.02.001.01', CareGroup.SPECIAL_HARDSHIP_ELDERLY, true)).toMatchObject({ visitsPerMonth: 4, setByRegionId: null });
    expect(ruleFor(rows, '32.09', CareGroup.SPECIAL_HARDSHIP_ELDERLY, false).setByRegionId).toBeNull();
  });

  it('splits a month into windows that cover every day once', () => {
    expect(windowsOf('2026-12', 1)).toEqual([{ slot: 1, earliest: '2026-12-01', due: '2026-12-25', last: '2026-12-31' }]);
    const weekly = windowsOf('2026-02', 4);
    expect(weekly.map((w) => [w.earliest, w.last])).toEqual([
      ['2026-02-01', '2026-02-07'],
      ['2026-02-08', '2026-02-14'],
      ['2026-02-15', '2026-02-21'],
      ['2026-02-22', '2026-02-28'],
    ]);
    for (const w of weekly) expect(w.earliest <= w.due && w.due <= w.last).toBe(true);
    expect(windowsOf('2026-02', 40)).toHaveLength(28);
  });

  it('reads months and days in Shanghai', () => {
    expect(parseMonth('2026-13')).toBeNull();
    expect(parseMonth('2026-1')).toBeNull();
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(monthOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12');
    expect(dayOf(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
    expect(endOfDay('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });
});
