import fc from 'fast-check';
import { indicators, IndicatorValue } from './figures.js';
import type { NeedCell, RegionStats, RegionStatsMonth } from './statistics.model.js';
import type { CommunityFacts } from './statistics.repository.js';
import { exposed, INDICATOR_COUNTS, protect, SMALL_CELL, suppress } from './suppression.js';

/** The indicators whose denominator minus numerator counts persons (DIFFERENCE_COUNTS in suppression.ts). */
const DIFFERENCES = ['ELDERLY_VISIT_RATE', 'CHILD_VISIT_RATE', 'HOME_SERVICE_SHARE', 'CERTIFIED_WORKER_SHARE'];

const MONTH = {
  month: '2026-12',
  volunteersActive: 0,
  needsPosted: 0,
  needsClosed: 0,
  needsCancelled: 0,
  needsExpired: 0,
  minutesServed: 0,
  minutesBanked: 0,
  minutesTransferred: 0,
  minutesDonated: 0,
  medianMinutesToAccept: null,
  medianMinutesToClaim: null,
  onTimeRate: null,
  ratings: 0,
  satisfactionRate: null,
  escalations: 0,
  noShows: 0,
  visitsDue: 0,
  visitsDone: 0,
  visitsMissed: 0,
};

/** A month of a series with the given figures (everything else zero). */
const month = (name: string, figures: Partial<RegionStatsMonth>): RegionStatsMonth => ({ ...MONTH, month: name, ...figures });

/** A region row with the given figures (everything else zero or empty). */
function row(code: string, figures: Partial<RegionStats>, children: RegionStats[] = []): RegionStats {
  return {
    ...MONTH,
    region: { id: code, code, name: code } as RegionStats['region'],
    from: new Date(0),
    to: new Date(0),
    suppressed: false,
    volunteersRegistered: 0,
    ratings: 0,
    visitRate: null,
    needsByCategory: [],
    projectsByStatus: [],
    projectsBudgetFen: 0,
    projectsDisbursedFen: 0,
    indicators: [],
    series: [],
    children,
    ...figures,
  };
}

const cell = (category: string, urgency: string, posted: number, closed = 0): NeedCell => ({ category, urgency, posted, closed, cancelled: 0, expired: 0 });

const community = (over: Partial<CommunityFacts>): CommunityFacts => ({
  id: 'x',
  path: 'p',
  kind: 'URBAN',
  residentPopulation: 0,
  elderlyPopulation: 0,
  covered: [],
  station: false,
  discovery: false,
  consultation: false,
  socialWorkers: 0,
  workers: 0,
  certified: 0,
  orgs: 0,
  elderlyServed: 0,
  ...over,
});

/** The indicators of a region as the service builds them (with `personCountsOf`, which says which count persons). */
function withIndicators(r: RegionStats, communities: CommunityFacts[], visits: { group: string; due: number; done: number }[]): RegionStats {
  const inds = indicators(communities, visits, null, { socialWorkersPer10k: null, certifiedWorkerShare: null });
  const indicatorsOut = inds.map((i) => ({
    code: i.code,
    name: i.name,
    value: i.value,
    target: i.target,
    met: i.met,
    numerator: i.numerator,
    denominator: i.denominator,
    suppressed: false,
  }));
  return Object.assign({ ...r, indicators: indicatorsOut }, { personCountsOf: inds });
}

const posted = (r: RegionStats) => r.series.map((m) => m.needsPosted);

