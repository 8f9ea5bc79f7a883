import { DateField, type DateFieldProps } from 'react-admin';
import { currentLocaleTag } from '../i18n/i18nProvider';

/** A timestamp (e.g. `createdAt`) in the console's language. */
export const InstantField = (props: DateFieldProps) => <DateField locales={currentLocaleTag()} {...props} />;
