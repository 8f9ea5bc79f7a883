import ClaimIcon from '@mui/icons-material/Assignment';
import { ClaimCreate } from './ClaimCreate';
import { ClaimList } from './ClaimList';
import { ClaimShow } from './ClaimShow';

export default {
  list: ClaimList,
  show: ClaimShow,
  create: ClaimCreate,
  icon: ClaimIcon,
  recordRepresentation: 'number',
};
