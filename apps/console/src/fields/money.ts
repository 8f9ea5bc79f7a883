const formats = new Map<string, Intl.NumberFormat>();

/**
 * An amount in minor units (cents, as the API counts money) in its currency
 * and the reader's locale: `formatMoney(1250, 'USD')` → "$12.50" (a bare
 * figure while the currency is not known yet).
 */
export function formatMoney(cents: number, currency: string | undefined): string {
  if (!currency) return (cents / 100).toFixed(2);
  let format = formats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    formats.set(currency, format);
  }
  return format.format(cents / 100);
}
