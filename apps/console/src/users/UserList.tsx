import { Role, type UserItemFragment } from '@aftersale/graphql';
import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, SelectField, SelectInput } from 'react-admin';
import { enumChoices } from '../fields/enum-label';

const roleChoices = enumChoices(Role);

/** Filter inputs are named like UserFilter's fields (user-operations.ts passes them through). */
const userFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Email or name" />,
  <SelectInput key="role" source="role" label="resources.users.fields.role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" label="resources.users.fields.active" alwaysOn nullLabel="Any" trueLabel="Active" falseLabel="Inactive" />,
];

const Column = DataTable.Col<UserItemFragment>;

/** Staff who sign in to the console; the API lists them by email. */
export const UserList = () => (
  <List title="app.users.users" filters={userFilters} perPage={25} exporter={false}>
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
  </List>
);
