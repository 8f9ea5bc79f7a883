import ModelIcon from '@mui/icons-material/Category';
import { ProductModelList } from './ProductModelList';

export default {
  list: ProductModelList,
  icon: ModelIcon,
  recordRepresentation: 'name',
};
