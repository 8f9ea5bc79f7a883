import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type DocumentNode,
  getNamedType,
  GraphQLError,
  type GraphQLSchema,
  isLeafType,
  isListType,
  isNonNullType,
  parse,
  type GraphQLOutputType,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { createRequire } from 'node:module';

// graphql-query-complexity's ES module imports `graphql/index.mjs`, a second
// copy of graphql beside the CommonJS one type-graphql and we load (its
// `isObjectType` then fails on our schema): its CommonJS build shares ours.
const { fieldExtensionsEstimator, getComplexity } = createRequire(import.meta.url)('graphql-query-complexity') as typeof import('graphql-query-complexity');

/**
 * What one GraphQL operation may ask for, over HTTP and WebSocket alike. A
 * client reads them in every answer's `extensions.cost` and in the errors
 * that refuse an operation, so it can plan its pages.
 */
export const QUERY_LIMITS = {
  /** Lexical tokens in a document (graphql-js stops parsing past them). */
  maxTokens: 3000,
  /** Nesting of selections. */
  maxDepth: 12,
  /** Aliased fields in one document. */
  maxAliases: 20,
  /** Cost of one operation (see `operationCost`). */
  maxCost: 50_000,
} as const;

/** Assumed length of a list field that takes no page size (a claim's lines, a model's parts): read in one batch per page. */
const UNPAGED_LIST_SIZE = 5;

/**
 * What a list pays beyond its page, stated in every QUERY_TOO_COSTLY refusal
 * (`extensions.costModel`). Measured by `npm run bench -- load` on 100 000
 * claims, where a point is ~20 µs of server CPU, and `npm run bench -- read`
 * on a million: an offset makes the database read and drop every row before
 * the page; in an order an index serves (the id, a date, a status) that is
 * ~0.07 µs a row (the page at 900 000 of a million claims: 62 ms), sorted on
 * a joined column (a unit's IMEI, a model's, customer's or centre's name) ~5
 * µs a row. A text filter (`q`) may match most of the list before the page is
 * cut: 0.3–1 s for `CL-`, which every claim number holds; one of fewer than 3
 * characters reads every row (trigram indexes need three).
 */
export const COST_MODEL = {
  /** Rows an `offset` skips per point, in an order an index serves. */
  offsetRowsPerPoint: 250,
  /** Rows an `offset` skips per point when the list is sorted on a joined column (`JOINED_SORT_FIELDS`). */
  joinedSortOffsetRowsPerPoint: 4,
  /** Points a `filter.q` of 3 characters or more adds to its list. */
  textFilter: 7_500,
  /** Points a `filter.q` of 1 or 2 characters adds to its list. */
  shortTextFilter: 12_500,
} as const;

/** Sort fields read from another table (a join ordered on a column no index of the list serves). */
const JOINED_SORT_FIELDS: ReadonlySet<string> = new Set(['IMEI', 'MODEL', 'CUSTOMER', 'SERVICE_CENTRE']);

/** Parses an operation with the token limit: a huge document fails before it is built into memory. */
export const parseOperation = (source: string): DocumentNode => parse(source, { maxTokens: QUERY_LIMITS.maxTokens });

/** Parse options for Apollo Server (`parseOptions`) and any other server that parses itself. */
export const parseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

