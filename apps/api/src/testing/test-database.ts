import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the migrated template database; test files clone it. */
    templateDatabaseUrl: string;
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template: no state shared between test files. */
export function createTestDatabase(): Promise<TestDatabase> {
  return createDatabase(`template ${new URL(inject('templateDatabaseUrl')).pathname.slice(1)}`);
}

/** An empty database, no migration applied: for a test of a migration on data written before it. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return createDatabase('template template0');
}

async function createDatabase(from: string): Promise<TestDatabase> {
  const templateUrl = new URL(inject('templateDatabaseUrl'));
  const name = `test_${randomBytes(6).toString('hex')}`;
  const adminUrl = Object.assign(new URL(templateUrl), { pathname: '/postgres' }).href;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} ${from}`);
  } finally {
    await admin.end();
  }
  const url = Object.assign(new URL(templateUrl), { pathname: `/${name}` }).href;
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
