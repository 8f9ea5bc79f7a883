import { currentLocaleTag } from '../i18n/i18nProvider';
import { DateField, type DateFieldProps } from 'react-admin';
import { localMidnight } from './local-date';

/**
 * A LocalDate (`YYYY-MM-DD`, a calendar day with no time zone) in the
 * reader's format. DateField alone would read it as UTC midnight and show the
 * day before west of Greenwich.
 */
export const LocalDateField = (props: Omit<DateFieldProps, 'transform' | 'showTime'>) => (
  <DateField locales={currentLocaleTag()} {...props} transform={localMidnight} />
);
