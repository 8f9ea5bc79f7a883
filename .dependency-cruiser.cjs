// The direction dependencies may point in (ARCHITECTURE.md, STYLE.md "Features
// plug in"), checked by `npm run boundaries`, which `npm test` runs.
// Paths are the real files: workspace packages resolve to their sources.
// Cycles between the API's feature folders are checked apart, on the code
// without its tests: .dependency-cruiser.features.cjs.

/** Every kind of dependency on an npm package or a Node built-in. */
const external = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-bundled', 'npm-no-pkg', 'npm-unknown', 'core'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-nothing-from-the-repo',
      comment: 'packages/domain is the policy engine: plain values in, plain values out. It imports no other package, app or tool of the repository.',
      severity: 'error',
      from: { path: '^packages/domain/' },
      to: { path: '^(apps|packages|tools|e2e)/', pathNot: '^packages/domain/' },
    },
    {
      name: 'domain-imports-no-framework-or-io',
      comment:
        "packages/domain imports no npm package and no Node built-in (no ORM, GraphQL, file or network I/O); the one exception is re2js, a pure linear-time regular-expression engine the barcode rule needs (an administrator's pattern must not stall the server).",
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: external, pathNot: 'node_modules/re2js/' },
    },
    {
      name: 'domain-tests-use-only-the-test-libraries',
      comment: 'The domain tests may use the test runner and the property-testing library, nothing else from outside.',
      severity: 'error',
      from: { path: '^packages/domain/.+\\.test\\.ts$' },
      to: { dependencyTypes: external, pathNot: 'node_modules/(vitest|@vitest/[^/]+|fast-check)/' },
    },
    {
      name: 'graphql-package-imports-no-app',
      comment: 'packages/graphql is the schema and what is generated from it; it imports no app, tool or test.',
      severity: 'error',
      from: { path: '^packages/graphql/' },
      to: { path: '^(apps|tools|e2e)/' },
    },
    {
      name: 'platform-imports-no-feature',
      comment:
        'apps/api/src/platform is the plumbing under the features: it imports no feature folder and not app.ts. A feature exports what it contributes and app.ts assembles them.',
      severity: 'error',
      // Its tests may start the whole app through the harness in testing/ (they check the plumbing end to end).
      from: { path: '^apps/api/src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: '^apps/api/src/', pathNot: '^apps/api/src/(platform|migrations)/' },
    },
    {
      name: 'no-feature-imports-app',
      comment: 'app.ts assembles the features; a feature never imports it back (the test harness in testing/ starts the app, tests use the harness).',
      severity: 'error',
      from: { path: '^apps/api/src/[^/]+/', pathNot: '^apps/api/src/testing/' },
      to: { path: '^apps/api/src/app\\.ts$' },
    },
    {
      name: 'console-imports-only-the-shared-packages',
      comment:
        'apps/console talks to the API over GraphQL only: from the repository it imports @aftersale/graphql and @aftersale/domain, never the API, a tool or a test.',
      severity: 'error',
      from: { path: '^apps/console/' },
      to: { path: '^(apps|packages|tools|e2e)/', pathNot: '^(apps/console|packages/graphql|packages/domain)/' },
    },
    {
      name: 'apps-import-no-tool',
      comment: 'Tools use the apps, never the other way round.',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: '^tools/' },
    },
    {
      name: 'tools-use-the-api-through-its-package-exports',
      comment:
        'tools/* and e2e reach the API only as @aftersale/api/<export> (the exports in apps/api/package.json), never by a relative path into its sources.',
      severity: 'error',
      from: { path: '^(tools|e2e)/' },
      to: { path: '^apps/api/', dependencyTypes: ['local'] },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import that does not resolve (e.g. a subpath that @aftersale/api does not export) is an error, not a silent pass.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@aftersale/source', 'import', 'require', 'node', 'default'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
