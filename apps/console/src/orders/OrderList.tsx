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
  <ReferenceInput key="customerId" source="customerId" reference="customers" label="Customer">
    <AutocompleteInput label="Customer" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <ReferenceInput key="modelId" source="modelId" reference="models" label="Model">
    <AutocompleteInput label="Model" optionText="name" sx={{ minWidth: 220 }} />
  </ReferenceInput>,
  <SelectInput
    key="received"
    source="received"
    label="Goods"
    choices={[
      { id: 'true', name: 'Received' },
      { id: 'false', name: 'In transit' },
    ]}
  />,
];

const OrderListActions = () => (
  <TopToolbar>
    <FilterButton />
    <CreateButton label="New order" data-testid="order-create" />
  </TopToolbar>
);

const Column = DataTable.Col<OrderListItemFragment>;

export const OrderList = () => (
  <List
    title="Orders"
    filters={orderFilters}
    actions={<OrderListActions />}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    empty={
      <NoRecordsYet
        title="No orders yet"
        explanation="An order is one model shipped to one customer; its units are imported from the customer's CSV file."
        createLabel="New order"
        testId="orders-empty"
      />
    }
  >
    <DataTable rowClick="show" bulkActionButtons={false} empty={<NoMatchingRecords message="No order matches these filters." testId="orders-none-match" />}>
      <Column source="number" label="Order" sx={{ whiteSpace: 'nowrap' }}>
        <TextField source="number" data-testid="order-row-number" />
      </Column>
      <Column source="customer.name" label="Customer" disableSort />
      <Column source="model.name" label="Model" disableSort />
      <Column source="quantity" label="Quantity" align="right">
        <NumberField source="quantity" />
      </Column>
      <Column source="unitCount" label="Units imported" disableSort align="right">
        <NumberField source="unitCount" />
      </Column>
      <Column source="shippedOn" label="Shipped on" disableSort>
        <LocalDateField source="shippedOn" emptyText="—" />
      </Column>
      <Column source="receivedOn" label="Received on">
        <LocalDateField source="receivedOn" emptyText="In transit" />
      </Column>
      <Column source="createdAt" label="Created">
        <InstantField source="createdAt" />
      </Column>
    </DataTable>
  </List>
);
