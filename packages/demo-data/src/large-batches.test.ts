import { describe, expect, it } from 'vitest';
import { toDayNumber } from '@aftersale/domain';
import { instantOn } from './calendar.js';
import { InvoiceNumbering } from './claim-records.js';
import { countClaimRows, emptyHeldRows, finishClaims, firstClaimIds, planClaims, releaseInvoices, tellClaim, zeroIds, type RowSink } from './claims.js';
import { buildWorld } from './world.js';

const world = buildWorld({ today: '2026-11-25', passwordHash: 'x', devices: 12_000, historyDays: 1461 });
const claims = planClaims(world, 3000);

describe('countClaimRows', () => {
  it('advances the ids exactly as telling the claim does, claim by claim, over every kind of record', () => {
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

describe('releaseInvoices', () => {
  /** The invoices and events written, by id, telling the claims and releasing the due invoices every `batch` claims. */
  const told = (batch: number | undefined) => {
    const written = new Map<string, unknown>();
    const sink: RowSink = {
      write: (table, row) => void ((table === 'invoice' || table === 'claim_event') && written.set(`${table} ${(row as { id: number }).id}`, row)),
    };
    const ids = firstClaimIds(world);
    const held = emptyHeldRows();
    const numbering = new InvoiceNumbering();
    for (let index = 0; index < claims.count; index += 1) {
      const life = claims.life(index);
      tellClaim(world, life, ids, held, sink);
      if (batch && (index + 1) % batch === 0) releaseInvoices(held, numbering, instantOn(toDayNumber(life.claim.submitted_on), 0), sink);
    }
    finishClaims(world, held, sink, numbering);
    return written;
  };

  it('numbers the invoices batch by batch, as a large load does, exactly as all at the end', () => {
    const atTheEnd = told(undefined);
    const numbered = [...atTheEnd.values()].filter((row) => (row as { number?: string | null }).number);
    expect(numbered.length).toBeGreaterThan(100);
    expect(told(100)).toEqual(atTheEnd);
  });

  it('refuses an invoice issued before invoices already numbered', () => {
    const numbering = new InvoiceNumbering();
    const issued = [{ key: 1, at: 2000 }];
    expect(numbering.numberBefore(issued, 3000)).toEqual(new Map([[1, { year: 1970, sequence: 1 }]]));
    expect(issued).toEqual([]);
    expect(() => numbering.numberBefore([{ key: 2, at: 2500 }], 4000)).toThrow(/issued before invoices already numbered/);
  });
});
