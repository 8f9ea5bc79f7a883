import { BadUserInputError } from '../platform/errors.js';

/**
 * A cursor names a position in the claim event log (the commit order, see
 * migrations 0007 and 0013). It is opaque to clients so the encoding can change; a
 * cursor handed out once stays valid for as long as the log keeps the event.
 */
const PREFIX = 'ce1:';

export function encodeCursor(position: bigint): string {
  return Buffer.from(`${PREFIX}${position}`).toString('base64url');
}

/** The position a client's cursor stands for; a cursor this server did not hand out is `BAD_USER_INPUT` on `field`. */
export function decodeCursor(cursor: string, field: string): bigint {
  const text = cursor.length <= 64 ? Buffer.from(cursor, 'base64url').toString() : '';
  const digits = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!/^\d{1,19}$/.test(digits)) throw new BadUserInputError(field, 'is not a cursor this API handed out.');
  return BigInt(digits);
}
