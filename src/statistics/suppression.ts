import type { IndicatorValue } from './figures.js';
import type { Indicator, NeedCell, RegionStats, RegionStatsMonth } from './statistics.model.js';

/**
 * Public figures (docs/statistics.md "Public figures"): small counts of persons are hidden, then complementary
 * suppression hides more until no hidden figure can be got back by subtraction. Pure: the input is not changed.
 */

/** Counts of persons below this are hidden in public figures. */
export const SMALL_CELL = 5;

/** The monthly counts of persons that are sums of rows (each need is posted for a person). */
const SUMMED_COUNTS = [
  'needsPosted',
  'needsClosed',
  'needsCancelled',
  'needsExpired',
  'escalations',
  'noShows',
  'ratings',
  'visitsDue',
  'visitsDone',
  'visitsMissed',
] as const;

/** The monthly counts of persons: hidden publicly between 1 and SMALL_CELL - 1. */
const PERSON_COUNTS = ['volunteersActive', ...SUMMED_COUNTS] as const;

/** Sums of minutes over the volunteers behind them: hidden publicly when fewer than SMALL_CELL volunteers were active. */
const MINUTE_SUMS = ['minutesServed', 'minutesBanked', 'minutesTransferred', 'minutesDonated'] as const;

/**
 * The figures of a month row that are sums of rows: a region's months add up to its period figure, and children add
 * up to the parent (plus the parent's own rows). `volunteersActive` is not one: it counts distinct volunteers, and a
 * volunteer active in two months or two children is counted once in the period or the parent.
 */
const SUMMED = [...SUMMED_COUNTS, ...MINUTE_SUMS] as const;

/** The period-only figures that children add up to. */
const PERIOD_SUMMED = ['volunteersRegistered'] as const;

type Figure = (typeof SUMMED)[number] | (typeof PERIOD_SUMMED)[number];

/**
 * Counts that a published rate times its published count gives back (`satisfactionRate` × `ratings` = good ratings,
 * `onTimeRate` × `needsClosed` = closures on time): derived cells of a month row, summed over months and children like
 * the summed figures. Each is shown exactly when its rate and its count are; hiding it hides the rate.
 */
const DERIVED = {
  ratingsGood: { rate: 'satisfactionRate', count: 'ratings' },
  closedOnTime: { rate: 'onTimeRate', count: 'needsClosed' },
} as const;

type Derived = keyof typeof DERIVED;

const DERIVED_KEYS = Object.keys(DERIVED) as Derived[];

/** A derived count of a month row (`DERIVED`): 0 under a count of 0, null when its rate or its count is hidden. */
export function derivedCount(x: RegionStatsMonth, d: Derived): number | null {
  const { rate, count } = DERIVED[d];
  const n = x[count];
  const r = x[rate];
  if (n === 0) return 0;
  if (n === null || n === undefined || r === null || r === undefined) return null;
  return Math.round(r * n);
}

/**
 * The person-based indicators whose denominator minus numerator is a count of persons too — the group's visits missed
 * or still due, the residents of 60 or over not served at home, the community workers without a qualification: their
 * numerator is hidden when that difference is 1–4.
 */
const DIFFERENCE_COUNTS = ['ELDERLY_VISIT_RATE', 'CHILD_VISIT_RATE', 'HOME_SERVICE_SHARE', 'CERTIFIED_WORKER_SHARE'];

/** The needs table's columns and the region figure each adds up to (every NEEDS_* fact falls in one category × urgency cell). */
const COLUMNS = { posted: 'needsPosted', closed: 'needsClosed', cancelled: 'needsCancelled', expired: 'needsExpired' } as const;

type Column = keyof typeof COLUMNS;

/**
 * The counts of persons behind the person-based indicators (`personCounts` in figures.ts), named by what they count:
 * the same count in two indicators (social workers, community workers) is one figure, hidden in both or in neither.
 * Children add up to the parent: each is a sum over the region's communities or visit tasks. The number of communities
 * (SOCIAL_WORKERS_PER_COMMUNITY's denominator) is not a count of persons and is shown by the other indicators anyway.
 */
