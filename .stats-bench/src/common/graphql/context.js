import DataLoader from 'dataloader';
/** A typed slot of the request's loader set: its name and the key and value types of its DataLoader. */
export class LoaderKey {
    name;
    constructor(name) {
        this.name = name;
    }
}
/** The request's DataLoader for `key`, made on first use with `batch` (which must return values in key order). */
export function loader(ctx, key, batch) {
    const name = typeof key === 'string' ? key : key.name;
    let found = ctx.loaders.get(name);
    if (!found) {
        found = new DataLoader(batch, { maxBatchSize: 500 });
        ctx.loaders.set(name, found);
    }
    return found;
}
/** Orders rows by the keys DataLoader asked for; missing keys give null. */
export function byKeys(keys, rows, keyOf) {
    const map = new Map();
    for (const row of rows)
        map.set(keyOf(row), row);
    return keys.map((k) => map.get(k) ?? null);
}
/** Groups rows by the keys DataLoader asked for; missing keys give []. */
export function groupByKeys(keys, rows, keyOf) {
    const map = new Map();
    for (const row of rows) {
        const k = keyOf(row);
        const list = map.get(k);
        if (list)
            list.push(row);
        else
            map.set(k, [row]);
    }
    return keys.map((k) => map.get(k) ?? []);
}
//# sourceMappingURL=context.js.map