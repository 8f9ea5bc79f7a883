import type { ProductModelItemFragment } from '@aftersale/graphql';
import { DataTable, List, SearchInput } from 'react-admin';

const Column = DataTable.Col<ProductModelItemFragment>;

/** The product models the maker sells; the API lists them by name. */
export const ProductModelList = () => (
  <List title="app.models.models" filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Code or name" />]} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="code" label="resources.models.fields.code" />
      <Column source="name" label="resources.models.fields.name" />
      <Column source="kind" label="resources.models.fields.kind" disableSort />
    </DataTable>
  </List>
);
