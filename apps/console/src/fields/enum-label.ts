/** Words of enum values that are acronyms and stay in capitals. */
const ACRONYMS = new Set(['lcd', 'imei', 'sim', 'usb']);

/** A schema enum value as words: `AWAITING_AGREEMENT` → "Awaiting agreement", `LCD` → "LCD". */
export function enumLabel(value: string): string {
  const words = value
    .toLowerCase()
    .split('_')
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A generated enum object (e.g. `FormType`) as react-admin choices. */
export function enumChoices<Value extends string>(values: Readonly<Record<string, Value>>): { id: Value; name: string }[] {
  return Object.values(values).map((value) => ({ id: value, name: enumLabel(value) }));
}
