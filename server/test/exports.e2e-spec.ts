import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { ResponseValidator } from './support/openapi-validator.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The exports read back the way people's tools read them: a CSV parser, exceljs, a JSON Schema validator. */

let t: TestApp;
/** An agency whose Persian name starts a spreadsheet formula, and one of its services likewise. */
let trap: { id: string; code: string; nameFa: string; serviceName: string };

const FORMULA_NAME = '=HYPERLINK("http://example.com","وزارت نمونه")';
const FORMULA_SERVICE = '+98 صدور گواهی';

beforeAll(async () => {
  t = await createTestApp();
  // Before any read, so no cached answer predates these rows.
  const [agency] = await t.sql.query<Array<{ id: string; code: string }>>(
    `SELECT id, code FROM agency WHERE is_main ORDER BY code LIMIT 1`,
  );
  await t.sql.query(`UPDATE agency SET name_fa = $2 WHERE id = $1`, [agency!.id, FORMULA_NAME]);
  await t.sql.query(
    `UPDATE e_service SET name_fa = $2 WHERE id = (SELECT id FROM e_service WHERE agency_id = $1 ORDER BY code LIMIT 1)`,
    [agency!.id, FORMULA_SERVICE],
  );
  // A published official response, and a draft that must never show.
  await t.sql.query(
    `INSERT INTO agency_response (agency_id, received_on, body_fa, status, published_at)
     VALUES ($1, '2022-08-20', 'پاسخ رسمی دستگاه: اتصال در دست انجام است.', 'published', now()),
            ($1, '2022-08-21', 'پیش‌نویس منتشرنشده', 'draft', NULL)`,
    [agency!.id],
  );
  trap = { ...agency!, nameFa: FORMULA_NAME, serviceName: FORMULA_SERVICE };
}, 120_000);

afterAll(async () => {
  await t?.close();
});

interface Download {
  status: number;
  headers: Record<string, unknown>;
  bytes: Buffer;
}

async function download(url: string): Promise<Download> {
  const res = await t.app.inject({ method: 'GET', url, headers: { host: 'localhost' } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

function readCsv(bytes: Buffer): string[][] {
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.toString('utf8'), { bom: true }) as string[][];
}

async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function fileNames(headers: Record<string, unknown>): { ascii: string; utf8: string } {
  const value = String(headers['content-disposition']);
  expect(value).toMatch(/^attachment; /);
  const ascii = /filename="([^"]+)"/.exec(value)![1]!;
  const utf8 = decodeURIComponent(/filename\*=UTF-8''(\S+)/.exec(value)![1]!);
  return { ascii, utf8 };
}

