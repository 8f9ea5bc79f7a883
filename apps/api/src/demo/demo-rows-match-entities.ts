/**
 * The demo data (@aftersale/demo-data) writes its rows straight into the tables, not through the API's entities.
 * This file checks at compile time, table by table, that each demo row type still matches the entity of its
 * table: `npx tsc -p apps/api/tsconfig.json` (and so `npm test`) fails, naming the table and the columns, when
 *
 * - a row has a column the entity does not map (a column renamed or dropped on one side),
 * - the entity has a column that must be written (no default, not nullable) and the row leaves it out,
 * - a row's value does not fit the entity's (a wider union, a nullable value for a NOT NULL column).
 *
 * Columns are named as MikroORM names them (its default UnderscoreNamingStrategy): a property's `fieldName`,
 * else its name in snake_case, `_id` added for a many-to-one. Timestamps are ISO text in a row, `Date` on the
 * entity; a reference is the referenced row's id. The entities' columns match the migrations: see
 * demo-rows-match-entities.test.ts, which also checks invoice_counter (no entity: the API writes it in SQL).
 */
import type { DataSetRows, TableName } from '@aftersale/demo-data';
import type { EntitySchema } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';
import { Customer } from '../catalogue/customer.entity.js';
import { Part } from '../catalogue/part.entity.js';
import { ProductModel } from '../catalogue/product-model.entity.js';
import { ServiceCentre } from '../catalogue/service-centre.entity.js';
import { Assessment } from '../claims/assessment.entity.js';
import { ClaimEvent } from '../claims/claim-event.entity.js';
import { ClaimLine } from '../claims/claim-line.entity.js';
import { Claim } from '../claims/claim.entity.js';
import { MaintenanceAgreement } from '../claims/maintenance-agreement.entity.js';
import { RetainedPart } from '../claims/retained-part.entity.js';
import { Shipment } from '../claims/shipment.entity.js';
import { Device } from '../devices/device.entity.js';
import { InvoiceLine } from '../invoices/invoice-line.entity.js';
import { Invoice } from '../invoices/invoice.entity.js';
import { Order } from '../orders/order.entity.js';
import { SpareShipment } from '../orders/spare-shipment.entity.js';
import { StockMovement } from '../stock/stock-movement.entity.js';
import { Stock } from '../stock/stock.entity.js';

/** The entity (defineEntity schema) of each table the demo data writes. */
export interface DemoTableEntities {
  app_user: typeof User;
  customer: typeof Customer;
  service_centre: typeof ServiceCentre;
  product_model: typeof ProductModel;
  part: typeof Part;
  sales_order: typeof Order;
  device: typeof Device;
  spare_shipment: typeof SpareShipment;
  stock: typeof Stock;
  claim: typeof Claim;
  claim_event: typeof ClaimEvent;
  shipment: typeof Shipment;
  assessment: typeof Assessment;
  claim_line: typeof ClaimLine;
  maintenance_agreement: typeof MaintenanceAgreement;
  retained_part: typeof RetainedPart;
  stock_movement: typeof StockMovement;
  invoice: typeof Invoice;
  invoice_line: typeof InvoiceLine;
}

/** The same, at run time (for the test). */
export const DEMO_TABLE_ENTITIES: Readonly<Record<keyof DemoTableEntities, EntitySchema>> = {
  app_user: User,
  customer: Customer,
  service_centre: ServiceCentre,
  product_model: ProductModel,
  part: Part,
  sales_order: Order,
  device: Device,
  spare_shipment: SpareShipment,
  stock: Stock,
  claim: Claim,
  claim_event: ClaimEvent,
  shipment: Shipment,
  assessment: Assessment,
  claim_line: ClaimLine,
  maintenance_agreement: MaintenanceAgreement,
  retained_part: RetainedPart,
  stock_movement: StockMovement,
  invoice: Invoice,
  invoice_line: InvoiceLine,
};

/**
 * Columns the database computes (`generated always as …`), which no row may write. MikroORM's `.generated()`
 * leaves no trace in the entity's type, so they are named here; the test checks this list against the entities'
 * metadata and the database.
 */
export const GENERATED_COLUMNS = { stock: ['low'] } as const satisfies Partial<Record<keyof DemoTableEntities, readonly string[]>>;
type GeneratedColumns<T> = T extends keyof typeof GENERATED_COLUMNS ? (typeof GENERATED_COLUMNS)[T][number] : never;

/** The demo tables without an entity: the API writes them with SQL (checked against the database by the test). */
export type DemoTablesWithoutEntity = 'invoice_counter';

/** invoice_counter's row columns, listed for the test to compare with the table; they must be exactly the row type's. */
export const INVOICE_COUNTER_COLUMNS = ['year', 'last_number'] as const;

