import { describe, expect, it } from 'vitest';
import { generateDataSet } from './generate.js';
import { TABLES_IN_WRITE_ORDER } from './rows.js';
import { IDENTITY_TABLES, writeDataSet, type SqlClient } from './write.js';

/** Records statements and answers the staff lookup as a database would, with ids of its own. */
function recordingClient() {
  const statements: { sql: string; params: unknown[] }[] = [];
  const client: SqlClient = {
    async query(sql, params = []) {
      statements.push({ sql, params });
      if (sql.startsWith('select id, email from app_user')) {
        return { rows: (params[0] as string[]).map((email, i) => ({ id: 41 + i, email })) };
      }
      return { rows: [] };
    },
  };
  return { client, statements };
}

const dataSet = generateDataSet({ today: '2026-11-25', passwordHash: 'hash', devices: 2500, claims: 120 });

describe('writeDataSet', () => {
  it("inserts every table in foreign-key order, in statements within PostgreSQL's parameter limit", async () => {
    const { client, statements } = recordingClient();
    const written = await writeDataSet(client, dataSet, { batchSize: 1000 });
    const inserts = statements.filter((s) => s.sql.startsWith('insert into'));
    const tables = inserts.map((s) => /^insert into (\w+)/.exec(s.sql)?.[1]);
    expect([...new Set(tables)]).toEqual([...TABLES_IN_WRITE_ORDER]);
    expect(inserts.every((s) => s.params.length <= 65_535)).toBe(true);
    const units = [...dataSet.tables.device];
    expect(units.filter((d) => d.replaces_device_id === null)).toHaveLength(2500);
    expect(tables.filter((t) => t === 'device')).toHaveLength(3);
    expect(written.device).toBe(units.length);
    expect(written.claim).toBe(120);
    expect(written.claim_event).toBe([...dataSet.tables.claim_event].length);
    const deviceParams = inserts.filter((s) => s.sql.startsWith('insert into device')).reduce((n, s) => n + s.params.length, 0);
    expect(deviceParams).toBe(units.length * Object.keys(units[0] ?? {}).length);
  });

  it('lets the database number staff users and maps claims and events onto those ids', async () => {
    const { client, statements } = recordingClient();
    await writeDataSet(client, dataSet);
    const users = statements.find((s) => s.sql.startsWith('insert into app_user'));
    expect(users?.sql).not.toMatch(/"id"/);
    expect(users?.sql).toMatch(/on conflict \(email\) do nothing$/);
    const claimInsert = statements.find((s) => s.sql.startsWith('insert into claim '));
    const columns = /\(([^)]*)\) values/.exec(claimInsert?.sql ?? '')?.[1]?.split(',') ?? [];
    const submittedBy = columns.indexOf('"submitted_by_user_id"');
    expect(claimInsert?.params[submittedBy]).toBe(41);
    // Every staff reference of the events and the claims flow's records too: the technician is 42 here, the agent 41
    // (an opening stock balance has no actor).
    const references = [
      ['claim_event', 'actor_user_id', [41, 42]],
      ['assessment', 'assessed_by', [42]],
      ['maintenance_agreement', 'recorded_by', [41]],
      ['stock_movement', 'actor_user_id', [42, null]],
    ] as const;
    for (const [table, column, ids] of references) {
      const inserts = statements.filter((s) => s.sql.startsWith(`insert into ${table} `));
      const names = /\(([^)]*)\) values/.exec(inserts[0]?.sql ?? '')?.[1]?.split(',') ?? [];
      const at = names.indexOf(`"${column}"`);
      const values = inserts.flatMap((s) => s.params.filter((_, i) => i % names.length === at));
      expect(values.length, table).toBeGreaterThan(0);
      expect(new Set(values), table).toEqual(new Set(ids));
    }
  });

  it('sends jsonb values as JSON text', async () => {
    const { client, statements } = recordingClient();
    await writeDataSet(client, dataSet);
    const event = statements.find((s) => s.sql.startsWith('insert into claim_event'));
    expect(event?.params.some((p) => typeof p === 'string' && p.startsWith('{"formType":'))).toBe(true);
  });

  it('moves every identity sequence and claim_number_seq past what it wrote', async () => {
    const { client, statements } = recordingClient();
    await writeDataSet(client, dataSet);
    const setvals = statements.filter((s) => s.sql.includes('setval')).map((s) => s.sql);
    expect(IDENTITY_TABLES).toHaveLength(17);
    for (const table of IDENTITY_TABLES) {
      expect(setvals).toContain(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce(max(id), 0) + 1, false) from ${table}`);
    }
    expect(setvals.some((sql) => sql.startsWith("select setval('claim_number_seq'"))).toBe(true);
  });

  it('reports the rows written so far per table', async () => {
    const { client } = recordingClient();
    const progress: [string, number][] = [];
    await writeDataSet(client, dataSet, { batchSize: 1000, onProgress: (table, rows) => progress.push([table, rows]) });
    const units = [...dataSet.tables.device].length;
    expect(progress.filter(([table]) => table === 'device')).toEqual([['device', 1000], ['device', 2000], ['device', units]]);
  });

  it('stops at the first failing statement', async () => {
    const client: SqlClient = {
      query: async (sql) => {
        if (sql.startsWith('insert into device')) throw new Error('duplicate key value violates unique constraint "device_imei_key"');
        return { rows: [{ id: 1, email: 'agent@aftersale.test' }, { id: 2, email: 'tech@aftersale.test' }, { id: 3, email: 'analyst@aftersale.test' }] };
      },
    };
    await expect(writeDataSet(client, dataSet)).rejects.toThrow(/device_imei_key/);
  });
});
