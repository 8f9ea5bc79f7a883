import type { ServiceCentreItemFragment } from '@aftersale/graphql';
import { DataTable, List, SearchInput } from 'react-admin';

const Column = DataTable.Col<ServiceCentreItemFragment>;

/** Where units are inspected and repaired; the API lists them by name. Administrators open a row to edit it. */
export const ServiceCentreList = () => (
  <List title="Service centres" filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Code or name" />]} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <Column source="code" label="Code" />
      <Column source="name" label="Name" />
      <Column source="city" label="City" disableSort />
      <Column source="country" label="Country" disableSort />
    </DataTable>
  </List>
);
