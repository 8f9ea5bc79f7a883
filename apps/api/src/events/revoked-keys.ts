import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphqlWsServer, LiveConnection } from '../platform/graphql-ws.js';
import { WsCloseCode } from '../platform/graphql-ws.js';
import type { Logger } from '../platform/logger.js';
import type { ClaimEventFeed } from './claim-event-feed.js';

const KEY_REVOKED = 'Forbidden: the API key was revoked';
const USER_DEACTIVATED = 'Forbidden: the user was deactivated';

/**
 * A revoked key's and a deactivated staff user's open subscriptions end on
 * every instance: revoking sends `NOTIFY api_key_revoked` (a trigger,
 * migration 0007), deactivating `NOTIFY app_user_deactivated` (migration
 * 0013); after the listener reconnects, notifications it missed are made up
 * for by asking the database about every key and user still connected.
 */
export function closeRevokedKeyConnections(orm: MikroORM, feed: ClaimEventFeed, websocket: GraphqlWsServer, log: Logger): void {
  const closeWhere = (matches: (connection: LiveConnection) => boolean, reason: string) => {
    for (const connection of websocket.connections()) if (matches(connection)) connection.close(WsCloseCode.Revoked, reason);
  };
  const closeKey = (apiKeyId: number) => closeWhere((c) => c.actor.kind === 'integrator' && c.actor.apiKeyId === apiKeyId, KEY_REVOKED);
  const closeUser = (userId: number) => closeWhere((c) => c.actor.kind === 'staff' && c.actor.userId === userId, USER_DEACTIVATED);
  feed.onApiKeyRevoked(closeKey);
  feed.onStaffUserDeactivated(closeUser);
  feed.onReconnect(() => {
    const connections = websocket.connections();
    const keys = [...new Set(connections.flatMap((c) => (c.actor.kind === 'integrator' ? [c.actor.apiKeyId] : [])))];
    const users = [...new Set(connections.flatMap((c) => (c.actor.kind === 'staff' ? [c.actor.userId] : [])))];
    if (keys.length === 0 && users.length === 0) return;
    orm.em
      .fork()
      .getConnection()
      .execute<{ kind: 'key' | 'user'; id: number }[]>(
        `select 'key' as kind, id from api_key where id = any(?::int[]) and revoked_at is not null
         union all select 'user', id from app_user where id = any(?::int[]) and not active`,
        [`{${keys.join(',')}}`, `{${users.join(',')}}`],
      )
      .then((rows) => rows.forEach((row) => (row.kind === 'key' ? closeKey(row.id) : closeUser(row.id))))
      .catch((error: unknown) => log.warn({ err: error }, 'could not check for revoked API keys and deactivated users'));
  });
}
