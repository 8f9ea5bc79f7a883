import { FormType, TestE2eClaimsDocument, TestE2eClaimsTotalDocument, TestE2eSubmitClaimDocument } from '@aftersale/graphql';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGINS } from './support/logins.js';
import { graphql, startServer, token } from './support/server.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'aftersale-e2e-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

const postgresRunningOn = (dir: string) => {
  const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  return ps.split('\n').some((line) => line.includes('postgres') && line.includes(dir));
};

const signIn = (url: string) => token(url, LOGINS.admin.email, LOGINS.admin.password);

describe('npm start on the embedded PostgreSQL', () => {
  it('keeps the data between runs (no second seed) and leaves no database running after SIGTERM', async () => {
    const first = await startServer({ embedded: dataDir });
    const token = await signIn(first.url);
    const before = await graphql(first.url, TestE2eClaimsDocument, { limit: 1 }, token);
    const total = before.data!.claims.total;
    expect(total).toBeGreaterThan(100);
    const imei = before.data!.claims.items[0]!.device.imei;
    const submitted = await graphql(
      first.url,
      TestE2eSubmitClaimDocument,
      { input: { imei, formType: FormType.REPAIR, ciNumber: 'CI-E2E', symptoms: 'No power', dataBackupAcknowledged: true } },
      token,
    );
    expect(submitted.errors).toBeUndefined();
    expect(await first.stop()).toBe(0);
    expect(postgresRunningOn(dataDir)).toBe(false);

    const second = await startServer({ embedded: dataDir });
    try {
      const again = await graphql(second.url, TestE2eClaimsTotalDocument, {}, await signIn(second.url));
      expect(again.data!.claims.total).toBe(total + 1);
    } finally {
      expect(await second.stop()).toBe(0);
    }
    expect(postgresRunningOn(dataDir)).toBe(false);
  });
});
