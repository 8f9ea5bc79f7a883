import type { FormValues } from './MutationDialog';

/** A typed text, trimmed; undefined when blank. */
export function textOf(values: FormValues, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A required text: the form's own validation has made sure it is there. */
export function requiredTextOf(values: FormValues, key: string): string {
  return textOf(values, key) ?? '';
}

/** A whole number (e.g. cents from a MoneyInput), or undefined. */
export function numberOf(values: FormValues, key: string): number | undefined {
  const value = values[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Today in the browser's calendar, YYYY-MM-DD (the default of "shipped on", "signed on", "paid on"). */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
