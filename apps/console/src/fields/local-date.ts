import { currentLocaleTag } from '../i18n/i18nProvider';
/** LocalDates (`YYYY-MM-DD`, a calendar day with no time zone) as the reader's browser sees them. */

/** A LocalDate as the Date of its midnight in the reader's time zone (not UTC's). */
export const localMidnight = (value: string): Date => new Date(`${value}T00:00:00`);

/** A LocalDate in the reader's format, as text. */
export const formatLocalDate = (value: string): string => localMidnight(value).toLocaleDateString(currentLocaleTag());

/** An instant (an ISO timestamp) as a date and time in the console's language. */
export const formatDateTime = (value: string | Date): string => new Date(value).toLocaleString(currentLocaleTag());

/** An instant as a date in the console's language. */
export const formatDate = (value: string | Date): string => new Date(value).toLocaleDateString(currentLocaleTag());

/** Today in the browser's calendar, YYYY-MM-DD (the default of "shipped on", "signed on", "paid on"). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
