/**
 * The categories a model's spare parts fall into (POLICY.md §1). The order is
 * the contract's; new categories may only be added at the end.
 */
export const PART_CATEGORIES = ['MAINBOARD', 'LCD', 'TOUCH_PANEL', 'CAMERA', 'BATTERY', 'HOUSING', 'KEYPAD', 'ANTENNA', 'ACCESSORY', 'OTHER'] as const;

/** A spare part's category: `MAINBOARD` ("board"), `LCD` (display), `TOUCH_PANEL` ("TP"), ... (§1). */
export type PartCategory = (typeof PART_CATEGORIES)[number];

/**
 * True when the value is one of the part categories of POLICY.md §1 (S2 and F name categories from this list).
 * @example isPartCategory('LCD') // true; isPartCategory('SCREEN') // false
 */
export function isPartCategory(value: unknown): value is PartCategory {
  return (PART_CATEGORIES as readonly unknown[]).includes(value);
}
