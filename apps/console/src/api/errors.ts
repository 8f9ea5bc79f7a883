import { HttpError } from 'react-admin';

/** The `extensions.code` values of CONTRACT.md §2. */
type ApiErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT';

/** What the console keeps of a failed call, as the body of the HttpError react-admin sees. */
export interface ApiErrorBody {
  code?: string;
  field?: string;
  /** Set for BAD_USER_INPUT (and a CONFLICT naming an input): react-admin shows it under the input of that name, and the message in a notification. */
  errors?: Record<string, unknown>;
}

const statusByCode: Record<ApiErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
};

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown; field?: unknown };
}

/**
 * Turns what ra-data-graphql or Apollo throws into an HttpError whose message
 * is the API's own (the first GraphQL error's message) and whose status and
 * body carry its code: notifications then show what the API said, forms show
 * a BAD_USER_INPUT under the field it names, and the authProvider can tell an
 * expired session from a refusal.
 */
export function toApiError(error: unknown): unknown {
  const graphQLError = firstGraphQLError(error);
  if (graphQLError) {
    const code = stringOrUndefined(graphQLError.extensions?.code);
    const field = stringOrUndefined(graphQLError.extensions?.field);
    const body: ApiErrorBody = { code, field };
    const status = code && code in statusByCode ? statusByCode[code as ApiErrorCode] : 500;
    // A CONFLICT may name the input it is about (the last administrator's role); a stale `version` is no input.
    if (field && (code === 'BAD_USER_INPUT' || (code === 'CONFLICT' && field !== 'version'))) {
      // Under the input, the field's name would repeat its label: "imei: must be…" → "must be…".
      const prefix = `${field}:`;
      const { message } = graphQLError;
      const underInput = message.startsWith(prefix) ? message.slice(prefix.length).trim() : message;
      // In the notification, the field as people call it: "imei: must be…" → "IMEI: must be…".
      const human = message.startsWith(prefix) ? `${fieldLabel(field)}: ${underInput}` : message;
      body.errors = { [field]: underInput, root: { serverError: human } };
      return new HttpError(human, status, body);
    }
    return new HttpError(graphQLError.message, status, body);
  }
  const network = networkFailureOf(error);
  if (network && (network.status === undefined || network.status >= 500)) {
    const reason = network.status ? `HTTP ${network.status}` : network.message;
    return new HttpError(`The Aftersale API cannot be reached (${reason}).`, network.status ?? 503, {});
  }
  return error;
}

/** The API's code for an error that went through toApiError. */
export function apiErrorCode(error: unknown): string | undefined {
  if (!(error instanceof HttpError)) return undefined;
  return (error.body as ApiErrorBody | undefined)?.code ?? (error.status === 401 ? 'UNAUTHENTICATED' : undefined);
}

/**
 * The first GraphQL error, wherever it travels: ra-data-graphql keeps Apollo's
 * error as the HttpError's body; Apollo keeps errors of a 4xx answer (e.g. a
 * variable the schema rejects) in `networkError.result`.
 */
function firstGraphQLError(error: unknown): GraphQLErrorLike | undefined {
  const apolloError: unknown = error instanceof HttpError ? error.body : error;
  if (!isObject(apolloError)) return undefined;
  const fromResult = isObject(apolloError['networkError']) ? apolloError['networkError']['result'] : undefined;
  const candidates = [apolloError['graphQLErrors'], isObject(fromResult) ? fromResult['errors'] : undefined];
  for (const errors of candidates) {
    const first: unknown = Array.isArray(errors) ? errors[0] : undefined;
    if (isObject(first) && typeof first['message'] === 'string') return first as unknown as GraphQLErrorLike;
  }
  return undefined;
}

/** A call that got no GraphQL answer: ra-data-graphql's HttpError for a network error, or Apollo's own. */
function networkFailureOf(error: unknown): { status?: number; message: string } | undefined {
  if (error instanceof HttpError) {
    return { status: typeof error.status === 'number' ? error.status : undefined, message: error.message };
  }
  const networkError = isObject(error) ? error['networkError'] : undefined;
  if (!isObject(networkError)) return undefined;
  const status = typeof networkError['statusCode'] === 'number' ? networkError['statusCode'] : undefined;
  return { status, message: typeof networkError['message'] === 'string' ? networkError['message'] : 'no answer' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

const ACRONYMS = new Set(['imei', 'ci', 'sku', 'id', 'ids', 'csv', 'pdf']);

/**
 * An input's code name as words: `imei` → "IMEI", `ciNumber` → "CI number",
 * `serviceCharge.amount` → "Service charge amount", `lines[2].partId` → "Lines 3 part ID".
 */
export function fieldLabel(field: string): string {
  const words = field
    .replace(/\[(\d+)\]/g, (_, index: string) => ` ${Number(index) + 1} `)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[.\s_]+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
