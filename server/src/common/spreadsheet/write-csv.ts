import { Transform, type TransformCallback } from 'node:stream';
import { Stringifier } from 'csv-stringify';
import { stringify } from 'csv-stringify/sync';
import { canonicalCell, type ExportColumn } from './export-columns.js';

export type { ExportCellValue, ExportColumn, ExportColumnType } from './export-columns.js';

/** The characters that make a spreadsheet read a text cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell that a spreadsheet would run as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return) gets a leading `'`, OWASP's advice: Excel and LibreOffice then show the text as it was typed. Numbers
 * are never passed through here; they are written as numbers.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The CSV text of one cell: numbers and decimals exactly as given, text neutralised, empty for no value. */
export function csvCell<Row>(column: ExportColumn<Row>, row: Row): string {
  const value = canonicalCell(column.type, column.value(row));
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return column.type === 'text' ? neutralizeFormula(value) : value;
}

/** csv-stringify's options for every CSV here (besides the header and the BOM). */
const CSV_OPTIONS = {
  record_delimiter: 'windows',
  eof: true,
  quote_record_delimiter: true,
  // Spreadsheets drop spaces at either end of an unquoted field.
  quoted_match: /^\s|\s$/,
} as const;

/** The start of every CSV file: the byte-order mark and the header line, CRLF-ended. */
export function csvHeader<Row>(columns: readonly ExportColumn<Row>[]): string {
  return stringify([columns.map((column) => column.header)], { ...CSV_OPTIONS, bom: true });
}

/**
 * A streaming CSV writer for spreadsheets: an object-mode Transform that takes rows and gives bytes.
 * UTF-8 with a byte-order mark first (so Excel reads Persian right), a header line from the columns' headers,
 * RFC 4180 quoting (a comma, a quote or a line break; and spaces at either end, which spreadsheets would drop),
 * CRLF after every record. With no rows it still writes the BOM and the header line.
 */
export class CsvExportStream<Row> extends Stringifier {
  constructor(private readonly columns: readonly ExportColumn<Row>[]) {
    super({
      ...CSV_OPTIONS,
      bom: true,
      header: true,
      columns: columns.map((column, index) => ({ key: String(index), header: column.header })),
    });
  }

  override _transform(row: Row, encoding: BufferEncoding, callback: TransformCallback): void {
    let cells: string[];
    try {
      cells = this.columns.map((column) => csvCell(column, row));
    } catch (error) {
      callback(error as Error);
      return;
    }
    super._transform(cells, encoding, callback);
  }
}

/** A new streaming CSV writer for these columns (rows in, UTF-8 bytes out); see `CsvExportStream`. */
export function createCsvStream<Row>(columns: readonly ExportColumn<Row>[]): CsvExportStream<Row> {
  return new CsvExportStream(columns);
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = Buffer.from('\r');

/**
 * CSV that PostgreSQL writes itself (`COPY … TO STDOUT WITH (FORMAT csv)`) made into this writer's CSV: `head`
 * (the BOM and the header line) first, then every record ended by CRLF instead of PostgreSQL's LF. A line break
 * inside a quoted field is data and is left as it is: the transform follows the quotes across chunks (a doubled
 * quote toggles twice). Bytes in, bytes out; nothing is parsed.
 */
export class CsvLineEndings extends Transform {
  private inQuotes = false;
  private head: string | undefined;

  constructor(head: string) {
    super();
    this.head = head;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    // From quote to quote and line break to line break with the native indexOf, not byte by byte in JavaScript.
    const parts: Buffer[] = [];
    let start = 0;
    let at = 0;
    let inQuotes = this.inQuotes;
    for (;;) {
      const quote = chunk.indexOf(QUOTE, at);
      if (inQuotes) {
        if (quote < 0) break;
        inQuotes = false;
        at = quote + 1;
        continue;
      }
      const lineFeed = chunk.indexOf(LF, at);
      if (lineFeed >= 0 && (quote < 0 || lineFeed < quote)) {
        parts.push(chunk.subarray(start, lineFeed), CR);
        start = lineFeed;
        at = lineFeed + 1;
        continue;
      }
      if (quote < 0) break;
      inQuotes = true;
      at = quote + 1;
    }
    parts.push(chunk.subarray(start));
    this.inQuotes = inQuotes;
    if (this.head !== undefined) {
      this.push(this.head);
      this.head = undefined;
    }
    callback(null, Buffer.concat(parts));
  }

  override _flush(callback: TransformCallback): void {
    // No rows at all: still the BOM and the header line.
    callback(null, this.head);
  }
}
