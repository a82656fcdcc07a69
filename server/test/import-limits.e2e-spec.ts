import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import {
  MAX_CELL_LENGTH,
  MAX_COLUMNS,
  MAX_ROWS,
  MAX_UNPACKED_BYTES,
} from '../src/common/spreadsheet/read-spreadsheet.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Spreadsheets built to exhaust the server (issue 10): each is refused whole with 413 and the bilingual error
 * body, nothing is written, and the zip bomb is refused without the server's heap taking its unpacked size.
 */

let t: TestApp;
let evaluator: string;

beforeAll(async () => {
  t = await createTestApp();
  evaluator = await t.signIn('evaluator');
}, 120_000);

afterAll(async () => {
  await t?.close();
});

function multipart(fileName: string, content: Buffer) {
  const boundary = `----monitor-test-${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
      'utf8',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(kind: string, step: 'preview' | 'commit', fileName: string, content: Buffer) {
  const { payload, headers } = multipart(fileName, content);
  return t.request({ method: 'POST', url: `/api/v1/imports/${kind}/${step}`, payload, headers, cookie: evaluator });
}

/** Row counts of every table an import writes, and of the audit trail. */
async function written() {
  const [row] = await t.sql.query(
    `SELECT (SELECT count(*) FROM evaluation_session)::int AS sessions, (SELECT count(*) FROM score)::int AS scores,
            (SELECT count(*) FROM criterion_score)::int AS criterion_scores,
            (SELECT count(*) FROM agency_progress_event)::int AS events,
            (SELECT count(*) FROM audit_record WHERE action <> 'sign_in')::int AS audit`,
  );
  return row as Record<string, number>;
}

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A zip bomb that is a valid-looking xlsx: a real workbook whose first sheet's XML is replaced by `size` bytes of
 * the same row over and over, which deflate packs about a thousand to one.
 */
async function zipBomb(size: number): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await xlsx([['agency', 'event', 'date']]));
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const row = '<row><c t="inlineStr"><is><t>وزارت کشور</t></is></c></row>';
  const body = Buffer.alloc(size - head.length - tail.length, row);
  zip.file('xl/worksheets/sheet1.xml', Buffer.concat([head, body, tail]));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

function expectRefused(res: { status: number; body: unknown }, code: string) {
  expect(res.status).toBe(413);
  expect(res.body).toMatchObject({
    statusCode: 413,
    error: code,
    message: { fa: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) },
  });
}

describe('spreadsheet uploads that would exhaust the server', () => {
  it('refuses an xlsx that unpacks to 200 MB before unpacking it, and the heap does not take it', async () => {
    const bomb = await zipBomb(200 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = await written();
    const heapBefore = process.memoryUsage().heapUsed;
    for (const step of ['preview', 'commit'] as const) {
      const res = await upload('scores', step, 'bomb.xlsx', bomb);
      expectRefused(res, 'IMPORT_FILE_TOO_LARGE');
      // Refused by the zip's sizes, not by the parser running out of memory.
      expect(res.body.details).toEqual({ maxUnpackedBytes: MAX_UNPACKED_BYTES });
      expect(res.body.message.en).toContain(`${MAX_UNPACKED_BYTES / (1024 * 1024)} MB`);
    }
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect(await written()).toEqual(before);
  }, 120_000);

  it('refuses an xlsx whose zip understates what its sheet unpacks to', async () => {
    const bomb = await zipBomb(80 * 1024 * 1024);
    // Rewrite every declared uncompressed size (central directory and local headers) to 1 KB.
    for (let at = 0; at < bomb.length - 4; at++) {
      const signature = bomb.readUInt32LE(at);
      if (signature === 0x02014b50) bomb.writeUInt32LE(1024, at + 24);
      if (signature === 0x04034b50) bomb.writeUInt32LE(1024, at + 22);
    }
    const before = await written();
    const res = await upload('progress', 'preview', 'liar.xlsx', bomb);
    expectRefused(res, 'IMPORT_FILE_TOO_LARGE');
    expect(res.body.details).toEqual({ maxUnpackedBytes: MAX_UNPACKED_BYTES });
    expect(await written()).toEqual(before);
  }, 120_000);

  it('refuses a one-line 19 MB CSV, one long cell or endless columns, and keeps answering', async () => {
    const before = await written();
    const oneCell = Buffer.alloc(19 * 1024 * 1024, 'x');
    expectRefused(await upload('progress', 'preview', 'line.csv', oneCell), 'IMPORT_CELL_TOO_LONG');
    const commas = Buffer.alloc(19 * 1024 * 1024, 'a,');
    const res = await upload('progress', 'commit', 'commas.csv', commas);
    expectRefused(res, 'IMPORT_TOO_MANY_COLUMNS');
    expect(res.body.details).toEqual({ max: MAX_COLUMNS, row: 1 });
    expect((await t.request({ method: 'GET', url: '/api/health' })).status).toBe(200);
    expect(await written()).toEqual(before);
  });

  it(`refuses more than ${MAX_ROWS} rows, in CSV and in xlsx`, async () => {
    const before = await written();
    const header = ['agency', 'event', 'date'];
    const row = ['interior', 'national_window_connected', '2022-07-27'];
    const rows = [header, ...Array.from({ length: MAX_ROWS + 1 }, () => row)];
    const csvFile = Buffer.from(rows.map((r) => r.join(',')).join('\n'));
    expectRefused(await upload('progress', 'preview', 'rows.csv', csvFile), 'IMPORT_TOO_MANY_ROWS');
    expectRefused(await upload('progress', 'commit', 'rows.xlsx', await xlsx(rows)), 'IMPORT_TOO_MANY_ROWS');
    expect(await written()).toEqual(before);
  }, 120_000);

  it(`refuses a row of more than ${MAX_COLUMNS} columns and says which row`, async () => {
    const before = await written();
    const wide = Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`);
    const file = await xlsx([
      ['agency', 'event', 'date'],
      ['interior', 'national_window_connected', '2022-07-27'],
      wide,
    ]);
    const res = await upload('progress', 'preview', 'wide.xlsx', file);
    expectRefused(res, 'IMPORT_TOO_MANY_COLUMNS');
    expect(res.body.details).toEqual({ max: MAX_COLUMNS, row: 3 });
    expect(await written()).toEqual(before);
  });

  it('refuses a cell of 100,000 characters, in xlsx and in CSV, and names the cell', async () => {
    const before = await written();
    const long = 'ی'.repeat(100_000);
    const rows = [
      ['agency', 'event', 'date', 'url', 'note'],
      ['interior', 'national_window_connected', '2022-07-27', '', long],
    ];
    for (const [name, file] of [
      ['long.xlsx', await xlsx(rows)],
      ['long.csv', Buffer.from(rows.map((r) => r.join(',')).join('\n'))],
    ] as const) {
      const res = await upload('progress', 'commit', name, file);
      expectRefused(res, 'IMPORT_CELL_TOO_LONG');
      expect(res.body.details).toEqual({ max: MAX_CELL_LENGTH, row: 2, column: 'E' });
    }
    expect(await written()).toEqual(before);
  });

  it('still reads a file at the limits', async () => {
    const rows = [
      ['agency', 'event', 'date', 'url', 'note'],
      ['interior', 'national_window_connected', '2022-07-27', '', 'ی'.repeat(MAX_CELL_LENGTH)],
    ];
    const res = await upload('progress', 'preview', 'ok.xlsx', await xlsx(rows));
    expect(res.status).toBe(200);
    expect(res.body.rowCount).toBe(1);
  });
});
