import { Migration } from '@mikro-orm/migrations';

/**
 * What the claims flow records beyond the first model: the service charge
 * and the quote's answer, invoice line kinds as the domain names them, and
 * one live invoice and one shipment each way per claim.
 */
export class Migration0003ClaimsFlow extends Migration {
  override up(): void {
    this.addSql(`
alter table assessment
  add column service_charge int check (service_charge > 0),
  add column service_charge_description text,
  add check ((service_charge is null) = (service_charge_description is null));

alter table claim add column quote_status text check (quote_status in ('PENDING','APPROVED','DECLINED'));

update invoice_line set kind = 'MATERIAL_COST' where kind = 'MATERIAL';
alter table invoice_line drop constraint invoice_line_kind_check;
alter table invoice_line add constraint invoice_line_kind_check check (kind in ('MATERIAL_COST','SERVICE_CHARGE'));

create unique index invoice_claim_live_idx on invoice (claim_id) where status <> 'VOID';
create unique index shipment_claim_direction_idx on shipment (claim_id, direction);
create index invoice_customer_idx on invoice (customer_id, created_at);
`);
  }
}
