import { normalizeForSearch } from '../../common/text/normalize-text.js';
import { columnLetter, type SheetRow } from '../../common/spreadsheet/read-spreadsheet.js';
import { problem, unknownColumnRef, type ColumnRef, type ImportProblem } from './import-problems.js';

/** How a header or a code compares: letter forms, digits, case, spaces, ZWNJ, `_` `-` `.` do not matter. */
export function headerKey(text: string): string {
  return normalizeForSearch(text).replace(/[_\-.]/g, '');
}

/** What a known column is: its key (a fixed column's name or a criterion's code) and its title in the template. */
export interface ColumnMeaning {
  key: string;
  fa: string;
  en: string;
}

/** One column of the file as read: the header as written, and what it means (all null for an unknown column). */
export interface ImportColumn {
  header: string;
  key: string | null;
  fa: string | null;
  en: string | null;
}

export interface ColumnLayout {
  /** The headers as written (a blank header is named by its column letter). */
  headers: string[];
  /** Column index by canonical name (a fixed column's name or a criterion code). */
  index: Map<string, number>;
  /** Every column of the file, in order, with what it was read as. */
  columns: ImportColumn[];
  problems: ImportProblem[];
  /**
   * A column by its canonical name, as problems name it: the header as written in the file (the name itself when
   * the file lacks it) and its title in the template's words.
   */
  ref: (name: string) => ColumnRef;
}

/**
 * Reads the header row: each header is one of the fixed columns (by its name or a Persian alias) or a name that
 * `other` recognises (a criterion code). Unknown and repeated headers are problems; a blank header over an empty
 * column is ignored. `meaning` gives a canonical name's key and title (for the preview and the problems).
 */
export function layoutColumns(
  header: SheetRow,
  dataRows: SheetRow[],
  fixed: Record<string, readonly string[]>,
  other: (key: string) => string | undefined,
  meaning: (name: string) => ColumnMeaning | undefined,
): ColumnLayout {
  const aliases = new Map<string, string>();
  for (const [name, names] of Object.entries(fixed)) {
    for (const alias of [name, ...names]) aliases.set(headerKey(alias), name);
  }
  const headers: string[] = [];
  const index = new Map<string, number>();
  const columns: ImportColumn[] = [];
  const problems: ImportProblem[] = [];
  const width = dataRows.reduce((max, r) => Math.max(max, r.cells.length), header.cells.length);
  const headerCells = [...header.cells, ...Array<string>(width - header.cells.length).fill('')];
  const titled = (text: string, name: string | undefined): ColumnRef => {
    const meant = name === undefined ? undefined : meaning(name);
    return meant ? { header: text, fa: meant.fa, en: meant.en } : unknownColumnRef(text);
  };
  headerCells.forEach((text, i) => {
    if (text === '') {
      headers.push(columnLetter(i));
      columns.push({ header: columnLetter(i), key: null, fa: null, en: null });
      if (dataRows.some((r) => (r.cells[i] ?? '') !== ''))
        problems.push(problem.unknownColumn(header.row, unknownColumnRef(columnLetter(i))));
      return;
    }
    headers.push(text);
    const key = headerKey(text);
    const name = aliases.get(key) ?? other(key);
    const meant = name === undefined ? undefined : meaning(name);
    columns.push({ header: text, key: meant?.key ?? null, fa: meant?.fa ?? null, en: meant?.en ?? null });
    if (name === undefined) problems.push(problem.unknownColumn(header.row, unknownColumnRef(text)));
    else if (index.has(name)) problems.push(problem.duplicateColumn(header.row, titled(text, name)));
    else index.set(name, i);
  });
  const ref = (name: string): ColumnRef => {
    const at = index.get(name);
    return titled(at === undefined ? (meaning(name)?.key ?? name) : headers[at]!, name);
  };
  return { headers, index, columns, problems, ref };
}

/** The cells of a row by header, for the preview. */
export function cellsByHeader(headers: string[], row: SheetRow): Record<string, string> {
  const cells: Record<string, string> = {};
  headers.forEach((h, i) => {
    cells[h] = row.cells[i] ?? '';
  });
  return cells;
}
