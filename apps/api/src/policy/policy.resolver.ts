import { CLAUSES, FINDING_INFO, FINDINGS, POLICY_CLAUSES, POLICY_REGISTRY, STAFF_ROLES, policyInForce } from '@aftersale/domain';
import { Authorized, Query, Resolver } from 'type-graphql';
import type { Clock } from '../platform/clock.js';
import { PolicyClauseInfoType, PolicyFindingInfoType, WarrantyPolicyType } from './policy.types.js';

/** The policy as the domain states it: read-only, for the console and integrators. */
@Resolver()
export class PolicyResolver {
  constructor(private readonly clock: Clock) {}

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => [PolicyClauseInfoType], { description: 'Every clause of POLICY.md §5, in the order of the policy text.' })
  policyClauses(): PolicyClauseInfoType[] {
    return POLICY_CLAUSES.map((code) => CLAUSES[code]);
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => [PolicyFindingInfoType], { description: 'Every finding an inspection can record, with the clause it brings in (§5, R4).' })
  policyFindings(): PolicyFindingInfoType[] {
    return FINDINGS.map((code) => FINDING_INFO[code]);
  }

  @Authorized(...STAFF_ROLES, 'INTEGRATOR')
  @Query(() => WarrantyPolicyType, { description: 'The policy version in force today.' })
  warrantyPolicy(): WarrantyPolicyType {
    return policyInForce(this.clock.today());
  }

  @Authorized(...STAFF_ROLES)
  @Query(() => [WarrantyPolicyType], { description: 'Every released policy version, oldest first.' })
  warrantyPolicies(): WarrantyPolicyType[] {
    return [...POLICY_REGISTRY];
  }
}
