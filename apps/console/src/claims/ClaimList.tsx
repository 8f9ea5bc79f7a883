import type { ClaimListItemFragment } from '@aftersale/graphql';
import { Decision, FormType } from '@aftersale/graphql';
import {
  AutocompleteInput,
  ColumnsButton,
  CreateButton,
  DataTable,
  DateField,
  DateInput,
  FilterButton,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  TextField,
  TopToolbar,
} from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { LocalDateField } from '../fields/LocalDateField';
import { ServiceCentreSelectInput } from '../fields/ServiceCentreSelectInput';
import { NoMatchingRecords, NoRecordsYet } from '../layout/EmptyList';
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
  <ServiceCentreSelectInput key="serviceCentreId" source="serviceCentreId" label="Service centre" />,
  <SelectArrayInput key="decision" source="decision" label="Decision" choices={enumChoices(Decision)} sx={{ minWidth: 200 }} />,
  <NumberInput key="olderThanDays" source="olderThanDays" label="Older than (days)" min={0} step={1} />,
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
    empty={
      <NoRecordsYet
        title="No claims yet"
        explanation="A claim starts with the customer's Repair or Replacement Form for one unit."
        createLabel="Submit a claim"
        testId="claims-empty"
      />
    }
  >
    <ClaimStatusFilter />
    <DataTable
      rowClick="show"
      bulkActionButtons={false}
      hiddenColumns={['updatedAt', 'formType']}
      empty={<NoMatchingRecords message="No claim matches these filters." testId="claims-none-match" />}
    >
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
      <Column source="decision" label="Decision" disableSort>
        <SelectField source="decision" choices={enumChoices(Decision)} emptyText="—" />
      </Column>
      <Column source="device.imei" label="IMEI" disableSort sx={{ whiteSpace: 'nowrap' }}>
        <TextField source="device.imei" data-testid="claim-row-imei" />
      </Column>
      <Column source="model.name" label="Model" disableSort />
      <Column source="customer.name" label="Customer" disableSort />
      <Column source="serviceCentre.name" label="Service centre" disableSort />
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
