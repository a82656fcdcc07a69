import type { TransformCallback } from 'node:stream';
import { Stringifier } from 'csv-stringify';
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

/**
 * A streaming CSV writer for spreadsheets: an object-mode Transform that takes rows and gives bytes.
 * UTF-8 with a byte-order mark first (so Excel reads Persian right), a header line from the columns' headers,
 * RFC 4180 quoting (a comma, a quote or a line break; and spaces at either end, which spreadsheets would drop),
 * CRLF after every record. With no rows it still writes the BOM and the header line.
 */
export class CsvExportStream<Row> extends Stringifier {
  constructor(private readonly columns: readonly ExportColumn<Row>[]) {
    super({
      bom: true,
      header: true,
      columns: columns.map((column, index) => ({ key: String(index), header: column.header })),
      record_delimiter: 'windows',
      eof: true,
      quote_record_delimiter: true,
      quoted_match: /^\s|\s$/,
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
