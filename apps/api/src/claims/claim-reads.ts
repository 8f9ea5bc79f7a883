import type { ClaimStatus, Decision, FormType } from '@aftersale/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, type RawBuilder } from 'kysely';
import { rowsOf } from '../platform/prepared-statements.js';
import type { Selection } from '../platform/selection.js';
import type { Claim } from './claim.entity.js';

/**
 * The claim read path: one SQL statement for a page or a claim, joining only
 * the relations the query selects, answered as plain objects of the entities'
 * shape (no hydration, no identity map). Writes stay on the entities and the
 * unit of work; this file only reads.
 */

export interface ModelView {
  id: number;
  code: string;
  name: string;
  kind: string;
  barcodePattern: string;
  version: number;
}

export interface CustomerView {
  id: number;
  code: string;
  name: string;
  country: string;
  contactEmail: string | null;
  address: string | null;
  version: number;
}

export interface ServiceCentreView {
  id: number;
  code: string;
  name: string;
  city: string;
  country: string;
  address: string;
  version: number;
}

export interface OrderView {
  id: number;
  number: string;
  quantity: number;
  shippedOn: string | null;
  receivedOn: string | null;
  allowanceNegotiated: boolean;
  allowanceReason: string | null;
  version: number;
  createdAt: Date;
  customer: CustomerView;
  model: ModelView;
}

export interface DeviceView {
  id: number;
  imei: string;
  barcode: string;
  receivedOn: string | null;
  createdAt: Date;
  replacedByImei?: string | null;
  order: OrderView;
  model: ModelView;
  customer: CustomerView;
}

/** A claim as the reads serve it: the entity's fields, with the relations the query asked for. */
export interface ClaimView {
  id: number;
  number: string;
  status: ClaimStatus;
  formType: FormType;
  ciNumber: string;
  symptoms: string;
  dataBackupAcknowledged: boolean;
  decision: Decision | null;
  quoteStatus: 'PENDING' | 'APPROVED' | 'DECLINED' | null;
  submittedOn: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  serviceCentre: { id: number } | ServiceCentreView | null;
  device: DeviceView;
  model: ModelView;
  customer: CustomerView;
  /** The event log, oldest first, when the query selects it (read in the same statement). */
  events?: ClaimEventView[];
  /** What the state machine's guards read, for a claim step (`ClaimIncludes.guard`). */
  guard?: ClaimGuardRecord;
}

/** The records a claim step's guards depend on: the latest assessment's decision fields, whether an agreement is on record. */
export interface ClaimGuardRecord {
  assessment: {
    decision: Decision;
    agreementRequired: boolean;
    replacementAllowed: boolean;
    total: number;
    serviceCharge: number | null;
  } | null;
  agreementOnRecord: boolean;
}

/** One line of a claim's story, as the API serves it. */
export interface ClaimEventView {
  id: number;
  claimId: number;
  type: string;
  fromStatus: ClaimStatus | null;
  toStatus: ClaimStatus | null;
  actor: string;
  at: Date;
  note: string | null;
  data: Record<string, unknown>;
}

/** A claim_event row as the reads select it (`created_at` as epoch milliseconds). */
export interface ClaimEventRow {
  id: string | number;
  claim_id: number;
  type: string;
  from_status: ClaimStatus | null;
  to_status: ClaimStatus | null;
  actor_label: string;
  data?: Record<string, unknown>;
  created_at: number;
}

export const eventOf = (row: ClaimEventRow): ClaimEventView => ({
  id: Number(row.id),
  claimId: row.claim_id,
  type: row.type,
  fromStatus: row.from_status,
  toStatus: row.to_status,
  actor: row.actor_label,
  at: new Date(row.created_at),
  // Not read when the query selects neither (ClaimIncludes.eventData).
  note: typeof row.data?.['note'] === 'string' ? row.data['note'] : null,
  data: row.data ?? {},
});

/** What a claim query selects, as relations to join. */
export interface ClaimIncludes {
  symptoms: boolean;
  device: boolean;
  order: boolean;
  replacedBy: boolean;
  model: boolean;
  customer: boolean;
  serviceCentre: boolean;
  /** The event log, as a JSON array in the same statement (no second round trip). */
  events: boolean;
  /** Whether the events' `data` (and the note in it) is read: absent, it is (a fifth of the statement's time on the million). */
  eventData?: boolean;
  /**
   * The fields the query reads of the claim and of its unit, model and
   * customer: only their columns are read. Absent: every column (a claim
   * handed on whole).
   */
  fields?: { claim: FieldNames; device: FieldNames; model: FieldNames; customer: FieldNames };
  /** What a claim step's guards read (its latest assessment, whether an agreement is on record), in the same statement. */
  guard?: boolean;
}

