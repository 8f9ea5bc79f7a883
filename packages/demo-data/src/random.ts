/**
 * A seeded pseudo-random source: mulberry32 over a 32-bit seed hashed from
 * keys. The same keys give the same sequence on every platform and Node
 * version, so a data set is reproducible byte for byte. Rows that must be
 * computable on their own (a claim, for its events) get their own stream,
 * keyed by the seed, the table and the row number.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One of the entries, each with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

/** FNV-1a then a murmur3 finaliser: spreads similar keys ("claim:1", "claim:2") far apart. */
function hashKeys(keys: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = keys.join('\u0000');
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The stream for a list of keys, e.g. `seededRandom(seed, 'claim', 42)`.
 * @example seededRandom(1, 'orders').int(1, 6) // always the same number
 */
export function seededRandom(...keys: readonly (string | number)[]): Random {
  let state = hashKeys(keys);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      if (!(total > 0)) throw new RangeError('weights must add up to more than 0');
      let target = next() * total;
      for (const [value, weight] of entries) {
        target -= weight;
        if (target < 0) return value;
      }
      return entries[entries.length - 1]![0];
    },
  };
  return random;
}
