import type { ClaimListItemFragment } from '@aftersale/graphql';
import { FormType } from '@aftersale/graphql';
import {
  AutocompleteInput,
  ColumnsButton,
  CreateButton,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectField,
  TextField,
  TopToolbar,
} from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { LocalDateField } from '../fields/LocalDateField';
import { ClaimStatusField } from './ClaimStatusChip';
import { ClaimStatusFilter } from './ClaimStatusFilter';

/** Filter inputs are named like ClaimFilter's fields (claim-operations.ts passes them through). */
const claimFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Claim, CI number or IMEI" />,
  <ReferenceInput key="modelId" source="modelId" reference="models" label="Model">
    <AutocompleteInput label="Model" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="customerId" source="customerId" reference="customers" label="Customer">
    <AutocompleteInput label="Customer" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <DateInput key="submittedFrom" source="submittedFrom" label="Submitted from" />,
  <DateInput key="submittedTo" source="submittedTo" label="Submitted to" />,
];

const ClaimListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ColumnsButton />
    <CreateButton label="Submit a claim" />
  </TopToolbar>
);

const Column = DataTable.Col<ClaimListItemFragment>;

export const ClaimList = () => (
  <List
    title="Claims"
    filters={claimFilters}
    actions={<ClaimListActions />}
    sort={{ field: 'submittedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <ClaimStatusFilter />
    <DataTable rowClick="show" bulkActionButtons={false} hiddenColumns={['updatedAt']}>
      {/* data-testids: the end-to-end tests find rows by them (see README). */}
      <Column source="number" label="Claim" sx={{ whiteSpace: 'nowrap' }}>
        <TextField source="number" data-testid="claim-row-number" />
      </Column>
      <Column source="status" label="Status">
        <ClaimStatusField data-testid="claim-row-status" />
      </Column>
      <Column source="formType" label="Form" disableSort>
        <SelectField source="formType" choices={enumChoices(FormType)} />
      </Column>
      <Column source="device.imei" label="IMEI" disableSort sx={{ whiteSpace: 'nowrap' }}>
        <TextField source="device.imei" data-testid="claim-row-imei" />
      </Column>
      <Column source="model.name" label="Model" disableSort />
      <Column source="customer.name" label="Customer" disableSort />
      <Column source="ciNumber" label="CI number" disableSort />
      <Column source="submittedAt" label="Submitted">
        <LocalDateField source="submittedOn" />
      </Column>
      <Column source="updatedAt" label="Updated">
        <DateField source="updatedAt" showTime />
      </Column>
    </DataTable>
  </List>
);
