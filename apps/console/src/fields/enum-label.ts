import { useTranslate } from 'react-admin';

/**
 * The catalogue key of a schema enum value's words (`AWAITING_AGREEMENT` →
 * `app.enum.AWAITING_AGREEMENT`). One namespace for every enum: a value means
 * the same words wherever it appears (HUMAN_DAMAGE the finding and the clause).
 */
export const enumKey = (value: string): string => `app.enum.${value}`;

/** A translator of enum values in the console's language. */
export function useEnumLabel(): (value: string) => string {
  const translate = useTranslate();
  return (value) => translate(enumKey(value));
}

/** A generated enum object (e.g. `FormType`) as react-admin choices, whose names react-admin translates. */
export function enumChoices<Value extends string>(values: Readonly<Record<string, Value>>): { id: Value; name: string }[] {
  return Object.values(values).map((value) => ({ id: value, name: enumKey(value) }));
}
