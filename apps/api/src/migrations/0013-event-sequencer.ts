import { Migration } from '@mikro-orm/migrations';

/**
 * The claim event log is numbered after commit, not during it (migration
 * 0007 numbered it in a commit trigger).
 *
 * **Why.** The 0007 trigger took an advisory lock and sent NOTIFY as each
 * writing transaction committed; both are held until the commit is flushed,
 * so the commits of every transaction that wrote an event ran one at a time
 * (no group commit): claim transitions ran at about half the rate of the
 * same writes without the log.
 *
 * **Now.** A writer only inserts its event (`position` null). The API
 * instances number committed events with `claim_event_sequence()`: under a
 * transaction-level advisory lock (one numbering at a time, across
 * instances) it gives the events it can see that have no position the next
 * positions, in id order, sends one `NOTIFY claim_event, '<last position>'`
 * for the batch and returns the newest position. A numbering sees only
 * committed events and commits before the next one starts, so positions are
 * in the order commits were seen, never change, and a snapshot always sees a
 * prefix of them: "everything after position p" never misses an event. Two
 * transactions that touch the same claim commit one after the other (the
 * claim's version check) and the later one inserts its event after the
 * earlier committed, so a claim's events are numbered in commit order even
 * within one batch.
 *
 * An instance numbers right after each of its own writing transactions
 * commits, before answering a poll of `claimEvents`, and on a timer; a tool writing events with plain SQL may
 * send `NOTIFY claim_event_pending` after its commit to have them numbered
 * at once.
 *
 * Also: a deactivated staff user's open WebSockets are closed on every
 * instance (`NOTIFY app_user_deactivated`), as a revoked API key's are.
 */
export class Migration0013EventSequencer extends Migration {
  override up(): void {
    this.addSql(`
drop trigger claim_event_commit on claim_event;
drop function claim_event_commit();

create function claim_event_sequence() returns bigint language plpgsql as $$
declare
  pending bigint[];
  first_position bigint;
  last_position bigint;
begin
  -- Nothing to number (the usual answer to a poll): no lock, no write.
  if exists (select 1 from claim_event where position is null) then
    perform pg_advisory_xact_lock(7007001);
    loop
      -- A fresh snapshot after the lock: the previous numbering's positions are visible.
      select array_agg(id order by id) into pending
        from (select id from claim_event where position is null order by id limit 10000) p;
      exit when pending is null;
      first_position := nextval('claim_event_position_seq');
      last_position := first_position + cardinality(pending) - 1;
      if last_position > first_position then
        perform setval('claim_event_position_seq', last_position);
      end if;
      update claim_event e set position = first_position + u.n - 1
        from unnest(pending) with ordinality as u(id, n)
       where e.id = u.id;
      exit when cardinality(pending) < 10000;
    end loop;
    if last_position is not null then
      perform pg_notify('claim_event', last_position::text);
    end if;
  end if;
  return (select coalesce(max(position), 0) from claim_event);
end $$;

create function app_user_deactivated() returns trigger language plpgsql as $$
begin
  perform pg_notify('app_user_deactivated', new.id::text);
  return null;
end $$;
create trigger app_user_deactivated after update of active on app_user
  for each row when (old.active and not new.active) execute function app_user_deactivated();
`);
  }
}