export const INDICATOR_COUNTS: Record<string, { numerator: string; denominator: string | null }> = {
  ELDERLY_VISIT_RATE: { numerator: 'elderlyVisitsDone', denominator: 'elderlyVisitsDue' },
  CHILD_VISIT_RATE: { numerator: 'childVisitsDone', denominator: 'childVisitsDue' },
  HOME_SERVICE_SHARE: { numerator: 'elderlyServed', denominator: 'elderlyPopulation' },
  SOCIAL_WORKERS_PER_COMMUNITY: { numerator: 'socialWorkers', denominator: null },
  SOCIAL_WORKERS_PER_10K: { numerator: 'socialWorkers', denominator: 'residentPopulation' },
  COMMUNITY_WORKERS_PER_10K: { numerator: 'workers', denominator: 'urbanPopulation' },
  CERTIFIED_WORKER_SHARE: { numerator: 'certified', denominator: 'workers' },
};

/** One published number of the tree: read it, or hide it together with what is derived from it. */
export interface Cell {
  value(): number | null;
  hide(): void;
}

/**
 * Figures that add up to a published total: one equation over its members (the cells and the total), so if exactly one
 * member is hidden, the others give it back.
 */
export interface Line {
  cells: Cell[];
  total: Cell;
}

/**
 * Public figures: counts of persons (volunteers, needs — each posted by a person —, ratings, visits, workers)
 * between 1 and 4 become null and the row says `suppressed`; rates built on a hidden count go too, and so do the
 * minutes figures unless at least 5 volunteers were active (a sum of a few people's minutes is their own figure).
 * Then complementary suppression runs over every line to a fixpoint (`complement`).
 */
export function suppress(s: RegionStats): RegionStats {
  const out = primary(s);
  complement(out);
  return out;
}

const small = (n: number | null) => n !== null && n > 0 && n < SMALL_CELL;

/** Rates and medians built on a hidden count are hidden with it (`period`: the region's own row, which has ratings and visitRate). */
function derive(x: RegionStatsMonth, period: RegionStats | null): void {
  if (x.needsClosed === null) x.onTimeRate = null;
  if (x.ratings === null) x.satisfactionRate = null;
  if (x.needsPosted === null) {
    x.medianMinutesToAccept = null;
    x.medianMinutesToClaim = null;
  }
  if (period) {
    if (period.visitsDue === null || period.visitsDone === null) period.visitRate = null;
  }
}

/** Primary suppression of a row and its children (each a copy: what `complement` then changes is the copies). */
function primary(s: RegionStats): RegionStats {
  let hidden = false;
  const hide = (n: number | null) => {
    if (small(n)) {
      hidden = true;
      return null;
    }
    return n;
  };
  const month = <T extends RegionStatsMonth>(x: T): T => {
    const r = { ...x };
    for (const k of PERSON_COUNTS) r[k] = hide(r[k]);
    // The minutes are sums over the volunteers behind them: shown only when at least SMALL_CELL volunteers were
    // active (a sum of one to four people's minutes tells their hours), else hidden like the count (zero stays zero).
    if (x.volunteersActive === null || x.volunteersActive < SMALL_CELL) {
      for (const k of MINUTE_SUMS) {
        if (r[k] !== null && r[k] !== 0) {
          hidden = true;
          r[k] = null;
        }
      }
    }
    derive(r, null);
    // A rate times its count gives a count of persons (good ratings, closures on time) and the count minus it another:
    // the rate is hidden when either is 1–4.
    for (const d of DERIVED_KEYS) {
      const n = derivedCount(r, d);
      const count = r[DERIVED[d].count];
      if (n !== null && count !== null && (small(n) || small(count - n))) {
        hidden = true;
        r[DERIVED[d].rate] = null;
      }
    }
    return r;
  };
  const out = month(s);
  out.volunteersRegistered = hide(s.volunteersRegistered);
  derive(out, out);
  out.needsByCategory = s.needsByCategory.map((c) => ({
    ...c,
    posted: hide(c.posted),
    closed: hide(c.closed),
    cancelled: hide(c.cancelled),
    expired: hide(c.expired),
  }));
  const persons = new Set(((s as unknown as { personCountsOf?: IndicatorValue[] }).personCountsOf ?? []).filter((i) => i.personCounts).map((i) => i.code));
  out.indicators = s.indicators.map((i) => {
    // A visit rate's denominator minus its numerator counts the group's visits missed or still due.
    // (With no visit done that is the denominator itself; a zero is never hidden.)
    const rest = DIFFERENCE_COUNTS.includes(i.code) && !!i.numerator && i.denominator !== null && small(i.denominator - i.numerator);
    if (!persons.has(i.code) || !(small(i.numerator) || small(i.denominator) || rest)) return { ...i };
    hidden = true;
    return {
      ...i,
      value: null,
      met: null,
      numerator: small(i.numerator) || rest ? null : i.numerator,
      denominator: small(i.denominator) ? null : i.denominator,
      suppressed: true,
    };
  });
  out.series = s.series.map((x) => month(x));
  out.children = s.children.map(primary);
  out.suppressed = hidden || out.children.some((c) => c.suppressed);
  return out;
}

