import fc from 'fast-check';
import { optimalAssignment } from './assignment.js';

/** Every way of giving each need to one volunteer or to nobody, under the capacities: the best total. */
function bruteForce(scores: (number | null)[][], capacity: number[]): number {
  let best = 0;
  const used = capacity.map(() => 0);
  const go = (i: number, total: number) => {
    if (i === scores.length) {
      best = Math.max(best, total);
      return;
    }
    go(i + 1, total);
    scores[i].forEach((s, v) => {
      if (s === null || used[v] >= capacity[v]) return;
      used[v]++;
      go(i + 1, total + s);
      used[v]--;
    });
  };
  go(0, 0);
  return best;
}

const instance = fc.record({ needs: fc.integer({ min: 0, max: 6 }), volunteers: fc.integer({ min: 0, max: 4 }) }).chain(({ needs, volunteers }) =>
  fc.record({
    scores: fc.array(fc.array(fc.option(fc.integer({ min: 1, max: 100 }), { nil: null, freq: 3 }), { minLength: volunteers, maxLength: volunteers }), {
      minLength: needs,
      maxLength: needs,
    }),
    capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: volunteers, maxLength: volunteers }),
  }),
);

describe('optimalAssignment', () => {
  it('matches brute force on small random cases', () => {
    fc.assert(
      fc.property(instance, ({ scores, capacity }) => {
        const result = optimalAssignment(scores, capacity);
        expect(result.total).toBe(bruteForce(scores, capacity));
        // The pairs are feasible and add up to the total.
        const load = capacity.map(() => 0);
        const seen = new Set<number>();
        let sum = 0;
        for (const [i, v] of result.pairs) {
          expect(seen.has(i)).toBe(false);
          seen.add(i);
          expect(scores[i][v]).not.toBeNull();
          load[v]++;
          sum += scores[i][v]!;
        }
        load.forEach((l, v) => expect(l).toBeLessThanOrEqual(capacity[v]));
        expect(sum).toBe(result.total);
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });

  it('is not greedy: gives up the best single pair when that wins overall', () => {
    // Greedy would give need 0 to volunteer 0 (90) and leave need 1 with nothing feasible.
    const r = optimalAssignment(
      [
        [90, 80],
        [85, null],
      ],
      [1, 1],
    );
    expect(r.total).toBe(165);
    expect(r.pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('uses a volunteer up to their capacity', () => {
    expect(optimalAssignment([[10], [20], [30]], [2])).toEqual({
      pairs: [
        [1, 0],
        [2, 0],
      ],
      total: 50,
    });
  });
});
