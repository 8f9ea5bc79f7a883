import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { execute, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type GatewayInterface = ApolloServerOptionsWithGateway<never>['gateway'];
type GatewayExecutor = NonNullable<Awaited<ReturnType<GatewayInterface['load']>>['executor']>;

/**
 * GraphQL execution compiled per document (graphql-jit, what Mercurius runs):
 * graphql-js walks the document for every field of every row (1 300 fields
 * for a page of 100 claims, with their arguments each time); a compiled query
 * is one function per document that does only what that document asks.
 *
 * Apollo Server takes a custom executor through its `gateway` option. Apollo
 * still parses, validates (with the limits of query-limits.ts) and caches the
 * documents, runs the plugins and formats the errors; only execution changes.
 * A document is compiled the second time it runs (a one-off query is not
 * worth compiling) and forgotten with Apollo's parsed copy of it.
 * Subscriptions do not pass here: graphql-ws.ts runs them.
 */
export function compiledExecution(schema: GraphQLSchema, { onCompiled }: { onCompiled?: (document: DocumentNode) => void } = {}): GatewayInterface {
  /** Per document and operation: `null` once seen (run by graphql-js), then its compiled query. */
  const compiled = new WeakMap<DocumentNode, Map<string | null, CompiledQuery | null | false>>();

  const executor: GatewayExecutor = async ({ document, operationName, request, context }) => {
    let operations = compiled.get(document);
    if (!operations) compiled.set(document, (operations = new Map<string | null, CompiledQuery | null | false>()));
    let query = operations.get(operationName);
    if (query === undefined) {
      operations.set(operationName, null);
    } else if (query === null) {
      const result = compileQuery(schema, document, operationName ?? undefined);
      // What the compiler refuses (none of this schema's documents so far) graphql-js runs.
      query = isCompiledQuery(result) ? result : false;
      operations.set(operationName, query);
      if (query) onCompiled?.(document);
    }
    if (query) {
      const result = await query.query(undefined, context, request.variables);
      // Variables it refused (no data: nothing ran): graphql-js says why in the words Apollo turns into BAD_USER_INPUT.
      if (!('data' in result)) return run();
      return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
    }
    return run();

    function run() {
      return execute({ schema, document, operationName, variableValues: request.variables, contextValue: context });
    }
  };

  return {
    load: () => Promise.resolve({ executor }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit's errors have no `extensions` unless the resolver's error had
 * some, and Apollo reads `error.extensions.code` of every error: the same
 * error as graphql-js makes it (message, locations, path, the resolver's own
 * error for formatError).
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const same = new GraphQLError(error.message, { path: error.path, originalError: error.originalError, extensions: error.extensions });
  (same as { locations?: GraphQLError['locations'] }).locations = error.locations;
  return same;
}
