import type { Readable } from 'node:stream';
import { isCalendarDate, isValidBarcode, isValidImei } from '@aftersale/domain';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parse } from 'csv-parse';
import { staffUserId, type Actor } from '../platform/actor.js';
import { Order } from '../orders/order.entity.js';
import type { Clock } from '../platform/clock.js';
import { ConflictError, NotFoundError } from '../platform/errors.js';
import { parseId } from '../platform/ids.js';

/** One reason a file was refused. `row` is the line in the file (the header is line 1); 0 for the file as a whole. */
export interface ImportProblem {
  row: number;
  field: string | null;
  value: string | null;
  reason: string;
}

export interface ImportResult {
  /** Units written: all the file's rows, or 0 when it was refused. */
  imported: number;
  /** Data rows read. */
  rows: number;
  /** Every bad row; empty when the file was imported. */
  problems: ImportProblem[];
}

interface UnitRow {
  row: number;
  imei: string;
  barcode: string;
  receivedOn: string | null;
}

const BATCH = 5_000;
/** Accepted header spellings, after lower-casing and dropping spaces, dashes and underscores. */
const COLUMNS: Record<string, keyof Omit<UnitRow, 'row'>> = { imei: 'imei', barcode: 'barcode', receivedon: 'receivedOn', receiveddate: 'receivedOn' };

class Refused extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super('import refused');
  }
}

/**
 * Imports an order's units from CSV (`imei,barcode[,receivedOn]`).
 *
 * The file is read as a stream and validated whole before anything is kept:
 * each row is checked as it arrives (IMEI check digit, barcode against the
 * model's pattern, date), the good ones go in batches into a temporary table,
 * and SQL then finds duplicates within the file and against the database in
 * one pass each. Any problem rolls the transaction back, so a bad file writes
 * nothing, and every bad row is reported. Memory stays flat: only the
 * current batch and the problems are held.
 */
export class DeviceImporter {
  constructor(private readonly clock: Clock) {}

  async import(em: EntityManager, actor: Actor, orderId: string, csv: Readable, fileName: string | null = null): Promise<ImportResult> {
    const id = parseId(orderId, 'orderId');
    let rows = 0;
    try {
      const imported = await em.transactional(async (tx) => {
        // One import per order at a time, so two files cannot overfill it together.
        const [locked] = await tx.execute<{ id: number }[]>('select id from sales_order where id = ? for update', [id]);
        if (!locked) throw new NotFoundError('Order', orderId);
        const order = await tx.findOneOrFail(Order, id, { populate: ['model'] });
        await tx.execute('create temp table import_unit (row int not null, imei text not null, barcode text not null, received_on date) on commit drop');

        const problems: ImportProblem[] = [];
        const check = this.rowChecker(order, problems);
        let batch: UnitRow[] = [];
        for await (const unit of readUnits(csv, problems)) {
          rows++;
          if (check(unit)) batch.push(unit);
          if (batch.length === BATCH) batch = await insertBatch(tx, batch);
        }
        await insertBatch(tx, batch);

        const [{ existing } = { existing: 0 }] = await tx.execute<{ existing: number }[]>('select count(*)::int as existing from device where order_id = ?', [
          id,
        ]);
        if (rows === 0 && problems.length === 0) problems.push({ row: 0, field: null, value: null, reason: 'The file has no units.' });
        if (existing + rows > order.quantity) {
          problems.push({
            row: 0,
            field: null,
            value: String(rows),
            reason: `Order ${order.number} is for ${order.quantity} units and ${existing} are already imported: the file has ${rows}, room is left for ${order.quantity - existing}.`,
          });
        }
        problems.push(...(await duplicates(tx, order.model.id)));
        if (problems.length > 0) throw new Refused(problems.sort((a, b) => a.row - b.row));

        await tx.execute(
          `insert into device (imei, barcode, order_id, model_id, customer_id, received_on)
           select imei, barcode, ?, ?, ?, received_on from import_unit order by row`,
          [id, order.model.id, order.customer.id],
        );
        await tx.execute('insert into device_import (order_id, file_name, units, imported_by) values (?, ?, ?, ?)', [
          id,
          fileName?.slice(0, 200) ?? null,
          rows,
          staffUserId(actor),
        ]);
        return rows;
      });
      return { imported, rows, problems: [] };
    } catch (error) {
      if (error instanceof Refused) return { imported: 0, rows, problems: error.problems };
      // Another import registered one of these IMEIs between our check and our insert.
      if (error instanceof UniqueConstraintViolationException)
        throw new ConflictError('Another import registered some of these units at the same time: try again to see which.');
      throw error;
    }
  }

