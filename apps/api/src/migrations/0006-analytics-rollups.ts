import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics rollups, kept current in the same transaction as every write by
 * statement-level triggers with transition tables: each change to a base
 * table adds its rows' contribution (+1 for new rows, −1 for old ones,
 * netted, so a claim's status change writes nothing) to the rollup cells.
 * Every writer keeps them right, the bulk generator included; one that
 * loads with triggers off calls `analytics_rebuild()` after.
 *
 * Every rollup carries the filter dimensions (model, customer, form type,
 * receipt month, claim month = month of submission); months are the first
 * day of the month.
 *
 * Each source below is a SELECT over `%1$I` (a base table, or a trigger's
 * `new_rows`/`old_rows`) with the sign `%2$s`.
 */
const CLAIM_DIMENSIONS = `c.model_id, c.customer_id, c.form_type, analytics_month(d.received_on) as receipt_month, analytics_month(c.submitted_on) as claim_month`;
const DIMENSION_COLUMNS = 'model_id, customer_id, form_type, receipt_month, claim_month';

export interface Source {
  /** The base table whose rows it counts. */
  table: string;
  select: string;
  rollup: string;
  /** Key columns of the rollup (the select's columns before `n`, in order). */
  key: string;
  measure: string;
  /**
   * The same rows summed over fewer keys (no customer; for failure modes,
   * decisions and turnaround no receipt month either): what the dashboard
   * reads when it does not narrow to a customer or a receipt period.
   */
  coarse?: { rollup: string; key: string };
}

const BY_MODEL = { rollup: 'analytics_claims_by_model', key: 'model_id, form_type, receipt_month, claim_month' };

/** Findings and faulty part categories, both counted into the failure modes rollups. */
const FAILURE_MODES = {
  rollup: 'analytics_failure_modes',
  key: `${DIMENSION_COLUMNS}, kind, code`,
  measure: 'count',
  coarse: { rollup: 'analytics_failure_modes_by_month', key: 'model_id, form_type, claim_month, kind, code' },
};

/** An amount on rows that belong to a claim (`r.claim_id`), summed into the claims rollups. */
const claimAmount = (table: string, amount: string, condition: string, measure: string): Source => ({
  table,
  select: `select ${CLAIM_DIMENSIONS}, %2$s * r.${amount} as n
      from %1$I r join claim c on c.id = r.claim_id join device d on d.id = c.device_id
      where ${condition} and d.received_on is not null`,
  rollup: 'analytics_claims',
  key: DIMENSION_COLUMNS,
  measure,
  coarse: BY_MODEL,
});

export const SOURCES: Record<string, Source> = {
  // Units in the field by receipt month; a replacement unit (W4) is not a new unit.
  units: {
    table: 'device',
    select: `select r.model_id, r.customer_id, analytics_month(r.received_on) as receipt_month, %2$s as n
      from %1$I r where r.received_on is not null and r.replaces_device_id is null`,
    rollup: 'analytics_units',
    key: 'model_id, customer_id, receipt_month',
    measure: 'units',
  },
  claims: {
    table: 'claim',
    select: `select ${CLAIM_DIMENSIONS}, %2$s as n
      from %1$I c join device d on d.id = c.device_id where d.received_on is not null`,
    rollup: 'analytics_claims',
    key: DIMENSION_COLUMNS,
    measure: 'claims',
    coarse: BY_MODEL,
  },
  // The maker's material cost: the covered lines of warranty repairs and replacements.
  warranty_cost: claimAmount('claim_line', 'material_cost', 'r.covered', 'warranty_cost'),
  // Paid maintenance: invoices issued (and paid); a draft or a void one is not revenue.
  paid_revenue: claimAmount('invoice', 'total', "r.status in ('ISSUED', 'PAID')", 'paid_revenue'),
  findings: {
    table: 'assessment',
    select: `select ${CLAIM_DIMENSIONS}, 'FINDING' as kind, f.code, %2$s as n
      from %1$I r cross join unnest(r.findings) as f(code) join claim c on c.id = r.claim_id join device d on d.id = c.device_id
      where d.received_on is not null`,
    ...FAILURE_MODES,
  },
  parts: {
    table: 'claim_line',
    select: `select ${CLAIM_DIMENSIONS}, 'PART' as kind, r.category as code, %2$s as n
      from %1$I r join claim c on c.id = r.claim_id join device d on d.id = c.device_id
      where d.received_on is not null`,
    ...FAILURE_MODES,
  },
  decisions: {
    table: 'claim',
    select: `select coalesce(c.service_centre_id, 0) as service_centre_id, ${CLAIM_DIMENSIONS}, c.decision, %2$s as n
      from %1$I c join device d on d.id = c.device_id where c.decision is not null and d.received_on is not null`,
    rollup: 'analytics_decisions',
    key: `service_centre_id, ${DIMENSION_COLUMNS}, decision`,
    measure: 'claims',
    coarse: { rollup: 'analytics_decisions_by_month', key: 'service_centre_id, model_id, form_type, claim_month, decision' },
  },
  // Days from submission to shipping the unit back, as a histogram (percentiles need the distribution).
  turnaround: {
    table: 'shipment',
    select: `select coalesce(c.service_centre_id, 0) as service_centre_id, ${CLAIM_DIMENSIONS}, r.shipped_on - c.submitted_on as days, %2$s as n
      from %1$I r join claim c on c.id = r.claim_id join device d on d.id = c.device_id
      where r.direction = 'OUTBOUND' and d.received_on is not null`,
    rollup: 'analytics_turnaround',
    key: `service_centre_id, ${DIMENSION_COLUMNS}, days`,
    measure: 'claims',
    coarse: { rollup: 'analytics_turnaround_by_month', key: 'service_centre_id, model_id, form_type, claim_month, days' },
  },
};

