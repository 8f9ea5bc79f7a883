import type { ClaimListItemFragment } from '@aftersale/graphql';
import { Decision, FormType } from '@aftersale/graphql';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  ColumnsButton,
  CreateButton,
  DataTable,
  DateInput,
  FilterButton,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectField,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { InstantField } from '../fields/InstantField';
import { formatLocalDate } from '../fields/local-date';
import { LocalDateField } from '../fields/LocalDateField';
import { ServiceCentreSelectInput } from '../fields/ServiceCentreSelectInput';
import { NoMatchingRecords, NoRecordsYet } from '../layout/EmptyList';
import { ClaimStatusChip, ClaimStatusField } from './ClaimStatusChip';
import { ClaimStatusFilter } from './ClaimStatusFilter';
import { ConsoleList } from '../layout/ConsoleList';

/** Filter inputs are named like ClaimFilter's fields (claim-operations.ts passes them through); their labels come from the translations. */
const useClaimFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.claims.search')} />,
    <ReferenceInput key="modelId" source="modelId" reference="models">
      <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <ReferenceInput key="customerId" source="customerId" reference="customers">
      <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <ServiceCentreSelectInput key="serviceCentreId" source="serviceCentreId" label="resources.claims.fields.serviceCentreId" />,
    <SelectArrayInput key="decision" source="decision" choices={enumChoices(Decision)} sx={{ minWidth: 200 }} />,
    <NumberInput key="olderThanDays" source="olderThanDays" min={0} step={1} />,
    <DateInput key="submittedFrom" source="submittedFrom" />,
    <DateInput key="submittedTo" source="submittedTo" />,
  ];
};

/** The toolbar wraps on a narrow screen instead of pushing the page sideways. */
const ClaimListActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <FilterButton />
    <ColumnsButton />
    <CreateButton label="app.claims.submit" />
  </TopToolbar>
);

const Column = DataTable.Col<ClaimListItemFragment>;

export const ClaimList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <ConsoleList
      filters={useClaimFilters()}
      actions={<ClaimListActions />}
      sort={{ field: 'submittedAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={<NoRecordsYet title="app.claims.empty_title" explanation="app.claims.empty_explanation" createLabel="app.claims.submit" testId="claims-empty" />}
    >
      <ClaimStatusFilter />
      {small ? (
        <SimpleList<ClaimListItemFragment>
          primaryText={(claim) => claim.number}
          secondaryText={(claim) => `${claim.model.name} · ${claim.device.imei}`}
          tertiaryText={(claim) => translate('app.claims.submitted_on', { date: formatLocalDate(claim.submittedOn) })}
          leftIcon={(claim) => <ClaimStatusChip status={claim.status} data-testid="claim-row-status" />}
          linkType="show"
          rowSx={() => ({ flexWrap: 'wrap' })}
        />
      ) : (
        <DataTable
          rowClick="show"
          bulkActionButtons={false}
          hiddenColumns={['updatedAt', 'formType', 'serviceCentre.name', 'ciNumber']}
          empty={<NoMatchingRecords message="app.claims.none_match" testId="claims-none-match" />}
        >
          {/* data-testids: the end-to-end tests find rows by them (see README). Every column sorts (claim-operations.ts). */}
          <Column source="number" sx={{ whiteSpace: 'nowrap' }}>
            <TextField source="number" data-testid="claim-row-number" />
          </Column>
          <Column source="status">
            <ClaimStatusField data-testid="claim-row-status" />
          </Column>
          <Column source="formType">
            <SelectField source="formType" choices={enumChoices(FormType)} />
          </Column>
          <Column source="decision">
            <SelectField source="decision" choices={enumChoices(Decision)} emptyText="—" />
          </Column>
          <Column source="device.imei" sx={{ whiteSpace: 'nowrap' }}>
            <TextField source="device.imei" data-testid="claim-row-imei" />
          </Column>
          <Column source="model.name" />
          <Column source="customer.name" />
          <Column source="serviceCentre.name" />
          <Column source="ciNumber" />
          <Column source="submittedAt">
            <LocalDateField source="submittedOn" />
          </Column>
          <Column source="updatedAt">
            <InstantField source="updatedAt" showTime />
          </Column>
        </DataTable>
      )}
    </ConsoleList>
  );
};
