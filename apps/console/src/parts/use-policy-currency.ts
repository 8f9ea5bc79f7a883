import { PolicyCurrencyDocument } from '@aftersale/graphql';
import { useApiQuery } from '../api/request';

/** The currency the API counts a new part's cost in: the policy in force's (CONTRACT.md §1). */
export function usePolicyCurrency(): string | undefined {
  const { data } = useApiQuery(PolicyCurrencyDocument, {}, { staleTime: 5 * 60_000 });
  return data?.warrantyPolicy.currency;
}
