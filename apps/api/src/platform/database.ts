import { MikroORM, type EntityName, type Options } from '@mikro-orm/postgresql';
import type { MigrationObject } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from './logger.js';

export { MikroORM };
export type { EntityManager } from '@mikro-orm/postgresql';

/** What the database is made of: every feature's entities and the committed migrations, in order (app.ts assembles both). */
export interface DatabaseSchema {
  entities: EntityName[];
  migrations: MigrationObject[];
}

export function ormOptions(clientUrl: string, { entities, migrations }: DatabaseSchema, log?: Logger): Options {
  return {
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: { migrationsList: migrations, tableName: 'schema_migration', transactional: true, snapshot: false, snapshotOnMigrate: false },
    pool: { min: 0, max: 10 },
    debug: false,
    logger: (message) => log?.debug({ orm: message }),
    // Every request forks its own EntityManager; the global one is never used.
    allowGlobalContext: false,
  };
}

/** Connects and brings the schema up to date (idempotent: applied migrations are skipped). */
export async function openDatabase(clientUrl: string, schema: DatabaseSchema, log?: Logger): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(clientUrl, schema, log));
  const applied = await orm.migrator.up();
  if (applied.length > 0) log?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  return orm;
}
