import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type RequestHandler, type Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { GraphQLError, type GraphQLSchema, visit } from 'graphql';
import { apolloHandler } from './apollo-express.js';
import { compiledExecution } from './compiled-execution.js';
import { RequestContext, type Authenticate, type Context } from './context.js';
import { UnauthenticatedError } from './errors.js';
import { formatError } from './graphql-schema.js';
import { type GraphqlWsOptions, type GraphqlWsServer, serveGraphqlWs } from './graphql-ws.js';
import type { Logger } from './logger.js';
import { repeatedRefusals } from './repeated-refusals.js';
import { CostBudget, DEFAULT_COST_BUDGET, parseOptions, queryLimitsPlugin, queryValidationRules, type CostCaller } from './query-limits.js';
import { httpErrorHandler, notFound } from './http-errors.js';
import { runRoute, type RestRoute } from './rest.js';

export interface HttpServerOptions {
  schema: GraphQLSchema;
  orm: MikroORM;
  /** Who the caller is, from their credential. */
  authenticate: Authenticate;
  log: Logger;
  consoleDir?: string;
  /** Plain HTTP routes beside /graphql (CSV uploads and downloads). */
  routes?: RestRoute[];
  /** graphql-ws on /graphql: what subscriptions subscribe through, message size, allowed origins. */
  websocket?: Pick<GraphqlWsOptions, 'subscriptionRoot' | 'maxPayload' | 'allowedOrigins' | 'connectionInitWaitMs'>;
  /** Every caller's budget of query cost points (see query-limits.ts). */
  costBudget?: CostBudget;
}

export interface RunningHttpServer {
  server: Server;
  websocket: GraphqlWsServer;
  /** Stops accepting, drains in-flight requests and closes WebSockets. */
  close(): Promise<void>;
}

/** Reads the caller's credential from `Authorization: Bearer …` or `X-Api-Key`. */
function credentialOf(headers: { authorization?: string; 'x-api-key'?: string | string[] }): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? '');
  const apiKey = headers['x-api-key'];
  return bearer?.[1] ?? (typeof apiKey === 'string' ? apiKey : undefined);
}

/** A bad credential is kept, not thrown: every operation but the public ones then fails with it. */
async function callerOf(authenticate: Authenticate, em: () => Context['em'], credential: string | undefined) {
  try {
    return { actor: await authenticate(em, credential) };
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { actor: null, credentialError: error };
    throw error;
  }
}

/**
 * helmet's security headers, worked out once: with these options they are the
 * same for every answer, and helmet's dozen middlewares set them one by one on
 * each (~2 % of a small request's CPU).
 */
function constantHeaders(options: HelmetOptions): RequestHandler {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader: (name: string, value: string) => headers.set(name, value),
    removeHeader: (name: string) => headers.delete(name),
  };
  let done = false;
  helmet(options)({} as Request, recorder as unknown as Response, () => (done = true));
  if (!done) throw new Error('helmet did not finish synchronously: its headers depend on the request');
  const fixed = [...headers];
  return (_req, res, next) => {
    for (const [name, value] of fixed) res.setHeader(name, value);
    next();
  };
}

/**
 * GraphQL over HTTP: a client that accepts only `application/json` (not
 * `application/graphql-response+json`) gets a request error (parse,
 * validation, variable coercion) with status 200, as the spec says; it reads
 * the errors from the body.
 */
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'QUERY_TOO_COSTLY']);
const legacyJsonStatusPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ request, response }) {
        const accept = request.http?.headers.get('accept') ?? '';
        const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
        const requestErrors = errors.length > 0 && errors.every((e) => REQUEST_ERROR_CODES.has(String(e.extensions?.['code'])));
        if (response.http.status === 400 && requestErrors && !accept.includes('application/graphql-response+json')) {
          response.http.status = 200;
        }
        return Promise.resolve();
      },
    });
  },
};

/** `__schema` and `__type` answer signed-in staff only: integrators and anonymous callers read the published schema file. */
const introspectionForStaffOnly: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      didResolveOperation({ document, contextValue }) {
        if (contextValue.actor?.kind === 'staff') return Promise.resolve();
        let introspects = false;
        visit(document, { Field: (node) => void ((node.name.value === '__schema' || node.name.value === '__type') && (introspects = true)) });
        if (!introspects) return Promise.resolve();
        return Promise.reject(
          new GraphQLError('Introspection is for signed-in staff: read the published schema instead.', { extensions: { code: 'FORBIDDEN' } }),
        );
      },
    });
  },
};

