/**
 * A duration as the CLI prints it: tenths of a second under a minute, else
 * minutes and whole seconds (rounded first, so 119.6 s is 2 min 0 s, not
 * 1 min 60 s).
 *
 * @example
 * duration(4_250); // '4.3 s'
 * duration(119_600); // '2 min 0 s'
 */
export function duration(ms: number): string {
  const tenths = Math.round(ms / 100);
  if (tenths < 600) return `${(tenths / 10).toFixed(1)} s`;
  const total = Math.round(ms / 1000);
  return `${Math.floor(total / 60)} min ${total % 60} s`;
}
