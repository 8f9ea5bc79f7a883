import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in attempts (throttling per account and per client address, and the
 * administrator's record of failures) and staff sessions (a refresh token per
 * sign-in, revocable: logout, password change or reset, deactivation).
 */
export class Migration0008SignInSecurity extends Migration {
  override up(): void {
    this.addSql(`
create table sign_in_attempt (
  id bigint generated always as identity primary key,
  email text not null check (length(email) <= 320),
  client_address text not null check (length(client_address) <= 100),
  succeeded boolean not null,
  attempted_at timestamptz not null default now()
);
create index sign_in_attempt_email_idx on sign_in_attempt (email, attempted_at);
create index sign_in_attempt_address_idx on sign_in_attempt (client_address, attempted_at);
create index sign_in_attempt_failed_idx on sign_in_attempt (attempted_at desc) where not succeeded;

create table staff_session (
  id bigint generated always as identity primary key,
  user_id integer not null references app_user (id) on delete cascade,
  refresh_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index staff_session_user_idx on staff_session (user_id) where revoked_at is null;
`);
  }
}
