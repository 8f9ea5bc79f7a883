import { defineConfig } from 'vitest/config';

// One runner for the whole repository. Workspace packages resolve to their
// TypeScript sources through the `@aftersale/source` export condition, so
// tests never run against a stale build.
const shared = {
  resolve: {
    conditions: ['@aftersale/source'],
    // type-graphql is CommonJS: without this, it and our ESM imports load two
    // copies of graphql ("Cannot use GraphQLObjectType from another realm").
    alias: { graphql: 'graphql/index.js' },
  },
};

export default defineConfig({
  test: {
    reporters: ['default'],
    coverage: {
      provider: 'v8',
      include: ['packages/domain/src/**/*.ts'],
      exclude: ['packages/domain/src/**/*.test.ts'],
      thresholds: { lines: 100, branches: 100, functions: 100, statements: 100 },
    },
    projects: [
      { ...shared, test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      { ...shared, test: { name: 'demo-data', include: ['packages/demo-data/src/**/*.test.ts'] } },
      // The console's catalogues (no browser: the e2e project drives the built console).
      { ...shared, test: { name: 'console', include: ['apps/console/src/**/*.test.ts'] } },
      {
        ...shared,
        test: {
          name: 'db',
          include: ['tools/db/test/**/*.test.ts'],
          // The workspace packages it imports through node_modules run from their sources too.
          server: { deps: { inline: [/@aftersale\//] } },
          globalSetup: ['apps/api/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
        },
        ssr: { resolve: { conditions: ['@aftersale/source'] } },
      },
      {
        ...shared,
        test: {
          name: 'api',
          include: ['apps/api/src/**/*.test.ts', 'packages/graphql/src/**/*.test.ts'],
          globalSetup: ['apps/api/src/testing/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        ...shared,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['apps/api/src/testing/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
