import { InstantField } from '../fields/InstantField';
import type { OrderListItemFragment } from '@aftersale/graphql';
import {
  AutocompleteInput,
  CreateButton,
  DataTable,
  FilterButton,
  List,
  NumberField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
} from 'react-admin';
import { LocalDateField } from '../fields/LocalDateField';
import { NoMatchingRecords, NoRecordsYet } from '../layout/EmptyList';

/** Filter inputs are named like OrderFilter's fields (order-operations.ts passes them through). */
const orderFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Order number" />,
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
      { id: 'true', name: 'Received' },
      { id: 'false', name: 'In transit' },
    ]}
  />,
];

const OrderListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="app.orders.new_order" data-testid="order-create" />
  </TopToolbar>
);

const Column = DataTable.Col<OrderListItemFragment>;

export const OrderList = () => (
  <List
    title="app.orders.orders"
    filters={orderFilters}
    actions={<OrderListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <NoRecordsYet
        title="app.orders.no_orders_yet"
        explanation="An order is one model shipped to one customer; its units are imported from the customer's CSV file."
        createLabel="New order"
        testId="orders-empty"
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false} empty={<NoMatchingRecords message="No order matches these filters." testId="orders-none-match" />}>
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
  </List>
);