const COLUMN_TYPES: Record<string, string> = {
  service_centre_id: 'int',
  model_id: 'int',
  customer_id: 'int',
  form_type: 'text',
  receipt_month: 'date',
  claim_month: 'date',
  kind: 'text',
  code: 'text',
  decision: 'text',
  days: 'int',
};
const CLAIM_MEASURES = ['claims int', 'warranty_cost bigint', 'paid_revenue bigint'];

/** A rollup table: its key columns (not null), its measures (0 by default), its primary key (the key, unless given in another order). */
export function rollupTable(name: string, key: string, measures: string[], options: { primaryKey?: string; checks?: Record<string, string> } = {}): string {
  const columns = key
    .split(', ')
    .map((column) => `  ${column} ${COLUMN_TYPES[column]} not null${options.checks?.[column] ? ` ${options.checks[column]}` : ''}`);
  return `create table ${name} (\n${[...columns, ...measures.map((measure) => `  ${measure} not null default 0`), `  primary key (${options.primaryKey ?? key})`].join(',\n')}\n);`;
}

/** In the trigger function: the signed rows of the statement for `source` (new rows +1, old rows −1). */
export const TRANSITION_ROWS = `case tg_op
      when 'INSERT' then analytics_source(source, 'new_rows', 1)
      when 'DELETE' then analytics_source(source, 'old_rows', -1)
      else analytics_source(source, 'new_rows', 1) || ' union all ' || analytics_source(source, 'old_rows', -1)
    end`;

const quote = (text: string) => `$q$${text}$q$`;

/** Adds signed rows (`%s`, read once) into a rollup, summed over its key. */
const addInto = (rollup: string, key: string, measure: string, rows: string) =>
  `insert into ${rollup} as a (${key}, ${measure})
    select ${key}, sum(n) from ${rows} group by ${key} having sum(n) <> 0
    on conflict (${key}) do update set ${measure} = a.${measure} + excluded.${measure}`;

/** The SQL that adds a set of signed rows (`%s`) of one source into its rollup, and into its coarse one in the same statement. */
function upsert({ rollup, key, measure, coarse }: Source): string {
  if (!coarse) return addInto(rollup, key, measure, '(%s) x');
  return `with x as (%s), fine as (${addInto(rollup, key, measure, 'x')} returning 1)
    ${addInto(coarse.rollup, coarse.key, measure, 'x')}`;
}

const ROLLUPS = [...new Set(Object.values(SOURCES).flatMap((source) => [source.rollup, ...(source.coarse ? [source.coarse.rollup] : [])]))].join(', ');

const sourcesOf = (table: string) =>
  Object.entries(SOURCES)
    .filter(([, source]) => source.table === table)
    .map(([name]) => name);

