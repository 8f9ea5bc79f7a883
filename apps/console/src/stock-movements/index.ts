import LedgerIcon from '@mui/icons-material/ReceiptLong';
import { StockMovementList } from './StockMovementList';

/** The stock ledger as a resource of its own (the stock page shows one part's). */
export default {
  list: StockMovementList,
  icon: LedgerIcon,
  options: { label: 'Stock movements' },
};
