import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  createSourceEventStream,
  type DocumentNode,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  OperationTypeNode,
  specifiedRules,
  validate,
} from 'graphql';
import { CloseCode, MessageType } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { type WebSocket, WebSocketServer } from 'ws';
import type { Actor } from './actor.js';

import { RequestContext, type Authenticate, type Context } from './context.js';
import { UnauthenticatedError } from './errors.js';
import { formatError } from './graphql-schema.js';
import type { Logger } from './logger.js';
import { checkOperationCost, type CostBudget, type CostCaller, parseOperation, queryValidationRules } from './query-limits.js';

export interface GraphqlWsOptions {
  server: Server;
  schema: GraphQLSchema;
  orm: MikroORM;
  authenticate: Authenticate;
  log: Logger;
  /** The root value of subscription operations: what each subscription field subscribes through. */
  subscriptionRoot?: object;
  /** Largest message a client may send, in bytes; a larger one closes the socket (1009). */
  maxPayload?: number;
  /** Browser origins allowed besides the server's own; clients that send no Origin (scripts) are not browsers. */
  allowedOrigins?: readonly string[];
  /** The callers' budgets of query cost points, shared with HTTP. */
  costBudget: CostBudget;
  /** Whose budget an operation is charged to. */
  costCallerOf: (ctx: Context) => CostCaller;
  /** How long a client has to send `connection_init` before the socket is closed with 4408. */
  connectionInitWaitMs?: number;
}

/** An authenticated WebSocket connection. */
export interface LiveConnection {
  actor: Actor;
  close(code: number, reason: string): void;
}

export interface GraphqlWsServer {
  connections(): LiveConnection[];
  /** Completes every subscription and closes every socket. */
  dispose(): Promise<void>;
}

/** Close codes beyond graphql-ws's own (4400 bad message, 4401/4403 credentials, 4408 no init, 4429 second init). */
export const WsCloseCode = {
  /** The subscriber fell too far behind: resubscribe with the last cursor received. */
  SlowConsumer: 4413,
  /** The API key was revoked while connected. */
  Revoked: CloseCode.Forbidden,
} as const;

interface Extra {
  // graphql-ws wants an open record for its `extra`.
  [key: string | symbol]: unknown;
  socket: WebSocket;
  request: IncomingMessage;
  /** The client's address, kept instead of the upgrade request (its headers and streams) for the life of the socket. */
  clientAddress?: string;
  /** The TCP socket under the WebSocket (the upgrade request's), corked around a batch of messages. */
  transport?: Socket;
  actor?: Actor;
}

/** The credential of a `connection_init`: `{ authorization: "Bearer <token>" }` or `{ apiKey: "<key>" }`. */
function credentialOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const authorization = params?.['authorization'] ?? params?.['Authorization'];
  if (typeof authorization === 'string') return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? authorization;
  const apiKey = params?.['apiKey'];
  return typeof apiKey === 'string' ? apiKey : undefined;
}

/** A browser may connect from the server's own origin or a listed one; a page on another site may not ride a user's session. */
function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The codes Apollo gives the same failures over HTTP, unless the rule that failed gave its own. */
const withCode = (error: GraphQLError, code: string): GraphQLError =>
  error.extensions['code']
    ? error
    : new GraphQLError(error.message, {
        nodes: error.nodes,
        source: error.source,
        positions: error.positions,
        path: error.path,
        originalError: error.originalError,
        extensions: { ...error.extensions, code },
      });

/** Drops a subscription context's EntityManager and DataLoaders after each event (the next event's resolvers make new ones). */
const clearEntityManager = (context: Context) => context instanceof RequestContext && context.forgetEntityManager();

/**
 * A subscription's event stream may also hand over, without waiting, every
 * event it already holds: those go out to the socket in one write.
 */
export interface QueuedEvents<T> {
  takeQueued(): T[];
}

