import { Migration } from '@mikro-orm/migrations';

/**
 * The first day of a date's month without numeric arithmetic.
 *
 * `analytics_month` (0006) took `extract(day from day)`, which returns a
 * numeric since PostgreSQL 14: every rollup row computes two months, so a
 * rebuild over a million claims (about 17 million calls) spent seconds in
 * numeric conversions. `date_part` returns a double: the same day for every
 * date (compared over 1900–2200, the infinities and null), at about half the
 * cost of the whole expression.
 */
export class Migration0023AnalyticsMonthDatePart extends Migration {
  override up(): void {
    this.addSql(`
create or replace function analytics_month(day date) returns date language sql immutable parallel safe as $fn$
  select day - (date_part('day', day)::int - 1)
$fn$;
`);
  }
}
