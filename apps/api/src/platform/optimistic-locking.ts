import type { EntityManager, EntityName } from '@mikro-orm/postgresql';
import { ConflictError, NotFoundError } from './errors.js';
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
