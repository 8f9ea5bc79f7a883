import DeviceIcon from '@mui/icons-material/PhoneAndroid';
import { DeviceList } from './DeviceList';
import { DeviceShow } from './DeviceShow';

export default {
  list: DeviceList,
  show: DeviceShow,
  icon: DeviceIcon,
  recordRepresentation: 'imei',
};
