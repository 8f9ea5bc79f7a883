import type { TypedDocumentNode } from '@aftersale/graphql';
import { print } from 'graphql';
import WebSocket from 'ws';

/** A GraphQL error as the server sends it (over HTTP or in a graphql-ws message). */
export interface GraphQLErrorAnswer {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

/** One GraphQL answer: a `next` payload over graphql-ws, or an HTTP response body. */
export interface GraphQLAnswer<T> {
  data?: T | null;
  errors?: GraphQLErrorAnswer[];
}

/**
 * A message of the graphql-transport-ws protocol as the server sends it. The
 * tests trust the server to speak the protocol: a `next` payload is typed by
 * the document subscribed to (`subscriber` narrows it), hence `unknown` here.
 */
export type ServerMessage =
  | { type: 'connection_ack' | 'ping' | 'pong'; payload?: Record<string, unknown> }
  | { type: 'next'; id: string; payload: GraphQLAnswer<unknown> }
  | { type: 'error'; id: string; payload: GraphQLErrorAnswer[] }
  | { type: 'complete'; id: string };

/** A raw graphql-transport-ws connection for tests: every message kept, the close code awaited. */
export interface RawSocket {
  socket: WebSocket;
  messages: ServerMessage[];
  /** Messages that came as binary frames (graphql-ws speaks in text frames: clients refuse the others). */
  binaryMessages: number;
  /** Resolves with the close code and reason (or the HTTP status when the upgrade was refused). */
  closed: Promise<{ code: number; reason: string }>;
  opened: Promise<void>;
  send(message: unknown): void;
  /** The first message (already received or to come) that matches: `next((m) => m.type === 'error')` is an error message. */
  next<M extends ServerMessage>(match: (message: ServerMessage) => message is M): Promise<M>;
  next(match: (message: ServerMessage) => boolean): Promise<ServerMessage>;
}

export function rawSocket(url: string, options: { origin?: string; headers?: Record<string, string> } = {}): RawSocket {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { origin: options.origin, headers: options.headers });
  const messages: ServerMessage[] = [];
  const waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  let binaryMessages = 0;
  socket.on('message', (data, isBinary) => {
    if (isBinary) binaryMessages++;
    const message = JSON.parse((data as Buffer).toString()) as ServerMessage;
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
  const next = (match: (message: ServerMessage) => boolean): Promise<ServerMessage> => {
    const found = messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => waiters.push({ match, resolve }));
  };
  return {
    socket,
    messages,
    get binaryMessages() {
      return binaryMessages;
    },
    closed,
    opened,
    send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
    next,
  };
}

/** A subscriber's view of its one subscription. */
export interface Subscriber<TResult> {
  raw: RawSocket;
  /** Payloads received so far (`{ data }` or `{ errors }`). */
  payloads(): GraphQLAnswer<TResult>[];
  /** Waits until `count` payloads have arrived and returns them. */
  received(count: number): Promise<GraphQLAnswer<TResult>[]>;
  close(): void;
}

/**
 * A subscriber: connects with `params`, subscribes once, and keeps every `next` payload. The operation is a typed
 * document from @aftersale/graphql (its payloads typed from the schema), or raw text for one the server must refuse.
 */
export function subscriber<TResult, TVariables>(
  url: string,
  params: Record<string, unknown>,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Promise<Subscriber<TResult>>;
export function subscriber(url: string, params: Record<string, unknown>, query: string): Promise<Subscriber<unknown>>;
export async function subscriber(
  url: string,
  params: Record<string, unknown>,
  document: string | TypedDocumentNode<unknown, unknown>,
  variables: unknown = {},
): Promise<Subscriber<unknown>> {
  const raw = rawSocket(url);
  await raw.opened;
  raw.send({ type: 'connection_init', payload: params });
  await raw.next((m) => m.type === 'connection_ack');
  raw.send({ id: '1', type: 'subscribe', payload: { query: typeof document === 'string' ? document : print(document), variables } });
  const data = () => raw.messages.flatMap((m) => (m.type === 'next' ? [m.payload] : []));
  /** What a payload was, for a failure message: its claim event's type when it has one. */
  const describe = (payload: GraphQLAnswer<unknown>): unknown => {
    const update = (payload.data as { claimUpdates?: { event?: { type?: string } } } | null | undefined)?.claimUpdates;
    return update?.event?.type ?? payload;
  };
  return {
    raw,
    payloads: data,
    async received(count: number) {
      const deadline = Date.now() + 30_000;
      while (data().length < count) {
        if (Date.now() > deadline) throw new Error(`got ${data().length} of ${count}: ${JSON.stringify(data().map(describe))}`);
        await Promise.race([
          raw.next((m) => m.type === 'next' && data().length >= count),
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