/**
 * Complementary suppression: wherever a line (`linesOf`) has exactly one hidden member (a cell or the total), the
 * others would give it back, so its smallest visible non-zero cell is hidden too (the first in the line's order on a
 * tie; a zero is never hidden: it is no one), or, with none, the total if the hidden member is a cell. A figure
 * hidden for one line may leave another line with one hidden member (a month hidden beside a child's period figure
 * is one hidden month among the children of that month), so this repeats over every line until none has exactly one
 * hidden member (`exposed`). It ends: each step hides one more of finitely many figures.
 */
function complement(top: RegionStats): void {
  const lines = linesOf(top);
  // A count shown in two indicators is hidden in both if hidden in one (primary suppression hides equal numbers alike
  // already; this keeps it so whatever the input).
  for (const l of lines) for (const c of [...l.cells, l.total]) if (c.value() === null) c.hide();
  for (let changed = true; changed;) {
    changed = false;
    for (const l of lines) if (protect(l)) changed = true;
  }
  const settle = (r: RegionStats): boolean => {
    const children = r.children.map(settle).some(Boolean);
    r.suppressed ||= children;
    return r.suppressed;
  };
  settle(top);
}

/**
 * Whether a line gives back one of its members: exactly one is hidden, unless it is the total and every cell is 0
 * (then the total is the parent's own rows beside its children, or 0: nothing of a line to hide).
 */
export function exposed(line: Line): boolean {
  const hidden = line.cells.filter((c) => c.value() === null).length + (line.total.value() === null ? 1 : 0);
  if (hidden !== 1) return false;
  return line.total.value() !== null || line.cells.some((c) => c.value() !== 0);
}

/** One step of complementary suppression on a line; true if it hid something. */
export function protect(line: Line): boolean {
  const totalHidden = line.total.value() === null;
  let hidden = totalHidden ? 1 : 0;
  let pick: Cell | null = null;
  let least = Infinity;
  for (const c of line.cells) {
    const v = c.value();
    if (v === null) hidden++;
    else if (v !== 0 && Math.abs(v) < least) {
      least = Math.abs(v);
      pick = c;
    }
  }
  if (hidden !== 1) return false;
  if (pick) pick.hide();
  else if (totalHidden)
    return false; // every cell is 0: see `exposed`
  else line.total.hide();
  return true;
}

/**
 * Every line of a region tree (docs/statistics.md "Public figures"):
 * - the months of a region's series add up to its period figure, for each summed figure;
 * - the cells of a needs table column add up to the region's figure (posted → needsPosted, …);
 * - visits done and missed add up to visits due, in the period and in each month, beside the tasks still DUE: a task
 *   past its last day becomes MISSED (docs/care-visits.md), so in a past period none is left and the line is exact;
 * - the visit indicators' counts of the care groups add up to the period's visits done and visits due (beside the
 *   other care groups: still a line, since those are often 0);
 * - the children add up to the parent (with the parent's own rows beside them: still a line, since those may be 0)
 *   for each summed figure of the period, of each month of the series, for each cell of the needs table and for the
 *   counts behind the person-based indicators.
 * The derived counts (`DERIVED`) are summed figures too.
 */
