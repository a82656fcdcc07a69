import { types } from 'node:util';
import ExcelJS from 'exceljs';
import { CsvError } from 'csv-parse/sync';
import { normalizeText } from '../text/normalize-text.js';
import { CsvLimitError, parseCsv } from './csv.js';
import {
  SpreadsheetCellTooLongException,
  SpreadsheetFileTooLargeException,
  SpreadsheetTooManyColumnsException,
  SpreadsheetTooManyRowsException,
  SpreadsheetUnreadableFileException,
  SpreadsheetUnsupportedFormatException,
} from './spreadsheet.exception.js';
import { readXlsxInWorker } from './xlsx-worker.js';
import { assertUnpackedSizeAtMost } from './zip-limits.js';

export type SpreadsheetFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** The spreadsheet's own row number, 1-based. */
  row: number;
  /** Each cell as text, normalised (digits, letter forms, bidi marks, spaces), in column order. */
  cells: string[];
}

export interface Sheet {
  format: SpreadsheetFormat;
  /** The first non-empty row: the column headers. Null for an empty file. */
  header: SheetRow | null;
  /** The non-empty rows below the header. */
  rows: SheetRow[];
}

/*
 * The limits of a spreadsheet upload (beside the 20 MB upload limit). An import is a round's scores or an event
 * per agency: a few hundred to a few thousand rows of 3 + criteria (under 20) columns, notes of at most 2,000
 * characters. The limits leave room for that several times over and keep the cost of one file bounded.
 */
/** Data rows below the header. */
export const MAX_ROWS = 10_000;
/** Columns in any row (the last non-empty cell's column). */
export const MAX_COLUMNS = 50;
/** Characters in one cell: five times the longest text an import keeps (a 2,000-character note). */
export const MAX_CELL_LENGTH = 10_000;
/** What an xlsx may unpack to, all its parts together (10,000 rows of 50 Persian cells unpack to about 17 MB). */
export const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;
/** Parts of an xlsx (a plain one has about ten). */
const MAX_ZIP_ENTRIES = 1_000;
/** The heap of the worker that parses an xlsx (a sheet at the row and column limits takes about 180 MB). */
const XLSX_WORKER_HEAP_MB = 512;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** xlsx by content (a zip) or by name; CSV when the name says so or the content is text; anything else refused. */
export function detectFormat(fileName: string, buffer: Buffer): SpreadsheetFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (buffer.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (extension === 'xlsx' || extension === 'xls' || extension === 'ods')
    throw new SpreadsheetUnsupportedFormatException();
  if (buffer.subarray(0, 8).includes(0)) throw new SpreadsheetUnsupportedFormatException();
  return 'csv';
}

export async function readSpreadsheet(fileName: string, buffer: Buffer): Promise<Sheet> {
  if (buffer.length === 0) {
    return { format: /\.xlsx$/i.test(fileName) ? 'xlsx' : 'csv', header: null, rows: [] };
  }
  const format = detectFormat(fileName, buffer);
  const rows = format === 'xlsx' ? await readXlsxRows(buffer) : readCsvRows(buffer);
  assertCellLengths(rows);
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== ''));
  const [header = null, ...data] = nonEmpty;
  return { format, header, rows: data };
}

/**
 * A CSV is parsed on the main thread: the limits stop csv-parse at the first record, field or character past
 * them (a one-line 19 MB file stops after 500,000 characters), and a file within them (at most 20 MB, the upload
 * limit) parses in a few hundred milliseconds.
 */
function readCsvRows(buffer: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new SpreadsheetUnreadableFileException('not-utf8');
  }
  let records: string[][];
  try {
    records = parseCsv(text, { maxRecords: MAX_ROWS + 2, maxColumns: MAX_COLUMNS, maxFieldLength: MAX_CELL_LENGTH });
  } catch (error) {
    if (error instanceof CsvLimitError) {
      if (error.limit === 'columns') throw new SpreadsheetTooManyColumnsException(MAX_COLUMNS, error.record);
      throw new SpreadsheetCellTooLongException(MAX_CELL_LENGTH, error.record, columnLetter(error.field));
    }
    if (error instanceof CsvError) throw new SpreadsheetUnreadableFileException('csv');
    throw error;
  }
  if (records.length > MAX_ROWS + 1) throw new SpreadsheetTooManyRowsException(MAX_ROWS);
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => normalizeText(c)) }));
}

/**
 * The first worksheet, row by row. The zip is first checked to unpack to at most `MAX_UNPACKED_BYTES` (a zip
 * bomb is refused without being unpacked); then exceljs reads it in a worker thread (see `readXlsxInWorker`).
 * exceljs's streaming reader (`stream.xlsx.WorkbookReader`) would keep less in memory, but it decodes each
 * compressed chunk on its own and so breaks Persian characters that straddle two chunks (exceljs 4.4.0: 22 of
 * 20,000 rows of Persian text came back with U+FFFD; upstream issue exceljs#2084, its fixes unmerged); `load`
 * reads each part whole.
 */
async function readXlsxRows(buffer: Buffer): Promise<SheetRow[]> {
  await assertUnpackedSizeAtMost(buffer, MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES);
  const read = await readXlsxInWorker(buffer, {
    maxRows: MAX_ROWS + 1,
    maxColumns: MAX_COLUMNS,
    maxHeapMb: XLSX_WORKER_HEAP_MB,
  });
  if (!Array.isArray(read)) {
    switch (read.refused) {
      case 'rows':
        throw new SpreadsheetTooManyRowsException(MAX_ROWS);
      case 'columns':
        throw new SpreadsheetTooManyColumnsException(MAX_COLUMNS, read.row);
      case 'memory':
        throw new SpreadsheetFileTooLargeException(MAX_UNPACKED_BYTES, 'parse-memory');
      case 'unreadable':
        throw new SpreadsheetUnreadableFileException('xlsx');
    }
  }
  return read.map(({ row, values }) => ({
    row,
    cells: Array.from({ length: values.length }, (_, c) => normalizeText(cellText(values[c]))),
  }));
}

/** Refuses a file with a cell longer than `MAX_CELL_LENGTH` (a CSV's are refused while parsing). */
function assertCellLengths(rows: readonly SheetRow[]): void {
  for (const { row, cells } of rows) {
    const column = cells.findIndex((cell) => cell.length > MAX_CELL_LENGTH);
    if (column >= 0) throw new SpreadsheetCellTooLongException(MAX_CELL_LENGTH, row, columnLetter(column));
  }
}

/**
 * A cell as the person sees it: numbers without binary noise (0.1 + 0.2 → "0.3"), dates as ISO days, rich
 * text joined, formulas by their result, hyperlinks by their text, errors as Excel writes them (#N/A).
 */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Not `instanceof`: dates come from the worker thread, made by another realm's Date (under Jest, a different one).
  if (types.isDate(value)) return dateCellText(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: ExcelJS.CellValue }).result);
  }
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : value.hyperlink;
  if ('error' in value) return String(value.error);
  return '';
}

/**
 * A date cell: the spreadsheet stores a day number, which exceljs gives as midnight UTC, so the UTC fields are
 * the day. A year 1300-1499 is a Jalali day that a spreadsheet program took for a Gregorian one (LibreOffice
 * turns "1401/05/31" into a date): it is given back as the Jalali text that was typed.
 */
function dateCellText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const year = date.getUTCFullYear();
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  if (year >= 1300 && year < 1500) return `${year}/${month}/${day}`;
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/** A column's letter as spreadsheets show it: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
