import { type FieldNode, type GraphQLResolveInfo, type OperationDefinitionNode, visit } from 'graphql';
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

/**
 * Selections already worked out, per field of a parsed document: Apollo
 * hands the same document for the same query text, and walking it again cost
 * ~2 % of a claim request's CPU. Only for documents without `@include` or
 * `@skip`, whose selections depend on the variables.
 */
const known = new WeakMap<FieldNode, Selection>();
const conditional = new WeakMap<OperationDefinitionNode, boolean>();

export function selectionOf(info: GraphQLResolveInfo): Selection {
  const node = info.fieldNodes[0];
  const cacheable = info.fieldNodes.length === 1 && node !== undefined && !hasConditions(info);
  const cached = cacheable ? known.get(node) : undefined;
  if (cached) return cached;
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  const selection = tree ? fieldsOf(tree) : {};
  if (cacheable) known.set(node, selection);
  return selection;
}

/** Whether the operation (or a fragment it may use) includes or skips a field by a directive. */
function hasConditions(info: GraphQLResolveInfo): boolean {
  let answer = conditional.get(info.operation);
  if (answer === undefined) {
    answer = false;
    const look = { Directive: (node: { name: { value: string } }) => void ((node.name.value === 'include' || node.name.value === 'skip') && (answer = true)) };
    visit(info.operation, look);
    for (const fragment of Object.values(info.fragments)) visit(fragment, look);
    conditional.set(info.operation, answer);
  }
  return answer;
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
