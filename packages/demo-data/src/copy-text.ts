import type { TableName } from './rows.js';

/** How a table's rows become lines of COPY's text format. */
export interface TableLayout {
  /** The generated rows' columns, in the order of the COPY's column list. */
  readonly columns: readonly string[];
  /** Columns holding the data set's local app_user ids, written as the database's. */
  readonly userColumns: readonly string[];
  /** claim_event only: a `position` column after the others, equal to the id (see `positionsWritten`). */
  readonly position: boolean;
}

const encoder = new TextEncoder();

/**
 * Rows of one table as COPY text, written straight into one growing buffer
 * of UTF-8 until taken: a value's characters are copied as they are checked
 * for the characters COPY escapes, with no string made per line or per
 * number.
 */
export class TableText {
  private count = 0;
  private layout: TableLayout | undefined;
  private line: ((record: Record<string, unknown>, out: CopyLine) => void) | undefined;
  private readonly out = new CopyLine();

  constructor(
    readonly table: TableName,
    private readonly userColumns: readonly string[],
    private readonly userIds: ReadonlyMap<number, number>,
    private readonly position: boolean,
  ) {}

  /** The columns, known from the first row. */
  get columns(): TableLayout | undefined {
    return this.layout;
  }

  write(row: object): void {
    const record = row as Record<string, unknown>;
    if (!this.line) {
      this.layout = { columns: Object.keys(record), userColumns: this.userColumns, position: this.position };
      this.line = lineOf(this.layout, this.userIds);
    }
    this.line(record, this.out);
    this.count += 1;
  }

  /** The bytes written since the last take (a buffer of their own, which a worker can transfer), and how many rows they hold. */
  take(): { bytes: Uint8Array; rows: number } {
    const taken = { bytes: this.out.take(), rows: this.count };
    this.count = 0;
    return taken;
  }
}

/** COPY text in UTF-8, value by value, into a buffer that grows as it fills. */
export class CopyLine {
  private bytes = new Uint8Array(64 * 1024);
  private used = 0;
  /** The size of the last take: the next buffer starts that large. */
  private expected = 64 * 1024;

  /** A value in COPY's text format: \N for null, arrays as {a,b}, objects as JSON, with backslash, tab and line ends escaped. */
  value(value: unknown): void {
    switch (typeof value) {
      case 'number':
        if (Number.isSafeInteger(value)) this.integer(value);
        else this.ascii(String(value));
        return;
      case 'string':
        this.text(value);
        return;
      case 'boolean':
        this.room(1);
        this.bytes[this.used++] = value ? T : F;
        return;
      default:
        if (value === null || value === undefined) this.ascii('\\N');
        else if (Array.isArray(value)) this.array(value);
        else this.text(JSON.stringify(value));
    }
  }

  /** The tab between two values. */
  tab(): void {
    this.room(1);
    this.bytes[this.used++] = TAB;
  }

  /** The end of a line. */
  end(): void {
    this.room(1);
    this.bytes[this.used++] = NEWLINE;
  }

  /** The bytes written since the last take, in a buffer of their own. */
  take(): Uint8Array {
    const taken = this.bytes.subarray(0, this.used);
    if (this.used > 0) this.expected = Math.max(this.expected, this.used + (this.used >> 3));
    this.bytes = new Uint8Array(this.expected);
    this.used = 0;
    return taken;
  }

  private integer(value: number): void {
    this.room(DIGITS);
    let n = value;
    if (n < 0) {
      this.bytes[this.used++] = MINUS;
      n = -n;
    }
    if (n > INT32_MAX) {
      // Beyond 32 bits: the digits in floating point (a third as fast as the integer operations below).
      const digits = String(n);
      for (let i = 0; i < digits.length; i += 1) this.bytes[this.used++] = digits.charCodeAt(i);
      return;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits += 1;
    let at = this.used + digits;
    this.used = at;
    do {
      const tenth = (n / 10) | 0;
      this.bytes[--at] = ZERO + n - 10 * tenth;
      n = tenth;
    } while (n > 0);
  }

  /** An array in PostgreSQL's array syntax: each item quoted, a quote or backslash in it escaped with a backslash (itself escaped for COPY). */
  private array(items: readonly unknown[]): void {
    this.room(1);
    this.bytes[this.used++] = OPEN;
    for (let k = 0; k < items.length; k += 1) {
      const item = String(items[k]);
      this.room(2);
      if (k > 0) this.bytes[this.used++] = COMMA;
      this.bytes[this.used++] = QUOTE;
      this.text(/["\\]/.test(item) ? item.replace(/["\\]/g, '\\$&') : item);
      this.room(1);
      this.bytes[this.used++] = QUOTE;
    }
    this.room(1);
    this.bytes[this.used++] = CLOSE;
  }

