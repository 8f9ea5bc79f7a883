import { SimpleForm } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';
import { PartInputs } from './PartInputs';

export const PartEdit = () => (
  <VersionedEdit redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <PartInputs editing />
    </SimpleForm>
  </VersionedEdit>
);
