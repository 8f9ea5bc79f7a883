import { BadUserInputError } from './errors.js';

/** GraphQL IDs are strings; ours are positive integers underneath. */
export function parseId(value: string, field: string): number {
  const id = Number(value);
  if (!/^\d{1,10}$/.test(value) || !Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) {
    throw new BadUserInputError(field, `"${value}" is not a valid id.`);
  }
  return id;
}

export const parseIds = (values: string[], field: string): number[] => values.map((v) => parseId(v, field));
