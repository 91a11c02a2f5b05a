import { loadConfig } from '../config/config.js';
import { addWorkingDays, DEFAULT_DEADLINES, deadlinesFrom, localWeekdayMinute, Urgency } from './need-deadlines.js';

describe('need deadlines', () => {
  it('has the defaults of docs/design.md §5', () => {
    const at = new Date('2030-01-07T00:00:00Z');
    const mins = (u: Urgency) => {
      const d = deadlinesFrom(at, DEFAULT_DEADLINES[u]);
      return [(d.acceptBy.getTime() - at.getTime()) / 60000, (d.claimBy.getTime() - at.getTime()) / 60000];
    };
    expect(mins(Urgency.EMERGENCY)).toEqual([30, 120]);
    expect(mins(Urgency.URGENT)).toEqual([120, 1440]);
    expect(mins(Urgency.NORMAL)).toEqual([1440, 4320]);
  });

  it('reads weekdays and minutes in Asia/Shanghai', () => {
    // Saturday 2030-06-01 01:30 UTC is Saturday 09:30 in Shanghai; Friday 23:00 UTC is Saturday 07:00 there.
    expect(localWeekdayMinute(new Date('2030-06-01T01:30:00Z'))).toMatchObject({ weekday: 6, minute: 570 });
    expect(localWeekdayMinute(new Date('2030-05-31T23:00:00Z'))).toMatchObject({ weekday: 6, minute: 420 });
    expect(localWeekdayMinute(new Date('2030-06-02T16:00:00Z'))).toMatchObject({ weekday: 1, minute: 0 });
  });

  it('counts working days Monday to Friday', () => {
    // Thursday 10:00 Shanghai + 5 working days = next Thursday 10:00.
    expect(addWorkingDays(new Date('2030-06-06T02:00:00Z'), 5).toISOString()).toBe('2030-06-13T02:00:00.000Z');
    // Saturday + 1 working day = Monday.
    expect(addWorkingDays(new Date('2030-06-01T02:00:00Z'), 1).toISOString()).toBe('2030-06-03T02:00:00.000Z');
    // Friday + 1 = Monday.
    expect(addWorkingDays(new Date('2030-06-07T02:00:00Z'), 1).toISOString()).toBe('2030-06-10T02:00:00.000Z');
  });

  it('reads its settings with the rest of the configuration and refuses nonsense', () => {
    const base = { TOKEN_SECRET: 'a'.repeat(64), PII_KEY: 'b'.repeat(64) };
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).needLoop).toEqual({
      autoConfirmMinutes: 4320,
      noShowGraceMinutes: 60,
      schedulerIntervalSeconds: 0,
      reviewFixWorkingDays: 5,
      callbackWorkingDays: 1,
      startEarlyMinutes: 60,
      completeToleranceMinutes: 30,
      noShowReportMinutes: 30,
      autoCloseMinutes: 7 * 24 * 60,
    });
    expect(loadConfig({ ...base, NEED_START_EARLY_MINUTES: '15', NEED_AUTO_CLOSE_MINUTES: '0' }).needLoop).toMatchObject({
      startEarlyMinutes: 15,
      autoCloseMinutes: 0,
    });
    expect(() => loadConfig({ ...base, NEED_COMPLETE_TOLERANCE_MINUTES: '-5' })).toThrow('NEED_COMPLETE_TOLERANCE_MINUTES');
    expect(loadConfig({ ...base, NEED_AUTO_CONFIRM_MINUTES: '60' }).needLoop.autoConfirmMinutes).toBe(60);
    expect(loadConfig(base).needLoop.schedulerIntervalSeconds).toBe(60);
    expect(() => loadConfig({ ...base, NEED_AUTO_CONFIRM_MINUTES: 'soon' })).toThrow('NEED_AUTO_CONFIRM_MINUTES');
  });
});
