import type { CustomerItemFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { DataTable, List, SearchInput } from 'react-admin';

const Column = DataTable.Col<CustomerItemFragment>;

/**
 * The business customers; the claims and units lists filter by them. The API
 * lists them by name; the code and name columns sort too.
 */
export const CustomerList = () => (
  <List title="app.customers.customers" filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Code or name" />]} perPage={25} exporter={false}>
    <DataTable
      bulkActionButtons={false}
      rowClick="show"
      empty={
        <Typography sx={{ p: 2 }} color="text.secondary">
          No customer matches this search.
        </Typography>
      }
    >
      <Column source="code" label="resources.customers.fields.code" />
      <Column source="name" label="resources.customers.fields.name" />
      <Column source="country" label="resources.customers.fields.country" disableSort />
    </DataTable>
  </List>
);
