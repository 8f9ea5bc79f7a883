import { OperationTypeNode } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';

interface Turns {
  /** When the query's first root field started. */
  started: number;
  /** The root field running last; the next one waits for it. */
  last: Promise<unknown>;
}

/**
 * The root fields of one query run one after another, as a mutation's do.
 * graphql-js starts them all at once, so a query of twenty aliased pages took
 * twenty statements at once — every pooled connection — and left the other
 * callers waiting (`npm run bench -- load`, its heavy client). One query now
 * holds one connection for its root fields; their nested fields, read in
 * batches by the loaders, are not held back. A root field that would start
 * after `timeLimitMs` (the statement timeout; 0: none) is not run: it answers
 * TIMEOUT, like a statement that ran too long.
 */
export function rootFieldsInTurn(timeLimitMs: number, now: () => number = () => performance.now()): MiddlewareFn<object> {
  const turnsOf = new WeakMap<object, Turns>();
  return ({ info, context }, next) => {
    if (info.path.prev !== undefined || info.operation.operation !== OperationTypeNode.QUERY) return next();
    const turns = turnsOf.get(context) ?? { started: now(), last: Promise.resolve() };
    const turn = turns.last.then(() => {
      if (timeLimitMs > 0 && now() - turns.started > timeLimitMs) {
        // Answered as PostgreSQL's statement timeout (57014) is: TIMEOUT, ask for less.
        throw Object.assign(new Error(`the query ran past ${timeLimitMs} ms before ${info.fieldName}`), { code: '57014' });
      }
      return next();
    });
    // The next root field waits for this one whether it answers or fails.
    turnsOf.set(context, { started: turns.started, last: turn.catch(() => undefined) });
    return turn;
  };
}