type FieldNames = ReadonlySet<string>;

/** The joins a claim's selection needs (`claim { device { imei } }` joins device only). */
export function claimIncludes(claim: Selection | undefined): ClaimIncludes {
  const device = claim?.['device'];
  const order = device?.['order'];
  const warranty = device?.['underWarranty'] !== undefined || device?.['lastCoveredDay'] !== undefined;
  const names = (...selections: (Selection | undefined)[]) => new Set(selections.flatMap((s) => (s ? Object.keys(s) : [])));
  return {
    symptoms: claim?.['symptoms'] !== undefined,
    device: device !== undefined,
    order: order !== undefined || warranty,
    replacedBy: device?.['replacedByImei'] !== undefined || warranty,
    model: claim?.['model'] !== undefined || device?.['model'] !== undefined || order?.['model'] !== undefined,
    customer: claim?.['customer'] !== undefined || device?.['customer'] !== undefined || order?.['customer'] !== undefined,
    serviceCentre: claim?.['serviceCentre'] !== undefined,
    events: claim?.['events'] !== undefined,
    eventData: claim?.['events']?.['note'] !== undefined || claim?.['events']?.['data'] !== undefined,
    fields: {
      claim: names(claim),
      device: names(device),
      model: names(claim?.['model'], device?.['model'], order?.['model']),
      customer: names(claim?.['customer'], device?.['customer'], order?.['customer']),
    },
  };
}

/**
 * The columns behind each field of the claim and its relations, as far as
 * the read path knows them. A field not listed here (another feature's field
 * resolver, say, that reads more of its parent) reads every column.
 */
