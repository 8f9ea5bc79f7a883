import type { ClaimStatus } from '@aftersale/graphql';
import { Chip, Stack } from '@mui/material';
import { useListContext } from 'react-admin';
import { claimStatusChoices, claimStatusColour } from './claim-status';

/**
 * Quick filters above the claims table: one toggle chip per status (several
 * may be on at once), feeding ClaimFilter.status. Each chip has
 * `data-testid="status-filter-<STATUS>"` and `aria-pressed`.
 */
export const ClaimStatusFilter = () => {
  const { filterValues, setFilters, displayedFilters } = useListContext();
  const selected: ClaimStatus[] = Array.isArray(filterValues['status']) ? filterValues['status'] : [];

  const select = (statuses: ClaimStatus[]) => {
    const { status: _previous, ...others } = filterValues;
    setFilters(statuses.length > 0 ? { ...others, status: statuses } : others, displayedFilters, false);
  };
  const toggle = (status: ClaimStatus) =>
    select(selected.includes(status) ? selected.filter((s) => s !== status) : [...selected, status]);

  return (
    <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} role="group" aria-label="Filter by status" sx={{ px: 2, py: 1.5 }}>
      {claimStatusChoices.map(({ id, name }) => {
        const on = selected.includes(id);
        return (
          <Chip
            key={id}
            label={name}
            size="small"
            clickable
            color={on ? claimStatusColour[id] : 'default'}
            variant={on ? 'filled' : 'outlined'}
            onClick={() => toggle(id)}
            aria-pressed={on}
            data-testid={`status-filter-${id}`}
          />
        );
      })}
      {selected.length > 0 && (
        <Chip label="All statuses" size="small" clickable onClick={() => select([])} data-testid="status-filter-clear" />
      )}
    </Stack>
  );
};