/** Validation rules limiting depth and aliases, added to graphql-js's specified rules. */
export function queryValidationRules(): ValidationRule[] {
  // graphql-armor's rules throw when told to propagate (made for envelop); reported instead, they
  // come back like any validation error (GRAPHQL_VALIDATION_FAILED, with every other problem).
  const report = {
    propagateOnRejection: false,
    exposeLimits: true,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
  return [
    maxDepthRule({ n: QUERY_LIMITS.maxDepth, ignoreIntrospection: true, ...report }),
    maxAliasesRule({ n: QUERY_LIMITS.maxAliases, allowList: [], ...report }),
  ];
}

/** Error codes of refused operations whose extensions (cost, limit, budget) the client needs to see. */
export const QUERY_LIMIT_CODES: readonly string[] = ['QUERY_TOO_COSTLY', 'RATE_LIMITED'];

const pageSizeOf = (args: Record<string, unknown>): number | undefined => {
  const size = args['limit'] ?? args['first'];
  return typeof size === 'number' && size > 0 ? size : undefined;
};

/** Points for the rows a list reads besides its page: the offset it skips and a text filter's matches. */
const readingCostOf = (args: Record<string, unknown>): number => {
  const offset = args['offset'];
  const sort = args['sort'];
  const sortField = sort && typeof sort === 'object' ? (sort as Record<string, unknown>)['field'] : undefined;
  const rowsPerPoint =
    typeof sortField === 'string' && JOINED_SORT_FIELDS.has(sortField) ? COST_MODEL.joinedSortOffsetRowsPerPoint : COST_MODEL.offsetRowsPerPoint;
  const skipped = typeof offset === 'number' && offset > 0 ? Math.ceil(offset / rowsPerPoint) : 0;
  const filter = args['filter'];
  const q = filter && typeof filter === 'object' ? (filter as Record<string, unknown>)['q'] : undefined;
  const text = typeof q === 'string' ? q.trim().length : 0;
  return skipped + (text === 0 ? 0 : text < 3 ? COST_MODEL.shortTextFilter : COST_MODEL.textFilter);
};

const isListOf = (type: GraphQLOutputType): boolean => isListType(isNonNullType(type) ? type.ofType : type);

/** A page wrapper (`ClaimPage { items total }`, a Relay connection): its list is already sized by the field that returned it. */
const isPageType = (name: string) => /(Page|Connection)$/.test(name);

/**
 * The cost model, after GitHub's and Shopify's: a scalar costs nothing, an
 * object costs 1, a list field costs its page size (`limit` or `first`, the
 * defaults included) times what each item costs, and a list that takes no
 * page size counts as five items. `claims(limit: 25) { items { number device { imei } } }`
 * costs 1 + 25 × (1 + 1) = 51. A list also pays for what it reads besides
 * its page (`COST_MODEL`): one point per 250 rows its offset skips (per 4
 * sorted on a joined column), 7 500 for a text filter (12 500 under 3
 * characters); `claims(offset: 1000, limit: 25, filter: { q: "CL-7" })` costs
 * 51 + 4 + 7 500.
 */
const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // Introspection reads the schema in memory (and is for signed-in staff only): free.
  if (isLeafType(getNamedType(field.type)) || field.name.startsWith('__') || type.name.startsWith('__')) return 0;
  const pageSize = pageSizeOf(args);
  if (pageSize !== undefined) return 1 + pageSize * Math.max(1, childComplexity) + readingCostOf(args);
  if (isListOf(field.type)) return isPageType(type.name) ? 1 + childComplexity : UNPAGED_LIST_SIZE * (1 + childComplexity);
  return 1 + childComplexity;
};

/**
 * The cost of the operation `operationName` (or the only one) of `document`.
 * A field may set its own cost in its extensions (`complexity`).
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName,
    estimators: [fieldExtensionsEstimator(), pageSizeEstimator],
  });
}

/**
 * Every caller's budget unless configured otherwise (AFTERSALE_COST_BUDGET,
 * AFTERSALE_COST_RESTORE_RATE). Measured by `npm run bench -- load` on 100 000
 * claims: the costliest allowed operations took 2–9 s of server CPU each (API
 * and PostgreSQL), so the old refill of 4000 points a second let one caller
 * keep one to two cores busy for good. 500 a second is the costliest
 * operation once every 100 s — a tenth to a quarter of a core — while a
 * console user at their fastest (a list page, 126 points, twice a second; the
 * inspection form, 1502) never runs dry. The capacity is two of the costliest
 * operations in a row.
 */
export const DEFAULT_COST_BUDGET = { capacity: 100_000, restoreRate: 500 } as const;

/**
 * Costs already worked out, per parsed document (Apollo hands the same
 * DocumentNode for the same query text): walking the document and coercing
 * its variables cost ~4 % of a list request's CPU. A cost depends on the
 * variables only through numbers (page sizes) and booleans (`@include`,
 * `@skip`), so those are part of the key by value and every other variable by
 * its kind only: `claim(id: $id)` is costed once for every id.
 */
const knownCosts = new WeakMap<DocumentNode, Map<string, number>>();
/** Variable shapes remembered per document; a client that varies its page size endlessly only refills the map. */
const COSTS_PER_DOCUMENT = 64;

const costKey = (variables: Record<string, unknown>, operationName: string | undefined): string => {
  let key = operationName ?? '';
  for (const name of Object.keys(variables).sort()) {
    const value = variables[name];
    const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
    key += `|${name}:${kind === 'number' || kind === 'boolean' ? String(value) : kind}`;
  }
  return key;
};

function cachedOperationCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName?: string): number {
  let costs = knownCosts.get(document);
  const key = costKey(variables, operationName);
  const known = costs?.get(key);
  if (known !== undefined) return known;
  const cost = operationCost(schema, document, variables, operationName);
  if (!costs) knownCosts.set(document, (costs = new Map<string, number>()));
  if (costs.size >= COSTS_PER_DOCUMENT) costs.clear();
  costs.set(key, cost);
  return cost;
}

/** Who a budget belongs to: a staff user, an API key, or an anonymous client address. */
export type CostCaller = string;

export interface BudgetState {
  /** Points the bucket holds when full. */
  capacity: number;
  /** Points it gets back each second. */
  restoreRate: number;
  /** Points left after this operation. */
  remaining: number;
}

