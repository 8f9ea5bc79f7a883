import {
  IssueClaimInvoiceDocument,
  PayClaimInvoiceDocument,
  VoidClaimInvoiceDocument,
  type ClaimInvoiceFragment,
  type InvoiceAction,
} from '@aftersale/graphql';
import DownloadIcon from '@mui/icons-material/Download';
import { Button, Stack, Table, TableBody, TableCell, TableFooter, TableHead, TableRow, Typography, type ButtonProps } from '@mui/material';
import { useState, type ComponentType } from 'react';
import { DateInput, TextInput, maxLength, required, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { InvoiceStatusChip } from '../invoices/InvoiceStatusChip';
import { downloadFile } from '../api/files';
import { trimmedInput, type FormData } from '../api/operation';
import { request } from '../api/request';
import { formatLocalDate, today } from '../fields/local-date';
import { formatMoney } from '../fields/money';
import { ClauseCodes } from './ClauseCodes';
import { MutationDialog } from '../layout/MutationDialog';

/** Catalogue keys (app.invoices.action.<STEP>.*) for the words, as the claim's steps. */
interface InvoiceStep {
  label: string;
  description: string;
  color?: ButtonProps['color'];
  Inputs?: ComponentType;
  defaultValues?: () => Record<string, unknown>;
  run: (invoice: ClaimInvoiceFragment, values: FormData) => Promise<unknown>;
  done: string;
}

const PaidOnInput = () => <DateInput source="paidOn" label="resources.claims.fields.paidOn" validate={required()} />;
const VoidReasonInput = () => <TextInput source="reason" label="resources.claims.fields.reason" multiline validate={[required(), maxLength(500)]} />;

const invoiceSteps: Record<InvoiceAction, InvoiceStep> = {
  ISSUE: {
    label: 'app.invoices.action.ISSUE.label',
    description: 'app.invoices.action.ISSUE.description',
    run: (invoice) => request(IssueClaimInvoiceDocument, { input: { id: invoice.id, version: invoice.version } }),
    done: 'app.invoices.action.ISSUE.done',
  },
  PAY: {
    label: 'app.invoices.action.PAY.label',
    description: 'app.invoices.action.PAY.description',
    color: 'success',
    Inputs: PaidOnInput,
    defaultValues: () => ({ paidOn: today() }),
    run: (invoice, values) => request(PayClaimInvoiceDocument, { input: { id: invoice.id, version: invoice.version, paidOn: trimmedInput(values, 'paidOn') } }),
    done: 'app.invoices.action.PAY.done',
  },
  VOID: {
    label: 'app.invoices.action.VOID.label',
    description: 'app.invoices.action.VOID.description',
    color: 'error',
    Inputs: VoidReasonInput,
    run: (invoice, values) =>
      request(VoidClaimInvoiceDocument, { input: { id: invoice.id, version: invoice.version, reason: trimmedInput(values, 'reason') } }),
    done: 'app.invoices.action.VOID.done',
  },
};

/** The claim's invoices (H6–H8: material cost and service charge, never labour or shipping). */
export const InvoicePanel = ({ invoices }: { invoices: readonly ClaimInvoiceFragment[] }) => (
  <Stack spacing={3}>
    {invoices.map((invoice) => (
      <InvoiceCard key={invoice.id} invoice={invoice} />
    ))}
  </Stack>
);

/** One invoice: status, dates, lines, the steps this user may take now, and its PDF (the claim page and the invoice page). */
export const InvoiceCard = ({ invoice }: { invoice: ClaimInvoiceFragment }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState<InvoiceAction | null>(null);
  // What this user may do now, as the API (the domain's invoice lifecycle) says.
  const steps = invoice.availableActions;
  return (
    <Stack spacing={1} data-testid="claim-invoice" data-invoice-status={invoice.status}>
      <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" component="h3" data-testid="invoice-number">
          {invoice.number ?? translate('app.invoices.draft')}
        </Typography>
        <InvoiceStatusChip status={invoice.status} data-testid="invoice-status" />
        <Typography variant="body2" color="text.secondary">
          {invoice.issuedOn && `${translate('resources.invoices.fields.issuedOn')} ${formatLocalDate(invoice.issuedOn)}`}
          {invoice.paidOn && ` · ${translate('resources.invoices.fields.paidOn')} ${formatLocalDate(invoice.paidOn)}`}
          {invoice.voidReason && ` · ${translate('app.invoices.void_reason', { reason: invoice.voidReason })}`}
        </Typography>
      </Stack>
      <InvoiceLines invoice={invoice} />
      <Stack direction="row" useFlexGap flexWrap="wrap" gap={1}>
        {steps.map((name) => (
          <Button
            key={name}
            size="small"
            variant="outlined"
            color={invoiceSteps[name].color ?? 'primary'}
            onClick={() => setOpen(name)}
            data-testid={`invoice-action-${name}`}
          >
            {translate(invoiceSteps[name].label)}
          </Button>
        ))}
        <DownloadPdfButton invoice={invoice} />
      </Stack>
      {open && <InvoiceStepDialog invoice={invoice} name={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
};

const InvoiceStepDialog = ({ invoice, name, onClose }: { invoice: ClaimInvoiceFragment; name: InvoiceAction; onClose: () => void }) => {
  const step = invoiceSteps[name];
  const { Inputs } = step;
  const translate = useTranslate();
  return (
    <MutationDialog
      open
      onClose={onClose}
      title={`${translate(step.label)} — ${invoice.number ?? translate('app.invoices.draft')} (${formatMoney(invoice.total, invoice.currency)})`}
      description={translate(step.description)}
      submitLabel={translate(step.label)}
      submitColor={step.color}
      defaultValues={step.defaultValues?.()}
      onSubmit={(values) => step.run(invoice, values)}
      successMessage={translate(step.done)}
      testId={`invoice-action-dialog-${name}`}
    >
      {Inputs && <Inputs />}
    </MutationDialog>
  );
};

const InvoiceLines = ({ invoice }: { invoice: ClaimInvoiceFragment }) => {
  const translate = useTranslate();
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.invoices.line')}</TableCell>
          <TableCell>{translate('app.invoices.clauses')}</TableCell>
          <TableCell align="right">{translate('app.invoices.quantity')}</TableCell>
          <TableCell align="right">{translate('app.invoices.amount')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {invoice.lines.map((line) => (
          <TableRow key={line.id}>
            <TableCell>
              {line.description}
              {line.kind === 'SERVICE_CHARGE' && (
                <Typography component="span" variant="caption" color="text.secondary">
                  {' '}
                  ({translate('app.invoices.service_charge')})
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <ClauseCodes codes={line.clauses} />
            </TableCell>
            <TableCell align="right">{line.quantity}</TableCell>
            <TableCell align="right">{formatMoney(line.amount, invoice.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <TableFooter>
        <TableRow>
          <TableCell colSpan={3}>{translate('app.invoices.total')}</TableCell>
          <TableCell align="right" data-testid="invoice-total">
            {formatMoney(invoice.total, invoice.currency)}
          </TableCell>
        </TableRow>
      </TableFooter>
    </Table>
  );
};

const DownloadPdfButton = ({ invoice }: { invoice: ClaimInvoiceFragment }) => {
  const notify = useNotify();
  const translate = useTranslate();
  // The PDF is printed in the requesting user's language (the API defaults to the customer's).
  const [locale] = useLocaleState();
  const [busy, setBusy] = useState(false);
  const download = () => {
    setBusy(true);
    downloadFile(
      `/api/invoices/${encodeURIComponent(invoice.id)}.pdf?locale=${encodeURIComponent(locale)}`,
      `${invoice.number ?? `draft-invoice-${invoice.id}`}.pdf`,
    )
      .catch((error: unknown) => notify(error instanceof Error ? error.message : 'app.invoices.pdf_failed', { type: 'error' }))
      .finally(() => setBusy(false));
  };
  return (
    <Button size="small" startIcon={<DownloadIcon />} onClick={download} disabled={busy} data-testid="invoice-pdf">
      {translate('app.invoices.pdf')}
    </Button>
  );
};
