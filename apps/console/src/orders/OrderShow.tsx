import { InstantField } from '../fields/InstantField';
import type { OrderDetailFragment } from '@aftersale/graphql';
import { Box, Chip, Grid, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { EditButton, NumberField, RecordField, Show, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { detailQuery } from '../api/operation';
import { ExportDevicesButton } from '../devices/ExportDevicesButton';
import { LocalDateField } from '../fields/LocalDateField';
import { Section } from '../layout/Section';
import { AllowancePanel, SpareShipmentPanel } from './AllowancePanel';
import { ImportUnitsButton } from './ImportUnitsButton';
import { OrderUnits } from './OrderUnits';
import { RecordReceiptButton } from './RecordReceiptButton';

const Field = RecordField<OrderDetailFragment>;

/** One order: the goods, their receipt and spare-parts allowance, and the units imported into it. */
export const OrderShow = () => (
  <Show queryOptions={detailQuery} title={<OrderTitle />} actions={false}>
    <OrderPage />
  </Show>
);

const OrderTitle = () => {
  const order = useRecordContext<OrderDetailFragment>();
  const translate = useTranslate();
  return <span>{order ? translate('app.orders.title', { number: order.number }) : translate('resources.orders.name', { smart_count: 1 })}</span>;
};

const OrderPage = () => {
  const order = useRecordContext<OrderDetailFragment>();
  const translate = useTranslate();
  if (!order) return <LinearProgress aria-label={translate('app.orders.loading_the_order')} />;
  return (
    <Box sx={{ p: 2 }} data-testid="order-page" data-version={order.version}>
      <Stack spacing={2} sx={{ mb: 2 }}>
        <OrderHeader order={order} />
        <OrderActions order={order} />
      </Stack>
      <Grid container spacing={2}>
        <Section title="app.orders.order" size={{ xs: 12, md: 4 }}>
          <Field source="customer.name" label="resources.orders.fields.customer.name" />
          <Field source="model.name" label="resources.orders.fields.model.name" />
          <Field label="app.orders.quantity">
            <NumberField source="quantity" data-testid="order-quantity" />
          </Field>
          <Field label="app.orders.shipped_on">
            <LocalDateField source="shippedOn" emptyText="app.orders.not_shipped_yet" />
          </Field>
          <Field label="app.orders.received_on_w2">
            <LocalDateField source="receivedOn" emptyText="app.orders.not_received_yet" data-testid="order-received-on" />
          </Field>
        </Section>
        <Section title="app.orders.spare_parts_allowance" size={{ xs: 12, md: 8 }}>
          <AllowancePanel order={order} />
        </Section>
        <Section title="app.orders.spare_parts_shipped_with_the_goods" size={{ xs: 12, md: 6 }}>
          <SpareShipmentPanel order={order} />
        </Section>
        <Section title="app.orders.imports" size={{ xs: 12, md: 6 }}>
          <ImportsAudit order={order} />
        </Section>
        <Section title="app.orders.units" size={{ xs: 12 }}>
          <Typography variant="body2" color="text.secondary">
            {translate('app.orders.units_count', { count: order.unitCount, quantity: order.quantity })}
          </Typography>
          <OrderUnits />
        </Section>
      </Grid>
    </Box>
  );
};

const OrderHeader = ({ order }: { order: OrderDetailFragment }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" useFlexGap flexWrap="wrap" gap={1.5} sx={{ alignItems: 'center' }}>
      <Typography variant="h5" component="h1" data-testid="order-number">
        {order.number}
      </Typography>
      <Chip
        size="small"
        color={order.receivedOn ? 'success' : 'default'}
        label={translate(order.receivedOn ? 'app.orders.received' : 'app.orders.in_transit')}
        data-testid="order-status"
        data-received={order.receivedOn !== null}
      />
      <Typography variant="body2" color="text.secondary">
        {order.model.name} · {order.customer.name}
      </Typography>
    </Stack>
  );
};

/** The writes of the page, offered to the roles the API lets write orders (ADMIN, AGENT). */
const OrderActions = ({ order }: { order: OrderDetailFragment }) => {
  const { canAccess } = useCanAccess({ resource: 'orders', action: 'edit', record: order });
  const translate = useTranslate();
  return (
    <Stack direction="row" useFlexGap flexWrap="wrap" gap={1} role="toolbar" aria-label={translate('app.orders.order_actions')}>
      {canAccess && !order.receivedOn && <RecordReceiptButton order={order} />}
      {canAccess && <ImportUnitsButton order={order} />}
      {canAccess && <EditButton variant="outlined" data-testid="order-edit" />}
      <ExportDevicesButton filter={{ orderId: order.id }} fileName={`units-${order.number}.csv`} label="app.orders.export_units" />
    </Stack>
  );
};

/** Who imported which file, and how many units it held. */
const ImportsAudit = ({ order }: { order: OrderDetailFragment }) => {
  const translate = useTranslate();
  if (order.imports.length === 0) return <Typography color="text.secondary">{translate('app.orders.imports_none')}</Typography>;
  return (
    <Table size="small" data-testid="order-imports">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.orders.import.file')}</TableCell>
          <TableCell align="right">{translate('app.orders.units')}</TableCell>
          <TableCell>{translate('app.orders.imported_by')}</TableCell>
          <TableCell>{translate('app.orders.imported_at')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {order.imports.map((entry) => (
          <TableRow key={entry.id} data-testid="order-import">
            <TableCell>{entry.fileName ?? '—'}</TableCell>
            <TableCell align="right">{entry.units}</TableCell>
            <TableCell>{entry.importedBy ?? '—'}</TableCell>
            <TableCell>
              <InstantField record={entry} source="createdAt" showTime />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
