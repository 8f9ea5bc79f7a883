import type { DeviceListItemFragment } from '@aftersale/graphql';
import { AutocompleteInput, BooleanField, DataTable, List, ReferenceInput, TextInput } from 'react-admin';
import { LocalDateField } from '../fields/LocalDateField';

/** Filter inputs are named like DeviceFilter's fields (device-operations.ts passes them through). */
const deviceFilters = [
  <TextInput key="imei" source="imei" label="IMEI starts with" alwaysOn resettable />,
  <TextInput key="barcode" source="barcode" label="Barcode" />,
  <TextInput key="orderId" source="orderId" label="Order id" />,
  <ReferenceInput key="modelId" source="modelId" reference="models" label="Model">
    <AutocompleteInput label="Model" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="customerId" source="customerId" reference="customers" label="Customer">
    <AutocompleteInput label="Customer" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
];

const Column = DataTable.Col<DeviceListItemFragment>;

export const DeviceList = () => (
  <List title="Devices" filters={deviceFilters} sort={{ field: 'imei', order: 'ASC' }} perPage={25} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="imei" label="IMEI" />
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