  /** Text known to hold no character COPY escapes and none beyond ASCII. */
  private ascii(text: string): void {
    this.room(text.length);
    for (let i = 0; i < text.length; i += 1) this.bytes[this.used++] = text.charCodeAt(i);
  }

  private text(text: string): void {
    // Each character escaped takes two bytes, and any takes at most three in UTF-8.
    this.room(3 * text.length);
    const { bytes } = this;
    let used = this.used;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      // Printable ASCII but the backslash, the most of every text, first.
      if (c >= 0x20 && c < 0x80 && c !== BACKSLASH) {
        bytes[used++] = c;
        continue;
      }
      if (c >= 0x80) {
        // The rest, encoded by the engine (surrogate pairs too), then escaped as the rest of the line is.
        this.used = used;
        this.escapedUtf8(text.slice(i));
        return;
      }
      const escape = ESCAPES[c]!;
      if (escape === 0) bytes[used++] = c;
      else {
        bytes[used++] = BACKSLASH;
        bytes[used++] = escape;
      }
    }
    this.used = used;
  }

  private escapedUtf8(text: string): void {
    const escaped = /[\\\t\n\r]/.test(text)
      ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
      : text;
    this.room(3 * escaped.length);
    this.used += encoder.encodeInto(escaped, this.bytes.subarray(this.used)).written;
  }

  /** Room for `n` more bytes. */
  private room(n: number): void {
    if (this.used + n <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(2 * this.bytes.length, this.used + n));
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }
}

const [TAB, NEWLINE, BACKSLASH, MINUS, ZERO, T, F, OPEN, CLOSE, COMMA, QUOTE] = ['\t', '\n', '\\', '-', '0', 't', 'f', '{', '}', ',', '"'].map((c) =>
  c.charCodeAt(0),
) as [number, number, number, number, number, number, number, number, number, number, number];
const INT32_MAX = 0x7fffffff;
/** The most bytes a safe integer takes: a sign and 16 digits. */
const DIGITS = 17;
/** For each ASCII character, the letter COPY escapes it with after a backslash, or 0. */
const ESCAPES = new Uint8Array(128);
for (const [c, letter] of [
  ['\\', '\\'],
  ['\t', 't'],
  ['\n', 'n'],
  ['\r', 'r'],
] as const) {
  ESCAPES[c.charCodeAt(0)] = letter.charCodeAt(0);
}

/**
 * A table's rows as COPY lines: a function compiled for the layout, which reads each column by its name (a
 * property read the engine caches for the table's one row shape; a loop over the column names read them by a
 * key that changes at every step, the costliest part of writing a row), user ids mapped to the database's,
 * claim_event's position after them.
 */
function lineOf(layout: TableLayout, userIds: ReadonlyMap<number, number>): (record: Record<string, unknown>, out: CopyLine) => void {
  const { columns, userColumns, position } = layout;
  const values = columns.map((column) => {
    const read = `r[${JSON.stringify(column)}]`;
    return userColumns.includes(column) ? `out.value(user(${read}));` : `out.value(${read});`;
  });
  if (position) values.push(`out.value(r["id"]);`);
  const user = (value: unknown) => (typeof value === 'number' ? (userIds.get(value) ?? null) : value);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiled from the layout's column names, quoted as JSON strings
  const compile = new Function('user', `return (r, out) => { ${values.join(' out.tab(); ')} out.end(); };`) as (
    user: (value: unknown) => unknown,
  ) => (record: Record<string, unknown>, out: CopyLine) => void;
  return compile(user);
}

/** The COPY statement for a table's rows (`freeze`: into a table emptied in the same transaction). */
export function copyStatement(table: TableName, layout: TableLayout, freeze: boolean): string {
  const columns = [...layout.columns, ...(layout.position ? ['position'] : [])].map((c) => `"${c}"`).join(',');
  return `copy ${table} (${columns}) from stdin${freeze ? ' (freeze)' : ''}`;
}
