import type { MiddlewareFn } from 'type-graphql';
import { BadUserInputError } from './errors.js';

/** The longest text any argument or input field may carry; each service caps its own fields lower. */
export const MAX_TEXT_ARGUMENT = 4000;

// C0 controls but tab, line feed and carriage return, DEL, and the C1 controls:
// PostgreSQL refuses NUL in text, and none of them belongs in a name, a filter or a note.
// eslint-disable-next-line no-control-regex -- matching control characters is this expression's purpose.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The first problem with a text, or undefined. */
export function textProblem(text: string): string | undefined {
  const control = CONTROL.exec(text);
  if (control) return `contains the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}: remove it.`;
  if (text.length > MAX_TEXT_ARGUMENT) return `must be at most ${MAX_TEXT_ARGUMENT} characters.`;
  return undefined;
}

/** Throws BAD_USER_INPUT for the first bad text in `value`, naming it by its path (`serviceCharge.description`). */
function checkValue(value: unknown, field: string): void {
  if (typeof value === 'string') {
    const problem = textProblem(value);
    if (problem) throw new BadUserInputError(field, problem);
  } else if (Array.isArray(value)) {
    for (const item of value) checkValue(item, field);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) checkValue(inner, field ? `${field}.${key}` : key);
  }
}

/**
 * Global middleware: every text in a field's arguments and input objects,
 * however deep, is refused at the edge when it carries a control character or
 * is longer than MAX_TEXT_ARGUMENT. An input object's argument name is left
 * out of the field path, as the other input errors name fields.
 */
export const checkTextArguments: MiddlewareFn = ({ args }, next) => {
  for (const [name, value] of Object.entries(args)) {
    checkValue(value, value !== null && typeof value === 'object' && !Array.isArray(value) ? '' : name);
  }
  return next();
};
