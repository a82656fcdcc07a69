import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import type { ExportColumn } from './export-columns.js';
import { createCsvStream, CsvLineEndings, neutralizeFormula } from './write-csv.js';

interface Row {
  name: string;
  score: string | null;
  count: number;
  day: string;
  active: boolean;
}

const columns: ExportColumn<Row>[] = [
  { key: 'name', header: 'نام', type: 'text', value: (r) => r.name },
  { key: 'score', header: 'امتیاز', type: 'decimal', value: (r) => r.score },
  { key: 'count', header: 'count', type: 'number', value: (r) => r.count },
  { key: 'day', header: 'day', type: 'date', value: (r) => r.day },
  { key: 'active', header: 'active', type: 'boolean', value: (r) => r.active },
];

async function write(rows: Row[]): Promise<string> {
  // Buffer#toString keeps the BOM (TextDecoder, used by `text()`, would drop it).
  return (await buffer(Readable.from(rows).pipe(createCsvStream(columns)))).toString('utf8');
}

describe('neutralizeFormula', () => {
  const sut = neutralizeFormula;

  it.each(['=1+1', '+98', '-2', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (value) => {
    expect(sut(value)).toBe(`'${value}`);
  });

  it('leaves other text alone', () => {
    expect(sut('وزارت کشور')).toBe('وزارت کشور');
    expect(sut("a=b 'c")).toBe("a=b 'c");
    expect(sut('')).toBe('');
  });
});

describe('createCsvStream', () => {
  it('writes a BOM, the headers, CRLF records and exact decimals', async () => {
    const csv = await write([
      { name: 'وزارت کشور', score: '26.07', count: 3, day: '2022-08-22', active: true },
      { name: 'a, "b"', score: null, count: -4, day: '2022-08-23', active: false },
    ]);
    expect(csv).toBe(
      '\ufeffنام,امتیاز,count,day,active\r\n' +
        'وزارت کشور,26.07,3,2022-08-22,true\r\n' +
        '"a, ""b""",,-4,2022-08-23,false\r\n',
    );
  });

  it('neutralises text that starts a formula but never a negative number', async () => {
    const csv = await write([{ name: '=HYPERLINK("x")', score: '0.50', count: -1, day: '2022-08-22', active: true }]);
    const records = parse(csv, { bom: true }) as string[][];
    expect(records[1]).toEqual([`'=HYPERLINK("x")`, '0.50', '-1', '2022-08-22', 'true']);
  });

  it('writes the BOM and the header line when there are no rows', async () => {
    expect(await write([])).toBe('\ufeffنام,امتیاز,count,day,active\r\n');
  });

  it('fails the stream on a value that does not fit its column type', async () => {
    await expect(write([{ name: 'x', score: 'NaN', count: 1, day: '2022-08-22', active: true }])).rejects.toThrow(
      'Not a decimal',
    );
  });

  it('reads back through csv-parse, line breaks and quotes intact', async () => {
    const name = 'گفت: "بله"،\r\nسپس رفت';
    const csv = await write([{ name, score: '100.00', count: 0, day: '2023-03-20', active: true }]);
    const records = parse(csv, { bom: true }) as string[][];
    expect(records).toEqual([
      ['نام', 'امتیاز', 'count', 'day', 'active'],
      [name, '100.00', '0', '2023-03-20', 'true'],
    ]);
  });
});

describe('CsvLineEndings', () => {
  /** Records as PostgreSQL's COPY writes them (LF after each, quotes doubled, quoted when needed). */
  const copyText = (records: string[][]) =>
    records
      .map((r) => r.map((f) => (/[",\n\r]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f)).join(',') + '\n')
      .join('');

  it('ends every record with CRLF and leaves line breaks inside quoted fields alone, however the bytes are cut', async () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ب', ',', '"', '\n', ' ', '۱') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(field, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (records, cuts) => {
          const bytes = Buffer.from(copyText(records));
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at].map((start, i) => bytes.subarray(start, [...at, bytes.length][i]));
          const out = (await buffer(Readable.from(pieces).pipe(new CsvLineEndings('\ufeffh\r\n')))).toString('utf8');
          expect(out.startsWith('\ufeffh\r\n')).toBe(true);
          // Read back: the same records; and no bare LF between records.
          const body = out.slice('\ufeffh\r\n'.length);
          expect(parse(body, { record_delimiter: '\r\n', relax_column_count: true })).toEqual(records.map((r) => r));
          expect(body.split('\r\n').length - 1).toBe(records.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes the BOM and the header line when PostgreSQL sends no row', async () => {
    const out = await buffer(Readable.from([]).pipe(new CsvLineEndings('\ufeffh\r\n')));
    expect(out.toString('utf8')).toBe('\ufeffh\r\n');
  });
});
