/**
 * 周期需求 (docs/everyday.md): which days a series occurs on. Pure functions over Asia/Shanghai calendar days
 * (UTC+8, no daylight saving); each occurrence keeps the first window's time of day and length.
 */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

export interface Recurrence {
  /** ISO weekdays 1 (Monday) … 7 (Sunday); empty when `everyDays` is given. */
  weekdays: number[];
  everyDays: number | null;
  until: Date | null;
  count: number | null;
}

export interface SeriesShape extends Recurrence {
  firstStart: Date;
  windowMinutes: number;
  pauses: { from: Date; until: Date }[];
}

export interface Occurrence {
  /** The Shanghai calendar day, YYYY-MM-DD. */
  date: string;
  windowStart: Date;
  windowEnd: Date;
}

/** Days since the epoch of the Shanghai calendar day holding `t`. */
const shanghaiDay = (t: Date) => Math.floor((t.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS);
const isoDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** ISO weekday of a Shanghai day number (1970-01-01 was a Thursday, 4). */
const weekdayOf = (day: number) => ((day + 3) % 7) + 1;

/** The recurrence's fault, as a field and a message, or null when it is well formed. */
export function recurrenceFault(r: Recurrence, firstStart: Date): { field: string; message: string } | null {
  const weekly = r.weekdays.length > 0;
  if (weekly === (r.everyDays !== null)) return { field: 'recurrence', message: '请选择每周的星期几，或每隔几天（二选一）' };
  if (r.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) return { field: 'recurrence.weekdays', message: '星期应为 1（周一）到 7（周日）' };
  if (r.everyDays !== null && (!Number.isInteger(r.everyDays) || r.everyDays < 1 || r.everyDays > 365))
    return { field: 'recurrence.everyDays', message: '间隔天数应为 1–365' };
  if (r.until === null && r.count === null) return { field: 'recurrence', message: '请填写结束日期或次数' };
  if (r.count !== null && (!Number.isInteger(r.count) || r.count < 1 || r.count > 400)) return { field: 'recurrence.count', message: '次数应为 1–400' };
  if (r.until !== null && r.until.getTime() <= firstStart.getTime()) return { field: 'recurrence.until', message: '结束日期应晚于第一次服务' };
  if (weekly && !r.weekdays.includes(weekdayOf(shanghaiDay(firstStart))))
    return { field: 'recurrence.weekdays', message: '第一次服务的日期应是所选的星期之一' };
  return null;
}

/**
 * The occurrences whose window starts in (after, horizon], in order, skipping paused ones. The n-th occurrence
 * counts from the first window, so `count` means the same whenever it is asked.
 */
export function occurrencesBetween(s: SeriesShape, after: Date, horizon: Date): Occurrence[] {
  const firstDay = shanghaiDay(s.firstStart);
  const timeOfDay = s.firstStart.getTime() - (firstDay * DAY_MS - SHANGHAI_OFFSET_MS);
  const out: Occurrence[] = [];
  let n = 0;
  for (let day = firstDay; ; day++) {
    const matches = s.everyDays !== null ? (day - firstDay) % s.everyDays === 0 : s.weekdays.includes(weekdayOf(day));
    if (!matches) continue;
    const windowStart = new Date(day * DAY_MS - SHANGHAI_OFFSET_MS + timeOfDay);
    if (windowStart.getTime() > horizon.getTime()) break;
    if (s.until && windowStart.getTime() > s.until.getTime()) break;
    n++;
    if (s.count !== null && n > s.count) break;
    if (windowStart.getTime() <= after.getTime()) continue;
    if (s.pauses.some((p) => windowStart.getTime() >= p.from.getTime() && windowStart.getTime() < p.until.getTime())) continue;
    out.push({ date: isoDate(day), windowStart, windowEnd: new Date(windowStart.getTime() + s.windowMinutes * 60_000) });
  }
  return out;
}

/** Milliseconds after Shanghai midnight at which `t` falls. */
export function timeOfDayMs(t: Date): number {
  return t.getTime() + SHANGHAI_OFFSET_MS - shanghaiDay(t) * DAY_MS;
}

/** "HH:MM" (Asia/Shanghai) as milliseconds after midnight, or null when malformed. */
export function parseStartTime(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm.trim());
  return m ? (Number(m[1]) * 60 + Number(m[2])) * 60_000 : null;
}

/**
 * 周期需求变更: the first window start of a changed series — the first day whose window (at `timeOfDay`) starts at
 * or after `from` and that the new recurrence has. An interval series that keeps counting in days keeps its phase
 * (`phase`: the old first start and interval); a new interval counts from the first day on or after `from`.
 * Null when none within a year.
 */
export function firstStartFrom(
  from: Date,
  timeOfDay: number,
  weekdays: number[],
  everyDays: number | null,
  phase: { firstStart: Date; everyDays: number } | null,
): Date | null {
  const phaseDay = phase ? shanghaiDay(phase.firstStart) : null;
  for (let day = shanghaiDay(from), i = 0; i < 400; day++, i++) {
    const start = new Date(day * DAY_MS - SHANGHAI_OFFSET_MS + timeOfDay);
    if (start.getTime() < from.getTime()) continue;
    if (everyDays === null && !weekdays.includes(weekdayOf(day))) continue;
    if (everyDays !== null && phase && phaseDay !== null && (((day - phaseDay) % phase.everyDays) + phase.everyDays) % phase.everyDays !== 0) continue;
    return start;
  }
  return null;
}

/** The window of a given Shanghai day (YYYY-MM-DD) at `timeOfDay`, `minutes` long. */
export function windowOnDay(date: string, timeOfDay: number, minutes: number): Occurrence {
  const windowStart = new Date(Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + timeOfDay);
  return { date, windowStart, windowEnd: new Date(windowStart.getTime() + minutes * 60_000) };
}
