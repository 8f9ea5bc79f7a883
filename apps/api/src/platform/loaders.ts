import DataLoader from 'dataloader';

/**
 * The request's DataLoaders, each made on first use: every item of a list
 * that asks for the same per-item field (a claim's events, say) is answered
 * by one batched call, so a list costs a fixed number of statements. Made per
 * request (in the context), so nothing is cached across callers.
 */
export class Loaders {
  readonly #loaders = new Map<string, DataLoader<unknown, unknown>>();

  /** The loader named `name`, made from `batch` the first time it is asked for in this request. */
  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<readonly V[]>): DataLoader<K, V> {
    let loader = this.#loaders.get(name);
    if (!loader) {
      loader = new DataLoader<unknown, unknown>(batch as (keys: readonly unknown[]) => Promise<unknown[]>);
      this.#loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** The rows of each key, in the order of `keys` (an empty list for a key without rows): a batch function's answer. */
export function groupedBy<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key)!);
}

/** The one row of each key, or null: a batch function's answer for a to-one field. */
export function keyedBy<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): (R | null)[] {
  const byKey = new Map<K, R>();
  for (const row of rows) if (!byKey.has(keyOf(row))) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}
