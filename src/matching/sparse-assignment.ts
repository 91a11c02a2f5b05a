import type { Assignment } from './assignment.js';

/**
 * The same problem as `optimalAssignment` (maximize the total score, each need at most once, each volunteer at most
 * its capacity), on the feasible pairs only: a min-cost flow source → need → volunteer → sink by successive shortest
 * paths (Dijkstra on reduced costs with potentials). Each augmentation adds one need; it stops as soon as the best
 * augmenting path no longer gains, which is optimal because the best total is concave in the number of needs served.
 * Runs in O(needs × pairs × log) instead of the dense Hungarian's O((volunteers × capacity)³), so that 1,000 needs ×
 * 5,000 volunteers is a matter of the pairs that are actually eligible.
 *
 * `adj[need]` lists the volunteers allowed for that need with their scores; `skip(need, volunteer)` removes a pair
 * (the branch and bound's forbidden pairs) without copying the lists.
 */
export interface SparsePair {
  volunteer: number;
  score: number;
}

export function sparseAssignment(
  adj: readonly (readonly SparsePair[])[],
  capacity: readonly number[],
  skip?: (need: number, volunteer: number) => boolean,
): Assignment {
  const N = adj.length;
  const V = capacity.length;
  // Node numbering: needs 0..N-1, volunteers N..N+V-1, source S, sink T.
  const S = N + V;
  const T = S + 1;
  const nodes = T + 1;
  const matchOf = new Int32Array(N).fill(-1); // volunteer assigned to each need
  const load = new Int32Array(V);
  // Edge lists of the residual graph are implicit: need→volunteer (unmatched pairs, cost −score),
  // volunteer→need (matched pairs, cost +score), S→need (need unmatched), volunteer→T (load < capacity),
  // T→volunteer (load > 0), need→S (need matched).
  const allowed: SparsePair[][] = adj.map((list, i) => list.filter((e) => e.score > 0 && capacity[e.volunteer] > 0 && !(skip && skip(i, e.volunteer))));
  const assignedTo: number[][] = Array.from({ length: V }, () => []); // needs matched to each volunteer
  const scoreOf = (need: number, volunteer: number): number => {
    for (const e of allowed[need]) if (e.volunteer === volunteer) return e.score;
    return 0;
  };

  // Initial potentials on the DAG S → needs → volunteers → T (all edges forward, only need→volunteer negative).
  const pi = new Float64Array(nodes);
  for (let i = 0; i < N; i++) for (const e of allowed[i]) pi[N + e.volunteer] = Math.min(pi[N + e.volunteer], -e.score);
  for (let v = 0; v < V; v++) pi[T] = Math.min(pi[T], pi[N + v]);

  const dist = new Float64Array(nodes);
  const prev = new Int32Array(nodes);
  const done = new Uint8Array(nodes);
  const heap = new MinHeap();
  let total = 0;

  for (;;) {
    dist.fill(Infinity);
    prev.fill(-1);
    done.fill(0);
    dist[S] = 0;
    heap.clear();
    heap.push(0, S);
    const relax = (u: number, v: number, cost: number) => {
      const d = dist[u] + cost + pi[u] - pi[v];
      if (d < dist[v] - 1e-12) {
        dist[v] = d;
        prev[v] = u;
        heap.push(d, v);
      }
    };
    while (heap.size > 0) {
      const [d, u] = heap.pop();
      if (done[u] || d > dist[u]) continue;
      done[u] = 1;
      if (u === T) break;
      if (u === S) {
        for (let i = 0; i < N; i++) if (matchOf[i] < 0 && allowed[i].length > 0) relax(S, i, 0);
      } else if (u < N) {
        for (const e of allowed[u]) if (matchOf[u] !== e.volunteer) relax(u, N + e.volunteer, -e.score);
      } else if (u < S) {
        const v = u - N;
        if (load[v] < capacity[v]) relax(u, T, 0);
        for (const i of assignedTo[v]) relax(u, i, scoreOf(i, v));
      }
    }
    if (dist[T] === Infinity) break;
    const pathCost = dist[T] + pi[T] - pi[S];
    if (pathCost >= -1e-9) break; // no augmenting path gains any more
    for (let x = 0; x < nodes; x++) pi[x] += Math.min(dist[x], dist[T]);
    // Augment along S → need → volunteer → need → … → volunteer → T.
    let x = T;
    while (x !== S) {
      const p = prev[x];
      if (x === T) load[p - N]++;
      else if (p === S) {
        /* the path's first need becomes matched below */
      } else if (p < N && x >= N && x < S) {
        // need p now goes to volunteer x
        const old = matchOf[p];
        if (old >= 0) assignedTo[old] = assignedTo[old].filter((k) => k !== p);
        matchOf[p] = x - N;
        assignedTo[x - N].push(p);
      } else if (p >= N && p < S && x < N) {
        // need x leaves volunteer p (it is re-matched on the next step of the path, handled above)
      }
      x = p;
    }
    total -= pathCost;
  }

  const pairs: [number, number][] = [];
  let sum = 0;
  for (let i = 0; i < N; i++) {
    if (matchOf[i] >= 0) {
      pairs.push([i, matchOf[i]]);
      sum += scoreOf(i, matchOf[i]);
    }
  }
  void total;
  return { pairs, total: sum };
}

/** A binary heap of (key, node) for Dijkstra. */
class MinHeap {
  private keys: number[] = [];
  private vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  clear(): void {
    this.keys.length = 0;
    this.vals.length = 0;
  }
  push(k: number, v: number): void {
    const keys = this.keys;
    const vals = this.vals;
    let i = keys.length;
    keys.push(k);
    vals.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p] <= k) break;
      keys[i] = keys[p];
      vals[i] = vals[p];
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  pop(): [number, number] {
    const keys = this.keys;
    const vals = this.vals;
    const top: [number, number] = [keys[0], vals[0]];
    const k = keys.pop()!;
    const v = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1] < keys[c]) c++;
        if (keys[c] >= k) break;
        keys[i] = keys[c];
        vals[i] = vals[c];
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
}
