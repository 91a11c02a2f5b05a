import type { Assignment } from './assignment.js';
import { SparsePair, sparseAssignment } from './sparse-assignment.js';

/**
 * Batch dispatch with time conflicts (docs/design.md §7): needs × volunteers with a score per feasible pair, a capacity
 * per volunteer, and a time window per need; maximize the total score so that no volunteer gets two needs whose
 * windows overlap.
 *
 * Exact by branch and bound. The optimal assignment without the time rule (`sparseAssignment`, a min-cost flow on
 * the feasible pairs only) is an upper bound for every subproblem. When that optimum gives one volunteer two
 * overlapping needs p and q, no feasible plan holds both, so every feasible plan lies in "p forbidden" or
 * "q forbidden": solve both and keep the better. A subproblem whose bound cannot beat the best plan found so far is
 * dropped. The search starts from a quick repaired plan (forbid the weaker pair of each clash) so that pruning bites
 * early. With capacity 1 there are no clashes and this is one flow.
 *
 * The search is bounded twice: by `maxNodes` subproblems and by `budgetMs` of wall time. Hitting either returns the
 * best feasible plan found with `optimal: false`; `optimal: true` means the search ran to the end.
 */
export interface BatchProblem {
  /** Dense form, scores[need][volunteer]; null = not allowed. Give this or `adj`. */
  scores?: (number | null)[][];
  /** Sparse form: for each need, the volunteers allowed and their scores. */
  adj?: SparsePair[][];
  capacity: number[];
  /** [start, end) per need, any comparable numbers (epoch ms) */
  windows: readonly (readonly [number, number])[];
}

export interface BatchLimits {
  /** Subproblems at most (default 5000). */
  maxNodes?: number;
  /** Wall-clock milliseconds at most for the search (default: unbounded). */
  budgetMs?: number;
}

export interface BatchSolution extends Assignment {
  /** false if the search hit `maxNodes` or `budgetMs` first: then `pairs` is the best feasible plan found. */
  optimal: boolean;
  /** Subproblems solved (for benchmarks and tests). */
  nodes: number;
  /** Why the search stopped early, if it did. */
  stoppedBy: 'nodes' | 'time' | null;
}

const EPS = 1e-9;

const overlaps = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[1] && b[0] < a[1];

/** The first pair of pairs given to one volunteer with overlapping windows (in pair order), or null. */
export function findClash(pairs: readonly [number, number][], windows: BatchProblem['windows']): [[number, number], [number, number]] | null {
  const byVolunteer = new Map<number, [number, number][]>();
  let best: [[number, number], [number, number]] | null = null;
  let bestKey = Infinity;
  pairs.forEach((p, k) => {
    const seen = byVolunteer.get(p[1]);
    if (!seen) {
      byVolunteer.set(p[1], [[p[0], k]]);
      return;
    }
    for (const [need, at] of seen) {
      if (overlaps(windows[need], windows[p[0]])) {
        const key = at * pairs.length + k;
        if (key < bestKey) {
          bestKey = key;
          best = [pairs[at], p];
        }
      }
    }
    seen.push([p[0], k]);
  });
  return best;
}

function adjacency(p: BatchProblem): SparsePair[][] {
  if (p.adj) return p.adj;
  return (p.scores ?? []).map((row) => row.flatMap((s, v) => (s === null ? [] : [{ volunteer: v, score: s }])));
}

const key = (need: number, volunteer: number) => `${need}:${volunteer}`;

export function planBatch(p: BatchProblem, limits: BatchLimits = {}): BatchSolution {
  const maxNodes = limits.maxNodes ?? 5000;
  const deadline = limits.budgetMs === undefined ? Infinity : Date.now() + limits.budgetMs;
  const adj = adjacency(p);
  const scoreOf = new Map<string, number>();
  adj.forEach((list, i) => list.forEach((e) => scoreOf.set(key(i, e.volunteer), e.score)));
  const solve = (forbidden: readonly [number, number][]) => {
    const off = new Set(forbidden.map(([i, v]) => key(i, v)));
    return sparseAssignment(adj, p.capacity, off.size === 0 ? undefined : (i, v) => off.has(key(i, v)));
  };
  const weaker = ([x, y]: [[number, number], [number, number]]) => (scoreOf.get(key(...x))! < scoreOf.get(key(...y))! ? x : y);

  // A feasible plan quickly: forbid the weaker pair of each clash and solve again. Out of time, drop it instead.
  let best = solve([]);
  const forbidden: [number, number][] = [];
  for (;;) {
    const clash = findClash(best.pairs, p.windows);
    if (!clash) break;
    const drop = weaker(clash);
    if (Date.now() >= deadline) {
      const pairs = best.pairs.filter((q) => q !== drop);
      best = { pairs, total: best.total - scoreOf.get(key(...drop))! };
      continue;
    }
    forbidden.push(drop);
    best = solve(forbidden);
  }

  let nodes = 0;
  let stoppedBy: BatchSolution['stoppedBy'] = null;
  const stack: [number, number][][] = [[]];
  while (stack.length > 0) {
    if (nodes >= maxNodes) {
      stoppedBy = 'nodes';
      break;
    }
    if (Date.now() >= deadline) {
      stoppedBy = 'time';
      break;
    }
    const off = stack.pop()!;
    nodes++;
    const relaxed = solve(off);
    if (relaxed.total <= best.total + EPS) continue;
    const clash = findClash(relaxed.pairs, p.windows);
    if (!clash) {
      best = relaxed;
      continue;
    }
    stack.push([...off, clash[0]], [...off, clash[1]]);
  }
  return { pairs: [...best.pairs].sort((a, b) => a[0] - b[0]), total: best.total, optimal: stoppedBy === null, nodes, stoppedBy };
}
