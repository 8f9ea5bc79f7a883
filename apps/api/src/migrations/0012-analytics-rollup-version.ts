import { Migration } from '@mikro-orm/migrations';
import { rollupTable, SOURCES, TRANSITION_ROWS } from './0006-analytics-rollups.js';

/**
 * Analytics rollups, second form: one shared definition of how signed rows
 * are added into every rollup they feed, a version that every change to a
 * rollup bumps in the same transaction, and two coarser rollups for the
 * dashboard's default question (all models, all customers).
 *
 * - `analytics_rollup` lists, per source of migration 0006, the base table it
 *   counts and each rollup it feeds (finest first) with its key and measure.
 *   `analytics_upsert` builds the one statement that adds a source's rows into
 *   all of them from that list (it replaces 0006's per-source copies), and
 *   answers how many rollup rows it changed.
 * - `analytics_version`: the trigger bumps it when that count is not zero, so
 *   an answer cached under the version read before the rollups is never older
 *   than the version says (the API's analytics cache). It is 16 rows summed,
 *   each writer bumping the row of its backend, so concurrent writers of
 *   different rollup cells do not queue on one row.
 * - `analytics_units_by_model` (units without the customer) and
 *   `analytics_turnaround_by_centre` (days per centre and month only).
 */
const NEW_LEVELS: Record<string, { rollup: string; key: string }[]> = {
  units: [{ rollup: 'analytics_units_by_model', key: 'model_id, receipt_month' }],
  turnaround: [{ rollup: 'analytics_turnaround_by_centre', key: 'claim_month, service_centre_id, days' }],
};

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

const TARGETS = Object.entries(SOURCES).flatMap(([source, definition]) =>
  [{ rollup: definition.rollup, key: definition.key }, ...(definition.coarse ? [definition.coarse] : []), ...(NEW_LEVELS[source] ?? [])].map(
    (level, position) => `(${[source, definition.table, String(position), level.rollup, level.key, definition.measure].map(literal).join(', ')})`,
  ),
);

export const VERSION_SHARDS = 16;

export class Migration0012AnalyticsRollupVersion extends Migration {
  override up(): void {
    this.addSql(`
create table analytics_version (
  shard int primary key,
  version bigint not null default 0
);
insert into analytics_version (shard) select generate_series(0, ${VERSION_SHARDS - 1});

${rollupTable('analytics_units_by_model', 'model_id, receipt_month', ['units int'])}
insert into analytics_units_by_model (model_id, receipt_month, units)
  select model_id, receipt_month, sum(units) from analytics_units group by 1, 2 having sum(units) <> 0;

${rollupTable('analytics_turnaround_by_centre', 'claim_month, service_centre_id, days', ['claims int'])}
insert into analytics_turnaround_by_centre (claim_month, service_centre_id, days, claims)
  select claim_month, service_centre_id, days, sum(claims) from analytics_turnaround_by_month group by 1, 2, 3 having sum(claims) <> 0;

create table analytics_rollup (
  source text not null,
  base_table text not null,
  position int not null,
  rollup text not null,
  key text not null,
  measure text not null,
  primary key (source, position)
);
insert into analytics_rollup (source, base_table, position, rollup, key, measure) values
  ${TARGETS.join(',\n  ')};

-- The statement that adds signed rows (rows_sql, read once) into every rollup
-- of a source, each summed over its own key, and selects how many rollup rows changed.
create or replace function analytics_upsert(source text, rows_sql text) returns text language sql stable as $fn$
  select format('with x as (%s), %s select %s', rows_sql,
    string_agg(format(
      'r%1$s as (insert into %2$I as a (%3$s, %4$I) select %3$s, sum(n) from x group by %3$s having sum(n) <> 0
         on conflict (%3$s) do update set %4$I = a.%4$I + excluded.%4$I returning 1)',
      r.position, r.rollup, r.key, r.measure), ', ' order by r.position),
    string_agg(format('(select count(*) from r%s)', r.position), ' + ' order by r.position))
  from analytics_rollup r where r.source = analytics_upsert.source
$fn$;

create or replace function analytics_bump_version() returns void language sql as $fn$
  update analytics_version set version = version + 1 where shard = pg_backend_pid() % ${VERSION_SHARDS}
$fn$;

-- One trigger function for every base table: its arguments name the sources
-- the table feeds. EXECUTE runs here, where the transition tables are visible.
create or replace function analytics_on_change() returns trigger language plpgsql as $fn$
declare
  source text;
  changed bigint;
  total bigint := 0;
begin
  foreach source in array tg_argv loop
    execute analytics_upsert(source, ${TRANSITION_ROWS}) into changed;
    total := total + changed;
  end loop;
  if total > 0 then perform analytics_bump_version(); end if;
  return null;
end
$fn$;

-- Recomputes every rollup from the base tables (after a bulk load with triggers off).
create or replace function analytics_rebuild() returns void language plpgsql as $fn$
declare
  rollups text := (select string_agg(distinct quote_ident(rollup), ', ') from analytics_rollup);
  source text;
  base_table text;
begin
  execute format('lock table %s in exclusive mode', rollups);
  execute format('truncate %s', rollups);
  for source, base_table in select distinct r.source, r.base_table from analytics_rollup r loop
    execute analytics_upsert(source, analytics_source(source, base_table, 1));
  end loop;
  perform analytics_bump_version();
end
$fn$;
`);
  }
}
