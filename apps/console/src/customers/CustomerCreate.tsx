import { Create, SimpleForm } from 'react-admin';
import { CustomerInputs } from './CustomerInputs';

export const CustomerCreate = () => (
  <Create title="New customer" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <CustomerInputs />
    </SimpleForm>
  </Create>
);
