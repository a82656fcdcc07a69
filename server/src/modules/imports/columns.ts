import { normalizeForSearch } from '../../common/text/normalize-text.js';
import { columnLetter, type SheetRow } from '../../common/spreadsheet/read-spreadsheet.js';
import { problem, type ImportProblem } from './import-problems.js';

/** How a header or a code compares: letter forms, digits, case, spaces, ZWNJ, `_` `-` `.` do not matter. */
export function headerKey(text: string): string {
  return normalizeForSearch(text).replace(/[_\-.]/g, '');
}

export interface ColumnLayout {
  /** The headers as written (a blank header is named by its column letter). */
  headers: string[];
  /** Column index by canonical name (a fixed column's name or a criterion code). */
  index: Map<string, number>;
  problems: ImportProblem[];
}

/**
 * Reads the header row: each header is one of the fixed columns (by its name or a Persian alias) or a name that
 * `other` recognises (a criterion code). Unknown and repeated headers are problems; a blank header over an empty
 * column is ignored.
 */
export function layoutColumns(
  header: SheetRow,
  dataRows: SheetRow[],
  fixed: Record<string, readonly string[]>,
  other: (key: string) => string | undefined,
): ColumnLayout {
  const aliases = new Map<string, string>();
  for (const [name, names] of Object.entries(fixed)) {
    for (const alias of [name, ...names]) aliases.set(headerKey(alias), name);
  }
  const headers: string[] = [];
  const index = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const width = dataRows.reduce((max, r) => Math.max(max, r.cells.length), header.cells.length);
  const headerCells = [...header.cells, ...Array<string>(width - header.cells.length).fill('')];
  headerCells.forEach((text, i) => {
    if (text === '') {
      headers.push(columnLetter(i));
      if (dataRows.some((r) => (r.cells[i] ?? '') !== ''))
        problems.push(problem.unknownColumn(header.row, columnLetter(i)));
      return;
    }
    headers.push(text);
    const key = headerKey(text);
    const name = aliases.get(key) ?? other(key);
    if (name === undefined) problems.push(problem.unknownColumn(header.row, text));
    else if (index.has(name)) problems.push(problem.duplicateColumn(header.row, text));
    else index.set(name, i);
  });
  return { headers, index, problems };
}

/** The cells of a row by header, for the preview. */
export function cellsByHeader(headers: string[], row: SheetRow): Record<string, string> {
  const cells: Record<string, string> = {};
  headers.forEach((h, i) => {
    cells[h] = row.cells[i] ?? '';
  });
  return cells;
}
