import { Create, SimpleForm } from 'react-admin';
import { PartInputs } from './PartInputs';

export const PartCreate = () => (
  <Create title="app.parts.new_part" redirect="list">
    <SimpleForm sx={{ maxWidth: 560 }}>
      <PartInputs />
    </SimpleForm>
  </Create>
);
