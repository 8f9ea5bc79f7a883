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
      <TextInput source="email" label="Email" disabled helperText="The sign-in name cannot change" />
      <TextInput source="name" label="Name" validate={required()} />
      <SelectInput source="role" label="Role" choices={enumChoices(Role)} validate={required()} />
      <BooleanInput source="active" label="Active" helperText="Inactive users cannot sign in; their sessions end" />
    </SimpleForm>
  </VersionedEdit>
);
