import type { DeviceListItemFragment } from '@aftersale/graphql';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  BooleanField,
  DataTable,
  FilterButton,
  ReferenceInput,
  SearchInput,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../fields/LocalDateField';
import { formatLocalDate } from '../fields/local-date';
import { DeviceListExportButton } from './ExportDevicesButton';
import { ConsoleList } from '../layout/ConsoleList';

/** Filter inputs are named like DeviceFilter's fields (device-operations.ts passes them through). */
const useDeviceFilters = () => {
  const translate = useTranslate();
  return [
    // Finding one unit by IMEI is the list's first use: the search is always there.
    <SearchInput key="imei" source="imei" alwaysOn placeholder={translate('app.devices.search')} data-testid="devices-imei-search" />,
    <TextInput key="barcode" source="barcode" label="resources.devices.fields.barcode" />,
    <ReferenceInput key="orderId" source="orderId" reference="orders" label="resources.devices.fields.orderId">
      <AutocompleteInput label="app.devices.order" optionText="number" sx={{ minWidth: 200 }} />
    </ReferenceInput>,
    <ReferenceInput key="modelId" source="modelId" reference="models" label="resources.devices.fields.modelId">
      <AutocompleteInput label="app.devices.model" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <ReferenceInput key="customerId" source="customerId" reference="customers" label="resources.devices.fields.customerId">
      <AutocompleteInput label="app.devices.customer" optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
  ];
};

const Column = DataTable.Col<DeviceListItemFragment>;

/** The server's CSV of every matching unit replaces react-admin's page-by-page client export. */
const DeviceListActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <FilterButton />
    <DeviceListExportButton />
  </TopToolbar>
);

/** Every unit, found by IMEI first; a simple list on a phone. */
export const DeviceList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <ConsoleList
      title="app.devices.devices"
      filters={useDeviceFilters()}
      sort={{ field: 'imei', order: 'ASC' }}
      perPage={25}
      exporter={false}
      actions={<DeviceListActions />}
    >
      {small ? (
        <SimpleList<DeviceListItemFragment>
          primaryText={(device) => device.imei}
          secondaryText={(device) => [device.model.name, device.customer.name].join(' · ')}
          tertiaryText={(device) =>
            device.lastCoveredDay
              ? `${translate(device.underWarranty ? 'app.devices.covered' : 'app.devices.not_covered')} (${formatLocalDate(device.lastCoveredDay)})`
              : translate('app.devices.not_received')
          }
          linkType="show"
          rowSx={() => ({ flexWrap: 'wrap' })}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="imei" label="resources.devices.fields.imei">
            <TextField source="imei" sx={{ fontFamily: 'monospace' }} data-testid="device-row-imei" />
          </Column>
          <Column source="barcode" label="resources.devices.fields.barcode" disableSort />
          <Column source="model.name" label="resources.devices.fields.model.name" disableSort />
          <Column source="customer.name" label="resources.devices.fields.customer.name" disableSort />
          <Column source="order.number" label="resources.devices.fields.order.number" disableSort />
          <Column source="receivedOn" label="resources.devices.fields.receivedOn">
            <LocalDateField source="receivedOn" emptyText="app.devices.not_yet" />
          </Column>
          <Column source="lastCoveredDay" label="resources.devices.fields.lastCoveredDay" disableSort>
            <LocalDateField source="lastCoveredDay" emptyText="—" />
          </Column>
          <Column source="underWarranty" label="resources.devices.fields.underWarranty" disableSort>
            <BooleanField source="underWarranty" />
          </Column>
        </DataTable>
      )}
    </ConsoleList>
  );
};
