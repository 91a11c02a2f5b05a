import type { RegionStats } from './statistics.model.js';
import { suppress } from './suppression.js';

/** A region row with the given figures (everything else zero or empty). */
function row(code: string, figures: Partial<RegionStats>, children: RegionStats[] = []): RegionStats {
  const month = {
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
    satisfactionRate: null,
    escalations: 0,
    noShows: 0,
    visitsDue: 0,
    visitsDone: 0,
    visitsMissed: 0,
  };
  return {
    ...month,
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

  it('complementary suppression: one hidden child cell takes the next-smallest visible sibling with it', () => {
    const s = suppress(row('P', { needsPosted: 3 + 9 + 20 }, [row('C1', { needsPosted: 3 }), row('C2', { needsPosted: 9 }), row('C3', { needsPosted: 20 })]));
    expect(s.needsPosted).toBe(32);
    expect(s.children.map((c) => c.needsPosted)).toEqual([null, null, 20]);
    expect(s.children.map((c) => c.suppressed)).toEqual([true, true, false]);
  });

  it('with no visible non-zero sibling, the parent figure is hidden instead; two hidden children need nothing more', () => {
    // The parent counts 4 needs of its own grid beside C1's 3, and C2 has none.
    const alone = suppress(row('P', { needsPosted: 7 }, [row('C1', { needsPosted: 3 }), row('C2', { needsPosted: 0 })]));
    expect(alone.needsPosted).toBeNull();
    expect(alone.suppressed).toBe(true);
    const two = suppress(row('P', { needsPosted: 3 + 2 + 8 }, [row('C1', { needsPosted: 3 }), row('C2', { needsPosted: 2 }), row('C3', { needsPosted: 8 })]));
    expect(two.children.map((c) => c.needsPosted)).toEqual([null, null, 8]);
  });
});
