import { ArgsType, type ClassType, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { raw } from '@mikro-orm/core';
import { Max, Min } from 'class-validator';

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
  total: number;
}

/** `XPage { items: [X!]! total: Int! }` for a GraphQL object type X. */
export function PageOf<T extends object>(item: ClassType<T>, name: string) {
  @ObjectType(name)
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
