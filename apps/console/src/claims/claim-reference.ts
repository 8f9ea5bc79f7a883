import { ClaimPolicyReferenceDocument, ClaimServiceCentresDocument, type ClaimPolicyReferenceQuery, type PolicyClause } from '@aftersale/graphql';
import { useMemo } from 'react';
import { useApiQuery } from '../api/request';

export type ClauseInfo = ClaimPolicyReferenceQuery['policyClauses'][number];

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

/** The clause texts of POLICY.md §5 by code; read once per visit. (Amounts on a claim are in `claim.currency`.) */
export function usePolicyReference() {
  const { data } = useApiQuery(ClaimPolicyReferenceDocument, {}, forever);
  return useMemo(() => {
    const clauses = new Map<PolicyClause, ClauseInfo>((data?.policyClauses ?? []).map((clause) => [clause.code, clause]));
    return { clauses, loaded: data !== undefined };
  }, [data]);
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
