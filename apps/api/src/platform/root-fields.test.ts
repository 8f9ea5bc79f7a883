import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphQLResolveInfo } from 'graphql';
import type { ResolverData } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { rootFieldsInTurn } from './root-fields.js';

/** Resolver data for a root field (`path.prev` undefined) or a nested one, of a query or a mutation. */
const field = (context: object, operation: 'query' | 'mutation', nested = false) =>
  ({
    context,
    root: undefined,
    args: {},
    info: {
      path: nested ? { prev: { key: 'claims' }, key: 'items' } : { prev: undefined, key: 'claims' },
      operation: { operation },
    } as unknown as GraphQLResolveInfo,
  }) as ResolverData<object>;

/** Runs `fields` the way graphql-js runs a query's fields (all started at once); answers the most that ran together. */
async function mostAtOnce(fields: ResolverData<object>[], fail: (i: number) => boolean = () => false, middleware = rootFieldsInTurn(0)) {
  let running = 0;
  let most = 0;
  const answers = await Promise.allSettled(
    fields.map((data, i) =>
      middleware(data, async () => {
        most = Math.max(most, ++running);
        await sleep(5);
        running--;
        if (fail(i)) throw new Error(`field ${i} failed`);
        return i;
      }),
    ),
  );
  return { most, answers: answers.map((a): unknown => (a.status === 'fulfilled' ? (a.value as unknown) : 'failed')) };
}

describe('root fields of a query', () => {
  it('run one at a time within one request, each answering its own value', async () => {
    const request = {};
    expect(await mostAtOnce(Array.from({ length: 20 }, () => field(request, 'query')))).toEqual({ most: 1, answers: Array.from({ length: 20 }, (_, i) => i) });
  });

  it('go on after one of them fails', async () => {
    const request = {};
    const { answers } = await mostAtOnce([field(request, 'query'), field(request, 'query'), field(request, 'query')], (i) => i === 0);
    expect(answers).toEqual(['failed', 1, 2]);
  });

  it('do not hold back other requests, nor nested fields', async () => {
    expect((await mostAtOnce([field({}, 'query'), field({}, 'query'), field({}, 'query')])).most).toBe(3);
    const request = {};
    expect((await mostAtOnce([field(request, 'query', true), field(request, 'query', true)])).most).toBe(2);
  });

  it('answers TIMEOUT for the root fields that would start past the time limit', async () => {
    let now = 0;
    const middleware = rootFieldsInTurn(10_000, () => now);
    const request = {};
    const slow = (data: ResolverData<object>) =>
      middleware(data, () => {
        now += 6000;
        return Promise.resolve('page');
      });
    const answers = await Promise.allSettled([slow(field(request, 'query')), slow(field(request, 'query')), slow(field(request, 'query'))]);
    expect(answers.map((a): unknown => (a.status === 'fulfilled' ? (a.value as unknown) : (a.reason as { code: string }).code))).toEqual([
      'page',
      'page',
      '57014',
    ]);
  });
});