describe('suppress (public statistics)', () => {
  it('hides the minutes behind fewer than 5 active volunteers, keeps them behind 5 or more', () => {
    const few = suppress(row('A', { volunteersActive: 2, minutesServed: 150, minutesBanked: 150, minutesTransferred: 30, minutesDonated: 0 }));
    expect([few.volunteersActive, few.minutesServed, few.minutesBanked, few.minutesTransferred, few.minutesDonated]).toEqual([null, null, null, null, 0]);
    expect(few.suppressed).toBe(true);
    const none = suppress(row('A', { volunteersActive: 0, minutesTransferred: 40 }));
    expect(none.minutesTransferred).toBeNull();
    const many = suppress(row('A', { volunteersActive: 7, minutesServed: 600 }));
    expect(many.minutesServed).toBe(600);
    expect(many.suppressed).toBe(false);
  });

  it('changes nothing in its input', () => {
    const input = row('P', { needsPosted: 12, series: [month('2026-11', { needsPosted: 3 }), month('2026-12', { needsPosted: 9 })] }, [
      row('C1', { needsPosted: 3, needsByCategory: [cell('CARE', 'HIGH', 3)] }),
      row('C2', { needsPosted: 9, needsByCategory: [cell('CARE', 'HIGH', 9)] }),
    ]);
    const before = JSON.stringify(input);
    suppress(input);
    expect(JSON.stringify(input)).toBe(before);
  });

  describe('lines: children of a period figure', () => {
    it('one hidden child cell takes the next-smallest visible sibling with it', () => {
      const s = suppress(row('P', { needsPosted: 3 + 9 + 20 }, [row('C1', { needsPosted: 3 }), row('C2', { needsPosted: 9 }), row('C3', { needsPosted: 20 })]));
      expect(s.needsPosted).toBe(32);
      expect(s.children.map((c) => c.needsPosted)).toEqual([null, null, 20]);
      expect(s.children.map((c) => c.suppressed)).toEqual([true, true, false]);
      expect(s.suppressed).toBe(true);
    });

    it('with no visible non-zero sibling, the parent figure is hidden instead (a zero is never hidden); two hidden children need nothing more', () => {
      // The parent counts 4 needs of its own grid beside C1's 3, and C2 has none.
      const alone = suppress(row('P', { needsPosted: 7 }, [row('C1', { needsPosted: 3 }), row('C2', { needsPosted: 0 })]));
      expect(alone.needsPosted).toBeNull();
      expect(alone.children.map((c) => c.needsPosted)).toEqual([null, 0]);
      expect(alone.suppressed).toBe(true);
      const two = suppress(row('P', { needsPosted: 3 + 2 + 8 }, [row('C1', { needsPosted: 3 }), row('C2', { needsPosted: 2 }), row('C3', { needsPosted: 8 })]));
      expect(two.children.map((c) => c.needsPosted)).toEqual([null, null, 8]);
    });

    it('ties go to the first in the line; ratings and registered volunteers are lines too, and a hidden rating count takes its rate', () => {
      const s = suppress(
        row('P', { ratings: 2 + 10 + 10, satisfactionRate: 12 / 22, volunteersRegistered: 1 + 30 }, [
          row('C1', { ratings: 2, satisfactionRate: 1 }),
          row('C2', { ratings: 10, satisfactionRate: 0.5, volunteersRegistered: 30 }),
          row('C3', { ratings: 10, satisfactionRate: 0.5, volunteersRegistered: 0 }),
        ]),
      );
      expect(s.children.map((c) => c.ratings)).toEqual([null, null, 10]);
      expect(s.children.map((c) => c.satisfactionRate)).toEqual([null, null, 0.5]);
      // No child's registered volunteers are hidden (the parent's own 1 is hidden nowhere: it is no cell of a line).
      expect([s.volunteersRegistered, ...s.children.map((c) => c.volunteersRegistered)]).toEqual([31, 0, 30, 0]);
    });

    it('active volunteers are a distinct count, not a sum: no complement on them', () => {
      const s = suppress(row('P', { volunteersActive: 12 }, [row('C1', { volunteersActive: 3 }), row('C2', { volunteersActive: 10 })]));
      expect([s.volunteersActive, ...s.children.map((c) => c.volunteersActive)]).toEqual([12, null, 10]);
    });
  });

  describe('lines: months of a region', () => {
    it('one hidden month takes the smallest other month with it; the period figure stays', () => {
      const s = suppress(
        row('A', {
          needsPosted: 3 + 9 + 20,
          needsClosed: 6 + 8,
          onTimeRate: 0.5,
          series: [
            month('2026-10', { needsPosted: 3, needsClosed: 0 }),
            month('2026-11', { needsPosted: 9, needsClosed: 6, onTimeRate: 0.5, medianMinutesToAccept: 30 }),
            month('2026-12', { needsPosted: 20, needsClosed: 8, onTimeRate: 0.5 }),
          ],
        }),
      );
      expect(s.needsPosted).toBe(32);
      expect(posted(s)).toEqual([null, null, 20]);
      // The median built on the hidden month's postings goes with them; the closed needs show (no month hidden).
      expect(s.series[1].medianMinutesToAccept).toBeNull();
      expect(s.series.map((m) => m.needsClosed)).toEqual([0, 6, 8]);
      expect(s.suppressed).toBe(true);
    });

    it('zero rule: a hidden month beside months of zero hides the period figure, never a zero', () => {
      // 7 volunteers over the period, 2 in November: November's 100 minutes are hidden, December served none.
      const s = suppress(
        row('A', {
          volunteersActive: 7,
          minutesServed: 100,
          series: [month('2026-11', { volunteersActive: 2, minutesServed: 100 }), month('2026-12', { volunteersActive: 5, minutesServed: 0 })],
        }),
      );
      expect(s.series.map((m) => m.minutesServed)).toEqual([null, 0]);
      expect(s.minutesServed).toBeNull();
    });

    it('negative minute months (a month holding only a reversal) are chosen by size', () => {
      const s = suppress(
        row('A', {
          volunteersActive: 9,
          minutesBanked: 200 - 30 + 500,
          series: [
            month('2026-10', { volunteersActive: 2, minutesBanked: 200 }),
            month('2026-11', { volunteersActive: 6, minutesBanked: -30 }),
            month('2026-12', { volunteersActive: 6, minutesBanked: 500 }),
          ],
        }),
      );
      expect(s.series.map((m) => m.minutesBanked)).toEqual([null, null, 500]);
    });
  });

  describe('lines: children of a month', () => {
    it('cascade: a month hidden to protect a child’s series leaves one hidden child in that month, the fixpoint protects it', () => {
      // C1: 3 in November (hidden) and 10 in December; C2: 6 and 8. Protecting C1's series hides C1's December,
      // which is then the only hidden child of December (18 − 8 = 10): C2's December goes, then C2's series has one
      // hidden month, and so on until no line has exactly one hidden cell.
      const s = suppress(
        row('P', { needsPosted: 27, series: [month('2026-11', { needsPosted: 9 }), month('2026-12', { needsPosted: 18 })] }, [
          row('C1', { needsPosted: 13, series: [month('2026-11', { needsPosted: 3 }), month('2026-12', { needsPosted: 10 })] }),
          row('C2', { needsPosted: 14, series: [month('2026-11', { needsPosted: 6 }), month('2026-12', { needsPosted: 8 })] }),
        ]),
      );
      expect(posted(s)).toEqual([9, 18]);
      expect(s.children.map(posted)).toEqual([
        [null, null],
        [null, null],
      ]);
      expect(s.children.map((c) => c.needsPosted)).toEqual([13, 14]);
      expect(s.children.map((c) => c.suppressed)).toEqual([true, true]);
    });

    it('a child without the month counts zero in it; the parent’s month is hidden when no sibling can be', () => {
      // C1 served 40 minutes in November with 3 volunteers (hidden); C2 had nothing in November.
      const s = suppress(
        row(
          'P',
          {
            volunteersActive: 20,
            minutesServed: 40 + 900,
            series: [month('2026-11', { volunteersActive: 8, minutesServed: 40 + 60 }), month('2026-12', { volunteersActive: 15, minutesServed: 840 })],
          },
          [
            row('C1', {
              volunteersActive: 9,
              minutesServed: 40 + 300,
              series: [month('2026-11', { volunteersActive: 3, minutesServed: 40 }), month('2026-12', { volunteersActive: 8, minutesServed: 300 })],
            }),
            row('C2', { volunteersActive: 11, minutesServed: 540, series: [month('2026-12', { volunteersActive: 11, minutesServed: 540 })] }),
          ],
        ),
      );
      // C1's November (40) is hidden. November's children line holds only C1 (C2 has no November): with no sibling to
      // hide, the parent's November (its own 60 beside C1's 40) goes. C1's series line hides C1's December (300); the
      // parent's series line, left with one hidden month, hides December (840), so December's children line has no
      // visible total and C2's December stays.
      expect(s.children[0].series.map((m) => m.minutesServed)).toEqual([null, null]);
      expect(s.children[1].series.map((m) => m.minutesServed)).toEqual([540]);
      expect(s.children.map((c) => c.minutesServed)).toEqual([340, 540]);
      expect(s.series.map((m) => m.minutesServed)).toEqual([null, null]);
      expect(s.minutesServed).toBe(940);
    });
  });

  describe('lines: the needs table', () => {
    it('the cells of a column add up to the region figure: one hidden cell takes the smallest other', () => {
      const s = suppress(row('A', { needsPosted: 3 + 7 + 10, needsByCategory: [cell('CARE', 'HIGH', 3), cell('CARE', 'LOW', 7), cell('MEAL', 'NORMAL', 10)] }));
      expect(s.needsByCategory.map((c) => c.posted)).toEqual([null, null, 10]);
      expect(s.needsPosted).toBe(20);
      expect(s.suppressed).toBe(true);
    });

    it('children’s cells add up to the parent’s cell; a child left with one hidden cell in its column hides its total', () => {
      const s = suppress(
        row('P', { needsPosted: 12, needsByCategory: [cell('CARE', 'HIGH', 12)] }, [
          row('C1', { needsPosted: 3, needsByCategory: [cell('CARE', 'HIGH', 3)] }),
          row('C2', { needsPosted: 9, needsByCategory: [cell('CARE', 'HIGH', 9)] }),
        ]),
      );
      expect(s.needsByCategory[0].posted).toBe(12);
      expect(s.children.map((c) => c.needsByCategory[0].posted)).toEqual([null, null]);
      expect(s.children.map((c) => c.needsPosted)).toEqual([null, null]);
      expect(s.needsPosted).toBe(12);
    });
  });

  describe('lines: the counts behind the person-based indicators', () => {
    it('children add up to the parent; a count shown in two indicators is hidden in both', () => {
      const c1 = [community({ socialWorkers: 2, workers: 12, certified: 6, residentPopulation: 5000 })];
      const c2 = [community({ socialWorkers: 6, workers: 9, certified: 9, residentPopulation: 7000 })];
      const s = suppress(withIndicators(row('P', {}, [withIndicators(row('C1', {}), c1, []), withIndicators(row('C2', {}), c2, [])]), [...c1, ...c2], []));
      const of = (r: RegionStats, code: string) => r.indicators.find((i) => i.code === code)!;
      for (const code of ['SOCIAL_WORKERS_PER_COMMUNITY', 'SOCIAL_WORKERS_PER_10K']) {
        expect(s.children.map((c) => of(c, code).numerator)).toEqual([null, null]);
        expect(s.children.map((c) => of(c, code).value)).toEqual([null, null]);
        expect(s.children.map((c) => of(c, code).suppressed)).toEqual([true, true]);
        expect(of(s, code).numerator).toBe(8);
      }
      // Community workers (12 + 9) and the certified (6 + 9; 6 and 0 without a qualification) show.
      expect(s.children.map((c) => of(c, 'CERTIFIED_WORKER_SHARE').numerator)).toEqual([6, 9]);
      expect(s.children.map((c) => of(c, 'COMMUNITY_WORKERS_PER_10K').numerator)).toEqual([12, 9]);
    });

    it('names the counts of every person-based indicator of figures.ts', () => {
      const persons = indicators([], [], null, { socialWorkersPer10k: null, certifiedWorkerShare: null })
        .filter((i) => i.personCounts)
        .map((i) => i.code);
      expect(Object.keys(INDICATOR_COUNTS).sort()).toEqual(persons.sort());
    });
  });

  describe('lines: visits done and missed under visits due', () => {
    it('3 missed of 40 due would be 40 − 37: the visits done go, and the visit rate with them', () => {
      const s = suppress(
        row('A', {
          visitsDue: 40,
          visitsDone: 37,
          visitsMissed: 3,
          visitRate: 37 / 40,
          series: [month('2026-11', { visitsDue: 20, visitsDone: 20 }), month('2026-12', { visitsDue: 20, visitsDone: 17, visitsMissed: 3 })],
        }),
      );
      expect([s.visitsDue, s.visitsDone, s.visitsMissed, s.visitRate]).toEqual([40, null, null, null]);
      // December's line is the same; November shows (the period's visits done are hidden: its series line has no total).
      expect(s.series.map((m) => [m.visitsDue, m.visitsDone, m.visitsMissed])).toEqual([
        [20, 20, 0],
        [20, null, null],
      ]);
    });
  });

  describe('a line is one equation: its total counts as a member', () => {
    it('a hidden total over visible cells takes the smallest visible non-zero cell (the reviewer’s months [2, 32, 23])', () => {
      // Before: the parent's third month stayed hidden over C0's 23 and C1's 0, so it was 23, and then the first month
      // was 57 − 32 − 23 = 2.
      const s = suppress(
        row('P', { needsPosted: 57, series: [month('m0', { needsPosted: 2 }), month('m1', { needsPosted: 32 }), month('m2', { needsPosted: 23 })] }, [
          row('C0', { needsPosted: 39, series: [month('m0', { needsPosted: 2 }), month('m1', { needsPosted: 14 }), month('m2', { needsPosted: 23 })] }),
          row('C1', { needsPosted: 18, series: [month('m0', { needsPosted: 0 }), month('m1', { needsPosted: 18 }), month('m2', { needsPosted: 0 })] }),
        ]),
      );
      expect(posted(s)).toEqual([null, 32, null]);
      expect(s.children.map(posted)).toEqual([
        [null, 14, null],
        [0, 18, 0],
      ]);
      expect([s.needsPosted, ...s.children.map((c) => c.needsPosted)]).toEqual([57, 39, 18]);
    });

    it('protect: a hidden total takes a cell, never the zero cells; exposed says which lines give a member back', () => {
      const mk = (cells: (number | null)[], total: number | null) => {
        const cs = cells.map((v) => ({
          v,
          value() {
            return this.v;
          },
          hide() {
            this.v = null;
          },
        }));
        const t = {
          v: total,
          value() {
            return this.v;
          },
          hide() {
            this.v = null;
          },
        };
        return { cells: cs, total: t };
      };
      const a = mk([7, 5, 9], null);
      expect(exposed(a)).toBe(true);
      expect(protect(a)).toBe(true);
      expect(a.cells.map((c) => c.v)).toEqual([7, null, 9]);
      expect(exposed(a)).toBe(false);
      // Every cell 0 under a hidden total: nothing of the line to hide (the total is the parent's own rows).
      const z = mk([0, 0], null);
      expect(exposed(z)).toBe(false);
      expect(protect(z)).toBe(false);
      // One hidden cell and only zeros beside it: the total goes.
      const t = mk([null, 0], 6);
      expect(protect(t)).toBe(true);
      expect(t.total.v).toBeNull();
    });
  });

  describe('visit indicators under the region’s visits', () => {
    const of = (r: RegionStats, code: string) => r.indicators.find((i) => i.code === code)!;

    it('residents of 60 or over not served at home, workers without a qualification: 1–4 by difference hide the numerator', () => {
      const s = suppress(withIndicators(row('A', {}), [community({ elderlyPopulation: 30, elderlyServed: 27, workers: 12, certified: 9 })], []));
      const home = of(s, 'HOME_SERVICE_SHARE');
      expect([home.numerator, home.denominator, home.value, home.suppressed]).toEqual([null, 30, null, true]);
      const certified = of(s, 'CERTIFIED_WORKER_SHARE');
      expect([certified.numerator, certified.denominator, certified.value, certified.suppressed]).toEqual([null, 12, null, true]);
      const wide = suppress(withIndicators(row('B', {}), [community({ elderlyPopulation: 30, elderlyServed: 20, workers: 12, certified: 12 })], []));
      expect([of(wide, 'HOME_SERVICE_SHARE').numerator, of(wide, 'CERTIFIED_WORKER_SHARE').numerator]).toEqual([20, 12]);
    });

    it('only elderly visits, 20 due, 18 done, 2 missed: the indicator’s 18 of 20 goes with the hidden visits done', () => {
      const s = suppress(
        withIndicators(
          row('A', { visitsDue: 20, visitsDone: 18, visitsMissed: 2, visitRate: 0.9 }),
          [],
          [{ group: 'SPECIAL_HARDSHIP_ELDERLY', due: 20, done: 18 }],
        ),
      );
      expect([s.visitsDue, s.visitsDone, s.visitsMissed, s.visitRate]).toEqual([20, null, null, null]);
      const e = of(s, 'ELDERLY_VISIT_RATE');
      expect([e.numerator, e.denominator, e.value, e.met, e.suppressed]).toEqual([null, 20, null, null, true]);
      // Primary suppression alone hides it too: 20 − 18 = 2 visits of the group missed or still due.
      const alone = suppress(
        withIndicators(row('B', { visitsDue: 40, visitsDone: 38, visitsMissed: 0 }), [], [{ group: 'CHILD_IN_DIFFICULTY', due: 20, done: 18 }]),
      );
      expect(of(alone, 'CHILD_VISIT_RATE').numerator).toBeNull();
    });

    it('the groups’ visits done add up to the region’s: one hidden group takes the other', () => {
      const s = suppress(
        withIndicators(
          row('B', { visitsDue: 25, visitsDone: 13, visitsMissed: 12 }),
          [],
          [
            { group: 'SPECIAL_HARDSHIP_ELDERLY', due: 10, done: 3 },
            { group: 'CHILD_IN_DIFFICULTY', due: 15, done: 10 },
          ],
        ),
      );
      expect(s.visitsDone).toBe(13);
      expect([of(s, 'ELDERLY_VISIT_RATE').numerator, of(s, 'CHILD_VISIT_RATE').numerator]).toEqual([null, null]);
      expect([of(s, 'ELDERLY_VISIT_RATE').denominator, of(s, 'CHILD_VISIT_RATE').denominator]).toEqual([10, 15]);
    });
  });

  describe('derived counts: a rate times its count', () => {
    it('5 good of 6 ratings leaves 1 other: the rate is hidden; 6 of 6 shows (0 others); the same for closures on time', () => {
      const s = suppress(
        row('C', {
          ratings: 12,
          satisfactionRate: 11 / 12,
          needsClosed: 12,
          onTimeRate: 10 / 12,
          series: [
            month('2026-11', { ratings: 6, satisfactionRate: 1, needsClosed: 6, onTimeRate: 1 }),
            month('2026-12', { ratings: 6, satisfactionRate: 5 / 6, needsClosed: 6, onTimeRate: 4 / 6 }),
          ],
        }),
      );
      expect(s.series.map((m) => [m.ratings, m.satisfactionRate, m.needsClosed, m.onTimeRate])).toEqual([
        [6, 1, 6, 1],
        [6, null, 6, null],
      ]);
      // 11 good of 12 (1 other), 10 on time of 12 (2 late).
      expect([s.ratings, s.satisfactionRate, s.needsClosed, s.onTimeRate]).toEqual([12, null, 12, null]);
      expect(s.suppressed).toBe(true);
    });

    it('derived counts add up over months: one hidden month rate takes another', () => {
      // 7 good of 20: 2 of 10 in November (hidden), 5 of 10 in December would give 7 − 5 = 2.
      const s = suppress(
        row('A', {
          ratings: 20,
          satisfactionRate: 7 / 20,
          series: [month('2026-11', { ratings: 10, satisfactionRate: 0.2 }), month('2026-12', { ratings: 10, satisfactionRate: 0.5 })],
        }),
      );
      expect(s.series.map((m) => m.satisfactionRate)).toEqual([null, null]);
      expect(s.series.map((m) => m.ratings)).toEqual([10, 10]);
      expect(s.satisfactionRate).toBe(7 / 20);
    });

    it('and over children', () => {
      const s = suppress(
        row('P', { needsClosed: 30, onTimeRate: 16 / 30 }, [
          row('C1', { needsClosed: 10, onTimeRate: 0.5 }),
          row('C2', { needsClosed: 10, onTimeRate: 0.6 }),
          row('C3', { needsClosed: 10, onTimeRate: 0.5 }),
        ]),
      );
      // C2's 6 on time leaves 4 late: hidden; 16 − 5 − 5 would give it back, so C1's 5 (the first of the smallest) goes.
      expect(s.children.map((c) => c.onTimeRate)).toEqual([null, null, 0.5]);
      expect(s.onTimeRate).toBe(16 / 30);
      expect(s.children.map((c) => c.needsClosed)).toEqual([10, 10, 10]);
    });
  });

  it('a count hidden by the complement takes its derived rates: onTimeRate of a month, visitRate of the period', () => {
    const s = suppress(
      row('P', { visitsDue: 30, visitsDone: 3 + 9 + 14, visitRate: 26 / 30, needsClosed: 3 + 12, series: [] }, [
        row('C1', { visitsDue: 10, visitsDone: 3, visitRate: 0.3 }),
        row('C2', { visitsDue: 10, visitsDone: 9, visitRate: 0.9 }),
        row('C3', { visitsDue: 10, visitsDone: 14, visitRate: 1.4 }),
      ]),
    );
    expect(s.children.map((c) => c.visitRate)).toEqual([null, null, 1.4]);
    const m = suppress(
      row('A', {
        needsClosed: 15,
        series: [month('2026-11', { needsClosed: 3, onTimeRate: 1 }), month('2026-12', { needsClosed: 12, onTimeRate: 0.5 })],
      }),
    );
    expect(m.series.map((x) => [x.needsClosed, x.onTimeRate])).toEqual([
      [null, null],
      [null, null],
    ]);
  });
});

