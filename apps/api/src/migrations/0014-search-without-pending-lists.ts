import { Migration } from '@mikro-orm/migrations';

/** The trigram indexes of the number searches (0005). */
const TRIGRAM_INDEXES = ['claim_number_trgm_idx', 'claim_ci_number_trgm_idx', 'sales_order_number_trgm_idx', 'invoice_number_trgm_idx'];

/**
 * The number searches' trigram indexes take each new entry at once
 * (`fastupdate = off`) instead of queueing it in a pending list.
 *
 * **Why.** A GIN index queues new entries in an unsorted pending list (up to
 * 4 MB) that every search reads whole, until a vacuum or a full list merges
 * it. A claim row gets new index entries on every status change (the status
 * is indexed, so no update is HOT), so on a busy database the list never
 * empties: on the generated million after a few hundred transitions, one
 * CI-number search read 229 pending pages and took 8–11 ms; with the list
 * merged, 27 pages and 0.3 ms. Taking each entry at once costs a claim write
 * a few dozen index insertions (microseconds), and no writer ever pays for
 * merging a full list.
 */
export class Migration0014SearchWithoutPendingLists extends Migration {
  override up(): void {
    for (const index of TRIGRAM_INDEXES) {
      this.addSql(`alter index ${index} set (fastupdate = off);`);
      // What is already queued is merged now.
      this.addSql(`select gin_clean_pending_list('${index}'::regclass);`);
    }
  }
}
