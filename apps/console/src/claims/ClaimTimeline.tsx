import { ClaimAction, ShipmentDirection, type ClaimEventItemFragment, type PolicyClause } from '@aftersale/graphql';
import { Box, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { enumValue } from '../api/operation';
import { enumLabel } from '../fields/enum-label';
import { formatMoney } from '../fields/money';
import { fileSize } from '../fields/file-size';
import { formatLocalDate, formatDateTime } from '../fields/local-date';
import { ClaimStatusChip } from './ClaimStatusChip';
import { ClauseCodes } from './ClauseCodes';
import { directionLabel } from './ShipmentsPanel';

/** A claim's event log, oldest first, as a vertical timeline; amounts in the claim's currency. */
export const ClaimTimeline = ({ events, currency }: { events: readonly ClaimEventItemFragment[]; currency?: string }) => {
  if (events.length === 0) {
    return <Typography color="text.secondary">Nothing has happened to this claim yet.</Typography>;
  }
  return (
    <Stepper orientation="vertical" nonLinear activeStep={-1} data-testid="claim-timeline">
      {events.map((event) => (
        <Step key={event.id} completed expanded data-testid="claim-event" data-event-type={whatHappened(event)}>
          <StepLabel
            optional={
              <Typography variant="caption" color="text.secondary">
                {formatDateTime(event.at)} · {event.actor}
              </Typography>
            }
          >
            <EventTitle event={event} />
          </StepLabel>
          <StepContent>
            {event.note && <Typography variant="body2">{event.note}</Typography>}
            <EventData kind={whatHappened(event)} data={event.data} currency={currency} />
          </StepContent>
        </Step>
      ))}
    </Stepper>
  );
};

/** The event's kind: the workflow action (its type, or `data.action` for imported history), an invoice step, a file. */
function whatHappened(event: ClaimEventItemFragment): string {
  const action = event.data['action'];
  return event.type === 'TRANSITION' && typeof action === 'string' ? action : event.type;
}

/**
 * What the history calls each step once taken. Its own words: the dialog's
 * notification (claimActions[action].done) says some differently ("Unit
 * shipped" as the dialog closes, "Unit shipped back" in the history).
 */
const actionTitles: Record<ClaimAction, string> = {
  START_REMOTE_DIAGNOSIS: 'Remote diagnosis started',
  RESOLVE_REMOTELY: 'Resolved remotely',
  REQUEST_UNIT: 'Unit requested',
  RECEIVE_UNIT: 'Unit received',
  START_INSPECTION: 'Inspection started',
  RECORD_ASSESSMENT: 'Assessment recorded',
  RECORD_AGREEMENT: 'Maintenance agreement signed',
  DECLINE_AGREEMENT: 'Maintenance agreement declined',
  APPROVE_QUOTE: 'Quote approved',
  DECLINE_QUOTE: 'Quote declined',
  COMPLETE_REPAIR: 'Repair completed',
  REPLACE_UNIT: 'Unit replaced',
  SHIP: 'Unit shipped back',
  CLOSE: 'Claim closed',
  CANCEL: 'Claim cancelled',
};

/** The other kinds of event the API records (`ClaimEvent.type` is a plain string); any further kind shows as its words. */
type OtherEventKind = 'SUBMITTED' | 'INVOICE_ISSUED' | 'INVOICE_PAID' | 'INVOICE_VOID' | 'ATTACHMENT_ADDED';

const eventTitles: Record<OtherEventKind, string> = {
  SUBMITTED: 'Claim submitted',
  INVOICE_ISSUED: 'Invoice issued',
  INVOICE_PAID: 'Invoice paid',
  INVOICE_VOID: 'Invoice voided',
  ATTACHMENT_ADDED: 'File attached',
};

function titleOf(kind: string): string {
  const action = enumValue(kind, ClaimAction);
  return action ? actionTitles[action] : ((eventTitles as Partial<Record<string, string>>)[kind] ?? enumLabel(kind));
}

const EventTitle = ({ event }: { event: ClaimEventItemFragment }) => {
  const kind = whatHappened(event);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <span data-testid="claim-event-title">{titleOf(kind)}</span>
      {event.fromStatus && <ClaimStatusChip status={event.fromStatus} variant="outlined" />}
      {event.fromStatus && event.toStatus && <span aria-label="to">→</span>}
      {event.toStatus && <ClaimStatusChip status={event.toStatus} />}
    </Box>
  );
};

type Format = (value: unknown, currency: string | undefined) => ReactNode;

const plain: Format = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
const money: Format = (value, currency) => (typeof value === 'number' ? formatMoney(value, currency) : plain(value, currency));
const words: Format = (value) => (typeof value === 'string' ? enumLabel(value) : plain(value, undefined));
const day: Format = (value) => (typeof value === 'string' ? formatLocalDate(value) : plain(value, undefined));
const list =
  (each: (item: unknown) => string): Format =>
  (value) =>
    Array.isArray(value) ? value.map(each).join(', ') : plain(value, undefined);
