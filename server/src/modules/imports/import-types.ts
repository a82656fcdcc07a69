import type { SpreadsheetFormat } from '../../common/spreadsheet/read-spreadsheet.js';
import type { AgencyProgressKind } from '../agencies/agency-progress-event.entity.js';
import type { ImportColumn } from './columns.js';
import type { ImportProblem } from './import-problems.js';

export const IMPORT_KINDS = ['scores', 'progress'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type RowAction = 'create' | 'update' | 'unchanged';

/** One data row as understood: what a preview shows, one per spreadsheet row. */
export interface ParsedRow {
  row: number;
  status: 'valid' | 'invalid';
  /** What the commit will do with it; null for an invalid row. */
  action: RowAction | null;
  /** The cells by header (as written in the file), normalised. */
  cells: Record<string, string>;
  agencyId: string | null;
  agencyCode: string | null;
  agencyNameFa: string | null;
  agencyNameEn: string | null;
  // scores
  roundCode: string | null;
  heldOn: string | null;
  scores: Record<string, string> | null;
  total: string | null;
  // progress
  event: AgencyProgressKind | null;
  date: string | null;
  url: string | null;
  note: string | null;
}

export function emptyRow(row: number, cells: Record<string, string>): ParsedRow {
  return {
    row,
    status: 'invalid',
    action: null,
    cells,
    agencyId: null,
    agencyCode: null,
    agencyNameFa: null,
    agencyNameEn: null,
    roundCode: null,
    heldOn: null,
    scores: null,
    total: null,
    event: null,
    date: null,
    url: null,
    note: null,
  };
}

/** A file checked against the database: the rows, the problems, and (when there are none) what to write. */
export interface ValidatedImport<Plan> {
  format: SpreadsheetFormat;
  columns: string[];
  /** The same columns with what each was read as and its title. */
  columnDetails: ImportColumn[];
  rows: ParsedRow[];
  problems: ImportProblem[];
  plan: Plan;
}

export interface ImportContext {
  importId: string;
  fileName: string;
}
