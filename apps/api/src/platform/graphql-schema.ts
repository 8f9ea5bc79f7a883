import 'reflect-metadata';
import { ClaimTransitionError, InvoiceTransitionError, PolicyInputError } from '@aftersale/domain';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import { type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ArgumentValidationError,
  AuthenticationError,
  AuthorizationError,
  type AuthChecker,
  buildSchema,
  getMetadataStorage,
  type MiddlewareFn,
  type NonEmptyArray,
} from 'type-graphql';
import type { ValidationError } from 'class-validator';
import { roleOf } from './actor.js';
import type { Context } from './context.js';
import { AppError, ForbiddenError, UnauthenticatedError } from './errors.js';
import type { Logger } from './logger.js';
import { QUERY_LIMIT_CODES } from './query-limits.js';
import { rootFieldsInTurn } from './root-fields.js';
import { checkTextArguments } from './text-arguments.js';

/** `@Authorized(PUBLIC)` marks the rare operation anyone may call (login). */
export const PUBLIC = 'PUBLIC';

const authChecker: AuthChecker<Context> = ({ context }, roles) => {
  if (roles.includes(PUBLIC)) return true;
  if (context.credentialError) throw context.credentialError;
  if (!context.actor) throw new UnauthenticatedError();
  if (!roles.includes(roleOf(context.actor))) throw new ForbiddenError();
  return true;
};

/** Root fields (`Query.claims`, `Mutation.login`, …) that carry an `@Authorized` declaration. */
function declaredOperations(): Set<string> {
  const storage = getMetadataStorage();
  const authorized = new Set(storage.authorizedFields.map((f) => `${f.target.name}.${f.fieldName}`));
  const declared = new Set<string>();
  for (const [type, list] of [
    ['Query', storage.queries],
    ['Mutation', storage.mutations],
    ['Subscription', storage.subscriptions],
  ] as const) {
    for (const op of list) {
      if (authorized.has(`${op.target.name}.${op.methodName}`)) declared.add(`${type}.${op.schemaName}`);
    }
  }
  return declared;
}

/** Deny by default: an operation nobody declared a rule for cannot be called at all. */
function denyUndeclared(declared: Set<string>): MiddlewareFn<Context> {
  return ({ info }, next) => {
    if (info.path.prev === undefined && !declared.has(`${info.parentType.name}.${info.fieldName}`)) {
      throw new ForbiddenError(`${info.fieldName} declares no access rule, so nobody may call it.`);
    }
    return next();
  };
}

/**
 * Every field's platform checks as one middleware: deny undeclared
 * operations, refuse bad text arguments, run a query's root fields in turn.
 * Each middleware is a level of type-graphql's chain, an async call on every
 * field that is not simple (a claim's events, each event's actor): one level
 * instead of three.
 */
function platformChecks(declared: Set<string>, queryTimeLimitMs: number): MiddlewareFn<Context> {
  const deny = denyUndeclared(declared);
  const inTurn = rootFieldsInTurn(queryTimeLimitMs);
  return (data, next) => deny(data, () => checkTextArguments(data, () => inTurn(data, next)));
}

const noTopics = {
  publish: () => {
    throw new Error('Subscriptions read the claim event log: there are no topics to publish to.');
  },
  subscribe: () => {
    throw new Error('Subscriptions read the claim event log: there are no topics to subscribe to.');
  },
};

export async function buildAppSchema(
  resolvers: NonEmptyArray<object>,
  options: { emitSchemaFile?: string; /** Root fields of a query start within it (the statement timeout); 0: no limit. */ queryTimeLimitMs?: number } = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    // type-graphql takes the resolver classes typed as its own NonEmptyArray<Function>.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: resolvers.map((r) => r.constructor) as unknown as NonEmptyArray<Function>,
    container: { get: (cls) => resolvers.find((r) => r.constructor === cls) },
    authChecker,
    // Subscriptions bring their own `subscribe` (read from the claim event log, never from memory);
    // type-graphql still insists on a PubSub, so it gets one that refuses topics.
    pubSub: noTopics,
    globalMiddlewares: [platformChecks(declaredOperations(), options.queryTimeLimitMs ?? 0)],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: options.emitSchemaFile ? { path: options.emitSchemaFile, sortedSchema: true } : false,
  });
  return schema;
}

