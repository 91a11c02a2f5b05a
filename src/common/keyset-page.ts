import { DataSource, EntityManager } from 'typeorm';
import { badInput } from './errors.js';
import { BidirectionalPageArgs, decodeCursor, DEFAULT_PAGE, PageArgs, PageWindow } from './graphql/connection.js';
import { isUuid } from './ids.js';
import { ScopePaths, scopePredicate } from '../scope/actor.js';

/**
 * One keyset pager for every list (docs/architecture.md "Lists"): typed sort keys ending with the row id, an
 * opaque cursor of their values, `first + 1` rows fetched to know `hasNextPage`. A malformed cursor is
 * BAD_USER_INPUT on `after`, never a SQL error.
 *
 * A repository declares its order once (`KeysetOrder`), builds its typed filter into a `SqlWhere` and calls
 * `keysetPage`; the service turns the rows into a connection with `toConnection`.
 */

/** How a sort key is compared in SQL and checked in a cursor. */
export type KeyType = 'timestamptz' | 'date' | 'text' | 'int' | 'uuid';

export interface KeysetOrder {
  /** SQL expressions of the sort keys, the last one the unique row id. */
  keys: readonly { sql: string; type: KeyType }[];
  direction: 'ASC' | 'DESC';
}

/** A decoded page request: how many rows and the sort-key values after which the page starts. */
export interface PageRequest {
  first: number;
  after: (string | number)[] | null;
}

/** An ISO timestamp as PostgreSQL writes and reads it (4-digit year, so `+099999-…` is refused before any cast). */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}(:?\d{2})?)?$/;

