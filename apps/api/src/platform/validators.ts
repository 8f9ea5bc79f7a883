import { BadUserInputError } from './errors.js';

/** The trimmed text of a required field; BAD_USER_INPUT naming the field when it is blank or longer than `max`. */
export function nonBlankText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, 'must not be blank.');
  if (text.length > max) throw new BadUserInputError(field, `must be at most ${max} characters.`);
  return text;
}

/** An optional text field: trimmed, null when left blank, BAD_USER_INPUT naming the field when longer than `max`. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > max) throw new BadUserInputError(field, `must be at most ${max} characters.`);
  return text;
}

/**
 * In an update, a field left out keeps its value; GraphQL also lets a client
 * send null, which these fields cannot hold: refused, naming the field.
 */
export function refuseNulls<T extends object>(input: T, fields: readonly (keyof T & string)[]): void {
  const field = fields.find((name) => input[name] === null);
  if (field) throw new BadUserInputError(field, 'cannot be null: leave it out to keep the current value.');
}

/** A date of something that already happened (shipped, received, signed, paid): not after `today`. */
export function pastDate(date: string, today: string, field: string): string {
  if (date > today) throw new BadUserInputError(field, `${date} is in the future.`);
  return date;
}
