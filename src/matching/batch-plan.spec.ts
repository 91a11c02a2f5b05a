import fc from 'fast-check';
import { BatchProblem, findClash, planBatch } from './batch-plan.js';

/** Every way of giving each need to one volunteer or to nobody, under capacity and without double-booking: the best total. */
function bruteForce(p: BatchProblem & { scores: (number | null)[][] }): number {
  let best = 0;
  const taken: number[][] = p.capacity.map(() => []);
  const go = (i: number, total: number) => {
    if (i === p.scores.length) {
      best = Math.max(best, total);
      return;
    }
    go(i + 1, total);
    p.scores[i].forEach((s, v) => {
      if (s === null || taken[v].length >= p.capacity[v]) return;
      if (taken[v].some((k) => p.windows[k][0] < p.windows[i][1] && p.windows[i][0] < p.windows[k][1])) return;
      taken[v].push(i);
      go(i + 1, total + s);
      taken[v].pop();
    });
  };
  go(0, 0);
  return best;
}

const instance = fc.record({ needs: fc.integer({ min: 0, max: 7 }), volunteers: fc.integer({ min: 0, max: 4 }) }).chain(({ needs, volunteers }) =>
  fc.record({
    scores: fc.array(
      fc.array(
        fc.option(
          fc.integer({ min: 1, max: 1000 }).map((x) => x / 10),
          { nil: null, freq: 3 },
        ),
        { minLength: volunteers, maxLength: volunteers },
      ),
      { minLength: needs, maxLength: needs },
    ),
    capacity: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: volunteers, maxLength: volunteers }),
    // Few distinct start hours so that many windows overlap.
    windows: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 3 })).map(([s, len]) => [s, s + len] as const),
      { minLength: needs, maxLength: needs },
    ),
  }),
);

describe('planBatch', () => {
  it('matches brute force on small random cases with overlapping windows and capacity', () => {
    fc.assert(
      fc.property(instance, (p) => {
        const result = planBatch(p);
        expect(result.optimal).toBe(true);
        expect(result.total).toBeCloseTo(bruteForce(p), 6);
        // Feasible: each need once, allowed pairs, capacity kept, no volunteer in two places at once, total adds up.
        const load = p.capacity.map(() => 0);
        const seen = new Set<number>();
        let sum = 0;
        for (const [i, v] of result.pairs) {
          expect(seen.has(i)).toBe(false);
          seen.add(i);
          expect(p.scores[i][v]).not.toBeNull();
          load[v]++;
          sum += p.scores[i][v]!;
        }
        load.forEach((l, v) => expect(l).toBeLessThanOrEqual(p.capacity[v]));
        expect(findClash(result.pairs, p.windows)).toBeNull();
        expect(sum).toBeCloseTo(result.total, 6);
      }),
      { numRuns: 600, seed: 20261124 },
    );
  });

  it('the reviewer’s case: two needs at the same hour, capacity 3 does not do worse than capacity 2', () => {
    // Need B1: 张伟 95, 刘洋 92.6. Need B2: only 张伟 (85). Both Saturday 10:00–11:00.
    const scores = [
      [95, 92.6],
      [85, null],
    ];
    const windows = [
      [10, 11],
      [10, 11],
    ] as const;
    for (const cap of [1, 2, 3]) {
      const r = planBatch({ scores, capacity: [cap, cap], windows });
      expect({ cap, total: Math.round(r.total * 10) / 10, pairs: r.pairs }).toEqual({
        cap,
        total: 177.6,
        pairs: [
          [0, 1],
          [1, 0],
        ],
      });
    }
  });

  it('gives one volunteer several needs when they do not overlap', () => {
    const r = planBatch({
      scores: [[10], [20], [30]],
      capacity: [3],
      windows: [
        [0, 1],
        [1, 2],
        [2, 3],
      ],
    });
    expect(r).toMatchObject({
      total: 60,
      pairs: [
        [0, 0],
        [1, 0],
        [2, 0],
      ],
      optimal: true,
    });
  });

  it('a chain of clashes where forbidding the weaker pair is wrong', () => {
    // Volunteer 0 gets 0 or 1 (same hour); only volunteer 0 can do need 1; need 0 has a slightly weaker second choice.
    const r = planBatch({
      scores: [
        [50, 49],
        [40, null],
        [30, null],
      ],
      capacity: [3, 1],
      windows: [
        [0, 2],
        [1, 3],
        [5, 6],
      ],
    });
    expect(r.total).toBe(49 + 40 + 30);
  });

  it('takes the sparse form to the same optimum', () => {
    const adj = [
      [
        { volunteer: 0, score: 50 },
        { volunteer: 1, score: 49 },
      ],
      [{ volunteer: 0, score: 40 }],
      [{ volunteer: 0, score: 30 }],
    ];
    const r = planBatch({
      adj,
      capacity: [3, 1],
      windows: [
        [0, 2],
        [1, 3],
        [5, 6],
      ],
    });
    expect(r).toMatchObject({ total: 119, optimal: true, stoppedBy: null });
  });

  it('out of time or steps, says it is not proven optimal and still returns a feasible plan', () => {
    const scores = [
      [50, 49],
      [40, null],
      [30, null],
    ];
    const windows = [
      [0, 2],
      [1, 3],
      [5, 6],
    ] as const;
    for (const limits of [{ budgetMs: 0 }, { maxNodes: 0 }]) {
      const r = planBatch({ scores, capacity: [3, 1], windows }, limits);
      expect(r.optimal).toBe(false);
      expect(r.stoppedBy).toBe('budgetMs' in limits ? 'time' : 'nodes');
      expect(findClash(r.pairs, windows)).toBeNull();
      expect(r.total).toBeCloseTo(
        r.pairs.reduce((s, [i, v]) => s + scores[i][v]!, 0),
        6,
      );
    }
  });
});
