import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Logger } from './logger.js';

/** What express and body-parser report, as our codes: everything else is an internal error. */
const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

const messageByType: Record<string, string> = {
  'entity.too.large': 'The request body is larger than this endpoint accepts.',
  'entity.parse.failed': 'The request body is not valid JSON.',
  'encoding.unsupported': 'The request body has a content encoding this server does not accept.',
  'charset.unsupported': 'The request body has a charset this server does not accept (send UTF-8).',
  'request.aborted': 'The request was aborted before its body arrived.',
};

/**
 * Answers an HTTP-level error as JSON: `{ errors: [...] }` on /graphql (what
 * a GraphQL client reads), `{ code, message }` elsewhere (as the REST routes
 * answer). Never an HTML page, a stack or a path.
 */
export function sendHttpError(req: Request, res: Response, status: number, code: string, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(status);
  if (req.path === '/graphql' || req.baseUrl === '/graphql') res.json({ errors: [{ message, extensions: { code } }] });
  else res.json({ code, message });
}

/** The last route: nothing else answered. */
export const notFound: RequestHandler = (req, res) => sendHttpError(req, res, 404, 'NOT_FOUND', `Nothing here: ${req.method} ${req.path}.`);

/** Express's error handler, replaced: a client error keeps its status with a code; anything else is logged and masked. */
export function httpErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const code = codeByStatus[status] ?? 'BAD_REQUEST';
      const message =
        (typeof type === 'string' && messageByType[type]) || (status === 400 ? 'The request is malformed.' : `The request was refused (HTTP ${status}).`);
      sendHttpError(req, res, status, code, message);
      return;
    }
    log.error({ err: error, url: req.originalUrl }, 'unexpected HTTP error');
    sendHttpError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error.');
  };
}
