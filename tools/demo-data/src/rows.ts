/**
 * The rows the generator yields, one interface per table of the initial
 * migration (apps/api/src/migrations/0001-initial.ts). Keys are the SQL column
 * names, so a row is written as it is. Dates are `YYYY-MM-DD`, timestamps ISO
 * 8601 in UTC. Columns left out take the table's default (null, now(), ...).
 */

import type { ClaimStatus, Decision, FormType, PartCategory, StaffRole } from '@aftersale/domain';

export type { ClaimStatus, Decision, FormType, PartCategory };
export { CLAIM_STATUSES } from '@aftersale/domain';

/** The staff roles the demo has users for (the administrator comes from the API's environment). */
export type DemoStaffRole = Exclude<StaffRole, 'ADMIN'>;
export type ModelKind = 'PHONE' | 'FEATURE_PHONE' | 'TABLET';

/**
 * A staff demo user. Its `id` is local to the data set: the writer lets the
 * database number app_user (the administrator may already be there) and maps
 * the references in claim and claim_event onto the ids it got.
 */
export interface AppUserRow {
  id: number;
  email: string;
  name: string;
  role: DemoStaffRole;
  password_hash: string;
  created_at: string;
  updated_at: string;
}

export interface CustomerRow {
  id: number;
  code: string;
  name: string;
  country: string;
  contact_email: string;
  created_at: string;
  updated_at: string;
}

export interface ServiceCentreRow {
  id: number;
  code: string;
  name: string;
  city: string;
  country: string;
  address: string;
  created_at: string;
  updated_at: string;
}

export interface ProductModelRow {
  id: number;
  code: string;
  name: string;
  kind: ModelKind;
  barcode_pattern: string;
  created_at: string;
  updated_at: string;
}

export interface PartRow {
  id: number;
  model_id: number;
  sku: string;
  name: string;
  category: PartCategory;
  material_cost: number;
  currency: string;
  created_at: string;
  updated_at: string;
}

export interface SalesOrderRow {
  id: number;
  number: string;
  customer_id: number;
  model_id: number;
  quantity: number;
  shipped_on: string | null;
  received_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DeviceRow {
  id: number;
  imei: string;
  barcode: string;
  order_id: number;
  model_id: number;
  customer_id: number;
  received_on: string | null;
  created_at: string;
}

export interface SpareShipmentRow {
  id: number;
  order_id: number;
  part_id: number;
  quantity: number;
  negotiated: boolean;
  created_at: string;
}

export interface StockRow {
  service_centre_id: number;
  part_id: number;
  on_hand: number;
  low_stock_threshold: number;
  updated_at: string;
}

export interface ClaimRow {
  id: number;
  number: string;
  device_id: number;
  customer_id: number;
  model_id: number;
  service_centre_id: number | null;
  form_type: FormType;
  ci_number: string;
  symptoms: string;
  data_backup_acknowledged: true;
  status: ClaimStatus;
  decision: Decision | null;
  submitted_on: string;
  submitted_by_user_id: number;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ClaimEventRow {
  id: number;
  claim_id: number;
  customer_id: number;
  type: 'SUBMITTED' | 'TRANSITION';
  from_status: ClaimStatus | null;
  to_status: ClaimStatus;
  actor_user_id: number;
  actor_label: string;
  /** jsonb: the form on SUBMITTED; on a TRANSITION the domain action taken and what it recorded. */
  data: Readonly<Record<string, unknown>>;
  created_at: string;
}

/**
 * Every table of the data set, keyed by table name, in an order that
 * satisfies the foreign keys. Small tables are arrays; the ones that grow to
 * millions of rows are re-iterable streams: each iteration regenerates the
 * same rows from the seed, nothing is held in memory.
 */
export interface DataSetTables {
  app_user: readonly AppUserRow[];
  customer: readonly CustomerRow[];
  service_centre: readonly ServiceCentreRow[];
  product_model: readonly ProductModelRow[];
  part: readonly PartRow[];
  sales_order: readonly SalesOrderRow[];
  device: Iterable<DeviceRow>;
  spare_shipment: Iterable<SpareShipmentRow>;
  stock: readonly StockRow[];
  claim: Iterable<ClaimRow>;
  claim_event: Iterable<ClaimEventRow>;
}

export type TableName = keyof DataSetTables;

/** The tables in foreign-key order: each only references tables before it. */
export const TABLES_IN_WRITE_ORDER = [
  'app_user', 'customer', 'service_centre', 'product_model', 'part', 'sales_order',
  'device', 'spare_shipment', 'stock', 'claim', 'claim_event',
] as const satisfies readonly TableName[];

export interface DataSet {
  readonly seed: number;
  readonly today: string;
  /** Row counts known without generating the streams (claim_event is not: it depends on each claim's story). */
  readonly counts: Readonly<Omit<Record<TableName, number>, 'claim_event'>>;
  readonly tables: DataSetTables;
}
