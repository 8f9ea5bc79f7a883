import { ClaimAction, ShipmentDirection, type ClaimEventItemFragment, type PolicyClause } from '@aftersale/graphql';
import { Box, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { enumValue } from '../api/operation';
import { useTranslate, type TranslateFunction as Translate } from 'react-admin';
import { enumKey } from '../fields/enum-label';
import { formatMoney } from '../fields/money';
import { fileSize } from '../fields/file-size';
import { formatLocalDate, formatDateTime } from '../fields/local-date';
import { ClaimStatusChip } from './ClaimStatusChip';
import { ClauseCodes } from './ClauseCodes';
import { directionLabel } from './ShipmentsPanel';

/** A claim's event log, oldest first, as a vertical timeline; amounts in the claim's currency. */
export const ClaimTimeline = ({ events, currency }: { events: readonly ClaimEventItemFragment[]; currency?: string }) => {
  const translate = useTranslate();
  if (events.length === 0) {
    return <Typography color="text.secondary">{translate('app.claims.timeline.nothing_yet')}</Typography>;
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
 * The other kinds of event the API records (`ClaimEvent.type` is a plain
 * string); any further kind shows as its words. What the history calls each
 * step once taken is `app.claims.event.<ACTION or kind>`: its own words (the
 * dialog's notification says "Unit shipped", the history "Unit shipped back").
 */
const OTHER_EVENT_KINDS = new Set(['SUBMITTED', 'INVOICE_ISSUED', 'INVOICE_PAID', 'INVOICE_VOID', 'ATTACHMENT_ADDED']);

function titleOf(kind: string, translate: Translate): string {
  return enumValue(kind, ClaimAction) || OTHER_EVENT_KINDS.has(kind) ? translate(`app.claims.event.${kind}`) : translate(enumKey(kind), { _: kind });
}

const EventTitle = ({ event }: { event: ClaimEventItemFragment }) => {
  const translate = useTranslate();
  const kind = whatHappened(event);
  return (
    <Box component="span" sx={{ display: 'inline-flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <span data-testid="claim-event-title">{titleOf(kind, translate)}</span>
      {event.fromStatus && <ClaimStatusChip status={event.fromStatus} variant="outlined" />}
      {event.fromStatus && event.toStatus && <span aria-label={translate('app.claims.timeline.to')}>→</span>}
      {event.toStatus && <ClaimStatusChip status={event.toStatus} />}
    </Box>
  );
};

/** How a value reads: amounts in the claim's currency, words in the console's language. */
interface Context {
  currency: string | undefined;
  translate: Translate;
}
type Format = (value: unknown, context: Context) => ReactNode;

const plain = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));
const money: Format = (value, { currency }) => (typeof value === 'number' ? formatMoney(value, currency) : plain(value));
const words: Format = (value, { translate }) => (typeof value === 'string' ? translate(enumKey(value), { _: value }) : plain(value));
const day: Format = (value) => (typeof value === 'string' ? formatLocalDate(value) : plain(value));
const list =
  (each: (item: unknown, context: Context) => string): Format =>
  (value, context) =>
    Array.isArray(value) ? value.map((item) => each(item, context)).join(', ') : plain(value);
const code: Format = (value) => (
  <Box component="span" sx={{ fontFamily: 'monospace' }}>
    {plain(value)}
  </Box>
);
const clauses: Format = (value) =>
  Array.isArray(value) ? <ClauseCodes codes={value.filter((c): c is PolicyClause => typeof c === 'string')} /> : plain(value);
const bytes: Format = (value) => (typeof value === 'number' ? fileSize(value) : plain(value));
/** "Shipped: to the service centre", in the words of the shipments panel. */
const direction: Format = (value, { translate }) => {
  const shipped = enumValue(value, ShipmentDirection);
  if (!shipped) return plain(value);
  const label = translate(directionLabel[shipped]);
  return label.charAt(0).toLowerCase() + label.slice(1);
};
/** Imported history lists lines as `{ sku, covered, charge }`. */
const lines = (item: unknown, { currency, translate }: Context): string => {
  if (typeof item !== 'object' || item === null) return String(item);
  const { sku, covered, charge } = item as { sku?: unknown; covered?: unknown; charge?: unknown };
  return `${String(sku)} ${covered ? translate('app.claims.timeline.covered') : typeof charge === 'number' ? formatMoney(charge, currency) : translate('app.claims.timeline.charged')}`;
};

/** A key's label (a catalogue key), which may depend on the kind of event (an invoice's total is not a material cost). */
type Label = string | ((kind: string) => string);

/** The keys events carry, in the order they read best, with their labels; ids and the action itself are left out. */
const shown: readonly (readonly [key: string, label: Label, format: Format])[] = [
  ['formType', 'app.claims.timeline.formType', words],
  ['ciNumber', 'app.claims.timeline.ciNumber', plain],
  ['decision', 'app.claims.timeline.decision', words],
  ['proposedDecision', 'app.claims.timeline.proposedDecision', words],
  ['overrideReason', 'app.claims.timeline.overrideReason', plain],
  ['findings', 'app.claims.timeline.findings', list((item, { translate }) => translate(enumKey(String(item)), { _: String(item) }))],
  ['clauses', 'app.claims.timeline.clauses', clauses],
  ['parts', 'app.claims.timeline.parts', list(String)],
  ['lines', 'app.claims.timeline.lines', list(lines)],
  ['total', (kind) => (kind.startsWith('INVOICE_') ? 'app.claims.timeline.invoice_total' : 'app.claims.timeline.total'), money],
  ['serviceCharge', 'app.claims.timeline.serviceCharge', money],
  ['policyVersion', 'app.claims.timeline.policyVersion', plain],
  ['partsUsed', 'app.claims.timeline.partsUsed', list(String)],
  ['retained', 'app.claims.timeline.retained', list(String)],
  ['how', 'app.claims.timeline.how', words],
  ['resolution', 'app.claims.timeline.resolution', plain],
  ['channel', 'app.claims.timeline.channel', plain],
  ['serviceCentre', 'app.claims.timeline.serviceCentre', plain],
  ['direction', 'app.claims.timeline.direction', direction],
  ['carrier', 'app.claims.timeline.carrier', plain],
  ['trackingNumber', 'app.claims.timeline.trackingNumber', code],
  ['shippedOn', 'app.claims.timeline.shippedOn', day],
  ['cost', 'app.claims.timeline.cost', money],
  ['signedBy', 'app.claims.timeline.signedBy', plain],
  ['signedOn', 'app.claims.timeline.signedOn', day],
  ['replacedImei', 'app.claims.timeline.replacedImei', code],
  ['imei', (kind) => (kind === 'REPLACE_UNIT' ? 'app.claims.timeline.new_unit' : 'app.claims.timeline.imei'), code],
  ['lastCoveredDay', 'app.claims.timeline.lastCoveredDay', day],
  ['number', 'app.claims.timeline.number', code],
  ['paidOn', 'app.claims.timeline.paidOn', day],
  ['reason', 'app.claims.timeline.reason', plain],
  ['kind', 'app.claims.timeline.kind', words],
  ['filename', 'app.claims.timeline.filename', plain],
  ['size', 'app.claims.timeline.size', bytes],
];
const hidden = new Set(['note', 'action', 'invoice', 'attachment']);
const known = new Set(shown.map(([key]) => key));

/** What the event recorded, as labelled lines (the note is shown above, not here). */
const EventData = ({ kind, data, currency }: { kind: string; data: Record<string, unknown>; currency: string | undefined }) => {
  const translate = useTranslate();
  const context: Context = { currency, translate };
  const present = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);
  const rows = [
    ...shown
      .filter(([key]) => present(data[key]))
      .map(([key, label, format]) => ({ key, label: translate(typeof label === 'string' ? label : label(kind)), value: format(data[key], context) })),
    ...Object.entries(data)
      .filter(([key, value]) => !known.has(key) && !hidden.has(key) && present(value))
      .map(([key, value]) => ({ key, label: key, value: plain(value) })),
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
