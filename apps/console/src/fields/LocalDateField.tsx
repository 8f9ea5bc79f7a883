import { DateField, type DateFieldProps } from 'react-admin';

/** A LocalDate (`YYYY-MM-DD`) as the Date of its midnight in the reader's time zone (not UTC's). */
const localMidnight = (value: string) => new Date(`${value}T00:00:00`);

/** A LocalDate (`YYYY-MM-DD`, a calendar day with no time zone) in the reader's format, as text. */
export const formatLocalDate = (value: string): string => localMidnight(value).toLocaleDateString();

/**
 * A LocalDate (`YYYY-MM-DD`, a calendar day with no time zone) in the
 * reader's format. DateField alone would read it as UTC midnight and show the
 * day before west of Greenwich.
 */
export const LocalDateField = (props: Omit<DateFieldProps, 'transform' | 'showTime'>) => (
  <DateField {...props} transform={localMidnight} />
);
