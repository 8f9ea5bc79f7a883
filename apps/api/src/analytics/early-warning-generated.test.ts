import { generateLargeDataSet } from '@aftersale/demo-data';
import { afterAll, describe, expect, it } from 'vitest';
import { fixedClock, startTestApp, type TestApp } from '../testing/test-app.js';

/**
 * The early warning on the generator's realistic data (life distributions per
 * model and part, four years of orders): it finds the planted bad batch, and
 * a set made without one raises no flag.
 */
const TODAY = '2026-11-25';
const apps: TestApp[] = [];
afterAll(() => Promise.all(apps.map((t) => t.close())));

interface Answer {
  earlyWarnings: { cohortsTested: number; flags: { modelId: string; receiptMonth: string; ratio: number }[] };
  productModels: { items: { id: string; code: string }[] };
}

async function flagsOn(defects: boolean, seed: number) {
  const t = await startTestApp({ clock: fixedClock(TODAY) });
  apps.push(t);
  const report = await generateLargeDataSet(t.db.url, { claims: 20_000, seed, today: TODAY, defects });
  const res = await t.gql<Answer>(
    '{ earlyWarnings { cohortsTested flags { modelId receiptMonth ratio } } productModels(limit: 100) { items { id code } } }',
    {},
    await t.login(),
  );
  expect(res.errors).toBeUndefined();
  const codes = new Map<string, string>(res.data!.productModels.items.map((m) => [m.id, m.code]));
  return {
    planted: report.defects.map((d) => `${d.modelCode} ${d.receivedMonth}`),
    tested: res.data!.earlyWarnings.cohortsTested,
    flagged: res.data!.earlyWarnings.flags.map((f) => `${codes.get(f.modelId)} ${f.receiptMonth}`),
  };
}

describe('early warning on generated data', () => {
  it.each([1, 2])('flags exactly the planted bad batch (seed %d)', { timeout: 300_000 }, async (seed) => {
    const { planted, flagged, tested } = await flagsOn(true, seed);
    expect(planted).toHaveLength(1);
    expect(tested).toBeGreaterThan(50);
    expect(flagged).toEqual(planted);
  });

  it('raises no flag on a set made without defects', { timeout: 300_000 }, async () => {
    const { planted, flagged, tested } = await flagsOn(false, 1);
    expect(planted).toEqual([]);
    expect(tested).toBeGreaterThan(50);
    expect(flagged).toEqual([]);
  });
});
