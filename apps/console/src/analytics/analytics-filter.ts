import { FormType, type AnalyticsFilter } from '@aftersale/graphql';
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate } from 'react-admin';

/**
 * The analytics filter lives in the URL (`?modelIds=1,2&customerId=3&formType=REPAIR&claimFrom=2026-01…`),
 * so a link reproduces the view. Names are the API's AnalyticsFilter fields, and
 * the same query string downloads the Nevada chart as CSV.
 */
const MONTH_KEYS = ['receiptFrom', 'receiptTo', 'claimFrom', 'claimTo'] as const;

export function filterFromSearch(search: string): AnalyticsFilter {
  const params = new URLSearchParams(search);
  const filter: AnalyticsFilter = {};
  const modelIds = params.get('modelIds');
  if (modelIds) filter.modelIds = modelIds.split(',').filter(Boolean);
  const customerId = params.get('customerId');
  if (customerId) filter.customerId = customerId;
  const formType = params.get('formType');
  if (formType === FormType.REPAIR || formType === FormType.REPLACEMENT) filter.formType = formType;
  for (const key of MONTH_KEYS) {
    const value = params.get(key);
    if (value && /^\d{4}-\d{2}$/.test(value)) filter[key] = value;
  }
  return filter;
}

export function searchOfFilter(filter: AnalyticsFilter): string {
  const params = new URLSearchParams();
  if (filter.modelIds && filter.modelIds.length > 0) params.set('modelIds', filter.modelIds.join(','));
  if (filter.customerId) params.set('customerId', String(filter.customerId));
  if (filter.formType) params.set('formType', filter.formType);
  for (const key of MONTH_KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The filter of the current URL, and a setter that writes it back (a new history entry, so Back undoes a change). */
export function useAnalyticsFilter(): [AnalyticsFilter, (next: AnalyticsFilter) => void] {
  const location = useLocation();
  const navigate = useNavigate();
  const filter = useMemo(() => filterFromSearch(location.search), [location.search]);
  const setFilter = useCallback(
    (next: AnalyticsFilter) => {
      const search = searchOfFilter(next);
      navigate({ pathname: location.pathname, search: search ? `?${search}` : '' });
    },
    [navigate, location.pathname],
  );
  return [filter, setFilter];
}
