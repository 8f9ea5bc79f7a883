/**
 * Receives Aftersale webhooks and checks each one's signature before trusting
 * it: `Aftersale-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`
 * with the endpoint's secret. Deliveries are at least once: the
 * `Aftersale-Delivery` id is the same on every retry, so remember the ids you
 * have handled.
 *
 *   AFTERSALE_WEBHOOK_SECRET=whsec_… node tools/integrator/dist/webhook-receiver.js 8080
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** True when `header` signs `rawBody` with `secret` and is at most `toleranceSeconds` old. */
export function verifyAftersaleSignature(secret: string, rawBody: string, header: string, toleranceSeconds = 300): boolean {
  const fields = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(fields.get('t'));
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(fields.get('v1') ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface WebhookEvent {
  deliveryId: string;
  body: {
    cursor: string;
    event: { type: string; fromStatus: string | null; toStatus: string | null; actor: string; at: string };
    claim: Record<string, unknown>;
  };
}

export interface ReceiverOptions {
  port?: number;
  /** The endpoint's secret (a function when it is known only after the endpoint is registered at this receiver's URL). */
  secret: string | (() => string);
  /** Called for each verified delivery; a throw answers 500 and the API retries later. */
  onEvent(event: WebhookEvent): void | Promise<void>;
}

/** A receiver on 127.0.0.1: 401 for a bad signature, 200 once `onEvent` accepted a delivery, 500 when it threw. */
export async function startWebhookReceiver(options: ReceiverOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const secret = typeof options.secret === 'function' ? options.secret() : options.secret;
      if (!verifyAftersaleSignature(secret, raw, String(req.headers['aftersale-signature'] ?? ''))) {
        res.writeHead(401).end('bad signature');
        return;
      }
      Promise.resolve()
        .then(() => options.onEvent({ deliveryId: String(req.headers['aftersale-delivery']), body: JSON.parse(raw) as WebhookEvent['body'] }))
        .then(() => res.writeHead(200).end('ok'))
        .catch(() => res.writeHead(500).end('not now'));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const secret = process.env['AFTERSALE_WEBHOOK_SECRET'];
  if (!secret) {
    console.error('Set AFTERSALE_WEBHOOK_SECRET to the secret shown when the endpoint was created.');
    process.exit(2);
  }
  const seen = new Set<string>();
  const receiver = await startWebhookReceiver({
    port: Number(process.argv[2] ?? 8080),
    secret,
    onEvent: ({ deliveryId, body }) => {
      if (seen.has(deliveryId)) return;
      seen.add(deliveryId);
      console.log(JSON.stringify(body));
    },
  });
  console.log(`listening on ${receiver.url}`);
}
