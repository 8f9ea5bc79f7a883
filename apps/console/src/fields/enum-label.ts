/** A schema enum value as words: `AWAITING_AGREEMENT` → "Awaiting agreement". */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A generated enum object (e.g. `FormType`) as react-admin choices. */
export function enumChoices<Value extends string>(values: Readonly<Record<string, Value>>): { id: Value; name: string }[] {
  return Object.values(values).map((value) => ({ id: value, name: enumLabel(value) }));
}
