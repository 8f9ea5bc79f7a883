import { CLAUSES, DEFAULT_POLICY, FINDING_INFO } from '@aftersale/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the policy through the API', () => {
  it('lists every clause with its code, letter and text, as the domain states them', async () => {
    const res = await t.gql('{ policyClauses { code letter text effect } }', {}, await t.login());
    expect(res.data!.policyClauses).toEqual(Object.values(CLAUSES).map((c) => ({ ...c })));
    expect(res.data!.policyClauses.map((c: { letter: string }) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'Others A', 'Others B']);
  });

  it('lists every finding with the clause it brings in (R4: water damage is B and needs the agreement)', async () => {
    const res = await t.gql('{ policyFindings { code clause agreementRequired reading } }', {}, await t.login());
    expect(res.data!.policyFindings).toEqual(Object.values(FINDING_INFO).map((f) => ({ ...f })));
    expect(res.data!.policyFindings.find((f: { code: string }) => f.code === 'WATER_DAMAGE')).toMatchObject({
      clause: 'HUMAN_DAMAGE',
      agreementRequired: true,
    });
  });

  it('tells the parameters of the version in force and records it in the database', async () => {
    const res = await t.gql('{ warrantyPolicy { version warrantyMonths spareAllowanceRate spareAllowanceMaxOrderQty currency } }', {}, await t.login());
    expect(res.data!.warrantyPolicy).toEqual({
      version: DEFAULT_POLICY.version,
      warrantyMonths: DEFAULT_POLICY.warrantyMonths,
      spareAllowanceRate: DEFAULT_POLICY.spareAllowanceRate,
      spareAllowanceMaxOrderQty: DEFAULT_POLICY.spareAllowanceMaxOrderQty,
      currency: DEFAULT_POLICY.currency,
    });
    const [row] = await t.app.orm.em.getConnection().execute<{ version: string }[]>('select version from policy_version');
    expect(row?.version).toBe(DEFAULT_POLICY.version);
  });
});
