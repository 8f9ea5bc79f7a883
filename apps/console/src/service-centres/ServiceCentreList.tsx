import type { ServiceCentreItemFragment } from '@aftersale/graphql';
import { DataTable, List, SearchInput } from 'react-admin';

const Column = DataTable.Col<ServiceCentreItemFragment>;

/** Where units are inspected and repaired; the API lists them by name. Administrators open a row to edit it. */
export const ServiceCentreList = () => (
  <List title="app.service-centres.service_centres" filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Code or name" />]} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <Column source="code" label="resources.service-centres.fields.code" />
      <Column source="name" label="resources.service-centres.fields.name" />
      <Column source="city" label="resources.service-centres.fields.city" disableSort />
      <Column source="country" label="resources.service-centres.fields.country" disableSort />
    </DataTable>
  </List>
);
