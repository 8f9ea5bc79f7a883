import { Create, SimpleForm } from 'react-admin';
import { ServiceCentreInputs } from './ServiceCentreInputs';

export const ServiceCentreCreate = () => (
  <Create title="app.service-centres.new_service_centre" redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <ServiceCentreInputs />
    </SimpleForm>
  </Create>
);
