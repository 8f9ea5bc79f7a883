import { registerEnumType } from 'type-graphql';

/**
 * Turns one of the domain's value lists (`PART_CATEGORIES`, …) into a GraphQL
 * enum, so the schema's enums are the domain's values and nothing else.
 */
export function graphqlEnum<const T extends string>(values: readonly T[], name: string, description?: string) {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
