import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { BadUserInputError, ConflictError, NotFoundError } from './errors.js';
import { parseId } from './ids.js';

/**
 * Loads a row a client wants to edit and checks the version it last saw
 * (optimistic locking): a stale edit gets CONFLICT, never a silent overwrite.
 * The UPDATE itself also carries `where version = ?` (MikroORM's version
 * property), so a race between two loads still fails one of them.
 */
export async function loadForEdit<T extends { id: number; version: number }>(
  em: EntityManager,
  entity: EntityName<T>,
  what: string,
  id: string,
  version: number,
): Promise<T> {
  const row = await em.findOne(entity, { id: parseId(id, 'id') } as never);
  if (!row) throw new NotFoundError(what, id);
  return checkVersion(row, what, id, version);
}

/** CONFLICT unless the row is still at the version the client last saw. */
export function checkVersion<T extends { version: number }>(row: T, what: string, id: string, version: number): T {
  if (row.version !== version) {
    throw new ConflictError(`${what} ${id} was changed by someone else (version ${row.version}, you sent ${version}): reload and try again.`, {
      field: 'version',
      currentVersion: row.version,
    });
  }
  return row;
}

/** Trims a required text and checks its length, naming the field. */
export function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(field, 'must not be blank.');
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
