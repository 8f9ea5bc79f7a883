import { Create, SimpleForm } from 'react-admin';
import { ProductModelInputs } from './ProductModelInputs';

export const ProductModelCreate = () => (
  <Create title="New model" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <ProductModelInputs />
    </SimpleForm>
  </Create>
);
