export function optimalAssignment(scores, capacity) {
    const needs = scores.length;
    const slotOwner = [];
    capacity.forEach((cap, v) => {
        for (let k = 0; k < Math.min(cap, needs); k++)
            slotOwner.push(v);
    });
    const n = Math.max(needs, slotOwner.length);
    if (n === 0 || slotOwner.length === 0)
        return { pairs: [], total: 0 };
    let max = 0;
    for (const row of scores)
        for (const s of row)
            if (s !== null && s > max)
                max = s;
    const profit = (i, j) => {
        if (i >= needs || j >= slotOwner.length)
            return 0;
        const s = scores[i][slotOwner[j]];
        return s !== null && s > 0 ? s : 0;
    };
    // Minimize cost = max − profit on the padded square matrix (1-based arrays of the classic formulation).
    const INF = Number.POSITIVE_INFINITY;
    const u = new Array(n + 1).fill(0);
    const v = new Array(n + 1).fill(0);
    const p = new Array(n + 1).fill(0);
    const way = new Array(n + 1).fill(0);
    for (let i = 1; i <= n; i++) {
        p[0] = i;
        let j0 = 0;
        const minv = new Array(n + 1).fill(INF);
        const used = new Array(n + 1).fill(false);
        do {
            used[j0] = true;
            const i0 = p[j0];
            let delta = INF;
            let j1 = 0;
            for (let j = 1; j <= n; j++) {
                if (used[j])
                    continue;
                const cur = max - profit(i0 - 1, j - 1) - u[i0] - v[j];
                if (cur < minv[j]) {
                    minv[j] = cur;
                    way[j] = j0;
                }
                if (minv[j] < delta) {
                    delta = minv[j];
                    j1 = j;
                }
            }
            for (let j = 0; j <= n; j++) {
                if (used[j]) {
                    u[p[j]] += delta;
                    v[j] -= delta;
                }
                else
                    minv[j] -= delta;
            }
            j0 = j1;
        } while (p[j0] !== 0);
        do {
            const j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
        } while (j0);
    }
    const pairs = [];
    let total = 0;
    for (let j = 1; j <= n; j++) {
        const i = p[j] - 1;
        const slot = j - 1;
        if (i < needs && slot < slotOwner.length) {
            const s = scores[i][slotOwner[slot]];
            if (s !== null && s > 0) {
                pairs.push([i, slotOwner[slot]]);
                total += s;
            }
        }
    }
    pairs.sort((a, b) => a[0] - b[0]);
    return { pairs, total };
}
//# sourceMappingURL=assignment.js.map