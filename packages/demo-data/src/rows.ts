/**
 * The rows the generator yields, one interface per table of the migrations
 * (apps/api/src/migrations: 0001-initial.ts, 0003-claims-flow.ts). Keys are the SQL column
 * names, so a row is written as it is. Dates are `YYYY-MM-DD`, timestamps ISO
 * 8601 in UTC. Columns left out take the table's default (null, now(), ...).
 */

import type {
  ClaimAction,
  ClaimStatus,
  Decision,
  Finding,
  FormType,
  InvoiceLineKind,
  InvoiceStatus,
  PartCategory,
  PolicyClause,
  QuoteStatus,
  StaffRole,
} from '@aftersale/domain';

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
  address: string;
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
  /** W4: a replacement unit given on a claim names the unit it replaces and keeps its received date. */
  replaces_device_id: number | null;
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
  /** H6, H8: PENDING after an assessment that charges something, then the customer's answer. */
  quote_status: QuoteStatus | null;
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
  /** As the API writes it: SUBMITTED, the workflow action taken, or the invoice's step. */
  type: 'SUBMITTED' | ClaimAction | 'INVOICE_ISSUED' | 'INVOICE_PAID';
  /** Null on invoice events, which do not move the claim. */
  from_status: ClaimStatus | null;
  to_status: ClaimStatus | null;
  actor_user_id: number;
  actor_label: string;
  /** jsonb: the form on SUBMITTED; what the step recorded, as the API's event carries it, otherwise. */
  data: Readonly<Record<string, unknown>>;
  created_at: string;
}

/** H2, H7: the unit's trip to the centre (RECEIVE_UNIT) and back (SHIP). */
export interface ShipmentRow {
  id: number;
  claim_id: number;
  direction: 'INBOUND' | 'OUTBOUND';
  carrier: string;
  tracking_number: string;
  shipped_on: string;
  /** Cents the customer paid the carrier: recorded, never invoiced. */
  cost: number | null;
  created_at: string;
}

/** RECORD_ASSESSMENT: the decided assessment (R5: with its policy version). */
export interface AssessmentRow {
  id: number;
  claim_id: number;
  findings: Finding[];
  proposed_decision: Decision;
  decision: Decision;
  clauses: PolicyClause[];
  override_reason: string | null;
  policy_version: string;
  under_warranty: boolean;
  last_covered_day: string;
  replacement_allowed: boolean;
  agreement_required: boolean;
  total: number;
  service_charge: number | null;
  service_charge_description: string | null;
  assessed_by: number;
  created_at: string;
}

/** A faulty part as the assessment judged it (R1). */
export interface ClaimLineRow {
  id: number;
  claim_id: number;
  part_id: number;
  category: PartCategory;
  material_cost: number;
  worn: boolean;
  covered: boolean;
  clauses: PolicyClause[];
  charge: number;
}

/** H9: RECORD_AGREEMENT. */
export interface MaintenanceAgreementRow {
  id: number;
  claim_id: number;
  signed_on: string;
  signed_by: string;
  recorded_by: number;
  created_at: string;
}

/** H5: a part removed under warranty at COMPLETE_REPAIR, kept by the company. */
export interface RetainedPartRow {
  id: number;
  claim_id: number;
  part_id: number;
  service_centre_id: number;
  quantity: number;
  created_at: string;
}

/** The stock ledger: each centre's opening balance, then one CONSUMPTION per part a repair used. */
export interface StockMovementRow {
  id: number;
  service_centre_id: number;
  part_id: number;
  delta: number;
  kind: 'RECEIPT' | 'CONSUMPTION';
  reason: string;
  claim_id: number | null;
  actor_user_id: number | null;
  created_at: string;
}

/** H6–H8: a paid repair's invoice, numbered gaplessly per year when issued. */
export interface InvoiceRow {
  id: number;
  claim_id: number;
  customer_id: number;
  status: Exclude<InvoiceStatus, 'VOID'>;
  year: number | null;
  sequence: number | null;
  number: string | null;
  currency: string;
  total: number;
  issued_on: string | null;
  paid_on: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface InvoiceLineRow {
  id: number;
  invoice_id: number;
  kind: InvoiceLineKind;
  description: string;
  part_id: number | null;
  quantity: number;
  unit_amount: number;
  amount: number;
  clauses: PolicyClause[];
}

/** The last invoice number given per year: the API's next issued invoice continues from it. */
export interface InvoiceCounterRow {
  year: number;
  last_number: number;
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
  shipment: Iterable<ShipmentRow>;
  assessment: Iterable<AssessmentRow>;
  claim_line: Iterable<ClaimLineRow>;
  maintenance_agreement: Iterable<MaintenanceAgreementRow>;
  retained_part: Iterable<RetainedPartRow>;
  stock_movement: Iterable<StockMovementRow>;
  invoice: Iterable<InvoiceRow>;
  invoice_line: Iterable<InvoiceLineRow>;
  invoice_counter: Iterable<InvoiceCounterRow>;
}

export type TableName = keyof DataSetTables;

/** The row type of each table. */
export type DataSetRows = { [T in TableName]: DataSetTables[T] extends Iterable<infer R> ? R : never };

/** The tables in foreign-key order: each only references tables before it. */
export const TABLES_IN_WRITE_ORDER = [
  'app_user',
  'customer',
  'service_centre',
  'product_model',
  'part',
  'sales_order',
  'device',
  'spare_shipment',
  'stock',
  'claim',
  'claim_event',
  'shipment',
  'assessment',
  'claim_line',
  'maintenance_agreement',
  'retained_part',
  'stock_movement',
  'invoice',
  'invoice_line',
  'invoice_counter',
] as const satisfies readonly TableName[];

/** The tables whose rows depend on every claim's story, so their sizes are known only by generating them. */
export type ClaimStoryTable = Exclude<
  TableName,
  'app_user' | 'customer' | 'service_centre' | 'product_model' | 'part' | 'sales_order' | 'spare_shipment' | 'stock' | 'claim'
>;

export interface DataSet {
  readonly seed: number;
  readonly today: string;
  /**
   * Row counts known without generating the streams. The tables that depend on each claim's story are not
   * (nor is device: replacement units are added to it).
   */
  readonly counts: Readonly<Omit<Record<TableName, number>, ClaimStoryTable>>;
  readonly tables: DataSetTables;
}