  /** The per-row rules (no database): IMEI check digit, barcode pattern, received date. */
  private rowChecker(order: Order, problems: ImportProblem[]) {
    const today = this.clock.today();
    const pattern = order.model.barcodePattern;
    return (unit: UnitRow): boolean => {
      const before = problems.length;
      const problem = (field: keyof UnitRow, reason: string) => problems.push({ row: unit.row, field, value: String(unit[field] ?? ''), reason });
      if (!isValidImei(unit.imei)) problem('imei', unit.imei === '' ? 'The IMEI is missing.' : 'Not a valid IMEI: 15 digits with a correct check digit.');
      if (!isValidBarcode(unit.barcode, pattern))
        problem('barcode', unit.barcode === '' ? 'The barcode is missing.' : `Does not match the ${order.model.name} barcode pattern ${pattern}.`);
      if (unit.receivedOn !== null) {
        if (!isCalendarDate(unit.receivedOn)) problem('receivedOn', 'Not a date: write YYYY-MM-DD.');
        else if (unit.receivedOn > today) problem('receivedOn', 'The date is in the future.');
        else if (order.shippedOn && unit.receivedOn < order.shippedOn) problem('receivedOn', `Before the order was shipped (${order.shippedOn}).`);
      }
      return problems.length === before;
    };
  }
}

/** Parses the CSV stream into rows, reporting a bad header or a malformed line as a problem. */
async function* readUnits(csv: Readable, problems: ImportProblem[]): AsyncGenerator<UnitRow> {
  const parser = csv.pipe(parse({ bom: true, trim: true, skip_empty_lines: true, relax_column_count: true, info: true }));
  let columns: (keyof Omit<UnitRow, 'row'> | undefined)[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!columns) {
        columns = record.map((name) => COLUMNS[name.toLowerCase().replace(/[\s_-]/g, '')]);
        const missing = (['imei', 'barcode'] as const).filter((name) => !columns!.includes(name));
        if (missing.length > 0) {
          problems.push({
            row: info.lines,
            field: null,
            value: record.join(','),
            reason: `The header must name the columns imei, barcode and optionally receivedOn; missing: ${missing.join(', ')}.`,
          });
          return;
        }
        continue;
      }
      const unit: UnitRow = { row: info.lines, imei: '', barcode: '', receivedOn: null };
      columns.forEach((column, index) => {
        const value = record[index] ?? '';
        if (column === 'receivedOn') unit.receivedOn = value === '' ? null : value;
        else if (column) unit[column] = value;
      });
      yield unit;
    }
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    problems.push({ row: line, field: null, value: null, reason: `The file is not valid CSV here: ${(error as Error).message}` });
  } finally {
    csv.destroy();
  }
}

async function insertBatch(tx: EntityManager, batch: UnitRow[]): Promise<UnitRow[]> {
  if (batch.length === 0) return batch;
  // One statement per batch; the rows travel as one JSON parameter.
  await tx.execute(`insert into import_unit select * from json_to_recordset(?::json) as u(row int, imei text, barcode text, "receivedOn" date)`, [
    JSON.stringify(batch),
  ]);
  return [];
}

/** Duplicates within the file (every repeat after the first) and against units already registered. */
async function duplicates(tx: EntityManager, modelId: number): Promise<ImportProblem[]> {
  const rows = await tx.execute<{ row: number; field: string; value: string; reason: string }[]>(
    `select row, 'imei' as field, imei as value, 'The IMEI is also on line ' || first || ' of the file.' as reason
       from (select row, imei, min(row) over (partition by imei) as first from import_unit) u where row <> first
     union all
     select row, 'barcode', barcode, 'The barcode is also on line ' || first || ' of the file.'
       from (select row, barcode, min(row) over (partition by barcode) as first from import_unit) u where row <> first
     union all
     select u.row, 'imei', u.imei, 'The IMEI is already registered (order ' || o.number || ').'
       from import_unit u join device d on d.imei = u.imei join sales_order o on o.id = d.order_id
     union all
     select u.row, 'barcode', u.barcode, 'The barcode is already registered for this model (IMEI ' || d.imei || ').'
       from import_unit u join device d on d.model_id = ? and d.barcode = u.barcode`,
    [modelId],
  );
  return rows.map((r) => ({ row: r.row, field: r.field, value: r.value, reason: r.reason }));
}