// ---------------------------------------------------------------------------------------------- property test

const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12'];
const CELLS = [
  ['ELDERLY_CARE', 'HIGH'],
  ['ELDERLY_CARE', 'NORMAL'],
  ['REPAIR', 'NORMAL'],
] as const;
const COLS = ['posted', 'closed', 'cancelled', 'expired'] as const;
const COL_TOTAL = { posted: 'needsPosted', closed: 'needsClosed', cancelled: 'needsCancelled', expired: 'needsExpired' } as const;
const OTHER_COUNTS = ['escalations', 'noShows'] as const;
const MINUTES = ['minutesServed', 'minutesBanked', 'minutesTransferred', 'minutesDonated'] as const;
/** Figures of a month row that add up over months and over children. */
const SUMS = [
  'needsPosted',
  'needsClosed',
  'needsCancelled',
  'needsExpired',
  ...OTHER_COUNTS,
  'ratings',
  'visitsDue',
  'visitsDone',
  'visitsMissed',
  ...MINUTES,
] as const;
const GROUPS = ['SPECIAL_HARDSHIP_ELDERLY', 'CHILD_IN_DIFFICULTY', 'DISABLED'] as const;

/** A count that is often 0, often small (1–4), often not. */
const count = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 30 }));
const minutes = fc.oneof(fc.constant(0), fc.integer({ min: -90, max: -1 }), fc.integer({ min: 1, max: 900 }));