export class Migration0006AnalyticsRollups extends Migration {
  override up(): void {
    const names = Object.keys(SOURCES);
    const cases = (pick: (source: Source) => string) => names.map((name) => `when ${quote(name)} then ${quote(pick(SOURCES[name]!))}`).join('\n    ');
    this.addSql(`
create function analytics_month(day date) returns date language sql immutable parallel safe
  as $$ select day - (extract(day from day)::int - 1) $$;

${rollupTable('analytics_units', SOURCES['units']!.key, ['units int'])}

${rollupTable('analytics_claims', DIMENSION_COLUMNS, CLAIM_MEASURES)}
create index analytics_claims_claim_month_idx on analytics_claims (claim_month, model_id);
create index analytics_claims_customer_idx on analytics_claims (customer_id, claim_month);

${rollupTable('analytics_claims_by_model', BY_MODEL.key, CLAIM_MEASURES)}
create index analytics_claims_by_model_claim_month_idx on analytics_claims_by_model (claim_month);

${rollupTable('analytics_failure_modes', SOURCES['findings']!.key, ['count int'], { checks: { kind: "check (kind in ('FINDING', 'PART'))" } })}
create index analytics_failure_modes_claim_month_idx on analytics_failure_modes (claim_month);

${rollupTable('analytics_failure_modes_by_month', SOURCES['findings']!.coarse!.key, ['count int'], { primaryKey: 'claim_month, model_id, form_type, kind, code' })}

${rollupTable('analytics_decisions', SOURCES['decisions']!.key, ['claims int'])}
create index analytics_decisions_claim_month_idx on analytics_decisions (claim_month);

${rollupTable('analytics_decisions_by_month', SOURCES['decisions']!.coarse!.key, ['claims int'], {
  primaryKey: 'claim_month, service_centre_id, model_id, form_type, decision',
})}

${rollupTable('analytics_turnaround', SOURCES['turnaround']!.key, ['claims int'])}
create index analytics_turnaround_claim_month_idx on analytics_turnaround (claim_month);

${rollupTable('analytics_turnaround_by_month', SOURCES['turnaround']!.coarse!.key, ['claims int'], {
  primaryKey: 'claim_month, service_centre_id, model_id, form_type, days',
})}

-- The signed rows of one source over a table (or transition table).
create function analytics_source(source text, rows_table text, sign int) returns text language sql immutable as $fn$
  select format(case source
    ${cases((s) => s.select)}
  end, rows_table, sign)
$fn$;

-- The statement that adds signed rows of one source into its rollup.
create function analytics_upsert(source text, rows_sql text) returns text language sql immutable as $fn$
  select format(case source
    ${cases(upsert)}
  end, rows_sql)
$fn$;

-- One trigger function for every base table: its arguments name the sources
-- the table feeds. EXECUTE runs here, where the transition tables are visible.
create function analytics_on_change() returns trigger language plpgsql as $fn$
declare
  source text;
begin
  foreach source in array tg_argv loop
    execute analytics_upsert(source, ${TRANSITION_ROWS});
  end loop;
  return null;
end
$fn$;

-- Recomputes every rollup from the base tables (after a bulk load with triggers off).
create function analytics_rebuild() returns void language plpgsql as $fn$
declare
  source text;
begin
  lock table ${ROLLUPS} in exclusive mode;
  truncate ${ROLLUPS};
  foreach source in array array[${names.map(quote).join(', ')}] loop
    execute analytics_upsert(source, analytics_source(source, case source
      ${names.map((name) => `when ${quote(name)} then ${quote(SOURCES[name]!.table)}`).join(' ')}
    end, 1));
  end loop;
end
$fn$;
`);
    for (const table of [...new Set(Object.values(SOURCES).map((source) => source.table))]) {
      const args = sourcesOf(table)
        .map((name) => `'${name}'`)
        .join(', ');
      this.addSql(`
create trigger analytics_${table}_insert after insert on ${table} referencing new table as new_rows
  for each statement execute function analytics_on_change(${args});
create trigger analytics_${table}_update after update on ${table} referencing old table as old_rows new table as new_rows
  for each statement execute function analytics_on_change(${args});
create trigger analytics_${table}_delete after delete on ${table} referencing old table as old_rows
  for each statement execute function analytics_on_change(${args});
`);
    }
    this.addSql('select analytics_rebuild();');
  }
}
