import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { BadUserInputError } from '../platform/errors.js';

/**
 * Where webhooks may go. A webhook makes this server send requests to an
 * address a customer chose, so it must not reach inside the network it runs
 * in: only https, and never an address in a private, loopback, link-local or
 * otherwise reserved range, checked when the endpoint is registered and again
 * on every delivery (a name may resolve elsewhere later). `allowLocalHttp`
 * (local use and tests only) also accepts http://127.0.0.1 and http://localhost.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const isPublicAddress = (address: string): boolean => {
  const family = isIP(address);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPublicAddress(mapped);
  return !blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
};

/** Whether `url` is a local http address the setting lets through. */
const isAllowedLocal = (url: URL, allowLocalHttp: boolean) => allowLocalHttp && url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);

/**
 * Checks an endpoint URL when it is registered; `BAD_USER_INPUT` on `url`
 * says what is wrong. Names are resolved: every address must be public.
 */
export async function checkWebhookUrl(value: string, allowLocalHttp: boolean, resolve = resolveAll): Promise<string> {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new BadUserInputError('url', 'is not a URL.');
  }
  if (value.length > 2000) throw new BadUserInputError('url', 'must be at most 2000 characters.');
  if (url.username || url.password) throw new BadUserInputError('url', 'must not carry a user name or password.');
  if (isAllowedLocal(url, allowLocalHttp)) return url.href;
  if (url.protocol !== 'https:') throw new BadUserInputError('url', 'must be https.');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [host] : await resolve(host).catch(() => []);
  if (addresses.length === 0) throw new BadUserInputError('url', `${host} does not resolve.`);
  if (!addresses.every(isPublicAddress)) {
    throw new BadUserInputError('url', `${host} is a private, loopback or reserved address: webhooks go to public https endpoints only.`);
  }
  return url.href;
}

async function resolveAll(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((entry) => entry.address);
}

/**
 * The DNS lookup used for deliveries: the connection goes to the address that
 * was checked, so a name cannot be re-pointed inside the network between the
 * check and the request.
 */
export function publicOnlyLookup(url: URL, allowLocalHttp: boolean): LookupFunction | undefined {
  if (isAllowedLocal(url, allowLocalHttp)) return undefined;
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, family: typeof options === 'object' ? (options.family as number | undefined) : undefined })
      .then((entries) => {
        const refused = entries.find((entry) => !isPublicAddress(entry.address));
        if (refused || entries.length === 0) {
          callback(Object.assign(new Error(`${hostname} resolves to a non-public address`), { code: 'ENOTPUBLIC' }), '', 4);
          return;
        }
        if (typeof options === 'object' && options.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 4));
  };
}