/**
 * A per-caller leaky bucket of cost points: every operation takes its cost,
 * the bucket refills at `restoreRate` points a second up to `capacity`.
 * Kept in this process's memory: with several API instances behind a load
 * balancer, each gives a caller its own bucket.
 */
export class CostBudget {
  readonly #buckets = new Map<CostCaller, { points: number; at: number }>();

  constructor(
    readonly capacity: number,
    readonly restoreRate: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Takes `cost` points from the caller's bucket, or throws RATE_LIMITED (nothing taken) when it holds too few. */
  charge(caller: CostCaller, cost: number): BudgetState {
    const now = this.now();
    const bucket = this.#buckets.get(caller);
    const points = bucket ? Math.min(this.capacity, bucket.points + ((now - bucket.at) / 1000) * this.restoreRate) : this.capacity;
    if (cost > points) {
      const retryAfter = Math.ceil((cost - points) / this.restoreRate);
      throw new GraphQLError(
        `Rate limited: this operation costs ${cost} points and your budget holds ${Math.floor(points)} now (${this.capacity} at most, ${this.restoreRate} restored a second): retry in ${retryAfter} s.`,
        {
          extensions: {
            code: 'RATE_LIMITED',
            cost,
            remaining: Math.floor(points),
            capacity: this.capacity,
            restoreRate: this.restoreRate,
            retryAfter,
            http: { status: 429, headers: new Map([['retry-after', String(retryAfter)]]) },
          },
        },
      );
    }
    if (this.#buckets.size > 100_000) this.#forgetFull(now);
    this.#buckets.set(caller, { points: points - cost, at: now });
    return { capacity: this.capacity, restoreRate: this.restoreRate, remaining: Math.floor(points - cost) };
  }

  /** Buckets that have refilled hold nothing worth keeping. */
  #forgetFull(now: number): void {
    for (const [caller, bucket] of this.#buckets) {
      if (bucket.points + ((now - bucket.at) / 1000) * this.restoreRate >= this.capacity) this.#buckets.delete(caller);
    }
  }
}

/** What an answer reports in `extensions.cost`. */
export interface CostReport extends BudgetState {
  /** This operation's cost. */
  requested: number;
  /** The most one operation may cost. */
  limit: number;
}

/**
 * Checks one operation (HTTP or WebSocket): refuses it with `QUERY_TOO_COSTLY`
 * when it costs more than one operation may, with `RATE_LIMITED` when the
 * caller's budget holds too little now; otherwise charges the budget.
 */
export function checkOperationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  caller: CostCaller,
  budget: CostBudget,
  operationName?: string,
): CostReport {
  let requested: number;
  try {
    requested = cachedOperationCost(schema, document, variables ?? {}, operationName);
  } catch (error) {
    // Costing coerces the variables first: a bad one is the client's input error, as execution would report it.
    if (error instanceof Error && error.message.startsWith('Variable "'))
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
    throw error;
  }
  if (requested > QUERY_LIMITS.maxCost) {
    throw new GraphQLError(
      `This operation costs ${requested} points; one operation may cost at most ${QUERY_LIMITS.maxCost}. A list costs its page size (limit or first) times what each item asks for, plus a point per ${COST_MODEL.offsetRowsPerPoint} rows its offset skips (${COST_MODEL.joinedSortOffsetRowsPerPoint} when sorted by ${[...JOINED_SORT_FIELDS].join(', ')}) and ${COST_MODEL.textFilter} for a text filter (q; ${COST_MODEL.shortTextFilter} under 3 characters): ask for smaller pages or fewer fields, and page deep lists by cursor (first/after) where offered.`,
      { extensions: { code: 'QUERY_TOO_COSTLY', cost: requested, limit: QUERY_LIMITS.maxCost, costModel: COST_MODEL, http: { status: 400 } } },
    );
  }
  return { requested, limit: QUERY_LIMITS.maxCost, ...budget.charge(caller, requested) };
}

/**
 * Apollo Server plugin: checks every operation's cost against the limit and
 * the caller's budget before it runs, and reports the cost in the answer's
 * `extensions.cost`.
 */
export function queryLimitsPlugin<C extends object>(budget: CostBudget, callerOf: (context: C) => CostCaller): ApolloServerPlugin<C> {
  return {
    requestDidStart() {
      let report: CostReport | undefined;
      return Promise.resolve({
        didResolveOperation({ schema, document, request, contextValue, operationName }) {
          try {
            report = checkOperationCost(schema, document, request.variables, callerOf(contextValue), budget, operationName ?? undefined);
            return Promise.resolve();
          } catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
        },
        willSendResponse({ response }) {
          if (report && response.body.kind === 'single') {
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost: report };
          }
          return Promise.resolve();
        },
      });
    },
  };
}
