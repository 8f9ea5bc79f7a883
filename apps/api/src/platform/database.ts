import { MikroORM, type EntityName, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ApiKey } from '../auth/api-key.entity.js';
import { User } from '../auth/user.entity.js';
import { Customer } from '../catalogue/customer.entity.js';
import { Part } from '../catalogue/part.entity.js';
import { ProductModel } from '../catalogue/product-model.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { ClaimEvent } from '../claims/claim-event.entity.js';
import { Attachment } from '../claims/attachment.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { Assessment, ClaimLine, MaintenanceAgreement, RetainedPart, Shipment } from '../claims/claim-records.entity.js';
import { Invoice, InvoiceLine } from '../invoices/invoice.entity.js';
import { Device } from '../devices/device.entity.js';
import { Migration0001Initial } from '../migrations/0001-initial.js';
import { Order } from '../orders/order.entity.js';
import { SpareShipment } from '../orders/spare-shipment.entity.js';
import { Migration0002StockAndImports } from '../migrations/0002-stock-and-imports.js';
import { Migration0003ClaimsFlow } from '../migrations/0003-claims-flow.js';
import { Migration0004ReplacedUnits } from '../migrations/0004-replaced-units.js';
import { Stock, StockMovement } from '../stock/stock.entity.js';
import type { Logger } from './logger.js';

export { MikroORM };
export type { EntityManager } from '@mikro-orm/postgresql';

export const entities: EntityName[] = [User, ApiKey, Customer, ServiceCentre, ProductModel, Part, Order, SpareShipment, Device, Stock, StockMovement, Claim, ClaimEvent, Assessment, ClaimLine, MaintenanceAgreement, Shipment, RetainedPart, Invoice, InvoiceLine, Attachment];

/** Committed migrations, in order. A new migration is a new file and a new line here. */
export const migrations = [
  { name: '0001-initial', class: Migration0001Initial },
  { name: '0002-stock-and-imports', class: Migration0002StockAndImports },
  { name: '0003-claims-flow', class: Migration0003ClaimsFlow },
  { name: '0004-replaced-units', class: Migration0004ReplacedUnits },
];

export function ormOptions(clientUrl: string, log?: Logger, statementTimeout?: number): Options {
  return {
    clientUrl,
    // pg sets it on each pooled connection: a runaway query is cancelled (57014) instead of holding a connection.
    ...(statementTimeout && { driverOptions: { statement_timeout: statementTimeout } }),
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
export async function openDatabase(clientUrl: string, log?: Logger, statementTimeout?: number): Promise<MikroORM> {
  const orm = await MikroORM.init(ormOptions(clientUrl, log));
  try {
    const applied = await orm.migrator.up();
    if (applied.length > 0) log?.info({ migrations: applied.map((m) => m.name) }, 'migrations applied');
  } catch (error) {
    await orm.close();
    throw error;
  }
  if (!statementTimeout) return orm;
  await orm.close();
  return MikroORM.init(ormOptions(clientUrl, log, statementTimeout));
}
