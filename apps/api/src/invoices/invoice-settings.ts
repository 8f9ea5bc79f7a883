import type { Config } from '../platform/config.js';

/** What the seller prints on every invoice, from the configuration (README: Configuration). */
export interface InvoiceSettings {
  seller: { name: string; address: string[]; taxId: string };
  /** Days from issue to the due day. */
  paymentTermsDays: number;
  /** Tax on the net amount, in percent; 0 means the customer accounts for it (reverse charge). */
  taxRatePercent: number;
}

/** `\n` (typed as two characters in an environment variable) or a real newline separates the address lines. */
export function invoiceSettingsOf(
  config: Pick<
    Config,
    'AFTERSALE_SELLER_NAME' | 'AFTERSALE_SELLER_ADDRESS' | 'AFTERSALE_SELLER_TAX_ID' | 'AFTERSALE_PAYMENT_TERMS_DAYS' | 'AFTERSALE_TAX_RATE'
  >,
): InvoiceSettings {
  return {
    seller: {
      name: config.AFTERSALE_SELLER_NAME,
      address: config.AFTERSALE_SELLER_ADDRESS.split(/\\n|\n/)
        .map((line) => line.trim())
        .filter(Boolean),
      taxId: config.AFTERSALE_SELLER_TAX_ID,
    },
    paymentTermsDays: config.AFTERSALE_PAYMENT_TERMS_DAYS,
    taxRatePercent: config.AFTERSALE_TAX_RATE,
  };
}

/** The demo seller, as the configuration's defaults have it (tests and schema emission). */
export const DEMO_INVOICE_SETTINGS: InvoiceSettings = {
  seller: { name: 'Aftersale Devices Ltd (demo)', address: ['1 Harbour Way', 'Dublin D02 X285', 'Ireland'], taxId: 'IE 0000000XD' },
  paymentTermsDays: 30,
  taxRatePercent: 0,
};
