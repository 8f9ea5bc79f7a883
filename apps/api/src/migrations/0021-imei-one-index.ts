import { Migration } from '@mikro-orm/migrations';

/**
 * A unit's IMEI in one index, checked without a costly pattern.
 *
 * The IMEI had two indexes: its unique key, compared in the database's
 * collation, and a `bpchar_pattern_ops` copy for the prefix search (`LIKE
 * '35391600%'`), which a collation-aware index cannot serve. An IMEI is 15
 * digits, ordered alike byte by byte and in any collation: in the "C"
 * collation the unique key serves the prefix range too, and the copy goes
 * (one index less to write per unit, and for the generator to build over
 * four million).
 *
 * The check `imei ~ '^[0-9]{15}$'` ran a regular expression whose bounded
 * repeat builds a state per digit on every row (a fifth of the generator's
 * COPY of the units); a length of 15 and digits only is the same rule.
 *
 * Changing a column's collation drops its statistics: without them the
 * planner guessed a prefix matched 0.5 % of the units and walked every claim
 * newest first for a search's page (1.3 s on a million claims instead of
 * 13 ms), so the column is analysed again.
 */
export class Migration0021ImeiOneIndex extends Migration {
  override up(): void {
    this.addSql(`
drop index device_imei_prefix_idx;
alter table device alter column imei type char(15) collate "C";
alter table device drop constraint device_imei_check;
alter table device add constraint device_imei_check check (length(imei) = 15 and imei ~ '^[0-9]+$');
analyze device (imei);
`);
  }
}
