import { Assignment, optimalAssignment } from './assignment.js';

/**
 * Batch dispatch with time conflicts (docs/design.md §7): needs × volunteers with a score per feasible pair, a capacity
 * per volunteer, and a time window per need; maximize the total score so that no volunteer gets two needs whose
 * windows overlap.
 *
 * Exact by branch and bound. The Hungarian optimum without the time rule is an upper bound for every subproblem.
 * When that optimum gives one volunteer two overlapping needs p and q, no feasible plan holds both, so every
 * feasible plan lies in "p forbidden" or "q forbidden": solve both and keep the better. A subproblem whose bound
 * cannot beat the best plan found so far is dropped. The search starts from a quick repaired plan (forbid the weaker
 * pair of each clash) so that pruning bites early. With capacity 1 there are no clashes and this is one Hungarian run.
 */
export interface BatchProblem {
  /** scores[need][volunteer]; null = not allowed */
  scores: (number | null)[][];
  capacity: number[];
  /** [start, end) per need, any comparable numbers (epoch ms) */
  windows: readonly (readonly [number, number])[];
}

export interface BatchSolution extends Assignment {
  /** false only if the search hit `maxNodes` first: then `pairs` is the best feasible plan found. */
  optimal: boolean;
  /** Subproblems solved (for benchmarks and tests). */
  nodes: number;
}

const EPS = 1e-9;

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

/** The first pair of pairs given to one volunteer with overlapping windows, or null. */
export function findClash(pairs: readonly [number, number][], windows: BatchProblem['windows']): [[number, number], [number, number]] | null {
  for (let a = 0; a < pairs.length; a++) {
    for (let b = a + 1; b < pairs.length; b++) {
      if (pairs[a][1] === pairs[b][1] && overlaps(windows[pairs[a][0]], windows[pairs[b][0]])) return [pairs[a], pairs[b]];
    }
  }
  return null;
}

function withForbidden(scores: (number | null)[][], forbidden: readonly [number, number][]): (number | null)[][] {
  const m = scores.map((row) => [...row]);
  for (const [i, j] of forbidden) m[i][j] = null;
  return m;
}

/** A feasible plan quickly: forbid the weaker pair of each clash and solve again (not optimal in general). */
function repaired(p: BatchProblem): Assignment {
  const forbidden: [number, number][] = [];
  let result = optimalAssignment(p.scores, p.capacity);
  for (;;) {
    const clash = findClash(result.pairs, p.windows);
    if (!clash) return result;
    const [x, y] = clash;
    forbidden.push(p.scores[x[0]][x[1]]! < p.scores[y[0]][y[1]]! ? x : y);
    result = optimalAssignment(withForbidden(p.scores, forbidden), p.capacity);
  }
}

export function planBatch(p: BatchProblem, maxNodes = 5000): BatchSolution {
  let best = repaired(p);
  let nodes = 0;
  let complete = true;
  const stack: [number, number][][] = [[]];
  while (stack.length > 0) {
    if (nodes >= maxNodes) {
      complete = false;
      break;
    }
    const forbidden = stack.pop()!;
    nodes++;
    const relaxed = optimalAssignment(withForbidden(p.scores, forbidden), p.capacity);
    if (relaxed.total <= best.total + EPS) continue;
    const clash = findClash(relaxed.pairs, p.windows);
    if (!clash) {
      best = relaxed;
      continue;
    }
    stack.push([...forbidden, clash[0]], [...forbidden, clash[1]]);
  }
  return { pairs: best.pairs, total: best.total, optimal: complete, nodes };
}
