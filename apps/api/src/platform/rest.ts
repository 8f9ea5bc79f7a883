import type { Request, Response } from 'express';
import { roleOf, type Actor, type CallerRole } from './actor.js';
import type { Context } from './context.js';
import { ForbiddenError, UnauthenticatedError } from './errors.js';
import { formatError } from './graphql-schema.js';
import type { Logger } from './logger.js';

/**
 * A plain HTTP route beside /graphql, for what GraphQL carries badly: large
 * uploads and downloads streamed in CSV. It gets the same caller, the same
 * role check (declared, like `@Authorized`) and the same error codes.
 */
export interface RestRoute {
  method: 'get' | 'post';
  path: string;
  roles: readonly CallerRole[];
  handle(req: Request, res: Response, ctx: Context & { actor: Actor }): Promise<void>;
}

const statusByCode: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  TIMEOUT: 503,
};

/** Runs a route for a caller: refuses the wrong caller, and answers errors as `{ code, message, ... }` with the matching status. */
export async function runRoute(route: RestRoute, req: Request, res: Response, ctx: Context, log: Logger): Promise<void> {
  try {
    const { actor } = ctx;
    if (!actor) throw ctx.credentialError ?? new UnauthenticatedError();
    if (!route.roles.includes(roleOf(actor))) throw new ForbiddenError();
    // The context itself (not a spread copy: its EntityManager and logger are made on first use, by its class).
    await route.handle(req, res, ctx as Context & { actor: Actor });
  } catch (error) {
    const formatted = formatError(log)({ message: 'error' }, error);
    const formattedCode = formatted.extensions?.['code'];
    const code = typeof formattedCode === 'string' ? formattedCode : 'INTERNAL_SERVER_ERROR';
    if (res.headersSent) {
      // A download broke off midway: all we can do is cut it, so the client sees an incomplete file, not a complete-looking one.
      res.destroy();
      return;
    }
    res.status(statusByCode[code] ?? 500).json({ ...formatted.extensions, code, message: formatted.message });
  }
}
