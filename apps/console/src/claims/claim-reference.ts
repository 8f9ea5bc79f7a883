import {
  ClaimPolicyReferenceDocument,
  ClaimServiceCentresDocument,
  type ClaimDetailFragment,
  type ClaimPolicyReferenceQuery,
  type PolicyClause,
} from '@aftersale/graphql';
import { useMemo } from 'react';
import { useApiQuery } from '../api/request';

export type ClauseInfo = ClaimPolicyReferenceQuery['policyClauses'][number];

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

/** The clause texts of POLICY.md §5 by code, and each policy version's currency; read once per visit. */
export function usePolicyReference() {
  const { data } = useApiQuery(ClaimPolicyReferenceDocument, {}, forever);
  return useMemo(() => {
    const clauses = new Map<PolicyClause, ClauseInfo>((data?.policyClauses ?? []).map((clause) => [clause.code, clause]));
    const currencies = new Map((data?.warrantyPolicies ?? []).map((policy) => [policy.version, policy.currency]));
    const latest = data?.warrantyPolicies.at(-1)?.currency;
    return { clauses, currencies, latestCurrency: latest, loaded: data !== undefined };
  }, [data]);
}

/**
 * The currency the claim's money is counted in: its invoice's, else that of
 * the policy version it was assessed under (R5), else the policy in force.
 */
export function useClaimCurrency(claim: ClaimDetailFragment): string | undefined {
  const { currencies, latestCurrency } = usePolicyReference();
  return (
    claim.invoices[0]?.currency ??
    (claim.assessment ? currencies.get(claim.assessment.policyVersion) : undefined) ??
    claim.lines[0]?.part.currency ??
    latestCurrency
  );
}

/** Every service centre, as choices for a select. */
export function useServiceCentreChoices() {
  const { data, isPending } = useApiQuery(ClaimServiceCentresDocument, {}, { staleTime: 5 * 60_000 });
  const choices = useMemo(
    () => (data?.serviceCentres.items ?? []).map((centre) => ({ id: centre.id, name: `${centre.name} (${centre.code}, ${centre.city})` })),
    [data],
  );
  return { choices, isPending };
}