const COLUMNS_OF_FIELDS = {
  claim: {
    id: [],
    __typename: [],
    number: ['number'],
    status: ['status'],
    formType: ['form_type'],
    ciNumber: ['ci_number'],
    symptoms: [],
    dataBackupAcknowledged: ['data_backup_acknowledged'],
    decision: ['decision'],
    submittedOn: ['submitted_on'],
    submittedAt: ['created_at'],
    updatedAt: ['updated_at'],
    version: ['version'],
    device: [],
    model: [],
    customer: [],
    events: [],
  },
  device: {
    id: [],
    __typename: [],
    imei: ['imei'],
    barcode: ['barcode'],
    receivedOn: ['received_on'],
    lastCoveredDay: ['received_on'],
    underWarranty: ['received_on'],
    replacedByImei: [],
    order: [],
    model: [],
    customer: [],
  },
  model: { id: [], __typename: [], code: ['code'], name: ['name'], kind: ['kind'], barcodePattern: ['barcode_pattern'], version: ['version'] },
  customer: {
    id: [],
    __typename: [],
    code: ['code'],
    name: ['name'],
    country: ['country'],
    contactEmail: ['contact_email'],
    address: ['address'],
    version: ['version'],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

/** Every relation and column: for callers that hand the claim on (mutations answer a claim the client may read in full). */
export const ALL_CLAIM_INCLUDES: ClaimIncludes = {
  symptoms: true,
  device: true,
  order: true,
  replacedBy: true,
  model: true,
  customer: true,
  serviceCentre: true,
  events: false,
};

/** Whether a relation's `column` is read: when a selected field needs it, or a selected field is not known here. */
function reads(includes: ClaimIncludes, relation: keyof typeof COLUMNS_OF_FIELDS, column: string): boolean {
  const fields = includes.fields?.[relation];
  if (!fields) return true;
  const known: Record<string, readonly string[]> = COLUMNS_OF_FIELDS[relation];
  for (const field of fields) {
    const columns = known[field];
    if (!columns || columns.includes(column)) return true;
  }
  return false;
}

/** The relations an order can sort by, and how the claim joins each. */
const RELATION_JOINS = {
  device: 'join device d on d.id = c.device_id',
  model: 'join product_model m on m.id = c.model_id',
  customer: 'join customer cu on cu.id = c.customer_id',
  serviceCentre: 'left join service_centre sc on sc.id = c.service_centre_id',
} as const;
export type SortRelation = keyof typeof RELATION_JOINS;

export interface ClaimQuery {
  where: RawBuilder<unknown>[];
  orderBy?: RawBuilder<unknown>;
  /**
   * The relation `orderBy` sorts by, joined (not looked up per row in a
   * subquery) so that the planner can walk its index: the first page sorted by
   * IMEI reads 25 units in IMEI order, not a million.
   */
  orderJoin?: SortRelation;
  limit?: number;
  offset?: number;
  /** Also select this expression as `sort_key` (a cursor's value). */
  sortKey?: RawBuilder<unknown>;
  /**
   * Run as a prepared statement: only when the best plan does not depend on
   * the values (a claim by id, the unfiltered list, the work queue: see
   * `rowsOf`). Not at an offset: each offset is a text of its own.
   */
  prepare?: boolean;
}

type Row = Record<string, unknown>;

/** Claims matching `where`, with the relations of `includes`, in one statement. */
export async function readClaims(em: EntityManager, selected: ClaimIncludes, query: ClaimQuery): Promise<(ClaimView & { sortKey?: string })[]> {
  // Sorting by a relation joins it, whether the query selects it or not.
  const includes = query.orderJoin ? { ...selected, [query.orderJoin]: true } : selected;
  // The keys (a relation read or not is at least its id), then what the selection reads. The select list and the joins
  // carry no values: built as text, Kysely compiles them as one fragment each (a claim read takes ~4 % less CPU than
  // with a fragment per column).
  const columns: string[] = ['c.id, c.service_centre_id, c.device_id, c.model_id, c.customer_id'];
  const read = (relation: keyof typeof COLUMNS_OF_FIELDS, alias: string, wanted: [column: string, as: string, expression?: string][]) => {
    for (const [column, as, expression] of wanted) {
      if (reads(includes, relation, column)) columns.push(`${expression ?? `${alias}.${column}`} as ${as}`);
    }
  };
  read('claim', 'c', [
    ['number', 'number'],
    ['status', 'status'],
    ['form_type', 'form_type'],
    ['ci_number', 'ci_number'],
    ['data_backup_acknowledged', 'data_backup_acknowledged'],
    ['decision', 'decision'],
    ['quote_status', 'quote_status'],
    ['submitted_on', 'submitted_on'],
    ['created_at', 'created_at', epochMsOf('c.created_at')],
    ['updated_at', 'updated_at', epochMsOf('c.updated_at')],
    ['version', 'version'],
  ]);
  const joins: string[] = [];
  if (includes.symptoms) columns.push('c.symptoms');
  if (includes.device) {
    columns.push('d.order_id as d_order_id');
    read('device', 'd', [
      ['imei', 'd_imei'],
      ['barcode', 'd_barcode'],
      ['received_on', 'd_received_on'],
      ['created_at', 'd_created_at', epochMsOf('d.created_at')],
    ]);
    joins.push(RELATION_JOINS.device);
    if (includes.replacedBy) {
      columns.push('(select r.imei from device r where r.replaces_device_id = d.id order by r.id desc limit 1) as d_replaced_by_imei');
    }
    if (includes.order) {
      columns.push(`o.number as o_number, o.quantity as o_quantity, o.shipped_on as o_shipped_on, o.received_on as o_received_on,
        o.allowance_negotiated as o_allowance_negotiated, o.allowance_reason as o_allowance_reason, o.version as o_version, ${epochMsOf('o.created_at')} as o_created_at`);
      joins.push('join sales_order o on o.id = d.order_id');
    }
  }
  if (includes.model) {
    read('model', 'm', [
      ['code', 'm_code'],
      ['name', 'm_name'],
      ['kind', 'm_kind'],
      ['barcode_pattern', 'm_barcode_pattern'],
      ['version', 'm_version'],
    ]);
    joins.push(RELATION_JOINS.model);
  }
  if (includes.customer) {
    read('customer', 'cu', [
      ['code', 'cu_code'],
      ['name', 'cu_name'],
      ['country', 'cu_country'],
      ['contact_email', 'cu_contact_email'],
      ['address', 'cu_address'],
      ['version', 'cu_version'],
    ]);
    joins.push(RELATION_JOINS.customer);
  }
  if (includes.serviceCentre) {
    columns.push('sc.code as sc_code, sc.name as sc_name, sc.city as sc_city, sc.country as sc_country, sc.address as sc_address, sc.version as sc_version');
    joins.push(RELATION_JOINS.serviceCentre);
  }
  if (includes.events) {
    columns.push(`(select coalesce(json_agg(json_build_object('id', e.id, 'claim_id', e.claim_id, 'type', e.type, 'from_status', e.from_status,
        'to_status', e.to_status, 'actor_label', e.actor_label, ${includes.eventData === false ? '' : `'data', e.data,`} 'created_at', ${epochMsOf('e.created_at')}) order by e.id), '[]')
      from claim_event e where e.claim_id = c.id) as events`);
  }
  if (includes.guard) {
    columns.push(`json_build_object(
        'assessment', (select json_build_object('decision', a.decision, 'agreementRequired', a.agreement_required,
                               'replacementAllowed', a.replacement_allowed, 'total', a.total, 'serviceCharge', a.service_charge)
                         from assessment a where a.claim_id = c.id order by a.id desc limit 1),
        'agreementOnRecord', exists (select 1 from maintenance_agreement m where m.claim_id = c.id)) as guard`);
  }
  const orderBy = query.orderBy ? sql`order by ${query.orderBy}` : sql``;
  const limit = query.limit !== undefined ? sql`limit ${sql.lit(query.limit)}` : sql``;
  // A page deep in the list, or sorted by a related name, is chosen on the claim table's indexes (and the one
  // relation it sorts by) alone; then only the rows it keeps are joined to the rest.
  const where =
    query.offset || query.orderJoin
      ? [
          sql`c.id in (select c.id from claim c ${sql.raw(query.orderJoin ? RELATION_JOINS[query.orderJoin] : '')} ${whereClause(query.where)} ${orderBy} ${limit} offset ${sql.lit(query.offset ?? 0)})`,
        ]
      : query.where;
  const sortKey = query.sortKey ? sql`, ${query.sortKey}::text as sort_key` : sql``;
  const statement = sql<Row>`select ${sql.raw(columns.join(', '))}${sortKey} from claim c ${sql.raw(joins.join(' '))} ${whereClause(where)} ${orderBy} ${limit}`;
  const rows = await rowsOf(em, statement, query.prepare === true && !query.offset);
  return rows.map((row) => claimOf(row, includes));
}

/**
 * A claim entity with the graph a step loads (unit and its order, model,
 * customer, centre), as `readClaims` answers it with every relation of
 * `ALL_CLAIM_INCLUDES`: a write answers from what its unit of work holds
 * after the flush instead of reading the claim again.
 */
export function claimViewOf(claim: Claim): ClaimView {
  const model: ModelView = {
    id: claim.model.id,
    code: claim.model.code,
    name: claim.model.name,
    kind: claim.model.kind,
    barcodePattern: claim.model.barcodePattern,
    version: claim.model.version,
  };
  const customer: CustomerView = {
    id: claim.customer.id,
    code: claim.customer.code,
    name: claim.customer.name,
    country: claim.customer.country,
    contactEmail: claim.customer.contactEmail ?? null,
    address: claim.customer.address ?? null,
    version: claim.customer.version,
  };
  const centre = claim.serviceCentre;
  const { device } = claim;
  const { order } = device;
  return {
    id: claim.id,
    number: claim.number,
    status: claim.status,
    formType: claim.formType,
    ciNumber: claim.ciNumber,
    symptoms: claim.symptoms,
    dataBackupAcknowledged: claim.dataBackupAcknowledged,
    decision: claim.decision ?? null,
    quoteStatus: claim.quoteStatus ?? null,
    submittedOn: claim.submittedOn,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt,
    version: claim.version,
    serviceCentre: centre
      ? { id: centre.id, code: centre.code, name: centre.name, city: centre.city, country: centre.country, address: centre.address, version: centre.version }
      : null,
    model,
    customer,
    device: {
      id: device.id,
      imei: device.imei,
      barcode: device.barcode,
      receivedOn: device.receivedOn ?? null,
      createdAt: device.createdAt,
      replacedByImei: device.replacedByImei ?? null,
      order: {
        id: order.id,
        number: order.number,
        quantity: order.quantity,
        shippedOn: order.shippedOn ?? null,
        receivedOn: order.receivedOn ?? null,
        allowanceNegotiated: order.allowanceNegotiated,
        allowanceReason: order.allowanceReason ?? null,
        version: order.version,
        createdAt: order.createdAt,
        customer,
        model,
      },
      model,
      customer,
    },
  };
}

/** How many claims match `where`, counted on the claim table alone (as a prepared statement when `prepare`: see `rowsOf`). */
export async function countClaims(em: EntityManager, where: RawBuilder<unknown>[], prepare = false): Promise<number> {
  const [row] = await rowsOf(em, sql<{ count: number }>`select count(*)::int as count from claim c ${whereClause(where)}`, prepare);
  return row!.count;
}

const whereClause = (where: RawBuilder<unknown>[]) => (where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``);

/**
 * A timestamp column as milliseconds since the epoch: a Date is made from a
 * number for a fraction of what parsing PostgreSQL's text form costs (three
 * per row of a page: ~2 % of a list's CPU).
 */
const epochMsOf = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
export const epochMs = (column: string) => sql.raw(epochMsOf(column));
/** A timestamp read as epoch milliseconds; undefined when the query did not read it. */
const timestamp = (value: unknown): Date => (value === undefined ? (undefined as unknown as Date) : new Date(value as number));

function claimOf(row: Row, includes: ClaimIncludes): ClaimView & { sortKey?: string } {
  const model = includes.model
    ? ({
        id: row['model_id'],
        code: row['m_code'],
        name: row['m_name'],
        kind: row['m_kind'],
        barcodePattern: row['m_barcode_pattern'],
        version: row['m_version'],
      } as ModelView)
    : ({ id: row['model_id'] } as ModelView);
  const customer = includes.customer
    ? ({
        id: row['customer_id'],
        code: row['cu_code'],
        name: row['cu_name'],
        country: row['cu_country'],
        contactEmail: row['cu_contact_email'],
        address: row['cu_address'],
        version: row['cu_version'],
      } as CustomerView)
    : ({ id: row['customer_id'] } as CustomerView);
  const serviceCentreId = row['service_centre_id'] as number | null;
  const serviceCentre =
    serviceCentreId === null
      ? null
      : includes.serviceCentre
        ? ({
            id: serviceCentreId,
            code: row['sc_code'],
            name: row['sc_name'],
            city: row['sc_city'],
            country: row['sc_country'],
            address: row['sc_address'],
            version: row['sc_version'],
          } as ServiceCentreView)
        : { id: serviceCentreId };
  const claim = {
    id: row['id'],
    number: row['number'],
    status: row['status'],
    formType: row['form_type'],
    ciNumber: row['ci_number'],
    symptoms: row['symptoms'],
    dataBackupAcknowledged: row['data_backup_acknowledged'],
    decision: row['decision'],
    quoteStatus: row['quote_status'],
    submittedOn: row['submitted_on'],
    createdAt: timestamp(row['created_at']),
    updatedAt: timestamp(row['updated_at']),
    version: row['version'],
    serviceCentre,
    model,
    customer,
    device: { id: row['device_id'] },
    ...(row['sort_key'] !== undefined && { sortKey: row['sort_key'] }),
    ...(includes.events && { events: (row['events'] as ClaimEventRow[]).map(eventOf) }),
    ...(includes.guard && { guard: row['guard'] as ClaimGuardRecord }),
  } as ClaimView & { sortKey?: string };
  if (includes.device) {
    const order = includes.order
      ? ({
          id: row['d_order_id'],
          number: row['o_number'],
          quantity: row['o_quantity'],
          shippedOn: row['o_shipped_on'],
          receivedOn: row['o_received_on'],
          allowanceNegotiated: row['o_allowance_negotiated'],
          allowanceReason: row['o_allowance_reason'],
          version: row['o_version'],
          createdAt: timestamp(row['o_created_at']),
          customer,
          model,
        } as OrderView)
      : ({ id: row['d_order_id'] } as OrderView);
    claim.device = {
      id: row['device_id'] as number,
      imei: row['d_imei'] as string,
      barcode: row['d_barcode'] as string,
      receivedOn: row['d_received_on'] as string | null,
      createdAt: timestamp(row['d_created_at']),
      ...(includes.replacedBy && { replacedByImei: row['d_replaced_by_imei'] as string | null }),
      order,
      // A claim keeps its unit's model and customer on the row: the same objects serve both.
      model,
      customer,
    };
  }
  return claim;
}
