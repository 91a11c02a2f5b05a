import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors.js';

/**
 * Relay PageInfo (docs/client-guide.md "Pagination"). The flag of the direction a page was fetched in is exact; the
 * other one is exact on the lists that page both ways (`last`/`before`) and, on forward-only lists, false as the
 * Relay spec allows.
 */
@ObjectType('PageInfo', { description: '分页信息 (Relay PageInfo): whether more edges exist on either side of this page, and its first and last cursors' })
export class PageInfo {
  @Field({ description: 'More edges after endCursor (exact when paging forward with first/after)' }) hasNextPage: boolean;
  @Field({ description: 'More edges before startCursor (exact when paging backward with last/before, and on the lists that accept them)' })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: 'Cursor of the first edge of the page (null when the page is empty): pass it as `before`' })
  startCursor: string | null;
  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the page (null when the page is empty): pass it as `after`' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection type for `T` (edges { cursor node }, pageInfo, totalCount). */
export function ConnectionType<T>(node: Type<T>, name: string): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType]) edges: EdgeType[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionClass;
}

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE, description: `1–${MAX_PAGE}` })
  @Min(1)
  @Max(MAX_PAGE)
  first: number = DEFAULT_PAGE;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;
}

/** Keyset cursor: opaque base64url of the sort key values (the last one is always the row id). */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number, field: 'after' | 'before' = 'after'): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === arity && values.every((v) => typeof v === 'string' || typeof v === 'number')) {
      return values;
    }
  } catch {
    /* fall through */
  }
  throw badInput(field, '分页游标无效');
}

/** Builds a connection from `first + 1` fetched rows (a forward-only list: hasPreviousPage is false, as Relay allows). */
export function toConnection<R, T>(rows: R[], first: number, totalCount: number, cursorOf: (row: R) => (string | number)[], map: (row: R) => T): Connection<T> {
  const page = rows.slice(0, first);
  return windowConnection({ rows: page, total: totalCount, hasNextPage: rows.length > first, hasPreviousPage: false }, cursorOf, map);
}

/**
 * A page of a list that pages both ways (`first`/`after` and `last`/`before`, Relay's cursor connection spec).
 * `first` has no schema default here, because `last` without `first` must mean "the last n"; absent both,
 * DEFAULT_PAGE rows from the start.
 */
@ArgsType()
export class BidirectionalPageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `前n条: the first n edges after \`after\` (1–${MAX_PAGE}; ${DEFAULT_PAGE} when neither first nor last is given)`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: only edges after it (a previous page’s endCursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `后n条: the last n edges before \`before\` (1–${MAX_PAGE}); not together with first` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Opaque cursor: only edges before it (a previous page’s startCursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  before?: string | null;
}

/** A fetched window of a list: its rows in list order, the total, and whether rows exist on either side. */
export interface PageWindow<R> {
  rows: R[];
  total: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Turns a window (rows already in list order) into a connection. */
export function windowConnection<R, T>(w: PageWindow<R>, cursorOf: (row: R) => (string | number)[], map: (row: R) => T): Connection<T> {
  const edges = w.rows.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: map(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: w.hasNextPage,
      hasPreviousPage: w.hasPreviousPage,
      startCursor: edges.length ? edges[0].cursor : null,
      endCursor: edges.length ? edges[edges.length - 1].cursor : null,
    },
    totalCount: w.total,
  };
}