/** Where a subscription's `next` messages go: its socket (and the TCP socket under it, to write a batch at once) and its id. */
interface DeliveryTarget {
  socket: WebSocket;
  transport: Socket | undefined;
  /** The subscription's id as the client chose it. */
  id: string;
  /** `{"id":<id>,"type":"next","payload":` — graphql-ws's framing of a `next` message, the payload to follow. */
  head: Buffer;
}

/** One event's serialised `next` payload for one audience, and the last frame made of it (for the next subscriber with the same id). */
interface SharedPayload {
  json: Buffer;
  framedFor?: string;
  frame?: Buffer;
}

function frameOf(shared: SharedPayload, target: DeliveryTarget): Buffer {
  if (shared.framedFor !== target.id) {
    shared.frame = Buffer.concat([target.head, shared.json, FRAME_TAIL]);
    shared.framedFor = target.id;
  }
  return shared.frame!;
}
const deliveryTargets = new WeakMap<Context, DeliveryTarget>();
const FRAME_TAIL = Buffer.from('}');

/**
 * Who a subscription's answers are computed for: what a field shows depends
 * on the caller's role (staff) or customer (an API key), never on the user or
 * the key itself, so every staff member of a role, and every key of a
 * customer, is one audience.
 */
function audienceOf(actor: Actor | null): string {
  if (!actor) return 'anonymous';
  return actor.kind === 'staff' ? `staff:${actor.role}` : `customer:${actor.customerId}`;
}

/**
 * One event reaches many subscribers who asked the same thing: its `next`
 * payload is executed and serialised once per event for each (document,
 * operation, variables, audience) and the same bytes go to every such
 * subscriber, so a thousand subscribers cost one execution and one
 * JSON.stringify, not a thousand.
 */
const sharedPayloads = new WeakMap<object, Map<string, SharedPayload | Promise<SharedPayload>>>();
const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

function sharingKey(args: ExecutionArgs): string {
  let id = documentIds.get(args.document);
  if (id === undefined) documentIds.set(args.document, (id = ++nextDocumentId));
  const audience = audienceOf((args.contextValue as Context).actor);
  return `${id}|${args.operationName ?? ''}|${audience}|${JSON.stringify(args.variableValues ?? {})}`;
}

const isPromise = <T>(value: T | Promise<T>): value is Promise<T> => typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * graphql-js's `subscribe`, delivering each event itself instead of handing
 * it back to graphql-ws: the shared payload, framed as graphql-ws frames a
 * `next` message, written to the socket, every event the stream already holds
 * in one write. It waits for each write before taking more, so a subscriber
 * that does not read leaves its events queued in its stream (which bounds
 * them). graphql-ws sees a subscription that yields nothing and ends when the
 * stream ends (its `complete`, or its error, then follows the last event).
 */
