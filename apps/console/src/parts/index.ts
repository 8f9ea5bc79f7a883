import PartIcon from '@mui/icons-material/Memory';
import { PartCreate } from './PartCreate';
import { PartEdit } from './PartEdit';
import { PartList } from './PartList';

export default {
  list: PartList,
  create: PartCreate,
  edit: PartEdit,
  icon: PartIcon,
  recordRepresentation: 'name',
};
