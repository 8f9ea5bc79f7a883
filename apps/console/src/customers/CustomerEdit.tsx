import { SimpleForm } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';
import { CustomerInputs } from './CustomerInputs';

export const CustomerEdit = () => (
  <VersionedEdit redirect="show">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <CustomerInputs editing />
    </SimpleForm>
  </VersionedEdit>
);