const VALID: Record<KeyType, (v: string | number) => boolean> = {
  timestamptz: (v) => typeof v === 'string' && TIMESTAMP.test(v) && !Number.isNaN(Date.parse(v)),
  date: (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  // PostgreSQL text cannot hold NUL; a sort key longer than any stored name is crafted.
  text: (v) => typeof v === 'string' && v.length <= 1000 && !v.includes('\u0000'),
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  uuid: (v) => typeof v === 'string' && isUuid(v),
};

/** Decodes `page.after` for `order` (arity and key types), or throws BAD_USER_INPUT on `after`. */
export function pageRequest(page: PageArgs, order: KeysetOrder): PageRequest {
  if (!page.after) return { first: page.first, after: null };
  const values = decodeCursor(page.after, order.keys.length);
  if (!values.every((v, i) => VALID[order.keys[i].type](v))) throw badInput('after', '分页游标无效');
  return { first: page.first, after: values };
}

/** A WHERE clause built from typed filters: conditions joined by AND, values always as parameters. */
export class SqlWhere {
  readonly params: unknown[] = [];
  private readonly conds: string[] = [];

  /** Adds a parameter and returns its placeholder (`$n`). */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  and(cond: string): this {
    this.conds.push(cond);
    return this;
  }

  /** `column` lies in one of the scopes (one indexable `<@` term per scope). */
  scope(column: string, scopes: ScopePaths): string {
    return scopePredicate(column, scopes, this.params);
  }

  get sql(): string {
    return this.conds.length ? this.conds.join(' AND ') : 'TRUE';
  }
}

/**
 * Runs `SELECT <select> FROM <from> WHERE <where> [AND after-cursor] ORDER BY <keys> LIMIT first + 1` and the
 * matching count (without the cursor). Rows come back as the query returns them (first + 1 at most).
 */
export async function keysetPage<Row>(
  db: DataSource | EntityManager,
  q: { select: string; from: string; where: SqlWhere; order: KeysetOrder; page: PageRequest },
): Promise<{ rows: Row[]; total: number }> {
  const { where, order, page } = q;
  const [{ n }] = await db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${q.from} WHERE ${where.sql}`, where.params);
  const params = [...where.params];
  const conds = [where.sql];
  if (page.after) {
    const placeholders = order.keys.map((k, i) => {
      params.push(page.after![i]);
      return `$${params.length}::${k.type === 'int' ? 'bigint' : k.type}`;
    });
    const cmp = order.direction === 'DESC' ? '<' : '>';
    conds.push(`(${order.keys.map((k) => k.sql).join(', ')}) ${cmp} (${placeholders.join(', ')})`);
  }
  params.push(page.first + 1);
  const orderBy = order.keys.map((k) => `${k.sql} ${order.direction}`).join(', ');
  const rows = await db.query<Row[]>(`SELECT ${q.select} FROM ${q.from} WHERE ${conds.join(' AND ')} ORDER BY ${orderBy} LIMIT $${params.length}`, params);
  return { rows, total: n };
}

/** A decoded two-way page request (Relay's algorithm): the bounds `after`/`before`, then the first or last `size` rows. */
export interface WindowRequest {
  size: number;
  /** true for `last`: the rows nearest to `before` (or to the end). */
  fromEnd: boolean;
  after: (string | number)[] | null;
  before: (string | number)[] | null;
}

function cursorValues(cursor: string, field: 'after' | 'before', order: KeysetOrder): (string | number)[] {
  const values = decodeCursor(cursor, order.keys.length, field);
  if (!values.every((v, i) => VALID[order.keys[i].type](v))) throw badInput(field, '分页游标无效');
  return values;
}

/** Decodes a two-way page request for `order`; `first` together with `last` is refused (BAD_USER_INPUT). */
export function windowRequest(page: BidirectionalPageArgs, order: KeysetOrder): WindowRequest {
  if (page.first != null && page.last != null) throw badInput('last', '不能同时指定 first 和 last');
  return {
    size: page.last ?? page.first ?? DEFAULT_PAGE,
    fromEnd: page.last != null,
    after: page.after ? cursorValues(page.after, 'after', order) : null,
    before: page.before ? cursorValues(page.before, 'before', order) : null,
  };
}

/**
 * One window of a list that pages both ways. The `after`/`before` bounds are applied, then `size + 1` rows are read
 * from the start (first) or from the end (last, in reverse order and turned back), so the flag of that direction is
 * exact; the flag of the other side is one indexed `LIMIT 1` probe beyond the cursor, so it is exact as well. Rows
 * come back in list order.
 */
export async function keysetWindow<Row>(
  db: DataSource | EntityManager,
  q: { select: string; from: string; where: SqlWhere; order: KeysetOrder; page: WindowRequest; countFrom?: string },
): Promise<PageWindow<Row>> {
  const { where, order, page } = q;
  // The count and the probe need only the table the filter and the keys name (not the joins of the select).
  const countFrom = q.countFrom ?? q.from;
  const keys = `(${order.keys.map((k) => k.sql).join(', ')})`;
  const tuple = (params: unknown[], values: (string | number)[]) =>
    `(${order.keys.map((k, i) => `$${params.push(values[i])}::${k.type === 'int' ? 'bigint' : k.type}`).join(', ')})`;
  const [later, earlier] = order.direction === 'DESC' ? ['<', '>'] : ['>', '<'];
  const bounded = (params: unknown[], bounds: { after?: boolean; before?: boolean }) => {
    const conds = [where.sql];
    if (bounds.after && page.after) conds.push(`${keys} ${later} ${tuple(params, page.after)}`);
    if (bounds.before && page.before) conds.push(`${keys} ${earlier} ${tuple(params, page.before)}`);
    return conds.join(' AND ');
  };
  const flip = (d: 'ASC' | 'DESC') => (page.fromEnd ? (d === 'ASC' ? 'DESC' : 'ASC') : d);
  const params = [...where.params];
  const cond = bounded(params, { after: true, before: true });
  const orderBy = order.keys.map((k) => `${k.sql} ${flip(order.direction)}`).join(', ');
  const fetched: Row[] = await db.query(`SELECT ${q.select} FROM ${q.from} WHERE ${cond} ORDER BY ${orderBy} LIMIT $${params.push(page.size + 1)}`, params);
  const more = fetched.length > page.size;
  const rows = fetched.slice(0, page.size);
  if (page.fromEnd) rows.reverse();
  // Rows beyond the cursor on the other side: the cursor's own row and everything past it.
  const beyond = async (cursor: (string | number)[] | null, cmp: string): Promise<boolean> => {
    if (!cursor) return false;
    const p = [...where.params];
    const [row]: unknown[] = await db.query(`SELECT 1 FROM ${countFrom} WHERE ${where.sql} AND ${keys} ${cmp}= ${tuple(p, cursor)} LIMIT 1`, p);
    return Boolean(row);
  };
  const [{ n }]: { n: number }[] = await db.query(`SELECT count(*)::int AS n FROM ${countFrom} WHERE ${where.sql}`, where.params);
  return page.fromEnd
    ? { rows, total: n, hasPreviousPage: more, hasNextPage: await beyond(page.before, later) }
    : { rows, total: n, hasNextPage: more, hasPreviousPage: await beyond(page.after, earlier) };
}
