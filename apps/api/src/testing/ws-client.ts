import WebSocket from 'ws';

/** A raw graphql-transport-ws connection for tests: every message kept, the close code awaited. */
export interface RawSocket {
  socket: WebSocket;
  messages: Record<string, any>[];
  /** Resolves with the close code and reason (or the HTTP status when the upgrade was refused). */
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
  send(message: unknown): void;
  /** The first message (already received or to come) that matches. */
  next(match: (message: Record<string, any>) => boolean): Promise<Record<string, any>>;
}

export function rawSocket(url: string, options: { origin?: string; headers?: Record<string, string> } = {}): RawSocket {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { origin: options.origin, headers: options.headers });
  const messages: Record<string, any>[] = [];
  const waiters: { match: (m: Record<string, any>) => boolean; resolve: (m: Record<string, any>) => void }[] = [];
  socket.on('message', (data) => {
    const message = JSON.parse((data as Buffer).toString()) as Record<string, any>;
    messages.push(message);
    for (const waiter of [...waiters]) {
      if (waiter.match(message)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) }));
    socket.on('unexpected-response', (_req, res) => resolve({ code: res.statusCode ?? 0, reason: res.statusMessage ?? '' }));
    socket.on('error', () => undefined);
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('close', () => reject(new Error('closed before it opened')));
    socket.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
  opened.catch(() => undefined);
  return {
    socket,
    messages,
    closed,
    opened,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next: (match) => {
      const found = messages.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

/** A subscriber: connects with `params`, subscribes once, and keeps every `next` payload's data. */
export async function subscriber(url: string, params: Record<string, unknown>, query: string, variables: Record<string, unknown> = {}) {
  const raw = rawSocket(url);
  await raw.opened;
  raw.send({ type: 'connection_init', payload: params });
  await raw.next((m) => m['type'] === 'connection_ack');
  raw.send({ id: '1', type: 'subscribe', payload: { query, variables } });
  const data = () => raw.messages.filter((m) => m['type'] === 'next').map((m) => m['payload']);
  return {
    raw,
    /** Payloads received so far (`{ data }` or `{ errors }`). */
    payloads: data,
    /** Waits until `count` payloads have arrived and returns them. */
    async received(count: number): Promise<Record<string, any>[]> {
      const deadline = Date.now() + 30_000;
      while (data().length < count) {
        if (Date.now() > deadline)
          throw new Error(`got ${data().length} of ${count}: ${JSON.stringify(data().map((p) => p.data?.claimUpdates?.event?.type ?? p))}`);
        await Promise.race([
          raw.next((m) => m['type'] === 'next' && data().length >= count),
          raw.closed.then(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 1000)),
        ]);
        if (raw.socket.readyState !== WebSocket.OPEN && data().length < count) {
          throw new Error(`closed with ${data().length} of ${count}: ${JSON.stringify(await raw.closed)} ${JSON.stringify(raw.messages.slice(-2))}`);
        }
      }
      return data();
    },
    close: () => raw.socket.close(1000),
  };
}
