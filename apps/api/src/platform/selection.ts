import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * The fields a query selects below the one being resolved, by field name,
 * whatever the fragments, aliases and `@include`/`@skip` in the way:
 * `claims { total items { device { imei } } }` gives
 * `{ total: {}, items: { device: { imei: {} } } }`. Resolvers read it to load
 * only the relations and columns asked for (look-ahead).
 */
export interface Selection {
  readonly [field: string]: Selection | undefined;
}

export function selectionOf(info: GraphQLResolveInfo): Selection {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  return tree ? fieldsOf(tree) : {};
}

function fieldsOf(tree: ResolveTree): Selection {
  const fields: Record<string, Selection> = {};
  for (const byAlias of Object.values(tree.fieldsByTypeName)) {
    for (const child of Object.values(byAlias)) {
      fields[child.name] = { ...fields[child.name], ...fieldsOf(child) };
    }
  }
  return fields;
}

/** Whether the query selects `field` right below the field being resolved: a page's `total`, a connection's `totalCount`. */
export const selects = (info: GraphQLResolveInfo, field: string): boolean => selectionOf(info)[field] !== undefined;
