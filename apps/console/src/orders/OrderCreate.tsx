import { Create, SimpleForm } from 'react-admin';
import { OrderInputs } from './OrderInputs';

export const OrderCreate = () => (
  <Create title="app.orders.new_order" redirect="show" mutationMode="pessimistic">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <OrderInputs creating />
    </SimpleForm>
  </Create>
);
