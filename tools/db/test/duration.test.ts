import { describe, expect, it } from 'vitest';
import { duration } from '../duration.js';

describe('duration', () => {
  it('prints tenths of a second under a minute, then minutes and whole seconds', () => {
    expect(duration(0)).toBe('0.0 s');
    expect(duration(4_250)).toBe('4.3 s');
    expect(duration(59_940)).toBe('59.9 s');
    expect(duration(60_000)).toBe('1 min 0 s');
    expect(duration(154_400)).toBe('2 min 34 s');
  });

  // A load's build phase printed "1 min 60 s" for 119.6 s: the seconds were rounded after the minutes were taken.
  it('rounds before it splits, so no minute ends in 60 s', () => {
    expect(duration(119_600)).toBe('2 min 0 s');
    expect(duration(59_960)).toBe('1 min 0 s');
  });
});
