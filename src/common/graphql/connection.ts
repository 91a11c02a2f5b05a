import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { badInput } from '../errors.js';

/**
 * Relay PageInfo (docs/client-guide.md "Pagination"). The flag of the direction a page was fetched in is exact; the
 * other one is exact on the lists that page both ways (`last`/`before`) and, on forward-only lists, false as the
 * Relay spec allows.
 */
@ObjectType('PageInfo', { description: '分页信息 page info (Relay PageInfo)：本页两侧是否还有数据，以及本页首尾的游标 cursor' })
export class PageInfo {
  @Field({ description: '之后是否还有 has next page：endCursor 之后还有数据（用 first/after 向后翻页时准确）' }) hasNextPage: boolean;
  @Field({ description: '之前是否还有 has previous page：startCursor 之前还有数据（在接受 last/before 的列表上准确；仅向后翻页的列表为 false）' })
  hasPreviousPage: boolean;
  @Field(() => String, { nullable: true, description: '本页第一条的游标 start cursor（空页为 null）：作为 before 传入可取上一页' })
  startCursor: string | null;
  @Field(() => String, { nullable: true, description: '本页最后一条的游标 end cursor（空页为 null）：作为 after 传入可取下一页' })
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
  @ObjectType(`${name}Edge`, { description: `${name} 列表中的一条 edge (Relay)：游标与节点` })
  class EdgeType {
    @Field({ description: '游标 cursor：不透明的字符串，作为 after/before 传入；同一条目的游标保持不变' }) cursor: string;
    @Field(() => node, { description: `节点 node：这一条 ${name}` }) node: T;
  }
  @ObjectType(`${name}Connection`, { description: `${name} 分页列表 connection (Relay)：edges、pageInfo 与总数` })
  class ConnectionClass {
    @Field(() => [EdgeType], { description: '本页各条 edges，按列表顺序' }) edges: EdgeType[];
    @Field(() => PageInfo, { description: '分页信息 page info' }) pageInfo: PageInfo;
    @Field(() => Int, { description: '符合条件的总条数 total count（不受分页影响）' }) totalCount: number;
  }
  return ConnectionClass;
}

export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE, description: `前 n 条 first：取 after 之后的前 n 条（1–${MAX_PAGE}，默认 ${DEFAULT_PAGE}）` })
  @Min(1)
  @Max(MAX_PAGE)
  first: number = DEFAULT_PAGE;

  @Field(() => String, {
    nullable: true,
    description: '游标 after：只取此游标之后的条目（上一页的 pageInfo.endCursor）；无效游标返回 BAD_USER_INPUT 分页游标无效',
  })
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
    if (Array.isArray(values) && values.length === arity && values.every((v): v is string | number => typeof v === 'string' || typeof v === 'number')) {
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
    description: `前 n 条 first：取 after 之后的前 n 条（1–${MAX_PAGE}；first 与 last 都未给出时取 ${DEFAULT_PAGE}）`,
  })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE)
  first?: number | null;

  @Field(() => String, { nullable: true, description: '游标 after：只取此游标之后的条目（上一页的 pageInfo.endCursor）' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `后 n 条 last：取 before 之前的最后 n 条（1–${MAX_PAGE}）；不能与 first 同时使用` })
  @IsOptional()
  @Min(1)
  @Max(MAX_PAGE)
  last?: number | null;

  @Field(() => String, { nullable: true, description: '游标 before：只取此游标之前的条目（下一页的 pageInfo.startCursor）' })
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
