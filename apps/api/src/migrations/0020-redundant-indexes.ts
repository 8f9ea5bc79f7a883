import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes whose columns lead another index of the same table: every lookup
 * they served, the longer one serves, and each costs its table's writes and
 * the generator a build (device's on 4 million units). (status, created_at)
 * leads 0005's (status, created_at, id), the work queue's order; device's
 * model_id leads the (model_id, barcode) unique key; a shipment's claim_id
 * leads its (claim_id, direction) unique key.
 */
export class Migration0020RedundantIndexes extends Migration {
  override up(): void {
    this.addSql(`
drop index claim_status_created_idx;
drop index device_model_idx;
drop index shipment_claim_idx;
`);
  }
}
