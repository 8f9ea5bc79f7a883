// Cycles between the API's feature folders, on the application code only:
// integration tests and the test harness (src/testing) legitimately reach
// across features to build their world, so they are left out here.
// Run by `npm run boundaries` after .dependency-cruiser.cjs.
const { options } = require('./.dependency-cruiser.cjs');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle-between-features',
      comment:
        'Feature folders of the API depend on each other in one direction only (e.g. the claim workflow calls invoices, invoices never call back into claims).',
      severity: 'error',
      scope: 'folder',
      from: { path: '^apps/api/src/[^/]+$' },
      to: { path: '^apps/api/src/[^/]+$', circular: true },
    },
  ],
  options: {
    ...options,
    exclude: { path: ['(^|/)(dist|coverage)/', '\\.test\\.ts$', '^apps/api/src/testing/'] },
  },
};
