import { Migration } from '@mikro-orm/migrations';

/**
 * Two fewer indexes on the claim event log, which every claim step writes
 * twice (its insert, then its numbering after commit, migration 0013: an
 * update of `position`, which PostgreSQL writes into every index again).
 *
 * `(claim_id, id)` and `(customer_id, id)` date from before the log had
 * positions (0001); `(claim_id, position)` and `(customer_id, position)`
 * (0007) find the same rows, and a claim's few events are sorted by id after
 * they are found. Seven index entries per insert and six per numbering
 * become five and four (about an eighth less WAL per logged step).
 */
export class Migration0015ClaimEventIndexes extends Migration {
  override up(): void {
    this.addSql(`
drop index claim_event_claim_idx;
drop index claim_event_customer_idx;
`);
  }
}