const monthArb = fc.record({
  present: fc.boolean(),
  active: fc.integer({ min: 0, max: 9 }),
  table: fc.array(fc.array(count, { minLength: 4, maxLength: 4 }), { minLength: CELLS.length, maxLength: CELLS.length }),
  other: fc.array(count, { minLength: OTHER_COUNTS.length, maxLength: OTHER_COUNTS.length }),
  ratings: count,
  // Good ratings and closures on time (at most the month's ratings and closures): the rates are exact fractions.
  good: count,
  onTime: count,
  minutes: fc.array(minutes, { minLength: 4, maxLength: 4 }),
  visits: fc.array(fc.tuple(count, count, count), { minLength: GROUPS.length, maxLength: GROUPS.length }),
});
const communityArb = fc.record({
  socialWorkers: count,
  workers: count,
  certified: count,
  elderlyServed: count,
  residentPopulation: count,
  elderlyPopulation: count,
});

/** One unit of rows: a child region's, or the parent's own (rows in no child). */
const unitArb = (months: number) =>
  fc.record({
    months: fc.array(monthArb, { minLength: months, maxLength: months }),
    active: fc.integer({ min: 0, max: 12 }),
    registered: count,
    communities: fc.array(communityArb, { maxLength: 2 }),
  });
type Unit = ReturnType<typeof unitArb> extends fc.Arbitrary<infer U> ? U : never;

