import { Migration } from '@mikro-orm/migrations';

/**
 * A staff member's open WebSockets close on every instance when what they
 * were opened with ends, as a deactivated user's do (migration 0013): a
 * session revoked (sign-out; every session of the user after a password
 * change or reset, or a deactivation) sends `NOTIFY staff_session_revoked,
 * '<session id>'`, a changed role `NOTIFY app_user_role_changed, '<user
 * id>'` (the socket's answers were authorised for the old role).
 */
export class Migration0016StaffAccessEnded extends Migration {
  override up(): void {
    this.addSql(`
create function staff_session_revoked() returns trigger language plpgsql as $$
begin
  perform pg_notify('staff_session_revoked', new.id::text);
  return null;
end $$;
create trigger staff_session_revoked after update of revoked_at on staff_session
  for each row when (old.revoked_at is null and new.revoked_at is not null) execute function staff_session_revoked();

create function app_user_role_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('app_user_role_changed', new.id::text);
  return null;
end $$;
create trigger app_user_role_changed after update of role on app_user
  for each row when (old.role is distinct from new.role) execute function app_user_role_changed();
`);
  }
}