export function linesOf(r: RegionStats): Line[] {
  const lines: Line[] = [];
  for (const k of SUMMED) lines.push({ cells: r.series.map((m) => figure(r, m, k)), total: figure(r, r, k) });
  for (const d of DERIVED_KEYS) lines.push({ cells: r.series.map((m) => derived(r, m, d)), total: derived(r, r, d) });
  for (const col of Object.keys(COLUMNS) as Column[]) {
    lines.push({ cells: r.needsByCategory.map((c) => tableCell(r, c, col)), total: figure(r, r, COLUMNS[col]) });
  }
  for (const x of [r, ...r.series]) lines.push({ cells: [figure(r, x, 'visitsDone'), figure(r, x, 'visitsMissed')], total: figure(r, x, 'visitsDue') });
  for (const [total, groups] of [
    ['visitsDone', ['elderlyVisitsDone', 'childVisitsDone']],
    ['visitsDue', ['elderlyVisitsDue', 'childVisitsDue']],
  ] as const) {
    const cells = groups.map((g) => indicatorCount(r, g)).filter((c): c is Cell => c !== null);
    if (cells.length > 0) lines.push({ cells, total: figure(r, r, total) });
  }
  const cs = r.children;
  if (cs.length > 0) {
    for (const k of [...SUMMED, ...PERIOD_SUMMED]) lines.push({ cells: cs.map((c) => figure(c, c, k)), total: figure(r, r, k) });
    for (const d of DERIVED_KEYS) lines.push({ cells: cs.map((c) => derived(c, c, d)), total: derived(r, r, d) });
    for (const pm of r.series) {
      const months = cs.flatMap((c) => c.series.filter((m) => m.month === pm.month).map((m) => ({ c, m })));
      for (const k of SUMMED) lines.push({ cells: months.map(({ c, m }) => figure(c, m, k)), total: figure(r, pm, k) });
      for (const d of DERIVED_KEYS) lines.push({ cells: months.map(({ c, m }) => derived(c, m, d)), total: derived(r, pm, d) });
    }
    for (const pc of r.needsByCategory) {
      const cells = cs.flatMap((c) => c.needsByCategory.filter((x) => x.category === pc.category && x.urgency === pc.urgency).map((x) => ({ c, x })));
      for (const col of Object.keys(COLUMNS) as Column[]) lines.push({ cells: cells.map(({ c, x }) => tableCell(c, x, col)), total: tableCell(r, pc, col) });
    }
    const counts = new Set(Object.values(INDICATOR_COUNTS).flatMap((c) => (c.denominator ? [c.numerator, c.denominator] : [c.numerator])));
    for (const name of counts) {
      const total = indicatorCount(r, name);
      const cells = cs.map((c) => indicatorCount(c, name)).filter((c): c is Cell => c !== null);
      if (total) lines.push({ cells, total });
    }
  }
  for (const c of cs) lines.push(...linesOf(c));
  return lines;
}

/** A summed figure of a region's period row or of one month of its series (`x`); `region` is the row that says `suppressed`. */
function figure(region: RegionStats, x: RegionStatsMonth, k: Figure): Cell {
  const row = x as unknown as Record<Figure, number | null>;
  return {
    value: () => row[k],
    hide: () => {
      row[k] = null;
      derive(x, x === region ? region : null);
      region.suppressed = true;
    },
  };
}

/** A derived count (`DERIVED`) of a region's period row or of one month of its series: hiding it hides its rate. */
function derived(region: RegionStats, x: RegionStatsMonth, d: Derived): Cell {
  return {
    value: () => derivedCount(x, d),
    hide: () => {
      x[DERIVED[d].rate] = null;
      region.suppressed = true;
    },
  };
}

function tableCell(region: RegionStats, cell: NeedCell, col: Column): Cell {
  return {
    value: () => cell[col],
    hide: () => {
      cell[col] = null;
      region.suppressed = true;
    },
  };
}

/** A count behind the person-based indicators (every copy of it in the region's indicators), or null if none shows it. */
function indicatorCount(region: RegionStats, name: string): Cell | null {
  const copies: { i: Indicator; side: 'numerator' | 'denominator' }[] = [];
  for (const i of region.indicators) {
    const counts = INDICATOR_COUNTS[i.code];
    if (counts?.numerator === name) copies.push({ i, side: 'numerator' });
    if (counts?.denominator === name) copies.push({ i, side: 'denominator' });
  }
  if (copies.length === 0) return null;
  return {
    value: () => (copies.some(({ i, side }) => i[side] === null) ? null : copies[0].i[copies[0].side]),
    hide: () => {
      for (const { i, side } of copies) {
        i[side] = null;
        i.value = null;
        i.met = null;
        i.suppressed = true;
      }
      region.suppressed = true;
    },
  };
}
