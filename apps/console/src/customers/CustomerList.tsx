import type { CustomerItemFragment } from '@aftersale/graphql';
import { DataTable, List, SearchInput } from 'react-admin';

const Column = DataTable.Col<CustomerItemFragment>;

/** The business customers; the claims and units lists filter by them. */
export const CustomerList = () => (
  <List
    title="Customers"
    filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Code or name" />]}
    perPage={25}
    exporter={false}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="code" label="Code" disableSort />
      <Column source="name" label="Name" disableSort />
      <Column source="country" label="Country" disableSort />
    </DataTable>
  </List>
);
