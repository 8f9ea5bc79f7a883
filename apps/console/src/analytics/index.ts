import AnalyticsIcon from '@mui/icons-material/Insights';
import { AnalyticsPage } from './AnalyticsPage';

/** Not a list of records: the analytics page, mounted as a resource so it gets a menu entry and role checks (analysts, admins). */
export default {
  list: AnalyticsPage,
  icon: AnalyticsIcon,
  options: { label: 'Analytics' },
};