/** Whose budget an operation spends: the staff user, the API key, or the anonymous client's address. */
export function costCallerOf(ctx: Context): CostCaller {
  if (ctx.actor?.kind === 'staff') return `user:${ctx.actor.userId}`;
  if (ctx.actor?.kind === 'integrator') return `api-key:${ctx.actor.apiKeyId}`;
  return `address:${ctx.clientAddress ?? 'unknown'}`;
}

/**
 * One HTTP server: `POST|GET /graphql`, graphql-ws on the same path,
 * `GET /healthz`, and the built console at `/`.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const { schema, orm, authenticate, log } = opts;
  const app = express();
  app.disable('x-powered-by');
  // No ETag on answers: they are per caller and per request, and hashing each one cost ~1 % of a request's CPU.
  app.set('etag', false);
  app.use(
    constantHeaders({
      contentSecurityPolicy: {
        directives: {
          // Served over plain HTTP on loopback by default: no upgrade to https.
          upgradeInsecureRequests: null,
          frameAncestors: ["'none'"],
          // MUI (emotion) injects its styles at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
        },
      },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // The console and the API share one origin; nothing is meant to be embedded elsewhere.
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
  );
  const server = createServer(app);

  const costBudget = opts.costBudget ?? new CostBudget(DEFAULT_COST_BUDGET.capacity, DEFAULT_COST_BUDGET.restoreRate);
  const websocket = serveGraphqlWs({ server, schema, orm, authenticate, log, costBudget, costCallerOf, ...opts.websocket });

  const apollo = new ApolloServer<Context>({
    // The schema, executed by compiled queries (compiled-execution.ts).
    gateway: compiledExecution(schema),
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (drain, close the pool, stop the embedded database).
    stopOnTerminationSignals: false,
    // Introspection is for signed-in staff (introspectionForStaffOnly); no schema hints in errors for anyone.
    introspection: true,
    hideSchemaDetailsFromClientErrors: true,
    // Credentials travel in the Authorization header only (no cookies), which a cross-site form
    // cannot set: Apollo's CSRF guard would only refuse the plain GETs the GraphQL-over-HTTP spec allows.
    csrfPrevention: false,
    parseOptions,
    validationRules: queryValidationRules(),
    // Compact JSON: Apollo pretty-prints by default (indented, a third larger), which cost ~4 % of a list's CPU.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      // GET /graphql in a browser: no landing page (Apollo's loads scripts from a CDN).
      ApolloServerPluginLandingPageDisabled(),
      introspectionForStaffOnly,
      legacyJsonStatusPlugin,
      queryLimitsPlugin(costBudget, costCallerOf),
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's cache-control hints are unused here, and the plugin wraps every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      { serverWillStart: () => Promise.resolve({ drainServer: async () => void (await websocket.dispose()) }) },
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const requestId = req.header('x-request-id')?.slice(0, 64) || randomUUID();
    res.setHeader('x-request-id', requestId);
    res.locals['requestId'] = requestId;
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info({ requestId, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(ms) }, 'request');
    });
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await orm.em.getConnection().execute('select 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    repeatedRefusals(),
    apolloHandler(apollo, async (req, res) => {
      const ctx = new RequestContext(orm, log, String(res.locals['requestId']), req.socket.remoteAddress);
      return Object.assign(ctx, await callerOf(authenticate, () => ctx.em, credentialOf(req.headers)));
    }),
  );

  for (const route of opts.routes ?? []) {
    app[route.method](route.path, async (req, res) => {
      const ctx = new RequestContext(orm, log, String(res.locals['requestId']), req.socket.remoteAddress);
      Object.assign(ctx, await callerOf(authenticate, () => ctx.em, credentialOf(req.headers)));
      await runRoute(route, req, res, ctx, ctx.log);
    });
  }

  if (opts.consoleDir && existsSync(path.join(opts.consoleDir, 'index.html'))) {
    const consoleDir = opts.consoleDir;
    app.use(express.static(consoleDir, { index: false, maxAge: '1h' }));
    // react-admin routes are client-side: every other GET gets the app shell.
    app.get(/^\/(?!graphql|healthz|api\/).*/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
  }
  app.use(notFound);
  app.use(httpErrorHandler(log));

  return {
    server,
    websocket,
    close: async () => {
      await apollo.stop();
    },
  };
}
