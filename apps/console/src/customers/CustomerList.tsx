import type { CustomerItemFragment } from '@aftersale/graphql';
import { Typography } from '@mui/material';
import { DataTable, SearchInput, SimpleList, useTranslate } from 'react-admin';
import { useSmallScreen } from '../layout/use-small-screen';
import { ConsoleList } from '../layout/ConsoleList';

const Column = DataTable.Col<CustomerItemFragment>;

/**
 * The business customers; the claims and units lists filter by them. The API
 * lists them by name; the code and name columns sort too. A simple list on a phone.
 */
export const CustomerList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  const none = (
    <Typography sx={{ p: 2 }} color="text.secondary">
      {translate('app.customers.none_match')}
    </Typography>
  );
  return (
    <ConsoleList
      title="app.customers.customers"
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder={translate('app.list.code_or_name')} />]}
      perPage={25}
      exporter={false}
    >
      {small ? (
        <SimpleList<CustomerItemFragment>
          primaryText={(customer) => customer.name}
          secondaryText={(customer) => customer.code}
          tertiaryText={(customer) => customer.country}
          linkType="show"
          empty={none}
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="show" empty={none}>
          <Column source="code" label="resources.customers.fields.code" />
          <Column source="name" label="resources.customers.fields.name" />
          <Column source="country" label="resources.customers.fields.country" disableSort />
        </DataTable>
      )}
    </ConsoleList>
  );
};
