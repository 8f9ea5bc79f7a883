import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CodegenContext, executeCodegen } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../../packages/graphql/codegen.js';
import { printAppSchema } from './emit-schema.js';
import { repoRoot } from './platform/config.js';

const graphqlPackage = path.join(repoRoot, 'packages/graphql');

describe('packages/graphql', () => {
  it('holds exactly the schema the resolvers build (run `npm run codegen` after changing them)', async () => {
    const committed = await readFile(path.join(graphqlPackage, 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printAppSchema());
  });

  it('holds exactly the types and documents generated from it (run `npm run codegen`)', async () => {
    const context = new CodegenContext({ config: { ...config, silent: true } });
    context.cwd = graphqlPackage;
    const { result, error } = await executeCodegen(context);
    expect(error).toBeNull();
    expect(result.length).toBeGreaterThan(0);
    for (const file of result) {
      const committed = await readFile(path.resolve(graphqlPackage, file.filename), 'utf8').catch(() => '(missing)');
      expect(committed, `${file.filename} is stale`).toBe(file.content);
    }
  });
});
