import type { InvoiceStatus } from '@aftersale/graphql';
import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

const statusColour: Record<InvoiceStatus, ChipProps['color']> = { DRAFT: 'default', ISSUED: 'warning', PAID: 'success', VOID: 'error' };

/** An invoice's status as a chip in the console's language; `data-status` holds the raw value for tests. */
export const InvoiceStatusChip = ({ status, ...props }: { status: InvoiceStatus } & Omit<ChipProps, 'color' | 'label'>) => {
  const translate = useTranslate();
  return <Chip size="small" color={statusColour[status]} label={translate(`app.invoices.status.${status}`)} data-status={status} {...props} />;
};

export const InvoiceStatusField = (props: Omit<ChipProps, 'color' | 'label'> & { label?: string }) => {
  const record = useRecordContext<{ status: InvoiceStatus }>();
  const { label: _label, ...chip } = props;
  return record ? <InvoiceStatusChip status={record.status} {...chip} /> : null;
};

/** Unpaid ageing: how many days an issued invoice is past its due day, or that it is not due yet. */
export const AgeingField = (_props: { label?: string }) => {
  const record = useRecordContext<{ daysOverdue?: number | null }>();
  const translate = useTranslate();
  if (record?.daysOverdue === null || record?.daysOverdue === undefined) return null;
  return record.daysOverdue > 0 ? (
    <Chip
      size="small"
      color="error"
      variant="outlined"
      label={translate('app.invoices.overdue_days', { smart_count: record.daysOverdue })}
      data-testid="invoice-overdue"
    />
  ) : (
    <span>{translate('app.invoices.not_due')}</span>
  );
};