function deliveringSubscribe(format: (errors: readonly GraphQLError[]) => GraphQLFormattedError[]) {
  const serialise = (result: ExecutionResult): SharedPayload => ({
    json: Buffer.from(JSON.stringify(result.errors ? { ...result, errors: format(result.errors) } : result)),
  });

  return async (args: ExecutionArgs): Promise<AsyncGenerator<ExecutionResult> | ExecutionResult> => {
    const source = await createSourceEventStream(args);
    if (!(Symbol.asyncIterator in source)) return source;
    const events = source as AsyncGenerator<unknown> & Partial<QueuedEvents<unknown>>;
    const context = args.contextValue as Context;
    const target = deliveryTargets.get(context)!;
    const key = sharingKey(args);

    const executed = (event: unknown): SharedPayload | Promise<SharedPayload> => {
      const result = execute({ ...args, rootValue: event });
      const done = (answer: ExecutionResult) => {
        // Each event is read afresh: the subscription keeps no EntityManager between events.
        clearEntityManager(context);
        return serialise(answer);
      };
      return isPromise(result) ? result.then(done) : done(result);
    };
    const payloadOf = (event: unknown): SharedPayload | Promise<SharedPayload> => {
      if (typeof event !== 'object' || event === null) return executed(event);
      let byKey = sharedPayloads.get(event);
      if (!byKey) sharedPayloads.set(event, (byKey = new Map<string, SharedPayload | Promise<SharedPayload>>()));
      let payload = byKey.get(key);
      if (!payload) {
        payload = executed(event);
        byKey.set(key, payload);
        if (isPromise(payload))
          void payload.then(
            (shared) => byKey.set(key, shared),
            () => undefined,
          );
      }
      return payload;
    };

    let stopped = false;
    const deliver = async (): Promise<IteratorResult<ExecutionResult>> => {
      for (;;) {
        const step = await events.next();
        if (step.done || stopped) return { done: true, value: undefined };
        const batch = [step.value, ...(events.takeQueued?.() ?? [])];
        const payloads: SharedPayload[] = [];
        for (const event of batch) {
          const payload = payloadOf(event);
          payloads.push(isPromise(payload) ? await payload : payload);
        }
        if (stopped || target.socket.readyState !== target.socket.OPEN) return { done: true, value: undefined };
        await sendFrames(target, payloads);
      }
    };
    let delivering: Promise<IteratorResult<ExecutionResult>> | undefined;
    const subscription = {
      next: () => (delivering ??= deliver()),
      async return(): Promise<IteratorResult<ExecutionResult>> {
        stopped = true;
        await events.return(undefined);
        return { done: true, value: undefined };
      },
      async throw(error: unknown): Promise<IteratorResult<ExecutionResult>> {
        stopped = true;
        await events.return(undefined);
        throw error;
      },
      [Symbol.asyncIterator]() {
        return subscription;
      },
    };
    return subscription as unknown as AsyncGenerator<ExecutionResult>;
  };
}

/** Writes `next` messages in one go (the TCP socket corked around them); resolves once written, or once the socket is gone. */
function sendFrames(target: DeliveryTarget, payloads: readonly SharedPayload[]): Promise<void> {
  return new Promise((resolve) => {
    target.transport?.cork();
    payloads.forEach((payload, i) => {
      // A write that fails means the socket is closing: graphql-ws ends the subscription on close.
      // A text frame, as graphql-ws sends (a Buffer would go as a binary frame, which clients refuse).
      target.socket.send(frameOf(payload, target), { binary: false }, i === payloads.length - 1 ? () => resolve() : undefined);
    });
    target.transport?.uncork();
  });
}

const isErrorList = (checked: DocumentNode | readonly GraphQLError[]): checked is readonly GraphQLError[] => Array.isArray(checked);

const onlySubscriptions = () =>
  new GraphQLError('Only subscriptions run over WebSocket: send queries and mutations with POST /graphql.', {
    extensions: { code: 'FORBIDDEN' },
  });

/**
 * graphql-ws on `/graphql`, with the HTTP endpoint's protections: an Origin
 * check, a message size limit, authentication once in `connection_init`,
 * subscriptions only, the same validation rules and the same error formatter.
 */
