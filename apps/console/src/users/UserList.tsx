import { Role, type UserItemFragment } from '@aftersale/graphql';
import { BooleanField, DataTable, NullableBooleanInput, SearchInput, SelectField, SelectInput, SimpleList, useTranslate } from 'react-admin';
import { enumChoices, enumKey } from '../fields/enum-label';
import { useSmallScreen } from '../layout/use-small-screen';
import { ConsoleList } from '../layout/ConsoleList';

const roleChoices = enumChoices(Role);

/** Filter inputs are named like UserFilter's fields (user-operations.ts passes them through). */
const useUserFilters = () => {
  const translate = useTranslate();
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={translate('app.users.search')} />,
    <SelectInput key="role" source="role" label="resources.users.fields.role" choices={roleChoices} alwaysOn />,
    <NullableBooleanInput
      key="active"
      source="active"
      label="resources.users.fields.active"
      alwaysOn
      nullLabel="app.list.any"
      trueLabel="app.list.active"
      falseLabel="app.list.inactive"
    />,
  ];
};

const Column = DataTable.Col<UserItemFragment>;

/** Staff who sign in to the console; the API lists them by email. A simple list on a phone. */
export const UserList = () => {
  const translate = useTranslate();
  const small = useSmallScreen();
  return (
    <ConsoleList title="app.users.users" filters={useUserFilters()} perPage={25} exporter={false}>
      {small ? (
        <SimpleList<UserItemFragment>
          primaryText={(user) => user.name}
          secondaryText={(user) => user.email}
          tertiaryText={(user) => `${translate(enumKey(user.role))}${user.active ? '' : ` · ${translate('app.list.inactive')}`}`}
          linkType="edit"
        />
      ) : (
        <DataTable bulkActionButtons={false} rowClick="edit">
          <Column source="email" label="resources.users.fields.email" />
          <Column source="name" label="resources.users.fields.name" />
          <Column source="role" label="resources.users.fields.role">
            <SelectField source="role" choices={roleChoices} />
          </Column>
          <Column source="active" label="resources.users.fields.active" disableSort>
            <BooleanField source="active" />
          </Column>
        </DataTable>
      )}
    </ConsoleList>
  );
};
