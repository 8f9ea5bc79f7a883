import { isValidBarcode } from '@aftersale/domain';

/** The `n`-th barcode of a model's pattern, `^PREFIX[0-9]{digits}$` as the demo models have it: the prefix, then `n` in `digits` digits. */
export function barcodeOf(pattern: string, n: number): string {
  const match = /^\^([0-9A-Z-]*)\[0-9\]\{(\d+)\}\$$/.exec(pattern);
  if (!match) throw new Error(`Cannot make a barcode for the pattern ${pattern}`);
  const barcode = `${match[1]}${String(n).padStart(Number(match[2]), '0')}`;
  if (isValidBarcode(barcode, pattern)) return barcode;
  throw new Error(`The barcode made for ${n} does not match ${pattern}`);
}
