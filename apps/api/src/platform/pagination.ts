import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
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
