import { occurrencesBetween, recurrenceFault } from './need-recurrence.js';

// Tuesday 2026-12-08 10:00 Asia/Shanghai = 02:00 UTC.
const first = new Date('2026-12-08T02:00:00Z');
const base = { weekdays: [2], everyDays: null, until: null, count: null, firstStart: first, windowMinutes: 90, pauses: [] };

describe('recurrence', () => {
  it('weekly Tuesdays keep the time of day and length, up to the horizon', () => {
    const got = occurrencesBetween(base, new Date('2026-12-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'));
    expect(got.map((o) => o.date)).toEqual(['2026-12-08', '2026-12-15', '2026-12-22', '2026-12-29']);
    expect(got[1].windowStart.toISOString()).toBe('2026-12-15T02:00:00.000Z');
    expect(got[1].windowEnd.toISOString()).toBe('2026-12-15T03:30:00.000Z');
  });

  it('every N days, a count, an until date and pauses', () => {
    const every = occurrencesBetween({ ...base, weekdays: [], everyDays: 3, count: 3 }, new Date(0), new Date('2027-02-01T00:00:00Z'));
    expect(every.map((o) => o.date)).toEqual(['2026-12-08', '2026-12-11', '2026-12-14']);
    const until = occurrencesBetween({ ...base, until: new Date('2026-12-20T00:00:00Z') }, new Date(0), new Date('2027-02-01T00:00:00Z'));
    expect(until.map((o) => o.date)).toEqual(['2026-12-08', '2026-12-15']);
    const paused = occurrencesBetween(
      { ...base, count: 4, pauses: [{ from: new Date('2026-12-14T00:00:00Z'), until: new Date('2026-12-28T00:00:00Z') }] },
      new Date(0),
      new Date('2027-02-01T00:00:00Z'),
    );
    expect(paused.map((o) => o.date)).toEqual(['2026-12-08', '2026-12-29']);
  });

  it('refuses a malformed recurrence', () => {
    expect(recurrenceFault({ weekdays: [], everyDays: null, until: null, count: 2 }, first)?.field).toBe('recurrence');
    expect(recurrenceFault({ weekdays: [8], everyDays: null, until: null, count: 2 }, first)?.field).toBe('recurrence.weekdays');
    expect(recurrenceFault({ weekdays: [3], everyDays: null, until: null, count: 2 }, first)?.field).toBe('recurrence.weekdays');
    expect(recurrenceFault({ weekdays: [2], everyDays: null, until: null, count: null }, first)?.field).toBe('recurrence');
    expect(recurrenceFault({ weekdays: [2], everyDays: null, until: null, count: 4 }, first)).toBeNull();
  });
});