describe('GET /api/v1/rankings/export', () => {
  it('CSV: BOM, Persian intact, names starting a formula neutralised, scores as exact decimals', async () => {
    const res = await download('/api/v1/rankings/export?format=csv&asOf=1401/05/31');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(fileNames(res.headers)).toEqual({
      ascii: 'rankings-1401-05-31.csv',
      utf8: 'رتبه‌بندی-1401-05-31.csv',
    });
    const [header, ...rows] = readCsv(res.bytes);
    expect(header!.slice(0, 4)).toEqual(['رتبه', 'کد دستگاه', 'نام (فارسی)', 'نام (انگلیسی)']);
    expect(rows).toHaveLength(170);
    const at = (name: string) => header!.indexOf(name);
    const trapRow = rows.find((r) => r[at('کد دستگاه')] === trap.code)!;
    expect(trapRow[at('نام (فارسی)')]).toBe(`'${FORMULA_NAME}`);
    const scores = rows.map((r) => r[at('امتیاز کیفیت')]);
    expect(scores).toContain('26.07');
    for (const score of scores) expect(score).toMatch(/^(\d{1,3}\.\d{2})?$/);
    // The official response, never the draft.
    expect(trapRow[at('متن آخرین جوابیه')]).toBe('پاسخ رسمی دستگاه: اتصال در دست انجام است.');
    expect(trapRow[at('تاریخ آخرین جوابیه (شمسی)')]).toBe('1401/05/29');
    expect(trapRow[at('تاریخ آخرین جوابیه (میلادی)')]).toBe('2022-08-20');
  });

  it('gives the same rows, order and figures as GET /api/v1/rankings with the same query', async () => {
    const query = 'by=progress&sort=-score&kind=ministry&asOf=1401-09-01';
    const list = await t.request({ method: 'GET', url: `/api/v1/rankings?${query}&pageSize=1000` });
    expect(list.status).toBe(200);
    const res = await download(`/api/v1/rankings/export?format=json&lang=en&${query}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = JSON.parse(res.bytes.toString('utf8'));
    expect(body.rows.length).toBe(list.body.total);
    expect(body.rows.length).toBeGreaterThan(5);
    expect(
      body.rows.map((r: Record<string, unknown>) => [r.rank, r.agency_code, r.score, r.progress, r.rank_change]),
    ).toEqual(
      list.body.items.map(
        (i: {
          rank: number;
          agency: { code: string };
          score: string;
          progress: string;
          movement: { change: number };
        }) => [i.rank, i.agency.code, i.score, i.progress, i.movement.change],
      ),
    );
    expect(body.about.asOf).toEqual({ iso: '2022-11-22', jalali: '1401/09/01' });
    expect(body.about.filters).toMatchObject({ by: 'progress', sort: '-score', kind: 'ministry', asOf: '2022-11-22' });
    expect(body.about.licence).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(body.about.demo).toBe(true);
    expect(body.about.notice.en).toMatch(/demonstration/);
    // The address as the read cache keys it (parameters sorted), so the same file whatever their order.
    expect(body.about.apiUrl).toBe(
      '/api/v1/rankings/export?asOf=1401-09-01&by=progress&format=json&kind=ministry&lang=en&sort=-score',
    );
    const reordered = await download(`/api/v1/rankings/export?${query}&lang=en&format=json`);
    expect(reordered.bytes.equals(res.bytes)).toBe(true);
  });

  it('cites the weekly list in force on the day: the newest week ended by then, with its permalink and digest', async () => {
    // 1401/07/10 is a Sunday: the week of 1401/07/02 (Saturday to Friday) has ended, that of 1401/07/09 has not.
    const res = await download('/api/v1/rankings/export?format=json&asOf=1401-07-10');
    const cited = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-07-02' });
    expect(JSON.parse(res.bytes.toString('utf8')).about.source).toEqual({
      week: '1401-07-02',
      revision: cited.body.revision,
      permalink: `/api/v1/weekly-reports/1401-07-02/revisions/${cited.body.revision}`,
      digest: cited.body.digest,
    });
    // Before the first weekly report there is nothing to cite.
    const early = await download('/api/v1/agencies/export?format=json&asOf=1400-01-01');
    expect(JSON.parse(early.bytes.toString('utf8')).about.source).toBeNull();
  });

  it('XLSX: a right-to-left sheet with a frozen styled header, typed cells, autofilter and an about sheet', async () => {
    const res = await download('/api/v1/rankings/export?format=xlsx&asOf=1401/05/31');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(fileNames(res.headers).ascii).toBe('rankings-1401-05-31.xlsx');
    const workbook = await readXlsx(res.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['رتبه‌بندی', 'درباره']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('رتبه');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.rowCount).toBe(171);
    const headers = (header.values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    const scores: unknown[] = [];
    let trapName: unknown;
    let responseDay: unknown;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      scores.push(row.getCell(col('امتیاز کیفیت')).value);
      if (row.getCell(col('کد دستگاه')).value === trap.code) {
        trapName = row.getCell(col('نام (فارسی)')).value;
        responseDay = row.getCell(col('تاریخ آخرین جوابیه (میلادی)')).value;
        expect(row.getCell(col('تاریخ آخرین جوابیه (میلادی)')).numFmt).toBe('yyyy-mm-dd');
        expect(row.getCell(col('تاریخ آخرین جوابیه (شمسی)')).value).toBe('1401/05/29');
      }
    });
    expect(scores).toContain(26.07);
    for (const score of scores) expect(score === null || typeof score === 'number').toBe(true);
    expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');
    // Text stays text in a workbook (a typed string cell is never run as a formula).
    expect(trapName).toBe(FORMULA_NAME);
    expect(responseDay).toEqual(new Date('2022-08-20T00:00:00Z'));
    const about = workbook.worksheets[1]!;
    expect(about.views[0]).toMatchObject({ rightToLeft: true });
    const facts = new Map<string, unknown>();
    about.eachRow((row) => facts.set(row.getCell(1).text, row.getCell(2).value));
    expect(facts.get('تاریخ (شمسی)')).toBe('1401/05/31');
    expect(facts.get('تاریخ (میلادی)')).toBe('2022-08-22');
    expect(facts.get('مجوز')).toBe('CC BY 4.0 https://creativecommons.org/licenses/by/4.0/');
    expect(String(facts.get('داده نمایشی'))).toMatch(/نمایشی/);
    expect(facts.get('پالایه: by')).toBe('score');
  });

  it('in English: English headers and a left-to-right sheet', async () => {
    const res = await download('/api/v1/rankings/export?format=xlsx&lang=en&asOf=2022-08-22');
    const workbook = await readXlsx(res.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['rankings', 'about']);
    expect(workbook.worksheets[0]!.views[0]).toMatchObject({ rightToLeft: false, state: 'frozen', ySplit: 1 });
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).value).toBe('Rank');
  });

  it.each([
    ['/api/v1/rankings/export', 'format'],
    ['/api/v1/rankings/export?format=pdf', 'format'],
    ['/api/v1/rankings/export?format=csv&lang=de', 'lang'],
    ['/api/v1/rankings/export?format=csv&asOf=1401/13/01', 'asOf'],
    ['/api/v1/rankings/export?format=csv&page=2', 'page'],
    ['/api/v1/agencies/export?format=xls', 'format'],
  ])('refuses %s with a 400 in both languages', async (url, field) => {
    const res = await t.request({ method: 'GET', url });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.message.fa).toBeTruthy();
    expect(res.body.message.en).toBeTruthy();
    expect(JSON.stringify(res.body.details)).toContain(field);
  });
});

describe('GET /api/v1/agencies/export', () => {
  it('one row per agency in the order of the agency list, with its milestone status on the day', async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/agencies?pageSize=200' });
    const res = await download('/api/v1/agencies/export?format=csv&lang=en&asOf=1401/07/01');
    expect(res.status).toBe(200);
    expect(fileNames(res.headers)).toEqual({ ascii: 'agencies-1401-07-01.csv', utf8: 'agencies-1401-07-01.csv' });
    const [header, ...rows] = readCsv(res.bytes);
    const at = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[at('Agency code')])).toEqual(list.body.items.map((a: { code: string }) => a.code));
    expect(header).toContain('Single window launched (Jalali)');
    const statusColumns = header!.filter((h) => h.endsWith(': status'));
    expect(statusColumns.length).toBe(3);
    const statuses = new Set(rows.flatMap((r) => statusColumns.map((h) => r[at(h)])));
    expect([...statuses].every((s) => ['Met', 'Pending', 'At risk', 'Overdue'].includes(s!))).toBe(true);
    expect(statuses.has('Overdue')).toBe(true);
    const trapRow = rows.find((r) => r[at('Agency code')] === trap.code)!;
    expect(trapRow[at('Name (Persian)')]).toBe(`'${FORMULA_NAME}`);
    expect(trapRow[at('Latest official response received (Gregorian)')]).toBe('2022-08-20');
    expect(trapRow[at('One of the 170 main agencies')]).toBe('true');
  });

  it('takes the list filters: scope and search', async () => {
    const res = await download(`/api/v1/agencies/export?format=json&scope=all&search=${encodeURIComponent('بانک')}`);
    const body = JSON.parse(res.bytes.toString('utf8'));
    const list = await t.request({
      method: 'GET',
      url: `/api/v1/agencies?scope=all&pageSize=200&search=${encodeURIComponent('بانک')}`,
    });
    expect(body.rows.map((r: { agency_code: string }) => r.agency_code)).toEqual(
      list.body.items.map((a: { code: string }) => a.code),
    );
    expect(body.rows.length).toBeGreaterThan(0);
  });
});

describe('GET /api/v1/agencies/:id/services/export', () => {
  it("streams every one of the agency's services, neutralising a name that starts a formula", async () => {
    const list = await t.request({ method: 'GET', url: `/api/v1/agencies/${trap.id}/services?pageSize=500` });
    const res = await download(`/api/v1/agencies/${trap.id}/services/export?format=csv`);
    expect(res.status).toBe(200);
    expect(fileNames(res.headers).ascii).toMatch(new RegExp(`^services-${trap.code}-14\\d\\d-\\d\\d-\\d\\d\\.csv$`));
    const [header, ...rows] = readCsv(res.bytes);
    expect(rows.map((r) => r[0])).toEqual(list.body.items.map((s: { code: string }) => s.code));
    expect(rows.map((r) => r[header!.indexOf('نام (فارسی)')])).toContain(`'${FORMULA_SERVICE}`);
  });

  it('answers 404 for an unknown agency and 400 for an id that is not one', async () => {
    const missing = await t.request({
      method: 'GET',
      url: '/api/v1/agencies/00000000-0000-4000-8000-000000000000/services/export?format=csv',
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('AGENCY_NOT_FOUND');
    const invalid = await t.request({ method: 'GET', url: '/api/v1/agencies/nope/services/export?format=csv' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('AGENCY_INVALID_ID');
  });
});

describe('GET /api/v1/services/export', () => {
  /** The services of the whole database by agency code then service code, as the export must give them. */
  async function expectedOrder(where = ''): Promise<Array<{ agency_code: string; code: string }>> {
    return t.sql.query(
      `SELECT a.code AS agency_code, e.code FROM agency a JOIN e_service e ON e.agency_id = a.id ${where}
       ORDER BY a.code, e.code`,
    );
  }

  it('CSV: every service of every agency, by agency then service code, Persian intact, formulas neutralised', async () => {
    const res = await download('/api/v1/services/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(fileNames(res.headers).ascii).toMatch(/^services-14\d\d-\d\d-\d\d\.csv$/);
    expect(fileNames(res.headers).utf8).toMatch(/^خدمات-14\d\d-\d\d-\d\d\.csv$/);
    const [header, ...rows] = readCsv(res.bytes);
    expect(header!.slice(0, 5)).toEqual(['کد دستگاه', 'نام دستگاه', 'کد خدمت', 'نام (فارسی)', 'نام (انگلیسی)']);
    const expected = await expectedOrder();
    expect(rows.map((r) => [r[0], r[2]])).toEqual(expected.map((e) => [e.agency_code, e.code]));
    // Rows of more than one agency, each agency's rows together.
    const agencies = [...new Set(rows.map((r) => r[0]))];
    expect(agencies.length).toBeGreaterThan(100);
    const trapRows = rows.filter((r) => r[0] === trap.code);
    expect(trapRows.length).toBeGreaterThan(0);
    expect(trapRows.every((r) => r[1] === `'${FORMULA_NAME}`)).toBe(true);
    expect(trapRows.map((r) => r[3])).toContain(`'${FORMULA_SERVICE}`);
    // Persian text arrives as stored: the agency and service names of another agency, read from the database.
    const [other] = await t.sql.query<Array<{ code: string; agency: string; service: string; service_code: string }>>(
      `SELECT a.code, a.name_fa AS agency, e.name_fa AS service, e.code AS service_code
       FROM agency a JOIN e_service e ON e.agency_id = a.id
       WHERE a.id <> $1 AND e.name_fa ~ '[آ-ی]' ORDER BY a.code DESC, e.code LIMIT 1`,
      [trap.id],
    );
    const otherRow = rows.find((r) => r[0] === other!.code && r[2] === other!.service_code)!;
    expect([otherRow[1], otherRow[3]]).toEqual([other!.agency, other!.service]);
    expect(header).toContain('شناسایی (شمسی)');
  });

  it('CSV, written by PostgreSQL: the same values as the column-set writer, CRLF after every record only', async () => {
    // A service whose name holds a line break, a quote, a comma and spaces at either end: data inside quotes.
    const [service] = await t.sql.query<Array<{ id: string; agency_id: string; code: string }>>(
      `SELECT e.id, e.agency_id, e.code FROM e_service e JOIN agency a ON a.id = e.agency_id
       WHERE a.id <> $1 AND e.withdrawn_on IS NULL ORDER BY a.code, e.code LIMIT 1`,
      [trap.id],
    );
    const tricky = ' خدمت "آزمون"،\nسطر دوم, با فاصله ';
    await t.sql.query(`UPDATE e_service SET name_en = $2 WHERE id = $1`, [service!.id, tricky]);
    try {
      for (const lang of ['fa', 'en']) {
        const national = await download(`/api/v1/services/export?format=csv&lang=${lang}`);
        const agency = await download(`/api/v1/agencies/${service!.agency_id}/services/export?format=csv&lang=${lang}`);
        const [nationalHeader, ...nationalRows] = readCsv(national.bytes);
        const [agencyHeader, ...agencyRows] = readCsv(agency.bytes);
        // The national file is the agency's columns after the agency's code and name, value for value.
        expect(nationalHeader!.slice(2)).toEqual(agencyHeader);
        const [owner] = await t.sql.query<Array<{ code: string }>>('SELECT code FROM agency WHERE id = $1', [
          service!.agency_id,
        ]);
        const mine = nationalRows.filter((r) => r[0] === owner!.code).map((r) => r.slice(2));
        expect(mine).toEqual(agencyRows);
        expect(mine.find((r) => r[0] === service!.code)![2]).toBe(tricky);
        // Every record ends in CRLF; the line break inside the quoted name stays a bare LF.
        const text = national.bytes.toString('utf8');
        expect(text.split('\r\n').length - 1).toBe(nationalRows.length + 1);
        expect(text).toContain(`"${tricky.replaceAll('"', '""')}"`);
      }
    } finally {
      await t.sql.query(`UPDATE e_service SET name_en = 'Restored' WHERE id = $1`, [service!.id]);
    }
  });

  it('XLSX: the same rows with typed cells, a right-to-left sheet and an about sheet', async () => {
    const res = await download('/api/v1/services/export?format=xlsx&scope=main&stage=national_window');
    expect(res.status).toBe(200);
    const workbook = await readXlsx(res.bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['خدمات', 'درباره']);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    const expected = await expectedOrder(`WHERE a.is_main AND e.stage = 'national_window'`);
    expect(expected.length).toBeGreaterThan(10);
    const seen: Array<[unknown, unknown]> = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      seen.push([row.getCell(col('کد دستگاه')).value, row.getCell(col('کد خدمت')).value]);
      const connected = row.getCell(col('اتصال به پنجره ملی (میلادی)'));
      expect(connected.value).toBeInstanceOf(Date);
      expect(connected.numFmt).toBe('yyyy-mm-dd');
      expect(row.getCell(col('مرحله')).value).toBe('متصل به پنجره ملی');
    });
    expect(seen).toEqual(expected.map((e) => [e.agency_code, e.code]));
    const facts = new Map<string, unknown>();
    workbook.worksheets[1]!.eachRow((row) => facts.set(row.getCell(1).text, row.getCell(2).value));
    expect(facts.get('پالایه: scope')).toBe('main');
    expect(facts.get('پالایه: stage')).toBe('national_window');
    expect(facts.get('مجوز')).toBe('CC BY 4.0 https://creativecommons.org/licenses/by/4.0/');
  });

  it('JSON: validates against its documented schema, agency names in the language asked for', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/docs-json' })).body;
    const validator = new ResponseValidator(doc);
    const res = await download(`/api/v1/services/export?format=json&lang=en&search=${encodeURIComponent('گواهی')}`);
    expect(res.status).toBe(200);
    const body = JSON.parse(res.bytes.toString('utf8'));
    expect(validator.problems('/api/v1/services/export', 'GET', 200, body)).toEqual([]);
    expect(body.rows.length).toBeGreaterThan(0);
    const trapRow = body.rows.find((r: { service_code: string; agency_code: string }) => r.agency_code === trap.code);
    expect(trapRow).toMatchObject({ name_fa: FORMULA_SERVICE, agency_name: expect.any(String) });
    const [agency] = await t.sql.query<Array<{ name_en: string }>>(`SELECT name_en FROM agency WHERE id = $1`, [
      trap.id,
    ]);
    expect(trapRow.agency_name).toBe(agency!.name_en);
    expect(body.about.filters).toEqual({ search: 'گواهی', scope: 'all' });
    expect(body.about.apiUrl).toMatch(/^\/api\/v1\/services\/export\?format=json&lang=en&search=/);
  });

  it('tags the file: the same tag answers 304 without a body, and a write gives a new tag', async () => {
    const url = '/api/v1/services/export?format=csv&stage=single_window';
    const first = await download(url);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[\w-]{20,}"$/);
    const again = await t.app.inject({ method: 'GET', url, headers: { host: 'localhost', 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
    // Another query is another file.
    expect((await download(`${url}&lang=en`)).headers.etag).not.toBe(etag);
    // A change to the data: the old tag no longer matches, and the new file says what changed.
    await t.sql.query(`UPDATE agency SET name_en = name_en || ' (renamed)' WHERE id = $1`, [trap.id]);
    await waitFor(async () => (await download(url)).headers.etag !== etag);
    const changed = await t.app.inject({ method: 'GET', url, headers: { host: 'localhost', 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.rawPayload.length).toBeGreaterThan(100);
  });

  it.each([
    ['/api/v1/services/export', 'format'],
    ['/api/v1/services/export?format=pdf', 'format'],
    ['/api/v1/services/export?format=csv&lang=de', 'lang'],
    ['/api/v1/services/export?format=csv&scope=everything', 'scope'],
    ['/api/v1/services/export?format=csv&stage=launched', 'stage'],
    ['/api/v1/services/export?format=csv&page=2', 'page'],
    ['/api/v1/services/export?format=csv&systemId=00000000-0000-4000-8000-000000000000', 'systemId'],
  ])('refuses %s with a 400 in both languages', async (url, field) => {
    const res = await t.request({ method: 'GET', url });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('VALIDATION_FAILED');
    expect(res.body.message.fa).toBeTruthy();
    expect(res.body.message.en).toBeTruthy();
    expect(JSON.stringify(res.body.details)).toContain(field);
  });
});

/** Polls until `done` (a change notified by PostgreSQL reaches the server a moment after its commit). */
async function waitFor(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await done()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('waited 5 s in vain');
}

describe('GET /api/v1/weekly-reports/:week/export', () => {
  it('gives the same bytes for the same revision, however the week is typed, in every format', async () => {
    for (const format of ['csv', 'xlsx', 'json']) {
      const a = await download(`/api/v1/weekly-reports/1401-06-26/export?format=${format}`);
      const b = await download(`/api/v1/weekly-reports/${encodeURIComponent('۱۴۰۱/۰۶/۳۱')}/export?format=${format}`);
      const c = await download(`/api/v1/weekly-reports/2022-09-17/export?format=${format}&revision=1`);
      expect(a.status).toBe(200);
      expect(b.bytes.equals(a.bytes)).toBe(true);
      expect(c.bytes.equals(a.bytes)).toBe(true);
      expect(fileNames(a.headers)).toEqual({
        ascii: `weekly-report-1401-06-26-r1.${format}`,
        utf8: `گزارش-هفتگی-1401-06-26-ویرایش-1.${format}`,
      });
    }
  });

  it('dates the XLSX (document and every zip entry) with the publication instant, never the clock', async () => {
    const report = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' });
    const res = await download('/api/v1/weekly-reports/1401-06-26/export?format=xlsx&lang=en');
    const published = new Date(report.body.publishedAt);
    const zip = await JSZip.loadAsync(res.bytes);
    const entries = Object.values(zip.files);
    expect(entries.length).toBeGreaterThan(5);
    // DOS times: two-second steps, read back by JSZip as UTC.
    for (const entry of entries) expect(Math.abs(entry.date.getTime() - published.getTime())).toBeLessThan(2000);
    const workbook = await readXlsx(res.bytes);
    expect(workbook.created).toEqual(published);
    const about = new Map<string, unknown>();
    workbook.worksheets[1]!.eachRow((row) => about.set(row.getCell(1).text, row.getCell(2).value));
    expect(about.get('Weekly report: SHA-256 digest')).toBe(report.body.digest);
    expect(about.get('Weekly report: permalink')).toBe('/api/v1/weekly-reports/1401-06-26/revisions/1');
    expect(about.get('API URL')).toBe('/api/v1/weekly-reports/1401-06-26/export?format=xlsx&lang=en&revision=1');
  });

  it("has the report's ranking rows and listed milestones, and no official responses", async () => {
    const report = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' });
    const res = await download('/api/v1/weekly-reports/1401-06-26/export?format=json&lang=en');
    const body = JSON.parse(res.bytes.toString('utf8'));
    expect(body.rows.map((r: { agency_code: string; score: string | null }) => [r.agency_code, r.score])).toEqual(
      report.body.content.ranking.map((e: { agency: { code: string }; score: string | null }) => [
        e.agency.code,
        e.score,
      ]),
    );
    expect(body.about.source).toEqual({
      week: '1401-06-26',
      revision: 1,
      permalink: '/api/v1/weekly-reports/1401-06-26/revisions/1',
      digest: report.body.digest,
    });
    expect(body.columns.map((c: { key: string }) => c.key)).not.toContain('latest_response');
    const overdue = report.body.content.milestones[0].overdue[0].agency.code;
    expect(body.rows.find((r: { agency_code: string }) => r.agency_code === overdue).overdue_milestones).toContain(
      report.body.content.milestones[0].code,
    );
  });

  it('answers 404 for a week without a report and 400 for a week that is not one', async () => {
    const missing = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1399-01-02/export?format=csv' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('REPORT_NOT_FOUND');
    const revision = await t.request({
      method: 'GET',
      url: '/api/v1/weekly-reports/1401-06-26/export?format=csv&revision=9',
    });
    expect(revision.status).toBe(404);
    const invalid = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/someday/export?format=csv' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('REPORT_WEEK_INVALID');
  });
});

describe('the JSON exports', () => {
  it('validate against the schemas the OpenAPI document gives them', async () => {
    const doc = (await t.request({ method: 'GET', url: '/api/docs-json' })).body;
    // The project's validator: OpenAPI nullable as JSON Schema, and no property that is not documented.
    const validator = new ResponseValidator(doc);
    const cases: Array<[string, string, string]> = [
      ['/api/v1/rankings/export', 'exportRankings', '?format=json&asOf=1401/05/31'],
      ['/api/v1/agencies/export', 'exportAgencies', '?format=json&lang=en'],
      ['/api/v1/agencies/{id}/services/export', 'exportAgencyServices', '?format=json'],
      ['/api/v1/services/export', 'exportServices', '?format=json&scope=main'],
      ['/api/v1/weekly-reports/{week}/export', 'exportWeeklyReport', '?format=json'],
    ];
    for (const [path, operationId, query] of cases) {
      const operation = doc.paths[path].get;
      expect(operation.operationId).toBe(operationId);
      const content = operation.responses['200'].content;
      expect(Object.keys(content).sort()).toEqual(
        [
          'application/json',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'text/csv; charset=utf-8',
        ].sort(),
      );
      const url = path.replace('{id}', trap.id).replace('{week}', '1401-06-26') + query;
      const res = await download(url);
      const body = JSON.parse(res.bytes.toString('utf8'));
      expect(validator.problems(path, 'GET', 200, body)).toEqual([]);
      // …and the schema does bite: a row with a value it does not document fails.
      const tampered = { ...body, rows: [{ ...body.rows[0], undocumented: 1 }] };
      expect(validator.problems(path, 'GET', 200, tampered)).not.toEqual([]);
      expect(body.rows.length).toBeGreaterThan(0);
      expect(operation.responses['400']).toBeDefined();
    }
  });
});
