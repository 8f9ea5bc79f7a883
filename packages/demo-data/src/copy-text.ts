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

/** Characters of text collected before they are encoded into the table's bytes. */
const ENCODE_EVERY = 16_384;
const encoder = new TextEncoder();

/**
 * Rows of one table as COPY text, encoded in UTF-8 as they come (a few
 * kilobytes at a time, into one growing buffer) until taken: the text never
 * piles up as one long string of many small pieces for the garbage collector
 * to keep moving.
 */
export class TableText {
  private text = '';
  private count = 0;
  private layout: TableLayout | undefined;
  private line: ((record: Record<string, unknown>) => string) | undefined;
  private bytes = new Uint8Array(0);
  private used = 0;
  /** The size of the last take: the next buffer starts that large. */
  private expected = 64 * 1024;

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
    this.text += this.line(record);
    this.count += 1;
    if (this.text.length >= ENCODE_EVERY) this.encode();
  }

  /** The bytes written since the last take (a buffer of their own, which a worker can transfer), and how many rows they hold. */
  take(): { bytes: Uint8Array; rows: number } {
    this.encode();
    const taken = { bytes: this.bytes.subarray(0, this.used), rows: this.count };
    if (this.used > 0) this.expected = Math.max(this.expected, this.used + (this.used >> 3));
    this.bytes = new Uint8Array(0);
    this.used = 0;
    this.count = 0;
    return taken;
  }

  private encode(): void {
    const { text } = this;
    if (text === '') return;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (this.bytes.length - this.used < text.length * 3) {
      const grown = new Uint8Array(Math.max(this.expected, 2 * this.bytes.length, this.used + text.length * 3));
      grown.set(this.bytes.subarray(0, this.used));
      this.bytes = grown;
    }
    this.used += encoder.encodeInto(text, this.bytes.subarray(this.used)).written;
    this.text = '';
  }
}

/**
 * A table's rows as COPY lines: a function compiled for the layout, which reads each column by its name (a
 * property read the engine caches for the table's one row shape; a loop over the column names read them by a
 * key that changes at every step, the costliest part of writing a row), user ids mapped to the database's,
 * claim_event's position after them.
 */
function lineOf(layout: TableLayout, userIds: ReadonlyMap<number, number>): (record: Record<string, unknown>) => string {
  const { columns, userColumns, position } = layout;
  const values = columns.map((column) => {
    const read = `r[${JSON.stringify(column)}]`;
    return userColumns.includes(column) ? `text(user(${read}))` : `text(${read})`;
  });
  if (position) values.push(`r["id"]`);
  const user = (value: unknown) => (typeof value === 'number' ? (userIds.get(value) ?? null) : value);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- compiled from the layout's column names, quoted as JSON strings
  const compile = new Function('text', 'user', `return (r) => ${values.join(' + "\\t" + ')} + "\\n";`) as (
    text: typeof copyText,
    user: (value: unknown) => unknown,
  ) => (record: Record<string, unknown>) => string;
  return compile(copyText, user);
}

/** The COPY statement for a table's rows (`freeze`: into a table emptied in the same transaction). */
export function copyStatement(table: TableName, layout: TableLayout, freeze: boolean): string {
  const columns = [...layout.columns, ...(layout.position ? ['position'] : [])].map((c) => `"${c}"`).join(',');
  return `copy ${table} (${columns}) from stdin${freeze ? ' (freeze)' : ''}`;
}

/** A value in COPY's text format: \N for null, arrays as {a,b}, objects as JSON, with backslash, tab and line ends escaped. */
export function copyText(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return String(value);
    case 'string':
      return SPECIAL.test(value) ? escapeCopy(value) : value;
    case 'boolean':
      return value ? 't' : 'f';
    default:
      if (value === null || value === undefined) return '\\N';
      if (Array.isArray(value)) return escapeCopy(`{${value.map((item) => `"${String(item).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
      return escapeCopy(JSON.stringify(value));
  }
}

const SPECIAL = /[\\\t\n\r]/;

function escapeCopy(text: string): string {
  if (!SPECIAL.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}
