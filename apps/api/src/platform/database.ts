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

export function ormOptions(clientUrl: string, { entities, migrations }: DatabaseSchema, log?: Logger, statementTimeout?: number): Options {
  return {
    clientUrl,
    // pg sets these on each pooled connection of the serving ORM: a runaway query is cancelled (57014) instead of
    // holding a connection, and a request's statement runs on one core (no parallel workers), so the costliest
    // query a caller is allowed cannot take every core from everyone else's requests (`npm run bench -- load`).
    ...(statementTimeout && { driverOptions: { statement_timeout: statementTimeout, options: '-c max_parallel_workers_per_gather=0' } }),
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

/**
 * Connects and brings the schema up to date (idempotent: applied migrations
 * are skipped). With `statementTimeout` (ms), the returned ORM's connections
 * cancel any statement that runs longer; migrations run before, without it.
 */
export async function openDatabase(clientUrl: string, schema: DatabaseSchema, log?: Logger, statementTimeout?: number): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(clientUrl, schema, log));
  try {
    const applied = await orm.migrator.up();
    if (applied.length > 0) log?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    await orm.close();
    throw error;
  }
  if (!statementTimeout) return orm;
  await orm.close();
  return MikroORM.init(ormOptions(clientUrl, schema, log, statementTimeout));
}
