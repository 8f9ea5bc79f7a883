import { ClaimPolicyReferenceDocument, type ClaimPolicyReferenceQuery, type PolicyClause } from '@aftersale/graphql';
import { useMemo } from 'react';
import { useApiQuery } from '../api/request';

type ClauseInfo = ClaimPolicyReferenceQuery['policyClauses'][number];

const forever = { staleTime: Infinity, gcTime: Infinity } as const;

/**
 * The clause texts of POLICY.md §5 by code, and the findings an inspection can
 * record with the clause each brings in (R4), as the API states them; read
 * once per visit. (Amounts on a claim are in `claim.currency`.)
 */
export function usePolicyReference() {
  const { data } = useApiQuery(ClaimPolicyReferenceDocument, {}, forever);
  return useMemo(() => {
    const clauses = new Map<PolicyClause, ClauseInfo>((data?.policyClauses ?? []).map((clause) => [clause.code, clause]));
    return { clauses, findings: data?.policyFindings ?? [], loaded: data !== undefined };
  }, [data]);
}
