import { DataSource, EntityManager } from 'typeorm';
import { badInput } from './errors.js';
import { decodeCursor, PageArgs } from './graphql/connection.js';
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
export type KeyType = 'timestamptz' | 'text' | 'int' | 'uuid';

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
