import InvoiceIcon from '@mui/icons-material/ReceiptLong';
import { InvoiceList } from './InvoiceList';
import { InvoiceShow } from './InvoiceShow';

export default {
  list: InvoiceList,
  show: InvoiceShow,
  icon: InvoiceIcon,
  recordRepresentation: 'number',
};
