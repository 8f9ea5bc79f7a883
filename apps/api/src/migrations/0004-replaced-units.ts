import { Migration } from '@mikro-orm/migrations';

/** Finding the unit that replaced another (W4) is a lookup on every device read: index it. */
export class Migration0004ReplacedUnits extends Migration {
  override up(): void {
    this.addSql('create index device_replaces_idx on device (replaces_device_id) where replaces_device_id is not null;');
  }
}
