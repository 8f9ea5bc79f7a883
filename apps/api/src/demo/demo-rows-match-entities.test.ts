import { generateDataSet, TABLES_IN_WRITE_ORDER } from '@aftersale/demo-data';
import { ReferenceKind, type EntityProperty } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/test-app.js';
import { DEMO_TABLE_ENTITIES, GENERATED_COLUMNS, INVOICE_COUNTER_COLUMNS } from './demo-rows-match-entities.js';

/**
 * The other half of demo-rows-match-entities.ts (which checks, at compile time, each demo row type against its
 * table's entity): each of those entities against the migrated table, the columns that file names by hand
 * (generated ones, invoice_counter's), and the rows a demo data set really holds.
 */

interface TableColumn {
  column_name: string;
  /** NOT NULL, no default, not generated, not an identity: an insert must give it. */
  required: boolean;
  generated: boolean;
}

let t: TestApp;
const columns = new Map<string, TableColumn[]>();

beforeAll(async () => {
  t = await startTestApp();
  const rows = await t.app.orm.em
    .fork()
    .getConnection()
    .execute<(TableColumn & { table_name: string })[]>(
      `select table_name, column_name,
              is_nullable = 'NO' and column_default is null and is_generated = 'NEVER' and is_identity = 'NO' as required,
              is_generated = 'ALWAYS' as generated
         from information_schema.columns
        where table_schema = current_schema()`,
    );
  for (const row of rows) columns.set(row.table_name, [...(columns.get(row.table_name) ?? []), row]);
});
afterAll(() => t?.close());

const columnsOf = (table: string) => {
  const found = columns.get(table);
  if (!found) throw new Error(`no table ${table}`);
  return found;
};
const names = (list: readonly { column_name: string }[]) => list.map((column) => column.column_name).sort();

/** The columns an entity's properties write: its scalars and owning references, without formulas or collections. */
function writtenColumns(properties: Record<string, EntityProperty>): string[] {
  return Object.values(properties)
    .filter((property) => property.persist !== false && !property.formula)
    .filter(
      (property) =>
        property.kind === ReferenceKind.SCALAR || property.kind === ReferenceKind.MANY_TO_ONE || (property.kind === ReferenceKind.ONE_TO_ONE && property.owner),
    )
    .flatMap((property) => property.fieldNames)
    .sort();
}

describe("the demo data's tables, entities and rows", () => {
  it.each(Object.entries(DEMO_TABLE_ENTITIES))("%s: the entity maps only the table's columns, and every column an insert must give", (table, schema) => {
    const meta = t.app.orm.getMetadata().find(schema);
    expect(meta?.tableName).toBe(table);
    const mapped = writtenColumns(meta!.properties as Record<string, EntityProperty>);
    const inTable = columnsOf(table);
    expect(mapped.filter((column) => !inTable.some((c) => c.column_name === column))).toEqual([]);
    expect(names(inTable.filter((column) => column.required && !mapped.includes(column.column_name)))).toEqual([]);
  });

  it('names every generated column of the demo tables, and each is generated in the entity and the database', () => {
    const generated = Object.fromEntries(
      TABLES_IN_WRITE_ORDER.map((table) => [table, names(columnsOf(table).filter((column) => column.generated))] as const).filter(
        ([, list]) => list.length > 0,
      ),
    );
    expect(generated).toEqual(Object.fromEntries(Object.entries(GENERATED_COLUMNS).map(([table, list]) => [table, [...list].sort()])));
    for (const [table, list] of Object.entries(GENERATED_COLUMNS)) {
      const meta = t.app.orm.getMetadata().find(DEMO_TABLE_ENTITIES[table as keyof typeof GENERATED_COLUMNS])!;
      for (const column of list) {
        const property = Object.values(meta.properties as Record<string, EntityProperty>).find((p) => p.fieldNames.includes(column));
        expect(property?.generated, `${table}.${column}`).toBeTruthy();
      }
    }
  });

  it('lists exactly the columns of invoice_counter, the one demo table without an entity', () => {
    expect(names(columnsOf('invoice_counter'))).toEqual([...INVOICE_COUNTER_COLUMNS].sort());
  });

  it('writes rows whose every column is in its table, and that give every column an insert must give', () => {
    const dataSet = generateDataSet({ today: '2026-06-01', passwordHash: '!' });
    for (const table of TABLES_IN_WRITE_ORDER) {
      const written = new Set<string>();
      for (const row of dataSet.tables[table] as Iterable<object>) for (const key of Object.keys(row)) written.add(key);
      const inTable = columnsOf(table);
      expect(
        [...written].filter((column) => !inTable.some((c) => c.column_name === column)),
        table,
      ).toEqual([]);
      expect(names(inTable.filter((column) => column.required && !written.has(column.column_name))), table).toEqual([]);
    }
  });
});
