/**
 * The calendar of care visits (docs/care-visits.md "Visit rules"): months and days in Asia/Shanghai, the
 * default rules, the inheritance of rules from the nearest ancestor region, and the windows (earliest, due,
 * last day) a month's visits are split into. Pure functions, tested in visit-schedule.spec.ts.
 */
export enum CareGroup {
  SPECIAL_HARDSHIP_ELDERLY = 'SPECIAL_HARDSHIP_ELDERLY',
  CHILD_IN_DIFFICULTY = 'CHILD_IN_DIFFICULTY',
  LEFT_BEHIND_CHILD = 'LEFT_BEHIND_CHILD',
  DISABLED = 'DISABLED',
  LOW_INCOME = 'LOW_INCOME',
}

export enum VisitMode {
  HOME = 'HOME',
  PHONE = 'PHONE',
  VIDEO = 'VIDEO',
}

export interface VisitRule {
  visitsPerMonth: number;
  /** The modes that count as a visit (others are recorded as attempts). */
  modes: VisitMode[];
}

const ALL_MODES = [VisitMode.HOME, VisitMode.PHONE, VisitMode.VIDEO];

/**
 * The defaults of the seeds: special-hardship elderly once a month, high risk once a week (four windows a month)
 * and only home visits count; children in difficulty once a month; the other groups once a month.
 */
export function defaultRule(group: CareGroup, highRisk: boolean): VisitRule {
  if (highRisk) return { visitsPerMonth: 4, modes: [VisitMode.HOME] };
  if (group === CareGroup.SPECIAL_HARDSHIP_ELDERLY || group === CareGroup.CHILD_IN_DIFFICULTY) return { visitsPerMonth: 1, modes: [...ALL_MODES] };
  return { visitsPerMonth: 1, modes: [...ALL_MODES] };
}

export interface RuleRow extends VisitRule {
  regionPath: string;
  regionId: string;
  group: CareGroup;
  highRisk: boolean;
}

/** The rule of the nearest region on `gridPath`'s ancestor line (itself included) that sets one, else the default. */
export function ruleFor(rows: readonly RuleRow[], gridPath: string, group: CareGroup, highRisk: boolean): VisitRule & { setByRegionId: string | null } {
  let best: RuleRow | null = null;
  for (const r of rows) {
    if (r.group !== group || r.highRisk !== highRisk) continue;
    if (!(gridPath === r.regionPath || gridPath.startsWith(r.regionPath + '.'))) continue;
    if (!best || r.regionPath.length > best.regionPath.length) best = r;
  }
  return best
    ? { visitsPerMonth: best.visitsPerMonth, modes: best.modes, setByRegionId: best.regionId }
    : { ...defaultRule(group, highRisk), setByRegionId: null };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SHANGHAI = 8 * 3600_000;
const DAY = 24 * 3600_000;

/** "2026-12" → year and month (1–12); null when malformed. */
export function parseMonth(month: string): { year: number; month: number } | null {
  const m = MONTH.exec(month);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null;
}

/** The month of `at` in Shanghai, as "2026-12". */
export function monthOf(at: Date): string {
  const local = new Date(at.getTime() + SHANGHAI);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** `month` moved by `n` months. */
export function addMonths(month: string, n: number): string {
  const p = parseMonth(month)!;
  const total = p.year * 12 + (p.month - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The Shanghai calendar day of `at`, "2026-12-03". */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + SHANGHAI).toISOString().slice(0, 10);
}

/** The instant a Shanghai day begins. */
export function startOfDay(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - SHANGHAI);
}

/** The instant after a Shanghai day ends (the next day's start). */
export function endOfDay(day: string): Date {
  return new Date(startOfDay(day).getTime() + DAY);
}

export interface VisitWindow {
  slot: number;
  earliest: string;
  due: string;
  last: string;
}

/**
 * The month split into `visits` consecutive windows covering every day; a window's due day leaves about a fifth
 * of it for a second attempt (once a month in December: 1st–31st, due on the 25th).
 */
export function windowsOf(month: string, visits: number): VisitWindow[] {
  const p = parseMonth(month);
  if (!p) throw new Error(`bad month ${month}`);
  const days = new Date(Date.UTC(p.year, p.month, 0)).getUTCDate();
  const n = Math.max(1, Math.min(visits, days));
  const day = (d: number) => `${month}-${String(d).padStart(2, '0')}`;
  const out: VisitWindow[] = [];
  for (let i = 0; i < n; i++) {
    const first = Math.floor((i * days) / n) + 1;
    const last = Math.floor(((i + 1) * days) / n);
    const due = Math.max(first, last - Math.floor((last - first + 1) / 5));
    out.push({ slot: i + 1, earliest: day(first), due: day(due), last: day(last) });
  }
  return out;
}
