import { describe, expect, it } from 'vitest';
import { countClaimRows, emptyHeldRows, firstClaimIds, planClaims, tellClaim, type RowSink } from './claims.js';
import { zeroIds } from './claims.js';
import { buildWorld } from './world.js';

describe('countClaimRows', () => {
  it('advances the ids exactly as telling the claim does, claim by claim, over every kind of record', () => {
    const world = buildWorld({ today: '2026-11-25', passwordHash: 'x', devices: 12_000, historyDays: 1461 });
    const claims = planClaims(world, 3000);
    const counted = firstClaimIds(world);
    const told = firstClaimIds(world);
    const held = emptyHeldRows();
    const nowhere: RowSink = { write: () => undefined };
    for (let index = 0; index < claims.count; index += 1) {
      const life = claims.life(index);
      countClaimRows(life, counted);
      tellClaim(world, life, told, held, nowhere);
      expect(counted, life.claim.number).toEqual(told);
    }
    // Every table was written to: each count was exercised.
    const fromClaims = zeroIds();
    for (const key of Object.keys(fromClaims) as (keyof typeof fromClaims)[]) fromClaims[key] = counted[key] - firstClaimIds(world)[key];
    for (const [table, rows] of Object.entries(fromClaims)) expect(rows, table).toBeGreaterThan(0);
  });
});
