import { Migration } from '@mikro-orm/migrations';

/** The customer's postal address, printed on its invoices (issue 15); optional, as older customers have none on file. */
export class Migration0009CustomerAddress extends Migration {
  override up(): void {
    this.addSql(`alter table customer add column address text check (address is null or char_length(address) between 1 and 500);`);
  }
}
