import { planClaims, tellClaims, type ClaimTable } from './claims.js';
import type { DataSet, DataSetRows, DeviceRow } from './rows.js';
import { buildWorld, type WorldOptions } from './world.js';

export interface GenerateOptions extends WorldOptions {
  /** Default 300. */
  claims?: number;
}

/** Up to this many claims a data set is built in memory; larger ones are loaded with `generateLargeDataSet`. */
const MAX_IN_MEMORY_CLAIMS = 50_000;

/**
 * The demo world as rows, table by table: staff, customers, service centres,
 * models and parts, two years of orders, their units and free spare parts,
 * stock, and claims with everything the API records for them. Pure and
 * deterministic: the same options give the same rows. Units and spare
 * shipments are streams; the claims' tables are told once, when a table
 * is first read.
 *
 * @example
 * const dataSet = generateDataSet({ today: '2026-11-25', passwordHash });
 * for (const device of dataSet.tables.device) ...
 */
export function generateDataSet(options: GenerateOptions): DataSet {
  const world = buildWorld(options);
  const claims = planClaims(world, options.claims);
  if (claims.count > MAX_IN_MEMORY_CLAIMS) throw new RangeError(`claims: at most ${MAX_IN_MEMORY_CLAIMS} in memory; load more with generateLargeDataSet`);

  let told: { [T in ClaimTable]: DataSetRows[T][] } | undefined;
  const claimTables = () => {
    if (told) return told;
    const tables = {
      device: [],
      claim: [],
      claim_event: [],
      shipment: [],
      assessment: [],
      claim_line: [],
      maintenance_agreement: [],
      retained_part: [],
      stock_movement: [],
      invoice: [],
      invoice_line: [],
      invoice_counter: [],
    } as { [T in ClaimTable]: DataSetRows[T][] };
    const story = tellClaims(world, claims, { write: (table, row) => void tables[table].push(row) });
    while (!story.next().done);
    // What needed the whole history came last: put every table back in id order.
    for (const rows of Object.values(tables)) if (rows[0] && 'id' in rows[0]) (rows as { id: number }[]).sort((a, b) => a.id - b.id);
    told = tables;
    return tables;
  };
  const toldTable = <T extends ClaimTable>(table: T): Iterable<DataSetRows[T]> => ({ [Symbol.iterator]: () => claimTables()[table][Symbol.iterator]() });
  const device: Iterable<DeviceRow> = {
    *[Symbol.iterator]() {
      yield* world.units;
      yield* claimTables().device;
    },
  };

  return {
    seed: world.seed,
    today: world.today,
    counts: {
      app_user: world.app_user.length,
      customer: world.customers.length,
      service_centre: world.service_centre.length,
      product_model: world.product_model.length,
      part: world.part.length,
      sales_order: world.orders.length,
      spare_shipment: world.spareShipments,
      stock: world.stock.length,
      claim: claims.count,
    },
    tables: {
      app_user: world.app_user,
      customer: world.customers.map((c) => c.row),
      service_centre: world.service_centre,
      product_model: world.product_model,
      part: world.part,
      sales_order: world.orders.map((o) => o.row),
      device,
      spare_shipment: world.spare_shipment,
      stock: world.stock,
      claim: toldTable('claim'),
      claim_event: toldTable('claim_event'),
      shipment: toldTable('shipment'),
      assessment: toldTable('assessment'),
      claim_line: toldTable('claim_line'),
      maintenance_agreement: toldTable('maintenance_agreement'),
      retained_part: toldTable('retained_part'),
      stock_movement: toldTable('stock_movement'),
      invoice: toldTable('invoice'),
      invoice_line: toldTable('invoice_line'),
      invoice_counter: toldTable('invoice_counter'),
    },
  };
}