const treeArb = fc
  .record({ months: fc.integer({ min: 1, max: 4 }), children: fc.integer({ min: 0, max: 6 }) })
  .chain(({ months, children }) => fc.record({ own: unitArb(months), children: fc.array(unitArb(months), { minLength: children, maxLength: children }) }));

/** A region's figures from its units, as the service computes them: months, table and indicators are sums over rows. */
function build(code: string, units: Unit[], children: RegionStats[]): RegionStats {
  const n = units[0].months.length;
  // A month with nothing in it is no row at all (a unit month not `present` holds nothing).
  const at = (u: Unit, j: number) => (u.months[j].present ? u.months[j] : null);
  const monthOf = (name: string, ms: (Unit['months'][number] | null)[], active: number): RegionStatsMonth => {
    const live = ms.filter((m) => m !== null);
    const sum = (f: (m: Unit['months'][number]) => number) => live.reduce((a, m) => a + f(m), 0);
    const col = (k: number) => sum((m) => m.table.reduce((a, c) => a + c[k], 0));
    const closed = col(1);
    const ratings = sum((m) => m.ratings);
    const good = sum((m) => Math.min(m.good, m.ratings));
    const onTime = sum((m) =>
      Math.min(
        m.onTime,
        m.table.reduce((a, c) => a + c[1], 0),
      ),
    );
    const posted = col(0);
    const due = sum((m) => m.visits.reduce((a, v) => a + v[0] + v[1] + v[2], 0));
    return {
      ...MONTH,
      month: name,
      volunteersActive: active,
      needsPosted: posted,
      needsClosed: closed,
      needsCancelled: col(2),
      needsExpired: col(3),
      escalations: sum((m) => m.other[0]),
      noShows: sum((m) => m.other[1]),
      ratings,
      satisfactionRate: ratings > 0 ? good / ratings : null,
      // due = done + missed + still open
      visitsDue: due,
      visitsDone: sum((m) => m.visits.reduce((a, v) => a + v[0], 0)),
      visitsMissed: sum((m) => m.visits.reduce((a, v) => a + v[1], 0)),
      minutesServed: sum((m) => m.minutes[0]),
      minutesBanked: sum((m) => m.minutes[1]),
      minutesTransferred: sum((m) => m.minutes[2]),
      minutesDonated: sum((m) => m.minutes[3]),
      onTimeRate: closed > 0 ? onTime / closed : null,
      medianMinutesToAccept: posted > 0 ? 30 : null,
      medianMinutesToClaim: posted > 0 ? 45 : null,
    };
  };
  const series: RegionStatsMonth[] = [];
  for (let j = 0; j < n; j++) {
    const ms = units.map((u) => at(u, j));
    if (ms.some((m) => m !== null))
      series.push(
        monthOf(
          MONTHS[j],
          ms,
          ms.reduce((a, m) => a + (m?.active ?? 0), 0),
        ),
      );
  }
  const all = units.flatMap((u) => u.months.map((_, j) => at(u, j)));
  const period = monthOf(
    `${MONTHS[0]}…${MONTHS[n - 1]}`,
    all,
    units.reduce((a, u) => a + u.active, 0),
  );
  const table: NeedCell[] = CELLS.map(([category, urgency], k) => {
    const c = { category, urgency, posted: 0, closed: 0, cancelled: 0, expired: 0 };
    for (const m of all) if (m) COLS.forEach((col, i) => (c[col] += m.table[k][i]));
    return c;
  }).filter((c) => COLS.some((col) => c[col] !== 0));
  const visits = GROUPS.map((group, g) => ({
    group,
    due: all.reduce((a, m) => a + (m ? m.visits[g][0] + m.visits[g][1] + m.visits[g][2] : 0), 0),
    done: all.reduce((a, m) => a + (m ? m.visits[g][0] : 0), 0),
  }));
  const communities = units.flatMap((u, i) =>
    u.communities.map((c, k) => community({ ...c, id: `${code}-${i}-${k}`, certified: Math.min(c.certified, c.workers) })),
  );
  return withIndicators(
    {
      ...period,
      region: { id: code, code, name: code } as RegionStats['region'],
      from: new Date(0),
      to: new Date(0),
      suppressed: false,
      volunteersRegistered: units.reduce((a, u) => a + u.registered, 0),
      visitRate: period.visitsDue! > 0 ? period.visitsDone! / period.visitsDue! : null,
      needsByCategory: table,
      projectsByStatus: [],
      projectsBudgetFen: 0,
      projectsDisbursedFen: 0,
      indicators: [],
      series,
      children,
    },
    communities,
    visits,
  );
}

