import fc from 'fast-check';
import { optimalAssignment } from './assignment.js';
import { sparseAssignment } from './sparse-assignment.js';

const instance = fc.record({ needs: fc.integer({ min: 0, max: 8 }), volunteers: fc.integer({ min: 0, max: 5 }) }).chain(({ needs, volunteers }) =>
  fc.record({
    scores: fc.array(
      fc.array(
        fc.option(
          fc.integer({ min: 1, max: 1000 }).map((x) => x / 10),
          { nil: null, freq: 2 },
        ),
        { minLength: volunteers, maxLength: volunteers },
      ),
      { minLength: needs, maxLength: needs },
    ),
    capacity: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: volunteers, maxLength: volunteers }),
  }),
);

const sparse = (scores: (number | null)[][]) => scores.map((row) => row.flatMap((s, v) => (s === null ? [] : [{ volunteer: v, score: s }])));

describe('sparseAssignment', () => {
  it('reaches the dense Hungarian optimum and returns a feasible plan', () => {
    fc.assert(
      fc.property(instance, ({ scores, capacity }) => {
        const r = sparseAssignment(sparse(scores), capacity);
        expect(r.total).toBeCloseTo(optimalAssignment(scores, capacity).total, 6);
        const load = capacity.map(() => 0);
        const needs = new Set<number>();
        let sum = 0;
        for (const [i, v] of r.pairs) {
          expect(needs.has(i)).toBe(false);
          needs.add(i);
          expect(scores[i][v]).not.toBeNull();
          load[v]++;
          sum += scores[i][v]!;
        }
        load.forEach((l, v) => expect(l).toBeLessThanOrEqual(capacity[v]));
        expect(sum).toBeCloseTo(r.total, 6);
      }),
      { numRuns: 1000, seed: 20261203 },
    );
  });

  it('leaves out skipped pairs', () => {
    const r = sparseAssignment(
      sparse([
        [10, 9],
        [8, null],
      ]),
      [1, 1],
      (i, v) => i === 0 && v === 0,
    );
    expect(r).toEqual({
      pairs: [
        [0, 1],
        [1, 0],
      ],
      total: 17,
    });
  });
});
