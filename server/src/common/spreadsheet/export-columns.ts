/**
 * The columns of an export, shared by the CSV, XLSX and JSON writers: each column says what kind of value it
 * holds, so a number stays a number in every format and a score stays the exact decimal PostgreSQL returned.
 */

/**
 * - `text`: any text (in CSV neutralised against formula injection; in XLSX a typed text cell, which a
 *   spreadsheet never runs as a formula);
 * - `number`: an integer or a plain number (a JavaScript number, or the text of one, e.g. a `bigint` count);
 * - `decimal`: an exact decimal as PostgreSQL's `numeric` text (`"26.07"`), written as that text, never through
 *   binary floating point;
 * - `date`: a calendar day as an ISO day (`YYYY-MM-DD`);
 * - `boolean`: `true` / `false`.
 */
export type ExportColumnType = 'text' | 'number' | 'decimal' | 'date' | 'boolean';

/** A cell's value before it is written; `null` and `undefined` are an empty cell. */
export type ExportCellValue = string | number | boolean | null | undefined;

export interface ExportColumn<Row> {
  /** A stable machine name (the JSON property and the datapackage field name), e.g. `agency_name_fa`. */
  key: string;
  /** The header people read (Persian or English). */
  header: string;
  type: ExportColumnType;
  value(row: Row): ExportCellValue;
  /** The spreadsheet column's width in characters (a default by type otherwise). */
  width?: number;
}

/** An integer or a decimal as text: `12`, `-3`, `26.07`. */
const NUMERIC_TEXT = /^-?\d+(?:\.\d+)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A cell's value in canonical form for its column type, or `null` for an empty cell:
 * numbers and decimals as their exact text (`"26.07"`), days as ISO days, booleans as `true`/`false`, text as
 * given. A value that does not fit its type (a bug in a column definition) throws rather than silently writing
 * something else.
 */
export function canonicalCell(type: ExportColumnType, value: ExportCellValue): string | boolean | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'text':
      return String(value);
    case 'number':
    case 'decimal': {
      const text = typeof value === 'number' ? numberText(value) : String(value).trim();
      if (!NUMERIC_TEXT.test(text)) throw new TypeError(`Not a ${type}: ${JSON.stringify(value)}`);
      return text;
    }
    case 'date': {
      const text = String(value);
      if (!ISO_DAY.test(text)) throw new TypeError(`Not an ISO day: ${JSON.stringify(value)}`);
      return text;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 't') return true;
      if (value === 'false' || value === 'f') return false;
      throw new TypeError(`Not a boolean: ${JSON.stringify(value)}`);
  }
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`Not a finite number: ${value}`);
  return String(value);
}
