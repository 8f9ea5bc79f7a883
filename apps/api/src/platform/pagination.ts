import { ArgsType, type ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Cursor, CursorError, DriverException, type EntityManager, type EntityName, type FilterQuery, type OrderDefinition } from '@mikro-orm/core';
import { Max, Min } from 'class-validator';
import { BadUserInputError } from './errors.js';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

/** offset/limit arguments shared by every list query; a page holds at most 500 rows. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 0 })
  @Min(0)
  offset!: number;

  @Field(() => Int, { defaultValue: 25 })
  @Min(1)
  @Max(500)
  limit!: number;
}

export interface Page<T> {
  items: T[];
  /** Left out when the query does not select it (no count is run). */
  total?: number;
}

/** first/after arguments of a Relay-style connection; a page holds at most 500 nodes. */
@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { defaultValue: 25 })
  @Min(1)
  @Max(500)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

@ObjectType('PageInfo', { simpleResolvers: true })
export class PageInfoType {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

/** `XConnection { edges { cursor node } pageInfo totalCount }` and its `XEdge`, for a GraphQL object type X. */
export function ConnectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  abstract class EdgeClass {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  abstract class ConnectionClass {
    @Field(() => [EdgeClass]) edges!: EdgeClass[];
    @Field(() => PageInfoType) pageInfo!: PageInfoType;
    @Field(() => Int, { description: 'Nodes matching the filter, over all pages (counted only when asked for).' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** A cursor is opaque to clients: the sort column's value and the id of the last node, base64url JSON. */
export const encodeCursor = (key: string | number, id: number): string => Buffer.from(JSON.stringify([key, id])).toString('base64url');

export function decodeCursor(cursor: string, field = 'after'): [string, number] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && (typeof value[0] === 'string' || typeof value[0] === 'number') && Number.isSafeInteger(value[1])) {
      return [String(value[0]), value[1] as number];
    }
  } catch {
    // answered below
  }
  throw new BadUserInputError(field, 'is not a cursor this list gave.');
}

/** `XPage { items: [X!]! total: Int! }` for a GraphQL object type X. */
export function PageOf<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(name, { simpleResolvers: true })
  abstract class PageClass {
    @Field(() => [item])
    items!: T[];

    @Field(() => Int, { description: 'Rows matching the filter, over all pages.' })
    total!: number;
  }
  return PageClass;
}

/** `XSort { field: XSortField! direction: SortDirection = ASC }` for a sort-field enum made with graphqlEnum. */
export function SortOf<Field extends string>(fields: Readonly<Record<Field, Field>>, name: string) {
  @InputType(name)
  abstract class SortClass {
    @Field(() => fields)
    field!: Field;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
    direction!: SortDirection;
  }
  return SortClass;
}

/**
 * A sort input as MikroORM's orderBy over `columns` (entity properties), ties
 * broken by id; `fallback` when none is given. Text that people read sorts by
 * a lower-cased formula property (`sortName`: "Administrator" before "AGENT",
 * whatever the collation), which cursors can compare as well.
 */
export function orderByOf<Field extends string>(
  sort: { field: Field; direction: SortDirection } | undefined,
  columns: Readonly<Record<Field, string>>,
  fallback: Field,
): Record<string, 'asc' | 'desc'>[] {
  const direction: 'asc' | 'desc' = sort?.direction === SortDirection.DESC ? 'desc' : 'asc';
  return [{ [columns[sort?.field ?? fallback]]: direction }, { id: direction }];
}

/**
 * What a list reads: its entity, filter, relations, and an order that ends in
 * a unique key (so cursors are exact). One list query serves both the offset
 * page the console asks for and the cursor connection integrators page with.
 */
export interface ListQuery<T extends object> {
  entity: EntityName<T>;
  where: FilterQuery<T>;
  orderBy: OrderDefinition<T>;
  populate?: readonly string[];
}

/** An offset page of a list; the count (of the filtered table) runs only `withTotal`. */
export async function findPage<T extends object>(em: EntityManager, query: ListQuery<T>, page: PageArgs, withTotal: boolean): Promise<Page<T>> {
  const where = query.where as FilterQuery<NoInfer<T>>;
  const [items, total] = await Promise.all([
    em.find<T>(query.entity, where, { orderBy: query.orderBy, populate: query.populate as never, offset: page.offset, limit: page.limit }),
    withTotal ? em.count<T>(query.entity, where) : undefined,
  ]);
  return { items: items, total };
}

/**
 * The nodes of a list after a cursor (keyset paging, MikroORM's
 * `findByCursor`): a page deep in the list costs what the first one does. The
 * count runs only `withTotal`. A cursor is checked before use: MikroORM
 * would ignore one of the wrong length, and send one of the wrong types on to
 * PostgreSQL.
 */
export async function findConnection<T extends object>(
  em: EntityManager,
  query: ListQuery<T>,
  page: ConnectionArgs,
  withTotal: boolean,
): Promise<Connection<T>> {
  if (page.after != null) checkCursor(page.after, query);
  try {
    const found = await em.findByCursor<T, never, never, never, boolean>(query.entity, {
      where: query.where as FilterQuery<NoInfer<T>>,
      first: page.first,
      after: page.after ?? undefined,
      orderBy: query.orderBy,
      populate: query.populate as never,
      includeCount: withTotal,
    });
    const items = found.items as T[];
    return {
      edges: items.map((node) => ({ cursor: found.from(node), node })),
      pageInfo: { hasNextPage: found.hasNextPage, endCursor: found.endCursor },
      totalCount: found.totalCount,
    };
  } catch (error) {
    // 22xxx with a cursor given: its values do not fit the columns (a text where a number or a date was expected).
    if (error instanceof CursorError || (page.after != null && error instanceof DriverException && error.sqlState?.startsWith('22'))) throw notACursor();
    throw error;
  }
}

const notACursor = () => new BadUserInputError('after', 'is not a cursor this list gave.');

function checkCursor<T extends object>(after: string, query: ListQuery<T>): void {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    throw notACursor();
  }
  const keys = (Array.isArray(query.orderBy) ? query.orderBy : [query.orderBy]).flatMap((order) => Object.keys(order as object));
  if (!Array.isArray(values) || values.length !== keys.length) throw notACursor();
}
