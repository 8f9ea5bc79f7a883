import { describe, expect, it } from 'vitest';
import { CopyLine, TableText } from './copy-text.js';

const decoded = (line: CopyLine) => new TextDecoder().decode(line.take());

describe('COPY text', () => {
  it('writes each kind of value as COPY text reads it', () => {
    const line = new CopyLine();
    const values: unknown[] = [
      0,
      -42,
      7,
      10,
      1_000_000,
      2_147_483_647,
      2_147_483_648,
      -2_147_483_648,
      9_007_199_254_740_991,
      12.5,
      -0.25,
      true,
      false,
      null,
      undefined,
      'plain',
      ['A', 'b"c', 'd\\e'],
      { cost: 1610, note: 'x' },
    ];
    values.forEach((value, k) => {
      if (k > 0) line.tab();
      line.value(value);
    });
    line.end();
    expect(decoded(line)).toBe(
      [
        '0',
        '-42',
        '7',
        '10',
        '1000000',
        '2147483647',
        '2147483648',
        '-2147483648',
        '9007199254740991',
        '12.5',
        '-0.25',
        't',
        'f',
        '\\N',
        '\\N',
        'plain',
        '{"A","b\\\\"c","d\\\\\\\\e"}',
        '{"cost":1610,"note":"x"}',
      ].join('\t') + '\n',
    );
  });

  it('escapes backslash, tab and line ends, before and after characters beyond ASCII', () => {
    const line = new CopyLine();
    line.value('a\\b\tc\nd\re');
    line.tab();
    line.value('Zoë\tMüller\\😀\n');
    line.end();
    expect(decoded(line)).toBe('a\\\\b\\tc\\nd\\re\tZoë\\tMüller\\\\😀\\n\n');
  });

  it('grows past its first buffer and starts the next one empty', () => {
    const line = new CopyLine();
    const long = 'x'.repeat(100_000);
    line.value(long);
    line.value('é'.repeat(50_000));
    line.end();
    expect(decoded(line)).toBe(`${long}${'é'.repeat(50_000)}\n`);
    expect(line.take()).toHaveLength(0);
  });

  it('writes a table’s rows in the first row’s column order, user ids as the database’s, the position after', () => {
    const text = new TableText('claim_event', ['actor_user_id'], new Map([[3, 77]]), true);
    text.write({ id: 5, actor_user_id: 3, type: 'SHIP' });
    text.write({ id: 6, actor_user_id: null, type: 'CLOSE' });
    const { bytes, rows } = text.take();
    expect(rows).toBe(2);
    expect(new TextDecoder().decode(bytes)).toBe('5\t77\tSHIP\t5\n6\t\\N\tCLOSE\t6\n');
    expect(text.columns?.columns).toEqual(['id', 'actor_user_id', 'type']);
  });
});
