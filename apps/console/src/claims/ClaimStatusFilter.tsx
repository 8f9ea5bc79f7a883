import { ClaimStatusCountsDocument, type ClaimStatus } from '@aftersale/graphql';
import { Chip, Stack } from '@mui/material';
import { useListContext, useTranslate } from 'react-admin';
import { useApiQuery } from '../api/request';
import { claimFilter } from './claim-operations';
import { claimStatusChoices, claimStatusColour } from './claim-status';

/**
 * Quick filters above the claims table: one toggle chip per status (several
 * may be on at once), feeding ClaimFilter.status, each with the number of
 * claims in that status under the other filters (the work queue's counts).
 * Each chip has `data-testid="status-filter-<STATUS>"`, `data-count` and
 * `aria-pressed`.
 */
export const ClaimStatusFilter = () => {
  const list = useListContext();
  const translate = useTranslate();
  // react-admin types the filter values as `any`.
  const filterValues = list.filterValues as Record<string, unknown>;
  const selected = Array.isArray(filterValues['status']) ? (filterValues['status'] as ClaimStatus[]) : [];
  const { status: _status, ...otherFilters } = filterValues;
  const { data } = useApiQuery(ClaimStatusCountsDocument, { filter: claimFilter(otherFilters) }, { placeholderData: (previous) => previous });
  const countOf = new Map((data?.claimStatusCounts ?? []).map(({ status, count }) => [status, count]));

  const select = (statuses: ClaimStatus[]) => {
    const { status: _previous, ...others } = filterValues;
    list.setFilters(statuses.length > 0 ? { ...others, status: statuses } : others, list.displayedFilters, false);
  };
  const toggle = (status: ClaimStatus) => select(selected.includes(status) ? selected.filter((s) => s !== status) : [...selected, status]);

  return (
    <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} role="group" aria-label={translate('app.claims.filter_by_status')} sx={{ px: 2, py: 1.5 }}>
      {claimStatusChoices.map(({ id, name }) => {
        const on = selected.includes(id);
        const count = data ? (countOf.get(id) ?? 0) : undefined;
        return (
          <Chip
            key={id}
            label={count === undefined ? translate(name) : `${translate(name)} · ${count}`}
            size="small"
            clickable
            color={on ? claimStatusColour[id] : 'default'}
            variant={on ? 'filled' : 'outlined'}
            onClick={() => toggle(id)}
            aria-pressed={on}
            data-testid={`status-filter-${id}`}
            data-count={count}
            sx={count === 0 && !on ? { opacity: 0.6 } : undefined}
          />
        );
      })}
      {selected.length > 0 && (
        <Chip label={translate('app.claims.all_statuses')} size="small" clickable onClick={() => select([])} data-testid="status-filter-clear" />
      )}
    </Stack>
  );
};
