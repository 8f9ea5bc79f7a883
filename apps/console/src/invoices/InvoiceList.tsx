import { InvoiceStatus, type InvoiceListItemFragment } from '@aftersale/graphql';
import { useMediaQuery, type Theme } from '@mui/material';
import {
  AutocompleteInput,
  DataTable,
  DateInput,
  ExportButton,
  FilterButton,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../fields/LocalDateField';
import { MoneyField } from '../fields/MoneyField';
import { formatLocalDate } from '../fields/local-date';
import { formatMoney } from '../fields/money';
import { exportInvoices } from './invoice-csv';
import { AgeingField, InvoiceStatusChip, InvoiceStatusField } from './InvoiceStatusChip';
import { ConsoleList } from '../layout/ConsoleList';

const useInvoiceFilters = () => {
  const translate = useTranslate();
  const statusChoices = Object.values(InvoiceStatus).map((status) => ({ id: status, name: translate(`app.invoices.status.${status}`) }));
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.invoices.search')} />,
    <SelectArrayInput key="status" source="status" choices={statusChoices} sx={{ minWidth: 180 }} />,
    <ReferenceInput key="customerId" source="customerId" reference="customers">
      <AutocompleteInput optionText="name" sx={{ minWidth: 220 }} />
    </ReferenceInput>,
    <DateInput key="issuedFrom" source="issuedFrom" />,
    <DateInput key="issuedTo" source="issuedTo" />,
    <NumberInput key="overdueDays" source="overdueDays" min={0} step={1} />,
  ];
};

const InvoiceListActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <FilterButton />
    <ExportButton label="app.invoices.export" maxResults={500} />
  </TopToolbar>
);

const Column = DataTable.Col<InvoiceListItemFragment>;

/** Finance's list: every invoice, its status, customer, amount and unpaid ageing; a simple list on a phone. */
export const InvoiceList = () => {
  const small = useMediaQuery<Theme>((theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <ConsoleList
      filters={useInvoiceFilters()}
      actions={<InvoiceListActions />}
      sort={{ field: 'number', order: 'DESC' }}
      perPage={25}
      exporter={exportInvoices}
    >
      {small ? (
        <SimpleList<InvoiceListItemFragment>
          primaryText={(invoice) => invoice.number ?? translate('app.invoices.draft')}
          secondaryText={(invoice) => [invoice.customer.name, invoice.issuedOn ? formatLocalDate(invoice.issuedOn) : undefined].filter(Boolean).join(' · ')}
          tertiaryText={(invoice) => formatMoney(invoice.total, invoice.currency)}
          leftIcon={(invoice) => <InvoiceStatusChip status={invoice.status} />}
          linkType="show"
          rowSx={() => ({ flexWrap: 'wrap' })}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Column source="number" sx={{ whiteSpace: 'nowrap' }}>
            <TextField source="number" emptyText={translate('app.invoices.draft')} data-testid="invoice-row-number" />
          </Column>
          <Column source="status">
            <InvoiceStatusField data-testid="invoice-row-status" />
          </Column>
          <Column source="customer.name" />
          <Column source="claimNumber" disableSort />
          <Column source="total" align="right">
            <MoneyField source="total" />
          </Column>
          <Column source="issuedOn">
            <LocalDateField source="issuedOn" emptyText="—" />
          </Column>
          <Column source="dueOn">
            <LocalDateField source="dueOn" emptyText="—" />
          </Column>
          <Column source="daysOverdue" disableSort>
            <AgeingField />
          </Column>
          <Column source="paidOn">
            <LocalDateField source="paidOn" emptyText="—" />
          </Column>
        </DataTable>
      )}
    </ConsoleList>
  );
};
