import { Transform, type TransformCallback } from 'node:stream';
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

/** A field that must be quoted (RFC 4180: a comma, a quote or a line break; spreadsheets drop spaces at either end). */
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One field of a record: quoted (quotes doubled) where it must be, as it is otherwise. */
function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Text piled up before it is handed on: big chunks cost far less per row than one push per row. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A streaming CSV writer for spreadsheets: an object-mode Transform that takes rows and gives bytes.
 * UTF-8 with a byte-order mark first (so Excel reads Persian right), a header line from the columns' headers,
 * RFC 4180 quoting (a comma, a quote or a line break; and spaces at either end, which spreadsheets would drop),
 * CRLF after every record. With no rows it still writes the BOM and the header line.
 *
 * Written by hand rather than through csv-stringify (whose output it reproduces byte for byte): a national export
 * has a million rows, and csv-stringify's per-field option handling and per-record push made the writer the
 * slowest part of the download. Records are joined into chunks of about 64 KB before they are pushed.
 */
export class CsvExportStream<Row> extends Transform {
  private pending: string;

  constructor(private readonly columns: readonly ExportColumn<Row>[]) {
    super({ writableObjectMode: true });
    this.pending = `\ufeff${columns.map((column) => csvField(column.header)).join(',')}\r\n`;
  }

  override _transform(row: Row, _encoding: BufferEncoding, callback: TransformCallback): void {
    let record = '';
    try {
      const { columns } = this;
      for (let i = 0; i < columns.length; i++) {
        const cell = csvCell(columns[i]!, row);
        record += i === 0 ? csvField(cell) : `,${csvField(cell)}`;
      }
    } catch (error) {
      callback(error as Error);
      return;
    }
    this.pending += `${record}\r\n`;
    if (this.pending.length >= CHUNK_CHARS) {
      const chunk = this.pending;
      this.pending = '';
      callback(null, chunk);
      return;
    }
    callback();
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.pending);
  }
}

/** A new streaming CSV writer for these columns (rows in, UTF-8 bytes out); see `CsvExportStream`. */
export function createCsvStream<Row>(columns: readonly ExportColumn<Row>[]): CsvExportStream<Row> {
  return new CsvExportStream(columns);
}
