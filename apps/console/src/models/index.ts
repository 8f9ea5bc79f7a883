import ModelIcon from '@mui/icons-material/Category';
import { ProductModelCreate } from './ProductModelCreate';
import { ProductModelEdit } from './ProductModelEdit';
import { ProductModelList } from './ProductModelList';
import { ProductModelShow } from './ProductModelShow';

export default {
  list: ProductModelList,
  show: ProductModelShow,
  create: ProductModelCreate,
  edit: ProductModelEdit,
  icon: ModelIcon,
  recordRepresentation: 'name',
};
