import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';

/**
 * A caller that sends again, before its `Retry-After`, the very operation its
 * budget just refused (the same credential, document and variables) gets the
 * same refusal at once: not authenticated, validated and costed again. A
 * client hammering the costliest query it may send then costs the server a
 * hash and a map lookup per request instead of a trip through GraphQL (1.1
 * ms each in `npm run bench -- load`). Every other operation of the caller
 * goes through as usual, and is charged to its budget as usual.
 */
export function repeatedRefusals(options: { remembered?: number; now?: () => number } = {}): RequestHandler {
  const remembered = options.remembered ?? 10_000;
  const now = options.now ?? Date.now;
  /** Refused operations (a hash: no credential or password kept) until when they would be refused again. */
  const refusedUntil = new Map<string, number>();
  return (req, res, next) => {
    // The key (a hash of the whole request) only when there is a refusal to compare it with, or one to remember.
    const key = refusedUntil.size > 0 ? keyOf(req) : undefined;
    const until = key === undefined ? undefined : refusedUntil.get(key);
    if (until !== undefined && until > now()) {
      const retryAfter = Math.ceil((until - now()) / 1000);
      res.status(429).setHeader('retry-after', String(retryAfter));
      res.json({
        errors: [
          {
            message: `Rate limited: this operation was refused for its cost a moment ago and your budget has not refilled enough for it: retry in ${retryAfter} s.`,
            extensions: { code: 'RATE_LIMITED', retryAfter },
          },
        ],
      });
      return;
    }
    if (until !== undefined) refusedUntil.delete(key!);
    res.on('finish', () => {
      const retryAfter = Number(res.getHeader('retry-after'));
      if (res.statusCode !== 429 || !(retryAfter > 0)) return;
      const refused = key ?? keyOf(req);
      if (refused === undefined) return;
      // The oldest refusals go first when too many are remembered (a Map keeps its insertion order).
      for (const old of refusedUntil.keys()) {
        if (refusedUntil.size < remembered) break;
        refusedUntil.delete(old);
      }
      refusedUntil.set(refused, now() + retryAfter * 1000);
    });
    next();
  };
}

/** The operation a POST carries, with whoever sends it; nothing for what is not a GraphQL POST. */
function keyOf(req: Request): string | undefined {
  const body = req.body as { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
  if (req.method !== 'POST' || typeof body?.query !== 'string') return undefined;
  const caller = req.headers.authorization ?? req.headers['x-api-key'] ?? req.socket.remoteAddress ?? '';
  return createHash('sha256')
    .update(JSON.stringify([caller, body.operationName ?? null, body.variables ?? null, body.query]))
    .digest('base64url');
}