/**
 * The one place errors become responses: known errors keep their code and
 * message; anything else is logged and masked, so no stack trace or SQL ever
 * reaches a client.
 */
export function formatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return { ...base, message: original.message, extensions: { code: original.code, ...original.details } };
    }
    if (original instanceof PolicyInputError) {
      return { ...base, message: original.message, extensions: { code: 'BAD_USER_INPUT', field: original.field } };
    }
    if (original instanceof ClaimTransitionError) {
      const code = original.reason === 'ROLE_NOT_ALLOWED' ? 'FORBIDDEN' : 'CONFLICT';
      return { ...base, message: original.message, extensions: { code, reason: original.reason } };
    }
    if (original instanceof InvoiceTransitionError) {
      return { ...base, message: original.message, extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' } };
    }
    if (original instanceof ArgumentValidationError) {
      const [field, message] = firstViolation(original.extensions.validationErrors);
      return { ...base, message: `${field}: ${message}`, extensions: { code: 'BAD_USER_INPUT', field } };
    }
    if (original instanceof AuthenticationError) {
      return { ...base, extensions: { code: 'UNAUTHENTICATED' } };
    }
    if (original instanceof AuthorizationError) {
      return { ...base, extensions: { code: 'FORBIDDEN' } };
    }
    if (original instanceof OptimisticLockError) {
      return { ...base, message: 'Someone changed this record since you loaded it: reload and try again.', extensions: { code: 'CONFLICT' } };
    }
    if (original instanceof UniqueConstraintViolationException) {
      const field = duplicatedField(original);
      const message = field ? `${field}: this value is already taken.` : 'This would duplicate an existing record.';
      return { ...base, message, extensions: { code: 'CONFLICT', ...(field && { field }) } };
    }
    if ((original as { code?: unknown } | null)?.code === '57014') {
      return {
        ...base,
        message: 'The database took too long over this request and stopped it: ask for less (a smaller page, a narrower filter).',
        extensions: { code: 'TIMEOUT' },
      };
    }
    const code = formatted.extensions?.['code'];
    // Errors raised by graphql-js itself (parse, validation, variable coercion) are safe to show.
    if (typeof code === 'string' && QUERY_LIMIT_CODES.includes(code)) {
      return { ...base, extensions: formatted.extensions };
    }
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      const field = code === 'BAD_USER_INPUT' ? coercedField(formatted.message) : undefined;
      return { ...base, extensions: { code, ...(field && { field }) } };
    }
    log.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Internal server error.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * The field a variable coercion error is about, as our own errors name it:
 * `Variable "$input" got invalid value 12.5 at "input.serviceCharge.amount"; …`
 * → `serviceCharge.amount` (the path inside the input object).
 */
function coercedField(message: string): string | undefined {
  const path = /^Variable "\$\w+" got invalid value .* at "([^"]+)"/s.exec(message)?.[1];
  return path?.includes('.') ? path.slice(path.indexOf('.') + 1) : path;
}

/**
 * The input field behind a unique violation, from PostgreSQL's constraint name
 * `<table>_<columns>_key`: the last column, camel-cased (`part_model_id_name_key`
 * → `name`: the model is the scope, the name is what repeats).
 */
function duplicatedField(error: UniqueConstraintViolationException): string | undefined {
  const { constraint, table } = error as unknown as { constraint?: string; table?: string };
  if (!constraint || !table || !constraint.startsWith(`${table}_`) || !constraint.endsWith('_key')) return undefined;
  const columns = constraint.slice(table.length + 1, -'_key'.length);
  const column = columns.split(/_id_/).at(-1)!;
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function firstViolation(errors: ValidationError[], prefix = ''): [string, string] {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const message = e.constraints && Object.values(e.constraints)[0];
    if (message) return [field, message];
    if (e.children?.length) return firstViolation(e.children, field);
  }
  return ['input', 'is invalid'];
}
