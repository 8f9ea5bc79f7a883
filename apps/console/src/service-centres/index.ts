import ServiceCentreIcon from '@mui/icons-material/Store';
import { ServiceCentreCreate } from './ServiceCentreCreate';
import { ServiceCentreEdit } from './ServiceCentreEdit';
import { ServiceCentreList } from './ServiceCentreList';

export default {
  list: ServiceCentreList,
  create: ServiceCentreCreate,
  edit: ServiceCentreEdit,
  icon: ServiceCentreIcon,
  options: { label: 'Service centres' },
  recordRepresentation: 'name',
};