/** A property builder, or the function that returns one (relations). */
type BuilderOf<P> = P extends (...args: never[]) => infer B ? B : P;
type OptionsOf<P> = BuilderOf<P> extends { '~options': infer O } ? O : never;
type ValueOf<P> = BuilderOf<P> extends { '~type'?: { value: infer V } } ? V : never;

type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;

type IsReference<O> = O extends { kind: 'm:1' | '1:1' } ? (O extends { mappedBy: string } ? false : true) : false;

/** A property the application writes as a column: no collection, formula, computed or generated value. */
type IsWrittenColumn<O> = O extends { kind: '1:m' | 'm:n' | 'embedded' }
  ? false
  : O extends { kind: '1:1'; mappedBy: string }
    ? false
    : O extends { formula: unknown } | { persist: false } | { generated: unknown }
      ? false
      : true;

type ColumnName<K extends string, O> = O extends { fieldName: infer F extends string } ? F : IsReference<O> extends true ? `${SnakeCase<K>}_id` : SnakeCase<K>;

/** What a row may hold in the column: ISO text for a timestamp, the id for a reference, null when nullable. */
type ColumnValue<P> =
  (IsReference<OptionsOf<P>> extends true ? number : ValueOf<P> extends Date ? string : ValueOf<P>) | (OptionsOf<P> extends { nullable: true } ? null : never);

/** A column a row may leave out: the database or the ORM gives it a value, or it is nullable. */
type IsOptionalColumn<O> = O extends
  { nullable: true } | { default: unknown } | { defaultRaw: string } | { onCreate: unknown } | { version: true } | { autoincrement: true }
  ? true
  : false;

type PropertiesOf<Schema> = Schema extends { properties: infer Properties } ? Properties : never;

/** The columns of an entity, by column name: what a row may hold, and whether it may leave it out. */
export type EntityColumns<Schema> = {
  [
    K in keyof PropertiesOf<Schema> & string as IsWrittenColumn<OptionsOf<PropertiesOf<Schema>[K]>> extends true
      ? ColumnName<K, OptionsOf<PropertiesOf<Schema>[K]>>
      : never
  ]: { value: ColumnValue<PropertiesOf<Schema>[K]>; optional: IsOptionalColumn<OptionsOf<PropertiesOf<Schema>[K]>> };
};

/** How a row type differs from an entity's columns; every member is `never` when they agree. */
export interface RowDrift<Row, Columns> {
  /** Columns of the row the entity does not map. */
  unknownColumns: Exclude<keyof Row, keyof Columns>;
  /** Columns the entity needs written that the row leaves out. */
  missingColumns: { [C in keyof Columns]: Columns[C] extends { optional: true } ? never : C }[keyof Columns] extends infer Needed
    ? Exclude<Needed, keyof Row>
    : never;
  /** Columns whose row value does not fit the entity's. */
  mistypedColumns: { [C in keyof Row & keyof Columns]: [Row[C]] extends [Columns[C] extends { value: infer V } ? V : never] ? never : C }[keyof Row &
    keyof Columns];
}

/** Compiles only when the demo rows of the table agree with its entity (the error shows the drift). */
type Agrees<Drift extends { unknownColumns: never; missingColumns: never; mistypedColumns: never }> = Drift;
type DriftOf<T extends keyof DemoTableEntities> = RowDrift<DataSetRows[T], Omit<EntityColumns<DemoTableEntities[T]>, GeneratedColumns<T>>>;

/** Compiles only when every demo table has an entity above or is named as having none. */
type EveryTable<Unchecked extends never> = Unchecked;

/** Compiles only when the listed columns are exactly the row type's. */
type SameColumns<Listed extends keyof Row, Row> = Exclude<keyof Row, Listed>;

export type DemoRowsMatchEntities = [
  EveryTable<Exclude<TableName, keyof DemoTableEntities | DemoTablesWithoutEntity>>,
  EveryTable<SameColumns<(typeof INVOICE_COUNTER_COLUMNS)[number], DataSetRows['invoice_counter']>>,
  Agrees<DriftOf<'app_user'>>,
  Agrees<DriftOf<'customer'>>,
  Agrees<DriftOf<'service_centre'>>,
  Agrees<DriftOf<'product_model'>>,
  Agrees<DriftOf<'part'>>,
  Agrees<DriftOf<'sales_order'>>,
  Agrees<DriftOf<'device'>>,
  Agrees<DriftOf<'spare_shipment'>>,
  Agrees<DriftOf<'stock'>>,
  Agrees<DriftOf<'claim'>>,
  Agrees<DriftOf<'claim_event'>>,
  Agrees<DriftOf<'shipment'>>,
  Agrees<DriftOf<'assessment'>>,
  Agrees<DriftOf<'claim_line'>>,
  Agrees<DriftOf<'maintenance_agreement'>>,
  Agrees<DriftOf<'retained_part'>>,
  Agrees<DriftOf<'stock_movement'>>,
  Agrees<DriftOf<'invoice'>>,
  Agrees<DriftOf<'invoice_line'>>,
];
