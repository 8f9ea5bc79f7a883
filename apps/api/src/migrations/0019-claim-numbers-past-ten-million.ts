import { Migration } from '@mikro-orm/migrations';

/**
 * Claim numbers are `CL-` and the sequence's value padded to 7 digits. The
 * first default, `lpad(n, 7, '0')`, also cut longer values to 7 characters:
 * claim 10 000 000 would have been numbered CL-1000000, a duplicate, and
 * every submission after it refused. Now the padding only ever adds zeros.
 */
export class Migration0019ClaimNumbersPastTenMillion extends Migration {
  override up(): void {
    this.addSql(`
create function claim_number(n bigint) returns text language sql immutable parallel safe
  return 'CL-' || case when n >= 10000000 then n::text else lpad(n::text, 7, '0') end;
alter table claim alter column number set default claim_number(nextval('claim_number_seq'));
`);
  }
}
