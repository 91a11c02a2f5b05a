import { firstStartFrom, occurrencesBetween, parseStartTime, recurrenceFault, timeOfDayMs, windowOnDay } from './need-recurrence.js';

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

  it('changes from a date on: start time, the first day of the new rule, the window of a kept day', () => {
    expect(parseStartTime('14:00')).toBe(14 * 3600_000);
    expect([parseStartTime('24:00'), parseStartTime('9:00'), parseStartTime('14:60')]).toEqual([null, null, null]);
    expect(timeOfDayMs(first)).toBe(10 * 3600_000);
    // From Wednesday 2026-12-09 on, Thursdays at 14:00: Thursday 2026-12-10 06:00 UTC.
    const from = new Date('2026-12-09T00:00:00+08:00');
    expect(firstStartFrom(from, 14 * 3600_000, [4], null, null)?.toISOString()).toBe('2026-12-10T06:00:00.000Z');
    // The day of `from` counts when its window starts at or after `from`, not when it started before.
    expect(firstStartFrom(new Date('2026-12-10T13:00:00+08:00'), 14 * 3600_000, [4], null, null)?.toISOString()).toBe('2026-12-10T06:00:00.000Z');
    expect(firstStartFrom(new Date('2026-12-10T15:00:00+08:00'), 14 * 3600_000, [4], null, null)?.toISOString()).toBe('2026-12-17T06:00:00.000Z');
    // An interval series keeps its phase: every 3 days from Tuesday 12-08 → 12-11, 12-14, …
    expect(firstStartFrom(from, 10 * 3600_000, [], 3, { firstStart: first, everyDays: 3 })?.toISOString()).toBe('2026-12-11T02:00:00.000Z');
    // A new interval counts from the first day on or after `from`.
    expect(firstStartFrom(from, 10 * 3600_000, [], 5, null)?.toISOString()).toBe('2026-12-09T02:00:00.000Z');
    expect(windowOnDay('2026-12-15', 14 * 3600_000, 90)).toEqual({
      date: '2026-12-15',
      windowStart: new Date('2026-12-15T06:00:00.000Z'),
      windowEnd: new Date('2026-12-15T07:30:00.000Z'),
    });
  });
});
