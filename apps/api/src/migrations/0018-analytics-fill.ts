import { Migration } from '@mikro-orm/migrations';

/**
 * Rebuilding the analytics rollups with plain inserts (after a bulk load with
 * triggers off: `npm run db -- generate`).
 *
 * `analytics_rebuild()` (0012) emptied the rollups, then added each source's
 * rows with the triggers' statement: `INSERT … ON CONFLICT DO UPDATE` into
 * each rollup, one source after the other, each reading its base table again.
 * Into empty tables nothing conflicts, yet every row paid for the conflict
 * check, and a source feeding three rollups was joined once per statement.
 *
 * `analytics_fill(sources)` fills the (empty) rollups that a set of sources
 * feeds in one statement: each source's rows are read once (a materialized
 * CTE), and each rollup is one plain INSERT of the union of its sources' rows
 * grouped on its key, a row kept when any of its measures is not zero: what
 * the upserts one source after the other leave. The set must hold every
 * source of those rollups. `analytics_rebuild()` now empties the rollups and
 * fills them all in one statement; the bulk loader fills families of sources
 * over two sessions.
 */
export class Migration0018AnalyticsFill extends Migration {
  override up(): void {
    this.addSql(`
create function analytics_fill(sources text[]) returns void language plpgsql as $fn$
declare
  reads text[] := '{}';
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
  for source_row in select distinct r.source, r.base_table from analytics_rollup r where r.source = any(sources) order by r.source loop
    reads := reads || format('%I as materialized (%s)', 'rows_' || source_row.source, analytics_source(source_row.source, source_row.base_table, 1));
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

create or replace function analytics_rebuild() returns void language plpgsql as $fn$
declare
  rollups text := (select string_agg(distinct quote_ident(rollup), ', ') from analytics_rollup);
begin
  execute format('lock table %s in exclusive mode', rollups);
  execute format('truncate %s', rollups);
  perform analytics_fill((select array_agg(distinct source) from analytics_rollup));
  perform analytics_bump_version();
end
$fn$;
`);
  }
}
