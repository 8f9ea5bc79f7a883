/**
 * `npm run bench -- <name>`: runs one benchmark, each its own file in this
 * folder. A new benchmark is a new file and one line here.
 */
const benches: Record<string, () => Promise<unknown>> = {
  import: () => import('./import.js'),
  read: () => import('./read.js'),
  analytics: () => import('./analytics.js'),
  events: () => import('./events.js'),
  load: () => import('./load.js'),
  console: () => import('./console.js'),
};

const name = process.argv[2];
const run = name ? benches[name] : undefined;
if (!run) {
  console.error(`Usage: npm run bench -- <${Object.keys(benches).join(' | ')}>`);
  process.exit(2);
}
await run();
