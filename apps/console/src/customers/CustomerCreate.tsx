import { Create, SimpleForm } from 'react-admin';
import { CustomerInputs } from './CustomerInputs';

export const CustomerCreate = () => (
  <Create title="app.customers.new_customer" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <CustomerInputs />
    </SimpleForm>
  </Create>
);
