import { toDayNumber } from '@aftersale/domain';
import { instantOn } from './calendar.js';
import {
  countClaimRows,
  emptyHeldRows,
  zeroIds,
  planClaims,
  tellClaim,
  type ClaimIds,
  type ClaimTable,
  type Claims,
  type HeldRows,
  type RowSink,
} from './claims.js';
import type { ClaimLife } from './claim-records.js';
import { TableText, type TableLayout } from './copy-text.js';
import type { ClaimEventRow, InvoiceRow, TableName } from './rows.js';
import { USER_REFERENCES } from './write.js';
import { buildWorld, type World, type WorldOptions } from './world.js';

/**
 * The claims of a large data set are told in batches of consecutive claims,
 * spread over worker threads. A claim's rows are numbered on from the rows of
 * every claim before it: a batch's claims are lived first and their rows
 * counted from their stories (`countClaimRows`, no row built; the main thread
 * adds the counts up into each batch's first ids), then, given its first ids,
 * told once as COPY text. The result is the same, byte for byte, as telling
 * every claim in one pass (`tellClaims`).
 */

/** What a worker needs to build the same world and claims as the main thread. */
export interface BatchSetup {
  readonly world: WorldOptions;
  readonly claims: number;
  readonly batchSize: number;
  /** The database's ids of the data set's staff users, by local id. */
  readonly userIds: readonly (readonly [number, number])[];
  /** Whether claim_event has a `position` column (written equal to the id). */
  readonly position: boolean;
}

export interface BatchTables {
  readonly world: World;
  readonly claims: Claims;
}

export function planBatches(setup: BatchSetup): BatchTables {
  const world = buildWorld(setup.world);
  return { world, claims: planClaims(world, setup.claims) };
}

export const batchCount = (setup: Pick<BatchSetup, 'claims' | 'batchSize'>): number => Math.ceil(setup.claims / setup.batchSize);

/** The claims of batch `b` (from, to exclusive) and the units on record that go with them (ids after `unitsFrom` up to `unitsTo`). */
export function batchRange(setup: Pick<BatchSetup, 'claims' | 'batchSize'>, devices: number, b: number) {
  const from = b * setup.batchSize;
  const to = Math.min(setup.claims, from + setup.batchSize);
  const unitsUpTo = (told: number) => (told >= setup.claims ? devices : Math.floor((devices * told) / Math.max(1, setup.claims)));
  return { from, to, unitsFrom: unitsUpTo(from), unitsTo: unitsUpTo(to) };
}

export function addIds(a: ClaimIds, b: ClaimIds): ClaimIds {
  const sum = { ...a };
  for (const key of Object.keys(sum) as (keyof ClaimIds)[]) sum[key] += b[key];
  return sum;
}

/** The lives of a batch's claims, and how many rows of each table they will write (counted from their stories). */
export function countBatch({ claims }: BatchTables, from: number, to: number): { lives: ClaimLife[]; counts: ClaimIds } {
  const lives: ClaimLife[] = [];
  for (let index = from; index < to; index += 1) lives.push(claims.life(index));
  const counts = zeroIds();
  for (const life of lives) countClaimRows(life, counts);
  return { lives, counts };
}

/** One table's rows of a batch, as COPY text in UTF-8. */
export interface TableChunk {
  readonly table: TableName;
  readonly layout: TableLayout;
  readonly bytes: Uint8Array;
  readonly rows: number;
}

/** What a batch leaves for the end (HeldRows, as a worker can post it). */
export interface HeldBatch {
  readonly consumed: readonly (readonly [string, number])[];
  readonly issued: readonly { key: number; at: number }[];
  readonly invoices: readonly InvoiceRow[];
  readonly events: readonly ClaimEventRow[];
  /**
   * The start of the day of the batch's last claim (ms): claims come in the order of their days, so no claim after
   * the batch is submitted before then, and no invoice still to come is issued before then.
   */
  readonly before: number;
}

/** Renders TableText per table for the tables a sink is written. */
export class TableTexts {
  private readonly texts = new Map<TableName, TableText>();
  private readonly userIds: ReadonlyMap<number, number>;

  constructor(
    userIds: ReadonlyMap<number, number>,
    private readonly position: boolean,
  ) {
    this.userIds = userIds;
  }

  text(table: TableName): TableText {
    let text = this.texts.get(table);
    if (!text) {
      text = new TableText(table, USER_REFERENCES[table] ?? [], this.userIds, table === 'claim_event' && this.position);
      this.texts.set(table, text);
    }
    return text;
  }

  readonly sink: RowSink = { write: (table: ClaimTable, row: object) => this.text(table).write(row) };

  /** Every table's text written since the last take, encoded. */
  take(): TableChunk[] {
    const chunks: TableChunk[] = [];
    for (const text of this.texts.values()) {
      const { bytes, rows } = text.take();
      if (rows > 0) chunks.push({ table: text.table, layout: text.columns!, bytes, rows });
    }
    return chunks;
  }
}

/** Writes a batch's rows, numbered on from `first`: the units on record that go with it, then every claim's rows. */
export function renderBatch(
  { world }: BatchTables,
  lives: readonly ClaimLife[],
  units: { readonly from: number; readonly to: number },
  first: ClaimIds,
  texts: TableTexts,
): { chunks: TableChunk[]; held: HeldBatch } {
  const device = texts.text('device');
  for (let id = units.from + 1; id <= units.to; id += 1) device.write(world.unitAt(id));
  const ids = { ...first };
  const held: HeldRows = emptyHeldRows();
  for (const life of lives) tellClaim(world, life, ids, held, texts.sink);
  const last = lives.at(-1);
  const before = last ? instantOn(toDayNumber(last.claim.submitted_on), 0) : -Infinity;
  return { chunks: texts.take(), held: { consumed: [...held.consumed], issued: held.issued, invoices: held.invoices, events: held.events, before } };
}

/** Messages between the main thread and a batch worker. */
export interface ToWorker {
  readonly type: 'first';
  readonly batch: number;
  readonly ids: ClaimIds;
}
export type FromWorker =
  | { readonly type: 'counted'; readonly batch: number; readonly counts: ClaimIds }
  | { readonly type: 'rendered'; readonly batch: number; readonly chunks: TableChunk[]; readonly held: HeldBatch }
  | { readonly type: 'failed'; readonly message: string };
