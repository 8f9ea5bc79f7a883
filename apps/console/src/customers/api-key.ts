import type { ApiKeyItemFragment } from '@aftersale/graphql';

/** What can be shown of a key after its creation: `ask_<prefix>_…`, enough to tell keys apart. */
export function publicPart(key: Pick<ApiKeyItemFragment, 'prefix'>): string {
  return `ask_${key.prefix}_…`;
}
