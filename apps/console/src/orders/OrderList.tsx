import { InstantField } from '../fields/InstantField';
import type { OrderListItemFragment } from '@aftersale/graphql';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  SimpleList,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { LocalDateField } from '../fields/LocalDateField';
import { NoMatchingRecords, NoRecordsYet } from '../layout/EmptyList';
import { formatLocalDate } from '../fields/local-date';
import { useSmallScreen } from '../layout/use-small-screen';
import { ConsoleList } from '../layout/ConsoleList';

/** Filter inputs are named like OrderFilter's fields (order-operations.ts passes them through). */
const useOrderFilters = () => [
  <SearchInput key="q" source="q" alwaysOn placeholder={useTranslate()('app.orders.search')} />,
  <ReferenceInput key="customerId" source="customerId" reference="customers" label="resources.orders.fields.customerId">
    <AutocompleteInput label="app.orders.customer" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="modelId" source="modelId" reference="models" label="resources.orders.fields.modelId">
    <AutocompleteInput label="app.orders.model" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput
    key="received"
    source="received"
    label="app.orders.goods"
    choices={[
      { id: 'true', name: 'app.orders.received' },
      { id: 'false', name: 'app.orders.in_transit' },
    ]}
  />,
];

const OrderListActions = () => (
  <TopToolbar sx={{ flexWrap: 'wrap' }}>
    <FilterButton />
    <CreateButton label="app.orders.new_order" data-testid="order-create" />
  </TopToolbar>
);

const Column = DataTable.Col<OrderListItemFragment>;

/** The orders, newest first; a simple list on a phone. */
export const OrderList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  const noneMatch = <NoMatchingRecords message="app.orders.none_match" testId="orders-none-match" />;
  return (
    <ConsoleList
      title="app.orders.orders"
      filters={useOrderFilters()}
      actions={<OrderListActions />}
      sort={{ field: 'createdAt', order: 'DESC' }}
      perPage={25}
      exporter={false}
      empty={
        <NoRecordsYet title="app.orders.no_orders_yet" explanation="app.orders.empty_explanation" createLabel="app.orders.new_order" testId="orders-empty" />
      }
    >
      {small ? (
        <SimpleList<OrderListItemFragment>
          primaryText={(order) => order.number}
          secondaryText={(order) => `${order.customer.name} · ${order.model.name} · ${order.quantity}`}
          tertiaryText={(order) => (order.receivedOn ? formatLocalDate(order.receivedOn) : translate('app.orders.in_transit'))}
          linkType="show"
          empty={noneMatch}
          rowSx={() => ({ flexWrap: 'wrap' })}
        />
      ) : (
        <DataTable rowClick="show" bulkActionButtons={false} empty={noneMatch}>
          <Column source="number" label="app.orders.order" sx={{ whiteSpace: 'nowrap' }}>
            <TextField source="number" data-testid="order-row-number" />
          </Column>
          <Column source="customer.name" label="resources.orders.fields.customer.name" disableSort />
          <Column source="model.name" label="resources.orders.fields.model.name" disableSort />
          <Column source="quantity" label="resources.orders.fields.quantity" align="right">
            <NumberField source="quantity" />
          </Column>
          <Column source="unitCount" label="resources.orders.fields.unitCount" disableSort align="right">
            <NumberField source="unitCount" />
          </Column>
          <Column source="shippedOn" label="resources.orders.fields.shippedOn" disableSort>
            <LocalDateField source="shippedOn" emptyText="—" />
          </Column>
          <Column source="receivedOn" label="resources.orders.fields.receivedOn">
            <LocalDateField source="receivedOn" emptyText="app.orders.in_transit" />
          </Column>
          <Column source="createdAt" label="resources.orders.fields.createdAt">
            <InstantField source="createdAt" />
          </Column>
        </DataTable>
      )}
    </ConsoleList>
  );
};
