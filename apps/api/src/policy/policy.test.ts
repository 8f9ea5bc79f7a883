import { CLAUSES, DEFAULT_POLICY, FINDING_INFO } from '@aftersale/domain';
import { TestPolicyClausesDocument, TestPolicyFindingsDocument, TestPolicyWarrantyPolicyDocument } from '@aftersale/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t?.close());

describe('the policy through the API', () => {
  it('lists every clause with its code, letter and text, as the domain states them', async () => {
    const res = await t.gql(TestPolicyClausesDocument, {}, await t.login());
    expect(res.data!.policyClauses).toEqual(Object.values(CLAUSES).map((c) => ({ ...c })));
    expect(res.data!.policyClauses.map((c) => c.letter)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'Others A', 'Others B']);
  });

  it('lists every finding with the clause it brings in (R4: water damage is B and needs the agreement)', async () => {
    const res = await t.gql(TestPolicyFindingsDocument, {}, await t.login());
    expect(res.data!.policyFindings).toEqual(Object.values(FINDING_INFO).map((f) => ({ ...f })));
    expect(res.data!.policyFindings.find((f) => f.code === 'WATER_DAMAGE')).toMatchObject({
      clause: 'HUMAN_DAMAGE',
      agreementRequired: true,
    });
  });

  it('tells the parameters of the version in force and records it in the database', async () => {
    const res = await t.gql(TestPolicyWarrantyPolicyDocument, {}, await t.login());
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
