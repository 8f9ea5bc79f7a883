import { CLAUSES, POLICY_CLAUSES, POLICY_REGISTRY, STAFF_ROLES, policyInForce } from '@aftersale/domain';
import { Authorized, Query, Resolver } from 'type-graphql';
import type { Clock } from '../platform/clock.js';
import { PolicyClauseInfoType, WarrantyPolicyType } from './policy.types.js';

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
