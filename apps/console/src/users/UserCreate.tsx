import { Role } from '@aftersale/graphql';
import { Create, PasswordInput, SelectInput, SimpleForm, TextInput, email, minLength, required } from 'react-admin';
import { enumChoices } from '../fields/enum-label';

/** A new staff user, who signs in with this email and password. Inputs are named like CreateUserInput's fields. */
export const UserCreate = () => (
  <Create title="New user" redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }} defaultValues={{ role: Role.AGENT }}>
      <TextInput source="email" label="Email" type="email" validate={[required(), email()]} autoComplete="off" />
      <TextInput source="name" label="Name" validate={required()} />
      <SelectInput source="role" label="Role" choices={enumChoices(Role)} validate={required()} />
      <PasswordInput
        source="password"
        label="Password"
        validate={[required(), minLength(10)]}
        helperText="At least 10 characters; tell it to the user by a separate channel"
        autoComplete="new-password"
      />
    </SimpleForm>
  </Create>
);