function tree({ own, children }: { own: Unit; children: Unit[] }): RegionStats {
  const cs = children.map((u, i) => build(`C${i + 1}`, [u], []));
  return build('P', [own, ...children], cs);
}

type Read = (r: RegionStats) => number | null;

/** The count a rate times its count gives (good ratings, closures on time): 0 under 0, null if either is hidden. */
const times = (rate: number | null, n: number | null) => (n === 0 ? 0 : rate === null || n === null ? null : Math.round(rate * n));
const good = (m: RegionStatsMonth) => times(m.satisfactionRate, m.ratings);
const onTime = (m: RegionStatsMonth) => times(m.onTimeRate, m.needsClosed);
const DERIVED: [string, (m: RegionStatsMonth) => number | null][] = [
  ['good ratings', good],
  ['closures on time', onTime],
];
/** A line as readers of a tree: the total first, then the cells; `exact` if the cells add up to the total exactly. */
interface PropLine {
  name: string;
  total: Read;
  cells: Read[];
  exact: boolean;
}

/** The lines of the tree shape `t` (input and output have the same shape), written out independently of suppression.ts. */
function propLines(t: RegionStats): PropLine[] {
  const lines: PropLine[] = [];
  const kids = (r: RegionStats) => r.children;
  const regions: ((r: RegionStats) => RegionStats)[] = [(r) => r, ...t.children.map((_, i) => (r: RegionStats) => kids(r)[i])];
  const monthIn = (r: RegionStats, name: string) => r.series.find((m) => m.month === name);
  const cellIn = (r: RegionStats, c: NeedCell) => r.needsByCategory.find((x) => x.category === c.category && x.urgency === c.urgency);
  regions.forEach((reg, ri) => {
    const r = reg(t);
    for (const k of SUMS) {
      lines.push({ name: `${ri} months ${k}`, total: (x) => reg(x)[k], cells: r.series.map((_, j) => (x: RegionStats) => reg(x).series[j][k]), exact: true });
    }
    for (const [k, d] of DERIVED) {
      lines.push({ name: `${ri} months ${k}`, total: (x) => d(reg(x)), cells: r.series.map((_, j) => (x: RegionStats) => d(reg(x).series[j])), exact: true });
    }
    // The visit indicators' groups under the region's visits (other care groups beside them).
    const group = (code: string, side: 'numerator' | 'denominator') => (x: RegionStats) => reg(x).indicators.find((i) => i.code === code)![side];
    for (const [k, side] of [
      ['visitsDone', 'numerator'],
      ['visitsDue', 'denominator'],
    ] as const) {
      lines.push({
        name: `${ri} visit groups ${k}`,
        total: (x) => reg(x)[k],
        cells: [group('ELDERLY_VISIT_RATE', side), group('CHILD_VISIT_RATE', side)],
        exact: false,
      });
    }
    for (const j of [-1, ...r.series.keys()]) {
      const at = (x: RegionStats): RegionStatsMonth => (j < 0 ? reg(x) : reg(x).series[j]);
      lines.push({ name: `${ri} ${j} visits`, total: (x) => at(x).visitsDue, cells: [(x) => at(x).visitsDone, (x) => at(x).visitsMissed], exact: false });
    }
    for (const col of COLS) {
      lines.push({
        name: `${ri} table ${col}`,
        total: (x) => reg(x)[COL_TOTAL[col]],
        cells: r.needsByCategory.map((_, j) => (x: RegionStats) => reg(x).needsByCategory[j][col]),
        exact: true,
      });
    }
  });
  if (t.children.length > 0) {
    const cs = t.children.map((_, i) => (x: RegionStats) => x.children[i]);
    for (const k of [...SUMS, 'volunteersRegistered'] as const) {
      lines.push({ name: `children ${k}`, total: (x) => x[k], cells: cs.map((c) => (x: RegionStats) => c(x)[k]), exact: false });
    }
    for (const [k, d] of DERIVED) {
      lines.push({ name: `children ${k}`, total: (x) => d(x), cells: cs.map((c) => (x: RegionStats) => d(c(x))), exact: false });
    }
    for (const pm of t.series) {
      for (const k of SUMS) {
        const cells = cs.filter((c) => monthIn(c(t), pm.month)).map((c) => (x: RegionStats) => monthIn(c(x), pm.month)![k]);
        lines.push({ name: `children ${pm.month} ${k}`, total: (x) => monthIn(x, pm.month)![k], cells, exact: false });
      }
      for (const [k, d] of DERIVED) {
        const cells = cs.filter((c) => monthIn(c(t), pm.month)).map((c) => (x: RegionStats) => d(monthIn(c(x), pm.month)!));
        lines.push({ name: `children ${pm.month} ${k}`, total: (x) => d(monthIn(x, pm.month)!), cells, exact: false });
      }
    }
    for (const pc of t.needsByCategory) {
      for (const col of COLS) {
        const cells = cs.filter((c) => cellIn(c(t), pc)).map((c) => (x: RegionStats) => cellIn(c(x), pc)![col]);
        lines.push({ name: `children ${pc.category}/${pc.urgency} ${col}`, total: (x) => cellIn(x, pc)![col], cells, exact: false });
      }
    }
    for (const code of Object.keys(INDICATOR_COUNTS)) {
      for (const side of ['numerator', 'denominator'] as const) {
        if (code === 'SOCIAL_WORKERS_PER_COMMUNITY' && side === 'denominator') continue; // communities: not persons
        const of = (r: RegionStats) => r.indicators.find((i) => i.code === code)![side];
        lines.push({ name: `children ${code} ${side}`, total: of, cells: cs.map((c) => (x: RegionStats) => of(c(x))), exact: false });
      }
    }
  }
  return lines;
}

