import type { ClaimEventItemFragment } from '@aftersale/graphql';
import { Box, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import { enumLabel } from '../fields/enum-label';
import { ClaimStatusChip } from './ClaimStatusChip';

/** A claim's event log, oldest first, as a vertical timeline. */
export const ClaimTimeline = ({ events }: { events: readonly ClaimEventItemFragment[] }) => {
  if (events.length === 0) {
    return <Typography color="text.secondary">Nothing has happened to this claim yet.</Typography>;
  }
  return (
    <Stepper orientation="vertical" nonLinear activeStep={-1} data-testid="claim-timeline">
      {events.map((event) => (
        <Step key={event.id} completed expanded data-testid="claim-event" data-event-type={event.type}>
          <StepLabel
            optional={
              <Typography variant="caption" color="text.secondary">
                {new Date(event.at).toLocaleString()} · {event.actor}
              </Typography>
            }
          >
            <EventTitle event={event} />
          </StepLabel>
          <StepContent>
            {event.note && <Typography variant="body2">{event.note}</Typography>}
            <EventData data={event.data} />
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
};

const EventTitle = ({ event }: { event: ClaimEventItemFragment }) => (
  <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
    <span>{enumLabel(event.type)}</span>
    {event.fromStatus && <ClaimStatusChip status={event.fromStatus} variant="outlined" />}
    {event.fromStatus && event.toStatus && <span aria-label="to">→</span>}
    {event.toStatus && <ClaimStatusChip status={event.toStatus} />}
  </Box>
);

/** What changed, as `key: value` lines (the note is shown above, not here). */
const EventData = ({ data }: { data: Record<string, unknown> }) => {
  const entries = Object.entries(data).filter(([key, value]) => key !== 'note' && value !== null && value !== undefined);
  if (entries.length === 0) return null;
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1.5, rowGap: 0.25 }}>
      {entries.map(([key, value]) => (
        <Box key={key} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {key}
          </Typography>
          <Typography component="dd" variant="caption" sx={{ m: 0, wordBreak: 'break-word' }}>
            {typeof value === 'object' ? JSON.stringify(value) : String(value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
