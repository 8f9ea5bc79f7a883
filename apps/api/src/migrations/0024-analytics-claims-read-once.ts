import { Migration } from '@mikro-orm/migrations';

/**
 * Filling the analytics rollups reads the claims and their units once.
 *
 * Every source but the units counts claims by their dimensions (model,
 * customer, form type, unit's receipt month, claim month), which need each
 * claim's unit: 0006's sources each joined their rows to `claim` and
 * `device`. `analytics_fill` (0018) read each source once, but each source
 * made that join again: seven hash joins of a million claims with four
 * million units in a rebuild, about 2.5 s each.
 *
 * Now a source's SQL takes, beside its rows (`%1$I`) and sign (`%2$s`), the
 * claims with their unit's received date (`%3$s`, `analytics_claim_units`):
 * for a trigger the same join as before, inlined as a subquery (the planner
 * flattens it: the plans are 0006's), the claim table's own sources reading
 * the transition table's claims; for `analytics_fill` one materialized CTE
 * over the claims, which every source of the call reads. The definitions are
 * 0006's, rewritten over that relation; `analytics_rebuild()` fills every
 * rollup in one call, so from one read (a rebuild of the million: about 36 s
 * → 26 s). Tests: a rebuild equals what the triggers kept (apps/api
 * analytics), and the generator's fill equals a load with the triggers on.
 */
const DIMENSIONS = `c.model_id, c.customer_id, c.form_type, analytics_month(c.unit_received_on) as receipt_month, analytics_month(c.submitted_on) as claim_month`;

/** Each source's base table, and its signed rows over `%1$I` (rows), `%2$s` (sign) and `%3$s` (claims with their unit's received date). */
const SOURCES: Record<string, { table: string; select: string }> = {
  units: {
    table: 'device',
    select: `select r.model_id, r.customer_id, analytics_month(r.received_on) as receipt_month, %2$s as n
      from %1$I r where r.received_on is not null and r.replaces_device_id is null`,
  },
  claims: { table: 'claim', select: `select ${DIMENSIONS}, %2$s as n from %3$s c` },
  warranty_cost: {
    table: 'claim_line',
    select: `select ${DIMENSIONS}, %2$s * r.material_cost as n from %1$I r join %3$s c on c.id = r.claim_id where r.covered`,
  },
  paid_revenue: {
    table: 'invoice',
    select: `select ${DIMENSIONS}, %2$s * r.total as n from %1$I r join %3$s c on c.id = r.claim_id where r.status in ('ISSUED', 'PAID')`,
  },
  findings: {
    table: 'assessment',
    select: `select ${DIMENSIONS}, 'FINDING' as kind, f.code, %2$s as n
      from %1$I r cross join unnest(r.findings) as f(code) join %3$s c on c.id = r.claim_id`,
  },
  parts: {
    table: 'claim_line',
    select: `select ${DIMENSIONS}, 'PART' as kind, r.category as code, %2$s as n from %1$I r join %3$s c on c.id = r.claim_id`,
  },
  decisions: {
    table: 'claim',
    select: `select coalesce(c.service_centre_id, 0) as service_centre_id, ${DIMENSIONS}, c.decision, %2$s as n from %3$s c where c.decision is not null`,
  },
  turnaround: {
    table: 'shipment',
    select: `select coalesce(c.service_centre_id, 0) as service_centre_id, ${DIMENSIONS}, r.shipped_on - c.submitted_on as days, %2$s as n
      from %1$I r join %3$s c on c.id = r.claim_id where r.direction = 'OUTBOUND'`,
  },
};

/** The sources whose rows are claims: they read the claims of their own rows. */
const CLAIM_SOURCES = Object.keys(SOURCES).filter((name) => SOURCES[name]!.table === 'claim');

const quote = (text: string) => `$q$${text}$q$`;

export class Migration0024AnalyticsClaimsReadOnce extends Migration {
  override up(): void {
    this.addSql(`
-- The claims of a table (claim, or a trigger's transition table of claims) with their unit's received date; claims
-- of units without one are not counted.
create function analytics_claim_units(claims text) returns text language sql immutable as $fn$
  select format('select c.id, c.model_id, c.customer_id, c.form_type, c.service_centre_id, c.decision, c.submitted_on,
      d.received_on as unit_received_on
    from %I c join device d on d.id = c.device_id where d.received_on is not null', claims)
$fn$;

-- The signed rows of one source over a table (or transition table), reading the claims from the relation given.
create function analytics_source(source text, rows_table text, sign int, claims text) returns text language sql immutable as $fn$
  select format(case source
    ${Object.entries(SOURCES)
      .map(([name, { select }]) => `when ${quote(name)} then ${quote(select)}`)
      .join('\n    ')}
  end, rows_table, sign, claims)
$fn$;

-- As before for the triggers and anyone else: the claims read through the join, from the rows themselves when they are claims.
create or replace function analytics_source(source text, rows_table text, sign int) returns text language sql immutable as $fn$
  select analytics_source(source, rows_table, sign, format('(%s)', analytics_claim_units(case source
    ${CLAIM_SOURCES.map((name) => `when ${quote(name)} then rows_table`).join(' ')}
    else 'claim'
  end)))
$fn$;

create or replace function analytics_fill(sources text[]) returns void language plpgsql as $fn$
declare
  reads text[] := array[format('claim_units as materialized (%s)', analytics_claim_units('claim'))];
  fills text[] := '{}';
  level record;
  source_row record;
  measures text[];
  parts text[];
begin
  if exists (
    select 1 from analytics_rollup a
     where a.rollup in (select r.rollup from analytics_rollup r where r.source = any(sources))
       and a.source <> all(sources)
  ) then
    raise exception 'analytics_fill: % do not hold every source of the rollups they feed', sources;
  end if;
  -- claim_units is read by every source but the units (a CTE nothing reads is not run).
  for source_row in select distinct r.source, r.base_table from analytics_rollup r where r.source = any(sources) order by r.source loop
    reads := reads || format('%I as materialized (%s)', 'rows_' || source_row.source,
      analytics_source(source_row.source, source_row.base_table, 1, 'claim_units'));
  end loop;
  for level in
    select r.rollup, min(r.key) as key from analytics_rollup r where r.source = any(sources) group by r.rollup order by r.rollup
  loop
    select array_agg(distinct r.measure order by r.measure) into measures from analytics_rollup r where r.rollup = level.rollup;
    select array_agg(format('select %s, %s from %I', level.key,
             (select string_agg(case when m = r.measure then format('n as %I', m) else format('0 as %I', m) end, ', ' order by m) from unnest(measures) m),
             'rows_' || r.source) order by r.source)
      into parts from analytics_rollup r where r.rollup = level.rollup;
    fills := fills || format('%I as (insert into %I (%s, %s) select %s, %s from (%s) u group by %s having %s)',
      'fill_' || level.rollup, level.rollup, level.key,
      (select string_agg(format('%I', m), ', ' order by m) from unnest(measures) m),
      level.key,
      (select string_agg(format('sum(%I)', m), ', ' order by m) from unnest(measures) m),
      array_to_string(parts, ' union all '),
      level.key,
      (select string_agg(format('sum(%I) <> 0', m), ' or ' order by m) from unnest(measures) m));
  end loop;
  if cardinality(fills) > 0 then
    execute format('with %s, %s select', array_to_string(reads, ', '), array_to_string(fills, ', '));
  end if;
end
$fn$;
`);
  }
}
