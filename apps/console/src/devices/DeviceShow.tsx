import { FormType, type ClaimListItemFragment, type DeviceDetailFragment } from '@aftersale/graphql';
import AddIcon from '@mui/icons-material/AddCircleOutline';
import { Box, Chip, Grid, LinearProgress, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  DataTable,
  Pagination,
  RecordField,
  ReferenceManyField,
  SelectField,
  Show,
  Button,
  Link,
  useCanAccess,
  useCreatePath,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { formatLocalDate } from '../fields/local-date';
import { detailQuery } from '../api/operation';
import { ClaimStatusField } from '../claims/ClaimStatusChip';
import { enumChoices } from '../fields/enum-label';
import { LocalDateField } from '../fields/LocalDateField';
import { Section } from '../layout/Section';

const Field = RecordField<DeviceDetailFragment>;
const ClaimColumn = DataTable.Col<ClaimListItemFragment>;

/** One unit: what it is, whose it is, its warranty, and its claims. */
export const DeviceShow = () => (
  <Show queryOptions={detailQuery} title={<DeviceTitle />} actions={false}>
    <DevicePage />
  </Show>
);

const DeviceTitle = () => {
  const device = useRecordContext<DeviceDetailFragment>();
  const translate = useTranslate();
  return <span>{device ? translate('app.devices.title', { imei: device.imei }) : translate('resources.devices.name', { smart_count: 1 })}</span>;
};

const DevicePage = () => {
  const device = useRecordContext<DeviceDetailFragment>();
  const translate = useTranslate();
  if (!device) return <LinearProgress aria-label={translate('app.devices.loading_the_device')} />;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" useFlexGap flexWrap="wrap" gap={1.5} sx={{ alignItems: 'center', mb: 2 }}>
        <Typography variant="h5" component="h1" sx={{ fontFamily: 'monospace' }}>
          {device.imei}
        </Typography>
        <WarrantyChip device={device} />
        <CreateClaimButton imei={device.imei} />
      </Stack>
      <Grid container spacing={2}>
        <Section title="app.devices.unit" size={{ xs: 12, md: 6 }}>
          <Field source="imei" label="resources.devices.fields.imei" data-testid="device-imei" />
          <Field source="barcode" label="resources.devices.fields.barcode" />
          <Field source="model.name" label="resources.devices.fields.model.name" />
          <Field source="customer.name" label="resources.devices.fields.customer.name" />
          <Field source="order.number" label="resources.devices.fields.order.number" />
        </Section>
        <Section title="app.devices.warranty" size={{ xs: 12, md: 6 }}>
          <Field label="app.devices.under_warranty_today" data-testid="device-under-warranty">
            <BooleanField source="underWarranty" />
          </Field>
          <Field label="app.devices.order_shipped_on">
            <LocalDateField source="order.shippedOn" emptyText="app.devices.not_shipped_yet" />
          </Field>
          <Field label="app.devices.received_on_w2">
            <LocalDateField source="receivedOn" emptyText="app.devices.not_received_yet" />
          </Field>
          <Field label="app.devices.last_covered_day_w3">
            <LocalDateField source="lastCoveredDay" emptyText="app.devices.not_known_yet" />
          </Field>
          {device.replacedByImei && <Field label="resources.devices.fields.replacedByImei" source="replacedByImei" data-testid="device-replaced-by" />}
        </Section>
        <Section title="app.devices.claims" size={{ xs: 12 }}>
          <ReferenceManyField
            reference="claims"
            target="deviceId"
            sort={{ field: 'submittedAt', order: 'DESC' }}
            perPage={10}
            pagination={<Pagination rowsPerPageOptions={[10]} />}
            empty={<Typography color="text.secondary">{translate('app.devices.no_claims')}</Typography>}
          >
            <DataTable rowClick="show" bulkActionButtons={false}>
              <ClaimColumn source="number" label="resources.claims.fields.number" />
              <ClaimColumn source="status" label="resources.claims.fields.status">
                <ClaimStatusField />
              </ClaimColumn>
              <ClaimColumn source="formType" label="resources.claims.fields.formType" disableSort>
                <SelectField source="formType" choices={enumChoices(FormType)} />
              </ClaimColumn>
              <ClaimColumn source="submittedAt" label="resources.claims.fields.submittedAt">
                <LocalDateField source="submittedOn" />
              </ClaimColumn>
            </DataTable>
          </ReferenceManyField>
        </Section>
      </Grid>
    </Box>
  );
};

/** Whether the unit is covered today, and until when (W3), as the claim page's header says it. */
const WarrantyChip = ({ device }: { device: DeviceDetailFragment }) => {
  const translate = useTranslate();
  const label = !device.lastCoveredDay
    ? translate('app.devices.not_received')
    : `${translate(device.underWarranty ? 'app.devices.covered' : 'app.devices.not_covered')} (${formatLocalDate(device.lastCoveredDay)})`;
  return (
    <Chip
      size="small"
      variant="outlined"
      color={device.underWarranty ? 'success' : 'default'}
      label={label}
      data-testid="device-warranty"
      data-under-warranty={device.underWarranty}
    />
  );
};

/** "Create a claim" for this unit: the claim form with its IMEI filled in (for those who may submit claims). */
const CreateClaimButton = ({ imei }: { imei: string }) => {
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource: 'claims', action: 'create' });
  if (!canAccess) return null;
  return (
    <Button
      component={Link}
      to={createPath({ resource: 'claims', type: 'create' })}
      state={{ record: { imei } }}
      label="app.devices.create_claim"
      variant="contained"
      data-testid="device-create-claim"
    >
      <AddIcon />
    </Button>
  );
};
