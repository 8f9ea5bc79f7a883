import { SimpleForm } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';
import { ProductModelInputs } from './ProductModelInputs';

export const ProductModelEdit = () => (
  <VersionedEdit redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <ProductModelInputs editing />
    </SimpleForm>
  </VersionedEdit>
);
