import type { DeviceListItemFragment } from '@aftersale/graphql';
import { AutocompleteInput, BooleanField, DataTable, FilterButton, List, ReferenceInput, SearchInput, TextField, TextInput, TopToolbar } from 'react-admin';
import { LocalDateField } from '../fields/LocalDateField';
import { DeviceListExportButton } from './ExportDevicesButton';

/** Filter inputs are named like DeviceFilter's fields (device-operations.ts passes them through). */
const deviceFilters = [
  // Finding one unit by IMEI is the list's first use: the search is always there.
  <SearchInput key="imei" source="imei" alwaysOn placeholder="IMEI (or its first digits)" data-testid="devices-imei-search" />,
  <TextInput key="barcode" source="barcode" label="Barcode" />,
  <ReferenceInput key="orderId" source="orderId" reference="orders" label="Order">
    <AutocompleteInput label="Order" optionText="number" sx={{ minWidth: 200 }} />
  </ReferenceInput>,
  <ReferenceInput key="modelId" source="modelId" reference="models" label="Model">
    <AutocompleteInput label="Model" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="customerId" source="customerId" reference="customers" label="Customer">
    <AutocompleteInput label="Customer" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

const Column = DataTable.Col<DeviceListItemFragment>;

/** The server's CSV of every matching unit replaces react-admin's page-by-page client export. */
const DeviceListActions = () => (
  <TopToolbar>
    <FilterButton />
    <DeviceListExportButton />
  </TopToolbar>
);

export const DeviceList = () => (
  <List title="Devices" filters={deviceFilters} sort={{ field: 'imei', order: 'ASC' }} perPage={25} exporter={false} actions={<DeviceListActions />}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="imei" label="IMEI">
        <TextField source="imei" sx={{ fontFamily: 'monospace' }} data-testid="device-row-imei" />
      </Column>
      <Column source="barcode" label="Barcode" disableSort />
      <Column source="model.name" label="Model" disableSort />
      <Column source="customer.name" label="Customer" disableSort />
      <Column source="order.number" label="Order" disableSort />
      <Column source="receivedOn" label="Received on">
        <LocalDateField source="receivedOn" emptyText="Not yet" />
      </Column>
      <Column source="lastCoveredDay" label="Last covered day" disableSort>
        <LocalDateField source="lastCoveredDay" emptyText="—" />
      </Column>
      <Column source="underWarranty" label="Under warranty" disableSort>
        <BooleanField source="underWarranty" />
      </Column>
    </DataTable>
  </List>
);