export function serveGraphqlWs(opts: GraphqlWsOptions): GraphqlWsServer {
  const { schema, orm, authenticate, log } = opts;
  const allowedOrigins = opts.allowedOrigins ?? [];
  // The same limits as over HTTP: tokens, depth, aliases, then cost against the caller's budget.
  const rules = [...specifiedRules, ...queryValidationRules()];
  const format = formatError(log);
  const live = new Set<LiveConnection & { socket: WebSocket }>();

  const wsServer = new WebSocketServer({
    server: opts.server,
    path: '/graphql',
    maxPayload: opts.maxPayload ?? 64 * 1024,
    verifyClient: ({ origin, req }, done) => {
      if (originAllowed(origin, req.headers.host, allowedOrigins)) return done(true);
      log.warn({ origin }, 'WebSocket refused: origin not allowed');
      done(false, 403, 'Origin not allowed');
    },
  });

  // Many subscribers send the same few documents: each is parsed and validated once (they are immutable).
  const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
  const checkedDocument = (query: string): DocumentNode | readonly GraphQLError[] => {
    const known = documents.get(query);
    if (known) return known;
    let checked: DocumentNode | readonly GraphQLError[];
    try {
      const document = parseOperation(query);
      const errors = validate(schema, document, rules);
      checked = errors.length > 0 ? errors.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED')) : document;
    } catch (error) {
      checked = [withCode(error instanceof GraphQLError ? error : new GraphQLError('Could not parse the operation.'), 'GRAPHQL_PARSE_FAILED')];
    }
    if (documents.size >= 500) documents.delete(documents.keys().next().value!);
    documents.set(query, checked);
    return checked;
  };

  const formatErrors = (errors: readonly GraphQLError[]) => errors.map((error) => format(error.toJSON(), error));

  const cleanup = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      subscribe: deliveringSubscribe(formatErrors),
      connectionInitWaitTimeout: opts.connectionInitWaitMs ?? 3000,
      onConnect: async (ctx) => {
        const credential = credentialOf(ctx.connectionParams);
        const { socket } = ctx.extra;
        ctx.extra.clientAddress = ctx.extra.request.socket.remoteAddress;
        ctx.extra.transport = ctx.extra.request.socket;
        // graphql-ws would keep the upgrade request for as long as the socket lives.
        Reflect.deleteProperty(ctx.extra, 'request');
        if (!credential) {
          socket.close(CloseCode.Unauthorized, 'Unauthorized: send { authorization: "Bearer <token>" } or { apiKey } in connection_init');
          return false;
        }
        try {
          const actor = await authenticate(() => orm.em.fork(), credential);
          if (!actor) return false;
          ctx.extra.actor = actor;
          const connection = { actor, socket, close: (code: number, reason: string) => socket.close(code, reason) };
          live.add(connection);
          socket.once('close', () => live.delete(connection));
          return true;
        } catch (error) {
          if (error instanceof UnauthenticatedError) {
            socket.close(CloseCode.Forbidden, `Forbidden: ${error.message}`);
            return false;
          }
          throw error;
        }
      },
      onSubscribe: (ctx, id, payload) => {
        const checked = checkedDocument(payload.query);
        if (isErrorList(checked)) return checked;
        const document = checked;
        const operation = getOperationAST(document, payload.operationName);
        if (!operation) return [new GraphQLError('Unable to identify the operation.', { extensions: { code: 'BAD_REQUEST' } })];
        if (operation.operation !== OperationTypeNode.SUBSCRIPTION) return [onlySubscriptions()];
        const { socket } = ctx.extra;
        // Each part made when a resolver or a log line first needs it: an idle subscription holds none of them.
        const contextValue = new RequestContext(orm, log, undefined, ctx.extra.clientAddress);
        contextValue.actor = ctx.extra.actor ?? null;
        contextValue.connection = { close: (code, reason) => socket.close(code, reason) };
        try {
          checkOperationCost(
            schema,
            document,
            payload.variables ?? undefined,
            opts.costCallerOf(contextValue),
            opts.costBudget,
            payload.operationName ?? undefined,
          );
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        deliveryTargets.set(contextValue, {
          socket,
          transport: ctx.extra.transport,
          id,
          head: Buffer.from(`{"id":${JSON.stringify(id)},"type":"${MessageType.Next}","payload":`),
        });
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
          rootValue: opts.subscriptionRoot,
        };
      },
      // Subscription events are sent by deliveringSubscribe; what comes here is an answer without an event stream.
      onNext: (_ctx, _id, _payload, args, result) => {
        clearEntityManager(args.contextValue as Context);
        if (!result.errors) return;
        return { ...result, errors: formatErrors(result.errors) };
      },
      onError: (_ctx, _id, _payload, errors) => formatErrors(errors),
    },
    wsServer,
  );

  return {
    connections: () => [...live],
    dispose: async () => {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
