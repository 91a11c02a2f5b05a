import { optimalAssignment } from './assignment.js';
const EPS = 1e-9;
const overlaps = (a, b) => a[0] < b[1] && b[0] < a[1];
/** The first pair of pairs given to one volunteer with overlapping windows, or null. */
export function findClash(pairs, windows) {
    for (let a = 0; a < pairs.length; a++) {
        for (let b = a + 1; b < pairs.length; b++) {
            if (pairs[a][1] === pairs[b][1] && overlaps(windows[pairs[a][0]], windows[pairs[b][0]]))
                return [pairs[a], pairs[b]];
        }
    }
    return null;
}
function withForbidden(scores, forbidden) {
    const m = scores.map((row) => [...row]);
    for (const [i, j] of forbidden)
        m[i][j] = null;
    return m;
}
/** A feasible plan quickly: forbid the weaker pair of each clash and solve again (not optimal in general). */
function repaired(p) {
    const forbidden = [];
    let result = optimalAssignment(p.scores, p.capacity);
    for (;;) {
        const clash = findClash(result.pairs, p.windows);
        if (!clash)
            return result;
        const [x, y] = clash;
        forbidden.push(p.scores[x[0]][x[1]] < p.scores[y[0]][y[1]] ? x : y);
        result = optimalAssignment(withForbidden(p.scores, forbidden), p.capacity);
    }
}
export function planBatch(p, maxNodes = 5000) {
    let best = repaired(p);
    let nodes = 0;
    let complete = true;
    const stack = [[]];
    while (stack.length > 0) {
        if (nodes >= maxNodes) {
            complete = false;
            break;
        }
        const forbidden = stack.pop();
        nodes++;
        const relaxed = optimalAssignment(withForbidden(p.scores, forbidden), p.capacity);
        if (relaxed.total <= best.total + EPS)
            continue;
        const clash = findClash(relaxed.pairs, p.windows);
        if (!clash) {
            best = relaxed;
            continue;
        }
        stack.push([...forbidden, clash[0]], [...forbidden, clash[1]]);
    }
    return { pairs: best.pairs, total: best.total, optimal: complete, nodes };
}
//# sourceMappingURL=batch-plan.js.map