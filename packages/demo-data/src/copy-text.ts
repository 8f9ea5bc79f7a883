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

/** Rows of one table as COPY text, appended to a string until taken. */
export class TableText {
  private text = '';
  private count = 0;
  private layout: TableLayout | undefined;
  private userColumn: boolean[] = [];

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

  get length(): number {
    return this.text.length;
  }

  write(row: object): void {
    const record = row as Record<string, unknown>;
    let layout = this.layout;
    if (!layout) {
      layout = this.layout = { columns: Object.keys(record), userColumns: this.userColumns, position: this.position };
      this.userColumn = layout.columns.map((column) => this.userColumns.includes(column));
    }
    const { columns } = layout;
    let line = '';
    for (let c = 0; c < columns.length; c += 1) {
      let value = record[columns[c]!];
      if (this.userColumn[c] && typeof value === 'number') value = this.userIds.get(value) ?? null;
      line += c === 0 ? copyText(value) : `\t${copyText(value)}`;
    }
    if (this.position) line += `\t${record['id'] as number}`;
    this.text += `${line}\n`;
    this.count += 1;
  }

  /** The text written since the last take, and how many rows it holds. */
  take(): { text: string; rows: number } {
    const taken = { text: this.text, rows: this.count };
    this.text = '';
    this.count = 0;
    return taken;
  }
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
