import type { MikroORM } from '@mikro-orm/postgresql';
import type { Actor } from '../platform/actor.js';
import type { GraphqlWsServer, LiveConnection } from '../platform/graphql-ws.js';
import { WsCloseCode } from '../platform/graphql-ws.js';
import type { Logger } from '../platform/logger.js';
import type { AccessEndedChannel, ClaimEventFeed } from './claim-event-feed.js';

/** Which connections each ended access closes, and the reason they are given. */
const ENDED: Record<AccessEndedChannel, { reason: string; closes: (actor: Actor, id: number) => boolean }> = {
  api_key_revoked: { reason: 'Forbidden: the API key was revoked', closes: (a, id) => a.kind === 'integrator' && a.apiKeyId === id },
  app_user_deactivated: { reason: 'Forbidden: the user was deactivated', closes: (a, id) => a.kind === 'staff' && a.userId === id },
  staff_session_revoked: {
    reason: 'Forbidden: the session ended (signed out, or the password changed): sign in again',
    closes: (a, id) => a.kind === 'staff' && a.sessionId === id,
  },
  app_user_role_changed: { reason: "Forbidden: the user's role changed: connect again", closes: (a, id) => a.kind === 'staff' && a.userId === id },
};

/**
 * A connection lives as long as what it was opened with: a revoked key's, a
 * deactivated staff user's, a signed-out session's (every session of a user
 * whose password changed or was reset) and a staff user's whose role changed
 * open subscriptions end on every instance, each told by a trigger's NOTIFY
 * (migrations 0007, 0013, 0016). After the listener reconnects, notifications
 * it missed are made up for by asking the database about every key, user and
 * session still connected.
 */
export function closeRevokedKeyConnections(orm: MikroORM, feed: ClaimEventFeed, websocket: GraphqlWsServer, log: Logger): void {
  const close = (channel: AccessEndedChannel, id: number) => {
    const { reason, closes } = ENDED[channel];
    for (const connection of websocket.connections()) if (closes(connection.actor, id)) connection.close(WsCloseCode.Revoked, reason);
  };
  feed.onAccessEnded(close);
  feed.onReconnect(() => {
    const connections = websocket.connections();
    if (connections.length === 0) return;
    const ids = (pick: (connection: LiveConnection) => number | undefined) =>
      `{${[...new Set(connections.map(pick).filter((id) => id !== undefined))].join(',')}}`;
    const staff = connections.flatMap((c) => (c.actor.kind === 'staff' ? [c.actor] : []));
    orm.em
      .fork()
      .getConnection()
      .execute<{ channel: AccessEndedChannel; id: number }[]>(
        `select 'api_key_revoked' as channel, id from api_key where id = any(?::int[]) and revoked_at is not null
         union all select 'app_user_deactivated', id from app_user where id = any(?::int[]) and not active
         union all select 'staff_session_revoked', id from staff_session where id = any(?::int[]) and revoked_at is not null
         union all select 'app_user_role_changed', u.id from app_user u join unnest(?::int[], ?::text[]) as c(id, role) on c.id = u.id and c.role <> u.role::text`,
        [
          ids((c) => (c.actor.kind === 'integrator' ? c.actor.apiKeyId : undefined)),
          ids((c) => (c.actor.kind === 'staff' ? c.actor.userId : undefined)),
          ids((c) => (c.actor.kind === 'staff' ? c.actor.sessionId : undefined)),
          `{${staff.map((actor) => actor.userId).join(',')}}`,
          `{${staff.map((actor) => actor.role).join(',')}}`,
        ],
      )
      .then((rows) => rows.forEach((row) => close(row.channel, row.id)))
      .catch((error: unknown) => log.warn({ err: error }, 'could not check for ended keys, users and sessions'));
  });
}
