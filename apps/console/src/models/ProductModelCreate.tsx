import { Create, SimpleForm } from 'react-admin';
import { ProductModelInputs } from './ProductModelInputs';

export const ProductModelCreate = () => (
  <Create title="app.models.new_model" redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <ProductModelInputs />
    </SimpleForm>
  </Create>
);
