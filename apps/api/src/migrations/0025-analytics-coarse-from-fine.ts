import { Migration } from '@mikro-orm/migrations';

/**
 * `analytics_fill` sums each coarse rollup from its fine one's rows.
 *
 * A source feeds its finest rollup (position 0) and coarser ones (the same
 * measures over fewer key columns). 0018's fill grouped every rollup from the
 * source rows, so each source's rows were kept (a materialized CTE: four
 * million for the units) and grouped once per rollup. Now only the finest
 * rollups read the source rows (each source once, inlined), and a coarse
 * rollup groups the rows its fine rollup inserted (`returning`): 6 832 unit
 * rows instead of four million, 180 436 claim cells instead of 1.7 million
 * rows. The sums are the same (a fine row left out for summing to zero adds
 * nothing to its coarse row). A rollup whose sources do not share one finest
 * rollup is still grouped from their rows. The claims with their units are
 * read once for every source (0024).
 */
export class Migration0025AnalyticsCoarseFromFine extends Migration {
  override up(): void {
    this.addSql(`
create or replace function analytics_fill(sources text[]) returns void language plpgsql as $fn$
declare
  reads text[] := array[format('claim_units as materialized (%s)', analytics_claim_units('claim'))];
  fills text[] := '{}';
  level record;
  source_row record;
  measures text[];
  parts text[];
  sums text;
  nonzero text;
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
    reads := reads || format('%I as (%s)', 'rows_' || source_row.source,
      analytics_source(source_row.source, source_row.base_table, 1, 'claim_units'));
  end loop;
  -- The finest rollups first: a coarse one reads the rows its fine one inserted.
  for level in
    select r.rollup, min(r.key) as key,
           case when min(r.position) > 0 then
             (select min(f.rollup) from analytics_rollup f
               where f.position = 0 and f.source in (select s.source from analytics_rollup s where s.rollup = r.rollup)
              having count(distinct f.rollup) = 1)
           end as fine
      from analytics_rollup r where r.source = any(sources) group by r.rollup order by min(r.position), r.rollup
  loop
    select array_agg(distinct r.measure order by r.measure) into measures from analytics_rollup r where r.rollup = level.rollup;
    sums := (select string_agg(format('sum(%I)', m), ', ' order by m) from unnest(measures) m);
    nonzero := (select string_agg(format('sum(%I) <> 0', m), ' or ' order by m) from unnest(measures) m);
    if level.fine is not null then
      fills := fills || format('%I as (insert into %I (%s, %s) select %s, %s from %I group by %s having %s)',
        'fill_' || level.rollup, level.rollup, level.key,
        (select string_agg(format('%I', m), ', ' order by m) from unnest(measures) m),
        level.key, sums, 'fill_' || level.fine, level.key, nonzero);
    else
      select array_agg(format('select %s, %s from %I', level.key,
               (select string_agg(case when m = r.measure then format('n as %I', m) else format('0 as %I', m) end, ', ' order by m) from unnest(measures) m),
               'rows_' || r.source) order by r.source)
        into parts from analytics_rollup r where r.rollup = level.rollup;
      fills := fills || format('%I as (insert into %I (%s, %s) select %s, %s from (%s) u group by %s having %s returning *)',
        'fill_' || level.rollup, level.rollup, level.key,
        (select string_agg(format('%I', m), ', ' order by m) from unnest(measures) m),
        level.key, sums, array_to_string(parts, ' union all '), level.key, nonzero);
    end if;
  end loop;
  if cardinality(fills) > 0 then
    execute format('with %s, %s select', array_to_string(reads, ', '), array_to_string(fills, ', '));
  end if;
end
$fn$;
`);
  }
}
