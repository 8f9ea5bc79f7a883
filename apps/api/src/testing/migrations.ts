import { entities } from '../app.js';
import { migrations } from '../migrations/index.js';
import { openDatabase, type MikroORM } from '../platform/database.js';

/**
 * The app's database brought up to date, or only up to the migration named
 * `before` (left out, with every one after it): for a test of that migration
 * on data written before it.
 */
export function openMigratedDatabase(url: string, { before }: { before?: string } = {}): Promise<MikroORM> {
  const upTo = before === undefined ? migrations.length : migrations.findIndex((migration) => migration.name === before);
  if (upTo < 0) throw new Error(`No migration named ${before}`);
  return openDatabase(url, { entities, migrations: migrations.slice(0, upTo) });
}
