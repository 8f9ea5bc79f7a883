import StockIcon from '@mui/icons-material/Inventory';
import { StockEdit } from './StockEdit';
import { StockList } from './StockList';
import { StockShow } from './StockShow';

export default {
  list: StockList,
  show: StockShow,
  edit: StockEdit,
  icon: StockIcon,
  options: { label: 'Stock' },
};
