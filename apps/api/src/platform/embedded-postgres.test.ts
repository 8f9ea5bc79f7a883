import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './config.js';

/** Runs a snippet in a fresh Node that has loaded this module from source, as `npm run dev` does. */
function runWithModuleLoaded(snippet: string) {
  const script = `await import('./apps/api/src/platform/embedded-postgres.ts'); ${snippet}`;
  return spawnSync(process.execPath, ['--conditions=@aftersale/source', '--import', '@swc-node/register/esm-register', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('loading the embedded PostgreSQL wrapper', () => {
  it("keeps the process's own exit code (embedded-postgres's exit hook used to force 0)", () => {
    expect(runWithModuleLoaded('process.exitCode = 3;').status).toBe(3);
  });

  it('leaves SIGTERM to the application (the exit hook used to exit with 143 before the drain)', () => {
    const result = runWithModuleLoaded(
      `process.on('SIGTERM', () => setTimeout(() => { console.log('drained'); process.exit(0); }, 200)); process.kill(process.pid, 'SIGTERM'); setTimeout(() => {}, 5000);`,
    );
    expect(result.stdout).toContain('drained');
    expect(result.status).toBe(0);
  });
});
