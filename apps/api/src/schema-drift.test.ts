import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { printAppSchema } from './emit-schema.js';
import { repoRoot } from './platform/config.js';

describe('packages/graphql/schema.graphql', () => {
  it('is exactly the schema the resolvers build (run `npm run codegen` after changing them)', async () => {
    const committed = await readFile(`${repoRoot}packages/graphql/schema.graphql`, 'utf8');
    expect(committed).toBe(await printAppSchema());
  });
});
