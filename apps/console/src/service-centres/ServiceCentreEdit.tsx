import { SimpleForm } from 'react-admin';
import { VersionedEdit } from '../layout/VersionedEdit';
import { ServiceCentreInputs } from './ServiceCentreInputs';

export const ServiceCentreEdit = () => (
  <VersionedEdit redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <ServiceCentreInputs editing />
    </SimpleForm>
  </VersionedEdit>
);
