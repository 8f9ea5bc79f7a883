import { addMonths } from '@aftersale/domain';
import { describe, expect, it } from 'vitest';
import { planClaims } from './claims.js';
import { MODELS } from './catalogue.js';
import { plantedDefects } from './life.js';
import { buildWorld } from './world.js';

const TODAY = '2026-11-25';
const monthsBetween = (from: string, to: string) =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));

/** Claims by model, receipt month and months in service, and units by model and receipt month, of a four-year world. */
function fleet(defects: boolean) {
  const world = buildWorld({ today: TODAY, passwordHash: 'hash', devices: 100_000, customers: 8, historyDays: 1461, defects });
  const claims = planClaims(world, 25_000);
  const units = new Map<string, number>();
  for (const order of world.received) {
    const key = `${order.model.code}|${order.row.received_on?.slice(0, 7)}`;
    units.set(key, (units.get(key) ?? 0) + order.devices);
  }
  const cells = new Map<string, number>();
  const byPart = new Map<string, number[]>();
  for (let i = 0; i < claims.count; i += 1) {
    const { claim, unit, story } = claims.life(i);
    const age = monthsBetween(unit.received_on!, claim.submitted_on);
    const key = `${MODELS[claim.model_id - 1]?.code}|${unit.received_on?.slice(0, 7)}|${age}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
    const category = story.assessment?.parts[0]?.category;
    if (category) {
      const ages = byPart.get(category) ?? Array.from({ length: 60 }, () => 0);
      ages[age] = (ages[age] ?? 0) + 1;
      byPart.set(category, ages);
    }
  }
  return { world, units, cells, byPart };
}

/** P(X ≥ k) for X ~ Poisson(λ). */
function poissonUpperTail(k: number, lambda: number): number {
  let logPmf = -lambda;
  for (let j = 1; j <= k; j += 1) logPmf += Math.log(lambda) - Math.log(j);
  let tail = 0;
  for (let j = k; j < k + 10_000; j += 1) {
    const pmf = Math.exp(logPmf);
    tail += pmf;
    if (pmf < tail * 1e-12) break;
    logPmf += Math.log(lambda) - Math.log(j + 1);
  }
  return tail;
}

/**
 * Cohorts (model, receipt month) whose claims over their first `ages` months in service are above what the
 * model's other cohorts predict for units of those ages, by a Poisson upper tail below `alpha`.
 */
function flaggedCohorts({ units, cells }: ReturnType<typeof fleet>, ages = 3, alpha = 1e-6): string[] {
  const current = TODAY.slice(0, 7);
  const cohorts = [...units.keys()].filter((key) => monthsBetween(key.split('|')[1]!, current) > ages && (units.get(key) ?? 0) >= 200);
  const flagged: string[] = [];
  for (const cohort of cohorts) {
    const [model] = cohort.split('|');
    const peers = cohorts.filter((other) => other !== cohort && other.startsWith(`${model}|`));
    let observed = 0;
    let expected = 0;
    for (let age = 0; age < ages; age += 1) {
      const peerClaims = peers.reduce((sum, peer) => sum + (cells.get(`${peer}|${age}`) ?? 0), 0);
      const peerUnits = peers.reduce((sum, peer) => sum + (units.get(peer) ?? 0), 0);
      observed += cells.get(`${cohort}|${age}`) ?? 0;
      expected += ((units.get(cohort) ?? 0) * peerClaims) / peerUnits;
    }
    if (poissonUpperTail(observed, expected) < alpha) flagged.push(cohort);
  }
  return flagged;
}

describe('life of the units', () => {
  const planted = fleet(true);
  const clean = fleet(false);

  it('plants one bad batch per seed: a model on sale, a month 4 to 15 months back, 3 to 5 times the claims, on a part it has', () => {
    expect(plantedDefects(1, TODAY)).toEqual(plantedDefects(1, TODAY));
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) {
      const [defect, ...more] = plantedDefects(seed, TODAY);
      expect(more).toEqual([]);
      const model = MODELS.find((m) => m.code === defect?.modelCode);
      expect(model?.parts.some((p) => p.category === defect?.category)).toBe(true);
      expect(defect?.factor).toBeGreaterThanOrEqual(3);
      expect(defect?.factor).toBeLessThanOrEqual(5);
      const month = defect?.receivedMonth ?? '';
      expect(month >= addMonths(TODAY, -15).slice(0, 7) && month <= addMonths(TODAY, -4).slice(0, 7)).toBe(true);
      seen.add(`${defect?.modelCode} ${defect?.receivedMonth}`);
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(planted.world.defects).toEqual(plantedDefects(1, TODAY));
    expect(clean.world.defects).toEqual([]);
  });

  it('fails young for boards and panels (a decreasing hazard) and late for batteries and housings (wear-out)', () => {
    const within = (category: string, from: number, to: number) => (planted.byPart.get(category) ?? []).slice(from, to + 1).reduce((a, b) => a + b, 0);
    for (const early of ['MAINBOARD', 'LCD', 'TOUCH_PANEL']) expect(within(early, 0, 2), early).toBeGreaterThan(1.5 * within(early, 9, 11));
    for (const worn of ['BATTERY', 'HOUSING']) expect(within(worn, 9, 11), worn).toBeGreaterThan(2 * within(worn, 0, 2));
    // Past the warranty the battery keeps wearing out: more claims in its third year than in its second.
    expect(within('BATTERY', 24, 35)).toBeGreaterThan(within('BATTERY', 12, 23));
  });

  it('lets a Poisson upper-tail test by model, receipt month and months in service find the planted batch and nothing else', () => {
    const [defect] = planted.world.defects;
    expect(flaggedCohorts(planted)).toEqual([`${defect?.modelCode}|${defect?.receivedMonth}`]);
    expect(flaggedCohorts(clean)).toEqual([]);
  });
});
