/**
 * Follows a customer's claim updates live and never loses one: the last
 * cursor received is kept in a file, so after a stop, a crash or a dropped
 * connection it subscribes again `after` it and the API replays exactly what
 * was missed before going live.
 *
 *   AFTERSALE_URL=http://127.0.0.1:4000/graphql AFTERSALE_API_KEY=ask_… \
 *     node tools/integrator/dist/follow-claims.js claims.cursor
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

export const CLAIM_UPDATES = `subscription ($after: String) {
  claimUpdates(after: $after) {
    cursor
    event { type fromStatus toStatus actor at }
    claim { id number status }
  }
}`;

export interface ClaimUpdate {
  cursor: string;
  event: { type: string; fromStatus: string | null; toStatus: string | null; actor: string; at: string };
  claim: { id: string; number: string; status: string };
}

export interface FollowOptions {
  /** The API's GraphQL URL (http or ws). */
  url: string;
  apiKey: string;
  /** Where the last cursor is kept between runs. */
  cursorFile: string;
  /** Called once per update, in order; the cursor is stored after it returns. */
  onUpdate(update: ClaimUpdate): void | Promise<void>;
}

async function storedCursor(file: string): Promise<string | null> {
  try {
    return (await readFile(file, 'utf8')).trim() || null;
  } catch {
    return null;
  }
}

/** Writes the cursor atomically: a crash leaves the old one or the new one, never half of one. */
async function storeCursor(file: string, cursor: string): Promise<void> {
  await writeFile(`${file}.tmp`, cursor);
  await rename(`${file}.tmp`, file);
}

/**
 * Subscribes after the stored cursor and keeps going: when the connection
 * closes for any reason but a refused key, it subscribes again after the last
 * cursor it stored. Returns a function that stops it.
 */
export function followClaimUpdates(options: FollowOptions): { stop(): Promise<void>; done: Promise<void> } {
  let stopped = false;
  const client = createClient({
    url: options.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { apiKey: options.apiKey },
    lazy: true,
    // The client's own retry would subscribe again with the first cursor: this loop does it with the last one.
    retryAttempts: 0,
  });

  const done = (async () => {
    let failures = 0;
    while (!stopped) {
      const after = await storedCursor(options.cursorFile);
      const updates = client.iterate<{ claimUpdates: ClaimUpdate }>({ query: CLAIM_UPDATES, variables: { after } });
      try {
        for await (const result of updates) {
          if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
          const update = result.data!.claimUpdates;
          await options.onUpdate(update);
          await storeCursor(options.cursorFile, update.cursor);
          failures = 0;
          if (stopped) break;
        }
      } catch (error) {
        if (stopped) break;
        const code = (error as { code?: number }).code;
        // 4403: the key is wrong or revoked; trying again will not help.
        if (code === 4403) throw error;
        // Too slow, the server restarted, the network broke: subscribe again after the stored cursor.
        failures++;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** failures, 5000)));
      }
    }
  })();

  return {
    done,
    stop: async () => {
      stopped = true;
      await client.dispose();
      await done.catch(() => undefined);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env['AFTERSALE_URL'] ?? 'http://127.0.0.1:4000/graphql';
  const apiKey = process.env['AFTERSALE_API_KEY'];
  const cursorFile = process.argv[2] ?? 'claims.cursor';
  if (!apiKey) {
    console.error('Set AFTERSALE_API_KEY to a customer API key (ask_…).');
    process.exit(2);
  }
  const follower = followClaimUpdates({ url, apiKey, cursorFile, onUpdate: (update) => void console.log(JSON.stringify(update)) });
  process.on('SIGINT', () => void follower.stop().then(() => process.exit(0)));
  process.on('SIGTERM', () => void follower.stop().then(() => process.exit(0)));
  await follower.done;
}
