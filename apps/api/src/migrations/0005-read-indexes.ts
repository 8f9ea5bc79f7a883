import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for every filter and sort the lists offer, sized for a million
 * claims: each list's sort column with the id (the tie-breaker, and the
 * cursor's second half), each claim filter with the id (newest first within
 * it), trigram indexes for the claim and CI number search (a match anywhere
 * in the text), and a pattern index for the IMEI prefix search whatever the
 * database's collation.
 */
export class Migration0005ReadIndexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
create extension if not exists pg_trgm;

create index claim_status_id_idx on claim (status, id);
create index claim_status_created_at_id_idx on claim (status, created_at, id);
create index claim_model_id_idx on claim (model_id, id);
create index claim_customer_id_idx on claim (customer_id, id);
create index claim_service_centre_id_idx on claim (service_centre_id, id) where service_centre_id is not null;
create index claim_decision_id_idx on claim (decision, id) where decision is not null;
create index claim_created_at_id_idx on claim (created_at, id);
create index claim_updated_at_id_idx on claim (updated_at, id);
create index claim_number_trgm_idx on claim using gin (number gin_trgm_ops);
create index claim_ci_number_trgm_idx on claim using gin (ci_number gin_trgm_ops);

create index device_imei_prefix_idx on device (imei bpchar_pattern_ops);
create index device_barcode_idx on device (barcode);
create index device_received_on_id_idx on device (received_on, id);
create index device_created_at_id_idx on device (created_at, id);

create index sales_order_created_at_id_idx on sales_order (created_at, id);
create index sales_order_received_on_id_idx on sales_order (received_on, id);
create index sales_order_number_trgm_idx on sales_order using gin (number gin_trgm_ops);

create index invoice_status_id_idx on invoice (status, id);
create index invoice_number_trgm_idx on invoice using gin (number gin_trgm_ops);

create index stock_movement_part_idx on stock_movement (part_id, id);
create index stock_movement_kind_id_idx on stock_movement (kind, id);
`);
  }
}
