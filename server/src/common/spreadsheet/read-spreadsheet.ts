import ExcelJS from 'exceljs';
import { CsvError } from 'csv-parse/sync';
import { normalizeText } from '../text/normalize-text.js';
import { parseCsv } from './csv.js';
import {
  SpreadsheetTooManyRowsException,
  SpreadsheetUnreadableFileException,
  SpreadsheetUnsupportedFormatException,
} from './spreadsheet.exception.js';

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

/** More rows than this is not a spreadsheet the ministry keeps by hand; refused before it fills the memory. */
export const MAX_ROWS = 50_000;

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
  const nonEmpty = rows.filter((r) => r.cells.some((c) => c !== ''));
  const [header = null, ...data] = nonEmpty;
  return { format, header, rows: data };
}

function readCsvRows(buffer: Buffer): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    throw new SpreadsheetUnreadableFileException('not-utf8');
  }
  let records: string[][];
  try {
    records = parseCsv(text, { maxRecords: MAX_ROWS + 2 });
  } catch (error) {
    if (error instanceof CsvError) throw new SpreadsheetUnreadableFileException('csv');
    throw error;
  }
  if (records.length > MAX_ROWS + 1) throw new SpreadsheetTooManyRowsException(MAX_ROWS);
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => normalizeText(c)) }));
}

/**
 * The first worksheet, row by row. exceljs's streaming reader (`stream.xlsx.WorkbookReader`) would keep less in
 * memory, but it decodes each compressed chunk on its own and so breaks Persian characters that straddle two
 * chunks (exceljs 4.4.0: 22 of 20,000 rows of Persian text came back with U+FFFD; upstream issue exceljs#2084,
 * its fixes unmerged); `load` reads each part whole. The upload limit (20 MB) bounds the cost.
 */
async function readXlsxRows(buffer: Buffer): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetUnreadableFileException('xlsx');
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return [];
  if (worksheet.actualRowCount > MAX_ROWS + 1) throw new SpreadsheetTooManyRowsException(MAX_ROWS);
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(normalizeText(cellText(values[c])));
    rows.push({ row: row.number, cells });
  });
  return rows;
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
  if (value instanceof Date) return dateCellText(value);
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
