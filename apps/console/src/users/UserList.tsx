import { Role, type UserItemFragment } from '@aftersale/graphql';
import { BooleanField, DataTable, List, NullableBooleanInput, SearchInput, SelectField, SelectInput } from 'react-admin';
import { enumChoices } from '../fields/enum-label';

const roleChoices = enumChoices(Role);

/** Filter inputs are named like UserFilter's fields (user-operations.ts passes them through). */
const userFilters = [
  <SearchInput key="q" source="q" alwaysOn placeholder="Email or name" />,
  <SelectInput key="role" source="role" label="Role" choices={roleChoices} alwaysOn />,
  <NullableBooleanInput key="active" source="active" label="Active" alwaysOn nullLabel="Any" trueLabel="Active" falseLabel="Inactive" />,
];

const Column = DataTable.Col<UserItemFragment>;

/** Staff who sign in to the console; the API lists them by email. */
export const UserList = () => (
  <List title="Users" filters={userFilters} perPage={25} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick="edit">
      <Column source="email" label="Email" />
      <Column source="name" label="Name" />
      <Column source="role" label="Role">
        <SelectField source="role" choices={roleChoices} />
      </Column>
      <Column source="active" label="Active" disableSort>
        <BooleanField source="active" />
      </Column>
    </DataTable>
  </List>
);
