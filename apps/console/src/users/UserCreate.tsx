import { Role } from '@aftersale/graphql';
import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, email, minLength, required } from 'react-admin';
import { enumChoices } from '../fields/enum-label';

/** A new staff user, who signs in with this email and password. Inputs are named like CreateUserInput's fields. */
export const UserCreate = () => (
  <Create title="app.users.new_user" redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ role: Role.AGENT }}>
      <TextInput source="email" label="resources.users.fields.email" type="email" validate={[required(), email()]} autoComplete="off" />
      <TextInput source="name" label="resources.users.fields.name" validate={required()} />
      <SelectInput source="role" label="resources.users.fields.role" choices={enumChoices(Role)} validate={required()} />
      <PasswordInput
        source="password"
        label="app.users.password"
        validate={[required(), minLength(10)]}
        helperText="app.users.at_least_10_characters_tell_it"
        autoComplete="new-password"
      />
    </SimpleForm>
  </Create>
);
