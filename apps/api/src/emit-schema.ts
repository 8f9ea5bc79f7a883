import 'reflect-metadata';
import { printSchema } from 'graphql';
import { writeFile } from 'node:fs/promises';
import { createResolvers } from './app.js';
import { TokenSigner } from './auth/credentials.js';
import { systemClock } from './platform/clock.js';
import { repoRoot } from './platform/config.js';
import { buildAppSchema } from './platform/graphql-schema.js';

/** The schema as SDL, exactly as the server builds it (in declaration order: enums keep the lifecycle order). */
export async function printAppSchema(): Promise<string> {
  const { resolvers } = createResolvers(new TokenSigner('x'.repeat(32), '1h'), systemClock);
  const schema = await buildAppSchema(resolvers);
  return `${printSchema(schema)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = `${repoRoot}packages/graphql/schema.graphql`;
  await writeFile(target, await printAppSchema());
  console.log(`wrote ${target}`);
}
