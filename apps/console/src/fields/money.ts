import { currentLocaleTag } from '../i18n/i18nProvider';

const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units (cents, as the API counts money) in its currency
 * and the console's language: `formatMoney(1250, 'USD')` → "$12.50" (a bare
 * figure while the currency is not known yet).
 */
export function formatMoney(cents: number, currency: string | undefined): string {
  if (!currency) return (cents / 100).toFixed(2);
  const key = `${currentLocaleTag()} ${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(currentLocaleTag(), { style: 'currency', currency });
    formats.set(key, format);
  }
  return format.format(cents / 100);
}
