import type { ServiceCentreItemFragment } from '@aftersale/graphql';
import { DataTable, SearchInput, SimpleList, useTranslate } from 'react-admin';
import { useSmallScreen } from '../layout/use-small-screen';
import { ConsoleList } from '../layout/ConsoleList';

const Column = DataTable.Col<ServiceCentreItemFragment>;

/** Where units are inspected and repaired; the API lists them by name. Administrators open a row to edit it. A simple list on a phone. */
export const ServiceCentreList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  return (
    <ConsoleList
      title="app.service-centres.service_centres"
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder={translate('app.list.code_or_name')} />]}
      perPage={25}
      exporter={false}
    >
      {small ? (
        <SimpleList<ServiceCentreItemFragment>
          primaryText={(centre) => centre.name}
          secondaryText={(centre) => centre.code}
          tertiaryText={(centre) => [centre.city, centre.country].filter(Boolean).join(', ')}
          linkType="edit"
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="edit">
          <Column source="code" label="resources.service-centres.fields.code" />
          <Column source="name" label="resources.service-centres.fields.name" />
          <Column source="city" label="resources.service-centres.fields.city" disableSort />
          <Column source="country" label="resources.service-centres.fields.country" disableSort />
        </DataTable>
      )}
    </ConsoleList>
  );
};
