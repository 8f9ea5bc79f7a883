/** Rows of (series, x, value) pivoted for recharts: one object per x with a key per series. */
export function pivot<T>(
  points: T[],
  x: (point: T) => string | number,
  series: (point: T) => string,
  value: (point: T) => number | null,
): { rows: Record<string, string | number | null>[]; names: string[] } {
  const names = [...new Set(points.map(series))];
  const byX = new Map<string | number, Record<string, string | number | null>>();
  for (const point of points) {
    const key = x(point);
    let row = byX.get(key);
    if (!row) byX.set(key, (row = { x: key }));
    row[series(point)] = value(point);
  }
  return { rows: [...byX.values()], names };
}

/** A distinct, readable colour per series. */
const PALETTE = ['#1976d2', '#d32f2f', '#388e3c', '#f57c00', '#7b1fa2', '#0097a7', '#5d4037', '#c2185b', '#455a64', '#afb42b'];
export const colourOf = (index: number) => PALETTE[index % PALETTE.length]!;

export const formatRate = (value: number | null | undefined) => (value === null || value === undefined ? '—' : value.toFixed(2));
