import { parse } from 'csv-parse/sync';
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
 */
export function parseCsv(text: string, { maxRecords }: { maxRecords?: number } = {}): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return parse(input, {
    delimiter: detectDelimiter(input),
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    trim: true,
    ...(maxRecords === undefined ? {} : { to: maxRecords }),
  });
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