/**
 * The counts of the tree (not the rates and medians built on them, nor the minutes: a month holding only a reversal is
 * negative, so a total of 0 minutes may be hidden when it is the one figure of its line left to hide).
 */
const COUNTS = new Set<string>([
  'volunteersActive',
  ...SUMS.filter((k) => !k.startsWith('minutes')),
  'ratings',
  'volunteersRegistered',
  ...COLS,
  'numerator',
  'denominator',
]);

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(what);
}

/** Every row of a tree: the region and its children. */
const rowsOf = (r: RegionStats): RegionStats[] => [r, ...r.children.flatMap(rowsOf)];

describe('suppress: property', () => {
  it('no line has exactly one hidden member; visible counts and rate × count of persons are 0 or ≥ 5; visible figures are the input, no zero hidden; minutes need 5 active', () => {
    fc.assert(
      fc.property(treeArb, (units) => {
        const input = tree(units);
        const out = suppress(input);
        const lines = propLines(input);
        for (const l of lines) {
          // The generated tree is consistent: the lines hold on the input.
          const sum = l.cells.reduce((a, c) => a + c(input)!, 0);
          if (l.exact) check(sum === l.total(input), `${l.name}: the cells add up to the total`);
          else if (!l.name.includes('minutes')) check(sum <= l.total(input)!, `${l.name}: the children add up to at most the parent`);
          // A line is one equation: exactly one hidden member (cell or total) is given back by the others, unless it is
          // the total over cells all 0 (the parent's own rows, or nothing).
          const hidden = l.cells.filter((c) => c(out) === null).length + (l.total(out) === null ? 1 : 0);
          const zeros = l.total(out) === null && l.cells.every((c) => c(out) === 0);
          check(hidden !== 1 || zeros, `${l.name}: exactly one hidden member`);
        }
        // Only nulled, never altered: every visible number (and flag) equals the input's.
        const same = (a: unknown, b: unknown, at: string): void => {
          if (b === null && a !== null && typeof a !== 'object') {
            // Hidden: never a zero count or sum (a zero is no one); a rate of 0 may go with its hidden count.
            check(!(a === 0 && COUNTS.has(at.slice(at.lastIndexOf('.') + 1))), `${at}: a zero hidden`);
            return;
          }
          if (a instanceof Date || typeof a !== 'object' || a === null) {
            check(at.endsWith('.suppressed') || Object.is(a, b), `${at}: ${String(b)} shown for ${String(a)}`);
            return;
          }
          for (const k of Object.keys(a)) same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
        };
        same(input, out, '');
        const small = (n: number | null) => n !== null && n > 0 && n < SMALL_CELL;
        const persons = [
          'volunteersActive',
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
        const inRows = rowsOf(input);
        rowsOf(out).forEach((r, ri) => {
          const before = inRows[ri];
          const months: [RegionStatsMonth, RegionStatsMonth][] = [
            [before, r],
            ...before.series.map((m, j): [RegionStatsMonth, RegionStatsMonth] => [m, r.series[j]]),
          ];
          for (const [b, m] of months) {
            for (const k of persons) check(!small(m[k]), `${m.month} ${k} = ${m[k]}`);
            if (b.volunteersActive! < SMALL_CELL)
              for (const k of MINUTES) check(m[k] === null || m[k] === 0, `${m.month} ${k} behind ${b.volunteersActive} volunteers`);
            if (m.needsClosed === null) check(m.onTimeRate === null, 'onTimeRate without needsClosed');
            if (m.ratings === null) check(m.satisfactionRate === null, 'satisfactionRate without ratings');
            if (m.needsPosted === null) check(m.medianMinutesToAccept === null && m.medianMinutesToClaim === null, 'medians without needsPosted');
            // A visible rate times its visible count: the derived count and its complement are 0 or ≥ 5.
            const g = good(m);
            const o = onTime(m);
            if (g !== null) check(!small(g) && !small(m.ratings! - g), `${m.month} good ratings ${g} of ${m.ratings}`);
            if (o !== null) check(!small(o) && !small(m.needsClosed! - o), `${m.month} closures on time ${o} of ${m.needsClosed}`);
          }
          check(!small(r.volunteersRegistered), 'volunteersRegistered small');
          if (r.visitsDue === null || r.visitsDone === null) check(r.visitRate === null, 'visitRate without its counts');
          for (const c of r.needsByCategory) check(!COLS.some((col) => small(c[col])), `table cell ${c.category}/${c.urgency} small`);
          const personIndicators = new Set(
            ((before as unknown as { personCountsOf: IndicatorValue[] }).personCountsOf ?? []).filter((i) => i.personCounts).map((i) => i.code),
          );
          for (const i of r.indicators) {
            if (!personIndicators.has(i.code)) continue;
            check(!small(i.numerator) && !small(i.denominator), `${i.code} small`);
            if (i.numerator === null || i.denominator === null) check(i.value === null && i.met === null && i.suppressed, `${i.code} value without its counts`);
            if (DIFFERENCES.includes(i.code) && i.numerator !== null && i.denominator !== null)
              check(!small(i.denominator - i.numerator), `${i.code}: ${i.denominator - i.numerator} persons by difference`);
          }
          // The same count in two indicators: hidden in both or in neither.
          const ind = (code: string) => r.indicators.find((i) => i.code === code)!;
          check(ind('SOCIAL_WORKERS_PER_COMMUNITY').numerator === ind('SOCIAL_WORKERS_PER_10K').numerator, 'social workers hidden in one indicator only');
          check(ind('COMMUNITY_WORKERS_PER_10K').numerator === ind('CERTIFIED_WORKER_SHARE').denominator, 'community workers hidden in one indicator only');
          // A row that hides anything says so, and so does its parent.
          const hidesSomething = JSON.stringify(before).split('null').length !== JSON.stringify({ ...r, suppressed: false }).split('null').length;
          check(!hidesSomething || r.suppressed, `${r.region.code} hides without saying so`);
          check(!r.children.some((c) => c.suppressed) || r.suppressed, `${r.region.code}: a child hides, the parent does not say so`);
        });
      }),
      { numRuns: 400 },
    );
  });
});
