import { ClaimServiceCentresDocument } from '@aftersale/graphql';
import { useMemo } from 'react';
import { useApiQuery } from '../api/request';

/** Every service centre, as choices for a select. */
export function useServiceCentreChoices() {
  const { data, isPending } = useApiQuery(ClaimServiceCentresDocument, {}, { staleTime: 5 * 60_000 });
  const choices = useMemo(
    () => (data?.serviceCentres.items ?? []).map((centre) => ({ id: centre.id, name: `${centre.name} (${centre.code}, ${centre.city})` })),
    [data],
  );
  return { choices, isPending };
}
