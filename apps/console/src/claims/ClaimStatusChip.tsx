import type { ClaimStatus } from '@aftersale/graphql';
import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { useEnumLabel } from '../fields/enum-label';
import { claimStatusColour } from './claim-status';

/** A claim's status as a coloured chip; `data-status` holds the raw value for tests. */
export const ClaimStatusChip = ({ status, ...props }: { status: ClaimStatus } & Omit<ChipProps, 'color' | 'label'>) => {
  const enumLabel = useEnumLabel();
  return <Chip size="small" color={claimStatusColour[status]} label={enumLabel(status)} data-status={status} {...props} />;
};

/** The status of the claim in the record context (a list row or the claim page). */
export const ClaimStatusField = (props: Omit<ChipProps, 'color' | 'label'>) => {
  const record = useRecordContext<{ status: ClaimStatus }>();
  return record ? <ClaimStatusChip status={record.status} {...props} /> : null;
};
