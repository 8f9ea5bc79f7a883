import { ArgsType, type ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { raw } from '@mikro-orm/core';
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
 * A sort input as MikroORM's orderBy over `columns`, ties broken by id;
 * `fallback` when none is given. A column written `lower(x)` sorts text as
 * people read it ("Administrator" before "AGENT"), whatever the collation.
 */
export function orderByOf<Field extends string>(
  sort: { field: Field; direction: SortDirection } | undefined,
  columns: Readonly<Record<Field, string>>,
  fallback: Field,
): Record<string, 'asc' | 'desc'>[] {
  const direction: 'asc' | 'desc' = sort?.direction === SortDirection.DESC ? 'desc' : 'asc';
  const column = columns[sort?.field ?? fallback];
  // raw() gives a key MikroORM reads as SQL; it must sit in its own object of the orderBy list.
  const key: PropertyKey = column.startsWith('lower(') ? raw((alias) => column.replace('lower(', `lower(${alias}.`)) : column;
  return [{ [key]: direction }, { id: direction }];
}
