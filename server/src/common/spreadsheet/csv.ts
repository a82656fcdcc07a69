import { CsvError, parse, type CastingContext } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/** The delimiters a CSV file may use: Excel writes `;` in locales whose decimal separator is a comma. */
const DELIMITERS = [',', ';', '\t'] as const;

/**
 * CSV as spreadsheets write it (RFC 4180), read with csv-parse: fields in double quotes may hold the delimiter,
 * quotes ("") and line breaks; lines end in CRLF, LF or CR. The delimiter is the one of `,` `;` tab that the
 * header line uses most (found here, not by csv-parse, whose list of delimiters would split every line on any of
 * them, and so a `;` in a comma file's note). A UTF-8 byte-order mark is dropped.
 *
 * Each blank line is kept as one empty record (`['']`), so that record i is the file's line i + 1 for files
 * without line breaks inside fields. Spaces around a field are dropped (so `a, "b"` reads as `a`, `b`); spaces
 * inside quotes are kept. A quote inside an unquoted field is an ordinary character. A quote that is opened and
 * never closed throws csv-parse's `CsvError` (code `CSV_QUOTE_NOT_CLOSED`).
 *
 * `maxRecords` stops reading after that many records (the caller compares the count to refuse a file too long).
 * `maxColumns` and `maxFieldLength` stop reading at the first field past either, throwing a `CsvLimitError` that
 * says where: the parser never holds more than one over-long field, so a one-line 19 MB file stops after
 * `maxFieldLength` characters (or `maxColumns` fields) instead of being read whole.
 */
export function parseCsv(text: string, { maxRecords, maxColumns, maxFieldLength }: CsvLimits = {}): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const guarded = maxColumns !== undefined || maxFieldLength !== undefined;
  try {
    const records: string[][] = parse(input, {
      delimiter: detectDelimiter(input),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      ...(maxRecords === undefined ? {} : { to: maxRecords }),
      ...(maxFieldLength === undefined ? {} : { max_record_size: maxFieldLength * (maxColumns ?? 1) }),
      ...(guarded
        ? {
            cast: (field: string, context: CastingContext) => {
              if (maxColumns !== undefined && context.index >= maxColumns) {
                throw new CsvLimitError('columns', context.records + 1, context.index);
              }
              if (maxFieldLength !== undefined && field.length > maxFieldLength) {
                throw new CsvLimitError('field', context.records + 1, context.index);
              }
              return field;
            },
          }
        : {}),
    });
    return records;
  } catch (error) {
    // The field being read grew past every field the record may hold: one of them is too long.
    if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE') {
      const at = error as CsvError & { records?: number; index?: number };
      throw new CsvLimitError('field', (at.records ?? 0) + 1, at.index ?? 0);
    }
    throw error;
  }
}

export interface CsvLimits {
  maxRecords?: number;
  maxColumns?: number;
  maxFieldLength?: number;
}

/** A CSV past a limit of `parseCsv`: too many fields in a record, or a field too long; record and field 0-based. */
export class CsvLimitError extends Error {
  constructor(
    readonly limit: 'columns' | 'field',
    /** The record's number, 1-based (the line, for files without line breaks inside fields). */
    readonly record: number,
    /** The field's index in its record, 0-based. */
    readonly field: number,
  ) {
    super(`CSV ${limit} limit passed at record ${record}, field ${field}`);
  }
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, 10_000).split(/\r?\n|\r/, 1)[0] ?? '';
  const outsideQuotes = firstLine.replace(/"[^"]*"/g, '');
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = outsideQuotes.split(candidate).length - 1;
    if (count > bestCount) {
      best = candidate;
      bestCount = count;
    }
  }
  return best;
}

/**
 * CSV for spreadsheets, written with csv-stringify: UTF-8 with a byte-order mark (so Excel reads Persian right),
 * CRLF after every record, and quotes where RFC 4180 needs them (a comma, a quote, a line break) or where a
 * spreadsheet would otherwise drop spaces at either end of a value.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return stringify(
    rows.map((row) => [...row]),
    { bom: true, record_delimiter: 'windows', quote_record_delimiter: true, quoted_match: /^\s|\s$/ },
  );
}
