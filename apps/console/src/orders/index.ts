import OrderIcon from '@mui/icons-material/LocalShipping';
import { OrderCreate } from './OrderCreate';
import { OrderEdit } from './OrderEdit';
import { OrderList } from './OrderList';
import { OrderShow } from './OrderShow';

export default {
  list: OrderList,
  show: OrderShow,
  create: OrderCreate,
  edit: OrderEdit,
  icon: OrderIcon,
  recordRepresentation: 'number',
};
