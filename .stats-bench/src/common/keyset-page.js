import { badInput } from './errors.js';
import { decodeCursor } from './graphql/connection.js';
import { isUuid } from './ids.js';
import { scopePredicate } from '../scope/actor.js';
const VALID = {
    timestamptz: (v) => typeof v === 'string' && v.length > 0,
    text: (v) => typeof v === 'string',
    int: (v) => typeof v === 'number' && Number.isInteger(v),
    uuid: (v) => typeof v === 'string' && isUuid(v),
};
/** Decodes `page.after` for `order` (arity and key types), or throws BAD_USER_INPUT on `after`. */
export function pageRequest(page, order) {
    if (!page.after)
        return { first: page.first, after: null };
    const values = decodeCursor(page.after, order.keys.length);
    if (!values.every((v, i) => VALID[order.keys[i].type](v)))
        throw badInput('after', '分页游标无效');
    return { first: page.first, after: values };
}
/** A WHERE clause built from typed filters: conditions joined by AND, values always as parameters. */
export class SqlWhere {
    params = [];
    conds = [];
    /** Adds a parameter and returns its placeholder (`$n`). */
    param(value) {
        this.params.push(value);
        return `$${this.params.length}`;
    }
    and(cond) {
        this.conds.push(cond);
        return this;
    }
    /** `column` lies in one of the scopes (one indexable `<@` term per scope). */
    scope(column, scopes) {
        return scopePredicate(column, scopes, this.params);
    }
    get sql() {
        return this.conds.length ? this.conds.join(' AND ') : 'TRUE';
    }
}
/**
 * Runs `SELECT <select> FROM <from> WHERE <where> [AND after-cursor] ORDER BY <keys> LIMIT first + 1` and the
 * matching count (without the cursor). Rows come back as the query returns them (first + 1 at most).
 */
export async function keysetPage(db, q) {
    const { where, order, page } = q;
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${q.from} WHERE ${where.sql}`, where.params);
    const params = [...where.params];
    const conds = [where.sql];
    if (page.after) {
        const placeholders = order.keys.map((k, i) => {
            params.push(page.after[i]);
            return `$${params.length}::${k.type === 'int' ? 'bigint' : k.type}`;
        });
        const cmp = order.direction === 'DESC' ? '<' : '>';
        conds.push(`(${order.keys.map((k) => k.sql).join(', ')}) ${cmp} (${placeholders.join(', ')})`);
    }
    params.push(page.first + 1);
    const orderBy = order.keys.map((k) => `${k.sql} ${order.direction}`).join(', ');
    const rows = await db.query(`SELECT ${q.select} FROM ${q.from} WHERE ${conds.join(' AND ')} ORDER BY ${orderBy} LIMIT $${params.length}`, params);
    return { rows, total: n };
}
//# sourceMappingURL=keyset-page.js.map