import type { ClaimStatus } from '@aftersale/graphql';
import type { ChipProps } from '@mui/material';
import { enumKey } from '../fields/enum-label';

/**
 * The colour of each status, listed in lifecycle order (the order of
 * CLAIM_STATUSES in packages/domain), which is the order the status filter
 * shows them in: waiting on someone outside (warning), in the service
 * centre's hands (primary/secondary), ended well (success), ended without a
 * repair (error), or over (default). A status added to the schema fails the
 * type check here until it gets a place.
 */
export const claimStatusColour: Record<ClaimStatus, NonNullable<ChipProps['color']>> = {
  SUBMITTED: 'info',
  REMOTE_DIAGNOSIS: 'info',
  RESOLVED_REMOTELY: 'success',
  AWAITING_UNIT: 'warning',
  RECEIVED: 'primary',
  INSPECTION: 'primary',
  AWAITING_AGREEMENT: 'warning',
  AWAITING_APPROVAL: 'warning',
  IN_REPAIR: 'secondary',
  READY_TO_SHIP: 'secondary',
  SHIPPED: 'success',
  CLOSED: 'default',
  CANCELLED: 'default',
  RETURNED_UNREPAIRED: 'error',
};

/** Every status as a choice (its name a catalogue key), in lifecycle order (the generated enum is alphabetical). */
export const claimStatusChoices = (Object.keys(claimStatusColour) as ClaimStatus[]).map((status) => ({
  id: status,
  name: enumKey(status),
}));
