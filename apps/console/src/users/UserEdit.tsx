import { Role } from '@aftersale/graphql';
import { BooleanInput, SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { enumChoices } from '../fields/enum-label';
import { VersionedEdit } from '../layout/VersionedEdit';

/**
 * Renames a user, changes their role, or (de)activates them: a deactivated
 * user can no longer sign in. Demoting or deactivating the last active
 * administrator is refused by the API, and its message shows under the input.
 */
export const UserEdit = () => (
  <VersionedEdit redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <TextInput source="email" label="resources.users.fields.email" disabled helperText="app.users.the_sign_in_name_cannot_change" />
      <TextInput source="name" label="resources.users.fields.name" validate={required()} />
      <SelectInput source="role" label="resources.users.fields.role" choices={enumChoices(Role)} validate={required()} />
      <BooleanInput source="active" label="resources.users.fields.active" helperText="app.users.inactive_users_cannot_sign_in_their" />
    </SimpleForm>
  </VersionedEdit>
);