const code: Format = (value) => (
  <Box component="span" sx={{ fontFamily: 'monospace' }}>
    {plain(value, undefined)}
  </Box>
);
const clauses: Format = (value) =>
  Array.isArray(value) ? <ClauseCodes codes={value.filter((c): c is PolicyClause => typeof c === 'string')} /> : plain(value, undefined);
const bytes: Format = (value) => (typeof value === 'number' ? fileSize(value) : plain(value, undefined));
/** "Shipped: to the service centre", in the words of the shipments panel. */
const direction: Format = (value) => {
  const shipped = enumValue(value, ShipmentDirection);
  if (!shipped) return plain(value, undefined);
  const label = directionLabel[shipped];
  return label.charAt(0).toLowerCase() + label.slice(1);
};
/** Imported history lists lines as `{ sku, covered, charge }`. */
const lines =
  (currency: string | undefined) =>
  (item: unknown): string => {
    if (typeof item !== 'object' || item === null) return String(item);
    const { sku, covered, charge } = item as { sku?: unknown; covered?: unknown; charge?: unknown };
    return `${String(sku)} ${covered ? 'covered' : typeof charge === 'number' ? formatMoney(charge, currency) : 'charged'}`;
  };

/** A key's label, which may depend on the kind of event (an invoice's total is not a material cost). */
type Label = string | ((kind: string) => string);

/** The keys events carry, in the order they read best, with their labels; ids and the action itself are left out. */
const shown: readonly (readonly [key: string, label: Label, format: Format])[] = [
  ['formType', 'Form', words],
  ['ciNumber', 'CI number', plain],
  ['decision', 'Decision', words],
  ['proposedDecision', 'Proposed', words],
  ['overrideReason', 'Override reason', plain],
  ['findings', 'Findings', list((item) => enumLabel(String(item)))],
  ['clauses', 'Clauses', clauses],
  ['parts', 'Faulty parts', list(String)],
  ['lines', 'Lines', (value, currency) => list(lines(currency))(value, currency)],
  ['total', (kind) => (kind.startsWith('INVOICE_') ? 'Total' : 'Material cost'), money],
  ['serviceCharge', 'Service charge', money],
  ['policyVersion', 'Policy version', plain],
  ['partsUsed', 'Parts used', list(String)],
  ['retained', 'Parts retained (H5)', list(String)],
  ['how', 'How', words],
  ['resolution', 'Resolution', plain],
  ['channel', 'Channel', plain],
  ['serviceCentre', 'Service centre', plain],
  ['direction', 'Shipped', direction],
  ['carrier', 'Carrier', plain],
  ['trackingNumber', 'Tracking number', code],
  ['shippedOn', 'Shipped on', day],
  ['cost', 'Shipping paid by the customer', money],
  ['signedBy', 'Signed by', plain],
  ['signedOn', 'Signed on', day],
  ['replacedImei', 'Replaced unit', code],
  ['imei', (kind) => (kind === 'REPLACE_UNIT' ? 'New unit' : 'IMEI'), code],
  ['lastCoveredDay', 'Covered until', day],
  ['number', 'Invoice', code],
  ['paidOn', 'Paid on', day],
  ['reason', 'Reason', plain],
  ['kind', 'Kind', words],
  ['filename', 'File', plain],
  ['size', 'Size', bytes],
];
const hidden = new Set(['note', 'action', 'invoice', 'attachment']);
const known = new Set(shown.map(([key]) => key));

/** What the event recorded, as labelled lines (the note is shown above, not here). */
const EventData = ({ kind, data, currency }: { kind: string; data: Record<string, unknown>; currency: string | undefined }) => {
  const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  const rows = [
    ...shown
      .filter(([key]) => present(data[key]))
      .map(([key, label, format]) => ({ key, label: typeof label === 'string' ? label : label(kind), value: format(data[key], currency) })),
    ...Object.entries(data)
      .filter(([key, value]) => !known.has(key) && !hidden.has(key) && present(value))
      .map(([key, value]) => ({ key, label: key, value: plain(value, currency) })),
  ];
  if (rows.length === 0) return null;
  return (
    <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 1.5, rowGap: 0.25, alignItems: 'center' }}>
      {rows.map(({ key, label, value }) => (
        <Box key={key} sx={{ display: 'contents' }} data-testid={`event-data-${key}`}>
          <Typography component="dt" variant="caption" color="text.secondary">
            {label}
          </Typography>
          <Typography component="dd" variant="caption" sx={{ m: 0, wordBreak: 'break-word' }}>
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};
