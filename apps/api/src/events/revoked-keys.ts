import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphqlWsServer } from '../platform/graphql-ws.js';
import { WsCloseCode } from '../platform/graphql-ws.js';
import type { Logger } from '../platform/logger.js';
import type { ClaimEventFeed } from './claim-event-feed.js';

const REASON = 'Forbidden: the API key was revoked';

/**
 * A revoked key's open subscriptions end on every instance: revoking sends
 * `NOTIFY api_key_revoked` (a trigger, migration 0007); after the listener
 * reconnects, notifications it missed are made up for by asking the database
 * about every key still connected.
 */
export function closeRevokedKeyConnections(orm: MikroORM, feed: ClaimEventFeed, websocket: GraphqlWsServer, log: Logger): void {
  const closeKey = (apiKeyId: number) => {
    for (const connection of websocket.connections()) {
      if (connection.actor.kind === 'integrator' && connection.actor.apiKeyId === apiKeyId) connection.close(WsCloseCode.Revoked, REASON);
    }
  };
  feed.onApiKeyRevoked(closeKey);
  feed.onReconnect(() => {
    const ids = [...new Set(websocket.connections().flatMap((c) => (c.actor.kind === 'integrator' ? [c.actor.apiKeyId] : [])))];
    if (ids.length === 0) return;
    orm.em
      .fork()
      .getConnection()
      .execute<{ id: number }[]>('select id from api_key where id = any(?::int[]) and revoked_at is not null', [`{${ids.join(',')}}`])
      .then((rows) => rows.forEach((row) => closeKey(row.id)))
      .catch((error: unknown) => log.warn({ err: error }, 'could not check for revoked API keys'));
  });
}
