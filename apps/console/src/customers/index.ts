import CustomerIcon from '@mui/icons-material/Business';
import { CustomerList } from './CustomerList';

export default {
  list: CustomerList,
  icon: CustomerIcon,
  recordRepresentation: 'name',
};
