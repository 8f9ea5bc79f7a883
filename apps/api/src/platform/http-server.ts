import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Authenticate, Context } from './context.js';
import { Loaders } from './loaders.js';
import { UnauthenticatedError } from './errors.js';
import { formatError } from './graphql-schema.js';
import type { Logger } from './logger.js';
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
}

export interface RunningHttpServer {
  server: Server;
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
async function callerOf(authenticate: Authenticate, em: Context['em'], credential: string | undefined) {
  try {
    return { actor: await authenticate(em, credential) };
  } catch (error) {
    if (error instanceof UnauthenticatedError) return { actor: null, credentialError: error };
    throw error;
  }
}

/**
 * One HTTP server: `POST|GET /graphql`, graphql-ws on the same path,
 * `GET /healthz`, and the built console at `/`.
 */
export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const { schema, orm, authenticate, log } = opts;
  const app = express();
  app.disable('x-powered-by');
  const server = createServer(app);

  const wsServer = new WebSocketServer({ server, path: '/graphql' });
  const wsCleanup = useServer<Record<string, unknown>>(
    {
      schema,
      context: async (ctx) => {
        const em = orm.em.fork();
        const param = ctx.connectionParams?.['authorization'];
        const credential = typeof param === 'string' ? param.replace(/^Bearer\s+/i, '') : undefined;
        const requestId = randomUUID();
        return { em, loaders: new Loaders(), ...(await callerOf(authenticate, em, credential)), requestId, log: log.child({ requestId }) } satisfies Context;
      },
    },
    wsServer,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: formatError(log),
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (drain, close the pool, stop the embedded database).
    stopOnTerminationSignals: false,
    introspection: true,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // Apollo's cache-control hints are unused here, and the plugin wraps every field's resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      { serverWillStart: () => Promise.resolve({ drainServer: async () => void (await wsCleanup.dispose()) }) },
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
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = String(res.locals['requestId']);
        const em = orm.em.fork();
        return { em, loaders: new Loaders(), ...(await callerOf(authenticate, em, credentialOf(req.headers))), requestId, log: log.child({ requestId }) };
      },
    }),
  );

  for (const route of opts.routes ?? []) {
    app[route.method](route.path, async (req, res) => {
      const requestId = String(res.locals['requestId']);
      const em = orm.em.fork();
      const ctx = { em, loaders: new Loaders(), ...(await callerOf(authenticate, em, credentialOf(req.headers))), requestId, log: log.child({ requestId }) };
      await runRoute(route, req, res, ctx, ctx.log);
    });
  }

  if (opts.consoleDir && existsSync(path.join(opts.consoleDir, 'index.html'))) {
    const consoleDir = opts.consoleDir;
    app.use(express.static(consoleDir, { index: false, maxAge: '1h' }));
    // react-admin routes are client-side: every other GET gets the app shell.
    app.get(/^\/(?!graphql|healthz|api\/).*/, (_req, res) => res.sendFile(path.join(consoleDir, 'index.html')));
  }

  return {
    server,
    close: async () => {
      await apollo.stop();
      wsServer.close();
    },
  };
}
