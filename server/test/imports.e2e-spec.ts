import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let evaluator: string;
let admin: string;
let cabinet: string;

const CRITERIA = ['availability', 'end-to-end', 'single-window', 'integration', 'usability', 'support'];
const SCORE_HEADER = ['round_code', 'agency', 'held_on', ...CRITERIA];
/** The article's criterion scores of the Ministry of Interior: 26.07 (weights 25, 20, 20, 15, 10, 10). */
const INTERIOR = ['20.00', '30.00', '25.00', '30.00', '28.00', '27.70'];
const toPersian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!).replace(/\./g, '٫');
const toArabicIndic = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!).replace(/\./g, '٫');

beforeAll(async () => {
  t = await createTestApp();
  evaluator = await t.signIn('evaluator');
  admin = await t.signIn('admin');
  cabinet = await t.signIn('cabinet');
  // The demo round is closed; scores go into open rounds with the same criteria.
  for (const [code, startsOn, endsOn] of [
    ['autumn-1401', '2022-09-23', '2022-12-21'],
    ['winter-1401', '2022-12-22', '2023-03-20'],
    ['spring-1402', '2023-03-21', '2023-06-21'],
    ['summer-1402', '2023-06-22', '2023-09-22'],
  ]) {
    await t.sql.query(
      `INSERT INTO evaluation_round (code, title_fa, title_en, criteria_set_id, starts_on, ends_on, status)
       SELECT $1, 'دوره آزمایشی ' || $1, 'Test round ' || $1, id, $2, $3, 'open' FROM criteria_set WHERE code = 'quality-1401'`,
      [code, startsOn, endsOn],
    );
  }
});

afterAll(async () => {
  await t?.close();
});

async function xlsx(rows: unknown[][], configure?: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('data', { views: [{ rightToLeft: true }] });
  for (const row of rows) sheet.addRow(row);
  configure?.(sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csv(rows: string[][], { bom = true, delimiter = ',' } = {}): Buffer {
  const quote = (v: string) => (/[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`${bom ? '\ufeff' : ''}${rows.map((r) => r.map(quote).join(delimiter)).join('\r\n')}\r\n`, 'utf8');
}

/** A multipart/form-data body with one file in the field `file`, built by hand. */
function multipart(fileName: string, content: Buffer, field = 'file') {
  const boundary = `----monitor-test-${randomBytes(8).toString('hex')}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
      'utf8',
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(kind: string, step: 'preview' | 'commit', fileName: string, content: Buffer, cookie?: string) {
  const { payload, headers } = multipart(fileName, content);
  return t.request({ method: 'POST', url: `/api/v1/imports/${kind}/${step}`, payload, headers, cookie });
}

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await t.sql.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n as number;

async function snapshot() {
  return {
    sessions: await count('evaluation_session'),
    scores: await count('score'),
    criterionScores: await count('criterion_score'),
    events: await count('agency_progress_event'),
    audit: await count('audit_record', `action <> 'sign_in'`),
    agencies: (
      await t.sql.query(
        `SELECT md5(string_agg(id || coalesce(single_window_launched_on::text, '') || coalesce(national_window_connected_on::text, '') || version, ',' ORDER BY id)) AS h FROM agency`,
      )
    )[0].h,
  };
}

async function storedScore(roundCode: string, agencyCode: string) {
  const [row] = await t.sql.query(
    `SELECT s.id, s.status, s.total::text AS total, s.version, to_char(e.held_on, 'YYYY-MM-DD') AS held_on,
            (SELECT jsonb_object_agg(c.code, cs.value::text) FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id WHERE cs.score_id = s.id) AS values
     FROM score s JOIN evaluation_round r ON r.id = s.round_id JOIN agency a ON a.id = s.agency_id
     LEFT JOIN evaluation_session e ON e.id = s.session_id
     WHERE r.code = $1 AND a.code = $2`,
    [roundCode, agencyCode],
  );
  return row;
}

describe('who may import', () => {
  it('only evaluators and admins: the public gets 401, the cabinet 403, and nothing is written', async () => {
    const file = await xlsx([SCORE_HEADER, ['autumn-1401', 'interior', '1401/07/10', ...INTERIOR]]);
    const before = await snapshot();
    for (const kind of ['scores', 'progress']) {
      for (const step of ['preview', 'commit'] as const) {
        expect((await upload(kind, step, 'a.xlsx', file)).status).toBe(401);
        const forbidden = await upload(kind, step, 'a.xlsx', file, cabinet);
        expect(forbidden.status).toBe(403);
        expect(forbidden.body.error).toBe('FORBIDDEN');
      }
      for (const format of ['xlsx', 'csv']) {
        expect((await t.request({ method: 'GET', url: `/api/v1/imports/templates/${kind}.${format}` })).status).toBe(
          401,
        );
        expect(
          (await t.request({ method: 'GET', url: `/api/v1/imports/templates/${kind}.${format}`, cookie: cabinet }))
            .status,
        ).toBe(403);
      }
    }
    expect(await snapshot()).toEqual(before);
    expect((await upload('scores', 'preview', 'a.xlsx', file, admin)).status).toBe(200);
  });

  it('refuses requests without a file, of an unknown kind or of an unreadable format, with 400', async () => {
    const noFile = await t.request({
      method: 'POST',
      url: '/api/v1/imports/scores/preview',
      payload: {},
      cookie: evaluator,
    });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error).toBe('IMPORT_FILE_MISSING');
    const wrongField = multipart('a.csv', csv([SCORE_HEADER]), 'upload');
    const wrong = await t.request({
      method: 'POST',
      url: '/api/v1/imports/scores/preview',
      ...wrongField,
      cookie: evaluator,
    });
    expect(wrong.body.error).toBe('IMPORT_FILE_MISSING');
    expect((await upload('grades', 'preview', 'a.csv', csv([SCORE_HEADER]), evaluator)).body.error).toBe(
      'IMPORT_UNKNOWN_KIND',
    );
    const xls = await upload(
      'scores',
      'preview',
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      evaluator,
    );
    expect(xls.status).toBe(400);
    expect(xls.body.error).toBe('IMPORT_UNSUPPORTED_FORMAT');
    const corrupt = await upload(
      'scores',
      'preview',
      'broken.xlsx',
      Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(200)]),
      evaluator,
    );
    expect(corrupt.body).toMatchObject({
      error: 'IMPORT_UNREADABLE_FILE',
      message: { fa: expect.any(String), en: expect.any(String) },
    });
    const latin1 = await upload(
      'progress',
      'preview',
      'win.csv',
      Buffer.from('agency,event,date\nd\xe9j\xe0,x,y\n', 'latin1'),
      evaluator,
    );
    expect(latin1.body.error).toBe('IMPORT_UNREADABLE_FILE');
  });
});

describe('uploads', () => {
  it('take files larger than the JSON body limit, keep a Persian file name, and refuse more than 20 MB with 413', async () => {
    // Long notes (each under the 10,000-character cell limit, over the 2,000-character note limit) past 2 MB.
    const big = csv([
      ['agency', 'event', 'date', 'url', 'note'],
      ...Array.from({ length: 120 }, () => [
        'interior',
        'national_window_connected',
        '2022-07-27',
        '',
        'ی'.repeat(9_000),
      ]),
    ]);
    expect(big.length).toBeGreaterThan(2_000_000);
    const res = await upload('progress', 'preview', 'پیشرفت اتصال.csv', big, evaluator);
    expect(res.status).toBe(200);
    expect(res.body.fileName).toBe('پیشرفت اتصال.csv');
    expect(res.body.rowCount).toBe(120);
    expect(res.body.problems.filter((p: { row: number }) => p.row === 2)).toEqual([
      expect.objectContaining({ row: 2, column: 'note', code: 'IMPORT_VALUE_TOO_LONG' }),
    ]);
    const huge = await upload('progress', 'preview', 'huge.csv', Buffer.alloc(21 * 1024 * 1024, 0x61), evaluator);
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('scores import', () => {
  it('previews a good file without writing, then commits every row as draft scores with exact totals', async () => {
    const file = await xlsx([
      SCORE_HEADER,
      ['autumn-1401', 'interior', '1401/07/10', ...INTERIOR.map(Number)],
      ['autumn-1401', 'وزارت دادگستری', '2022-10-05', 80, 75.5, 62.25, 90, 70, 85],
      [
        'autumn-1401',
        'Central Bank of the Islamic Republic of Iran',
        new Date(Date.UTC(2022, 9, 6)),
        0.02,
        0,
        0,
        0,
        0,
        0,
      ],
    ]);
    const before = await snapshot();
    const preview = await upload('scores', 'preview', 'scores.xlsx', file, evaluator);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      kind: 'scores',
      format: 'xlsx',
      rowCount: 3,
      validRowCount: 3,
      problemCount: 0,
      problems: [],
      actions: { create: 3, update: 0, unchanged: 0 },
      columns: SCORE_HEADER,
    });
    // each column with what it was read as and its title as in the template (a criterion: its own title)
    const [availability] = await t.sql.query(
      `SELECT title_fa, title_en FROM criterion WHERE code = 'availability' LIMIT 1`,
    );
    expect(preview.body.columnDetails.slice(0, 4)).toEqual([
      { header: 'round_code', key: 'round_code', fa: 'دوره ارزیابی', en: 'Evaluation round' },
      { header: 'agency', key: 'agency', fa: 'دستگاه', en: 'Agency' },
      { header: 'held_on', key: 'held_on', fa: 'تاریخ جلسه', en: 'Session day' },
      { header: 'availability', key: 'availability', fa: availability.title_fa, en: availability.title_en },
    ]);
    expect(preview.body.rows.map((r: { row: number; total: string }) => [r.row, r.total])).toEqual([
      [2, '26.07'],
      [3, '76.55'],
      [4, '0.01'],
    ]);
    expect(preview.body.rows[0]).toMatchObject({
      status: 'valid',
      action: 'create',
      agencyCode: 'interior',
      agencyNameFa: 'وزارت کشور',
      roundCode: 'autumn-1401',
      heldOn: '2022-10-02',
      scores: Object.fromEntries(CRITERIA.map((c, i) => [c, INTERIOR[i]])),
    });
    expect(await snapshot()).toEqual(before);

    const commit = await upload('scores', 'commit', 'scores.xlsx', file, evaluator);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({
      kind: 'scores',
      rowCount: 3,
      committedRows: 3,
      createdSessions: 3,
      reusedSessions: 0,
      createdScores: 3,
      updatedScores: 0,
      importId: expect.any(String),
    });
    expect(await storedScore('autumn-1401', 'interior')).toMatchObject({
      status: 'draft',
      total: '26.07',
      held_on: '2022-10-02',
      values: Object.fromEntries(CRITERIA.map((c, i) => [c, INTERIOR[i]])),
    });
    expect((await storedScore('autumn-1401', 'justice')).total).toBe('76.55');
    expect((await storedScore('autumn-1401', 'central-bank')).total).toBe('0.01');

    const audits = await t.sql.query(
      `SELECT action, entity_type, count(*)::int AS n FROM audit_record
       WHERE reason LIKE $1 OR entity_id = $2 GROUP BY action, entity_type ORDER BY action, entity_type`,
      [`import ${commit.body.importId}%`, commit.body.importId],
    );
    expect(audits).toEqual([
      { action: 'create_score', entity_type: 'score', n: 3 },
      { action: 'create_session', entity_type: 'evaluation_session', n: 3 },
      { action: 'import', entity_type: 'import', n: 1 },
    ]);
    const [summary] = await t.sql.query(
      `SELECT after, reason, actor_id FROM audit_record WHERE action = 'import' AND entity_id = $1`,
      [commit.body.importId],
    );
    expect(summary.after).toMatchObject({
      kind: 'scores',
      fileName: 'scores.xlsx',
      rowCount: 3,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(summary.actor_id).toEqual(expect.any(String));
  });

  it('a second import updates the draft scores (the same session day is reused) and records before and after', async () => {
    const first = csv([SCORE_HEADER, ['winter-1401', 'interior', '1401/10/10', ...INTERIOR]]);
    expect((await upload('scores', 'commit', 'w1.csv', first, evaluator)).status).toBe(200);
    const again = csv([SCORE_HEADER, ['winter-1401', 'interior', '1401/10/10', '30', '30', '25', '30', '28', '27.7']]);
    const preview = await upload('scores', 'preview', 'w2.csv', again, evaluator);
    expect(preview.body.rows[0]).toMatchObject({ action: 'update', total: '28.57' });
    const res = await upload('scores', 'commit', 'w2.csv', again, admin);
    expect(res.body).toMatchObject({ createdSessions: 0, reusedSessions: 1, createdScores: 0, updatedScores: 1 });
    const stored = await storedScore('winter-1401', 'interior');
    expect(stored).toMatchObject({ total: '28.57', status: 'draft', version: 2 });
    const [update] = await t.sql.query(
      `SELECT before, after FROM audit_record WHERE action = 'update_score' AND entity_type = 'score' AND entity_id = $1`,
      [stored.id],
    );
    // The score as staff read it (GET /scores/:id), the same shape as a score recorded through a session.
    const availability = (value: string) =>
      expect.arrayContaining([expect.objectContaining({ code: 'availability', value })]);
    expect(update.before).toMatchObject({ total: '26.07', version: 1, criterionScores: availability('20.00') });
    expect(update.after).toMatchObject({ total: '28.57', version: 2, criterionScores: availability('30.00') });
  });

  it('stores a score the same way as the session form: same total, same row, same audit shape', async () => {
    // One agency through the spreadsheet, another through POST /evaluation-sessions, with the same values.
    const [round] = await t.sql.query(`SELECT id FROM evaluation_round WHERE code = 'spring-1402'`);
    const criteria: Array<{ id: string; code: string }> = await t.sql.query(
      `SELECT c.id, c.code FROM criterion c JOIN criteria_set s ON s.id = c.criteria_set_id
       WHERE s.code = 'quality-1401' ORDER BY c.sort_order`,
    );
    const [agency] = await t.sql.query(`SELECT id FROM agency WHERE code = 'justice'`);
    // The same text through both doors, read by the one rule (trailing zeros and Persian digits included).
    const values = ['20', '30.5', '25.25', '۳۰', '28', '27.700'];
    const file = csv([SCORE_HEADER, ['spring-1402', 'interior', '1402/01/20', ...values]]);
    expect((await upload('scores', 'commit', 'same.csv', file, evaluator)).status).toBe(200);
    const viaForm = await t.request({
      method: 'POST',
      url: '/api/v1/evaluation-sessions',
      cookie: evaluator,
      payload: {
        roundId: round.id,
        agencyId: agency.id,
        heldOn: '1402/01/20',
        representatives: [],
        scores: criteria.map((c) => ({ criterionId: c.id, value: values[CRITERIA.indexOf(c.code)] })),
      },
    });
    expect(viaForm.status).toBe(201);

    const read = async (agencyCode: string) =>
      (
        await t.request({ method: 'GET', url: `/api/v1/scores?roundId=${round.id}`, cookie: evaluator })
      ).body.items.find((s: { agencyCode: string }) => s.agencyCode === agencyCode);
    const imported = await read('interior');
    const entered = await read('justice');
    expect(imported.total).toBe('26.22'); // (25×20 + 20×30.5 + 20×25.25 + 15×30 + 10×28 + 10×27.7) / 100
    expect(entered.total).toBe(imported.total);
    const shape = (score: Record<string, unknown>) => ({
      ...score,
      id: 'id',
      agencyId: 'agency',
      agencyCode: 'agency',
      agencyNameFa: 'agency',
      agencyNameEn: 'agency',
      sessionId: 'session',
      createdAt: 'instant',
      updatedAt: 'instant',
    });
    expect(shape(imported)).toEqual(shape(entered));

    const audited = async (action: string, entityId: string) =>
      (
        await t.sql.query(`SELECT before, after FROM audit_record WHERE action = $1 AND entity_id = $2`, [
          action,
          entityId,
        ])
      )[0];
    const importedScore = await audited('create_score', imported.id);
    const enteredScore = await audited('create_score', entered.id);
    expect(importedScore.before).toBeNull();
    expect(Object.keys(importedScore.after).sort()).toEqual(Object.keys(enteredScore.after).sort());
    expect(shape(importedScore.after)).toEqual(shape(enteredScore.after));
    expect(importedScore.after).toEqual({ ...imported, createdAt: expect.any(String), updatedAt: expect.any(String) });
    const importedSession = await audited('create_session', imported.sessionId);
    const enteredSession = await audited('create_session', entered.sessionId);
    expect(Object.keys(importedSession.after).sort()).toEqual(Object.keys(enteredSession.after).sort());
  });

  it('Persian and Arabic-Indic digits, ٫ and Arabic letter forms store the same values as Latin ones', async () => {
    const latin = csv([SCORE_HEADER, ['spring-1402', 'وزارت کشور', '1402/02/15', ...INTERIOR]]);
    const persian = csv([
      // headers in another spelling too; the agency with Arabic kaf and yeh
      ['Round Code', 'دستگاه', 'تاریخ جلسه', ...CRITERIA.map((c) => c.toUpperCase())],
      [
        'summer-1402',
        ' وزارت  كشور ',
        '۱۴۰۲/۰۵/۱۵',
        ...INTERIOR.map((v, i) => (i % 2 ? toArabicIndic(v) : toPersian(v))),
      ],
    ]);
    expect((await upload('scores', 'commit', 'latin.csv', latin, evaluator)).status).toBe(200);
    const res = await upload('scores', 'commit', 'persian.csv', persian, evaluator);
    expect(res.status).toBe(200);
    const a = await storedScore('spring-1402', 'interior');
    const b = await storedScore('summer-1402', 'interior');
    expect(b.values).toEqual(a.values);
    expect(b.total).toBe('26.07');
    expect(a.total).toBe('26.07');
    expect(b.held_on).toBe('2023-08-06');
    expect(a.held_on).toBe('2023-05-05');
  });

  it('one bad row (an unknown agency on row 3) writes nothing; preview and commit name the row and the column', async () => {
    const file = await xlsx([
      SCORE_HEADER,
      ['autumn-1401', 'foreign-affairs', '1401/07/11', ...INTERIOR],
      ['autumn-1401', 'وزارت ناموجود', '1401/07/11', ...INTERIOR],
      ['autumn-1401', 'roads', '1401/12/30', ...INTERIOR],
    ]);
    const expected = [
      {
        row: 3,
        column: 'agency',
        columnFa: 'دستگاه',
        columnEn: 'Agency',
        code: 'IMPORT_UNKNOWN_AGENCY',
        fa: expect.stringContaining('وزارت ناموجود'),
        en: expect.any(String),
      },
      {
        row: 4,
        column: 'held_on',
        // the column's title as the template names it, in the sentence too
        columnFa: 'تاریخ جلسه',
        columnEn: 'Session day',
        code: 'IMPORT_INVALID_DATE',
        fa: expect.stringContaining('«تاریخ جلسه»'),
        en: expect.stringContaining('"1401/12/30" in "Session day"'),
      },
    ];
    const preview = await upload('scores', 'preview', 'bad.xlsx', file, evaluator);
    expect(preview.body).toMatchObject({ rowCount: 3, validRowCount: 1, problemCount: 2 });
    expect(preview.body.problems).toEqual(expected);
    expect(preview.body.rows.map((r: { status: string }) => r.status)).toEqual(['valid', 'invalid', 'invalid']);

    const before = await snapshot();
    const commit = await upload('scores', 'commit', 'bad.xlsx', file, evaluator);
    expect(commit.status).toBe(400);
    expect(commit.body).toMatchObject({
      error: 'IMPORT_HAS_PROBLEMS',
      message: { fa: expect.any(String), en: expect.any(String) },
      details: { rowCount: 3, validRowCount: 1, problemCount: 2, problems: expected },
    });
    expect(await snapshot()).toEqual(before);
    expect(await storedScore('autumn-1401', 'foreign-affairs')).toBeUndefined();
  });

  it('reports every kind of problem by row and column', async () => {
    await t.sql.query(
      `INSERT INTO agency (code, name_fa, name_en, kind, branch) VALUES ('justice-copy', 'دادگستری دوم', 'Ministry of Justice', 'ministry', 'executive')`,
    );
    const [{ id: submittedAgency }] = await t.sql.query(`SELECT id FROM agency WHERE code = 'education'`);
    const [{ id: round }] = await t.sql.query(`SELECT id FROM evaluation_round WHERE code = 'winter-1401'`);
    const [{ id: evaluatorId }] = await t.sql.query(`SELECT id FROM app_user WHERE username = 'evaluator'`);
    await t.sql.query(
      `INSERT INTO score (round_id, agency_id, total, status, submitted_by_id, submitted_at) VALUES ($1, $2, 50, 'submitted', $3, now())`,
      [round, submittedAgency, evaluatorId],
    );
    const file = await xlsx([
      [...SCORE_HEADER, 'comments'],
      ['autumn-1401', 'interior', '1401/07/12', '101', '12.345', 'abc', '-1', '', '10', ''], // 2
      ['summer-1401', 'interior', '1401/05/10', ...INTERIOR, ''], // 3: closed round
      ['no-such-round', 'interior', '1401/07/12', ...INTERIOR, ''], // 4
      ['autumn-1401', 'Ministry of Justice', '1401/07/12', ...INTERIOR, ''], // 5: two agencies have this name
      ['autumn-1401', 'ministry of roads and urban development', '1401/07/12', ...INTERIOR, ''], // 6: ok (name, any case)
      ['autumn-1401', 'roads', '1401/07/13', ...INTERIOR, ''], // 7: same round and agency as row 6
      ['autumn-1401', 'interior', '1400/01/01', ...INTERIOR, 'x'], // 8: outside the round
      ['winter-1401', 'education', '1401/10/12', ...INTERIOR, ''], // 9: score already submitted
      ['autumn-1401', 'health', '2199-01-01', ...INTERIOR, ''], // 10: future (2199 is the last Gregorian year read)
    ]);
    const res = await upload('scores', 'preview', 'problems.xlsx', file, evaluator);
    const got = res.body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code]);
    expect(got).toEqual([
      [1, 'comments', 'IMPORT_UNKNOWN_COLUMN'],
      [2, 'availability', 'IMPORT_SCORE_OUT_OF_RANGE'],
      [2, 'end-to-end', 'IMPORT_TOO_MANY_DECIMALS'],
      [2, 'single-window', 'IMPORT_NOT_A_NUMBER'],
      [2, 'integration', 'IMPORT_SCORE_OUT_OF_RANGE'],
      [2, 'usability', 'IMPORT_MISSING_VALUE'],
      [3, 'round_code', 'IMPORT_ROUND_CLOSED'],
      [4, 'round_code', 'IMPORT_UNKNOWN_ROUND'],
      [5, 'agency', 'IMPORT_AMBIGUOUS_AGENCY'],
      [7, 'agency', 'IMPORT_DUPLICATE_ROW'],
      [8, 'held_on', 'IMPORT_DATE_OUTSIDE_ROUND'],
      [8, 'agency', 'IMPORT_DUPLICATE_ROW'],
      [9, 'agency', 'IMPORT_SCORE_NOT_DRAFT'],
      [10, 'held_on', 'IMPORT_DATE_IN_FUTURE'],
    ]);
    expect(res.body.problems.every((p: { fa: string; en: string }) => p.fa.length > 0 && p.en.length > 0)).toBe(true);
    // a criterion's problem names it by its title; an unknown column by its header
    const [availability] = await t.sql.query(
      `SELECT title_fa, title_en FROM criterion WHERE code = 'availability' LIMIT 1`,
    );
    expect(res.body.problems[1]).toMatchObject({
      columnFa: availability.title_fa,
      columnEn: availability.title_en,
      fa: expect.stringContaining(`«${availability.title_fa}»`),
      en: expect.stringContaining(`"${availability.title_en}"`),
    });
    expect(res.body.problems[0]).toMatchObject({ column: 'comments', columnFa: null, columnEn: null });
    expect(res.body.validRowCount).toBe(1);
    expect(res.body.rows[5]).toMatchObject({ row: 7, status: 'invalid' });
  });

  it('reports a round whose criteria weights do not add up to 100 (the database trigger normally prevents it)', async () => {
    await t.sql.query(`ALTER TABLE criterion DISABLE TRIGGER "TRG_criterion_weights_sum"`);
    try {
      await t.sql.query(`INSERT INTO criteria_set (code, title_fa, title_en) VALUES ('broken', 'ناقص', 'Broken')`);
      await t.sql.query(
        `INSERT INTO criterion (criteria_set_id, code, title_fa, title_en, weight)
         SELECT id, c.code, c.code, c.code, c.weight FROM criteria_set, (VALUES ('q1', 50), ('q2', 40)) AS c(code, weight)
         WHERE criteria_set.code = 'broken'`,
      );
      await t.sql.query(
        `INSERT INTO evaluation_round (code, title_fa, title_en, criteria_set_id, starts_on, ends_on, status)
         SELECT 'broken-round', 'ناقص', 'Broken', id, '2022-01-01', '2022-12-31', 'open' FROM criteria_set WHERE code = 'broken'`,
      );
    } finally {
      await t.sql.query(`ALTER TABLE criterion ENABLE TRIGGER "TRG_criterion_weights_sum"`);
    }
    const res = await upload(
      'scores',
      'preview',
      'broken.csv',
      csv([
        ['round_code', 'agency', 'held_on', 'q1', 'q2'],
        ['broken-round', 'interior', '2022-05-01', '10', '10'],
      ]),
      evaluator,
    );
    expect(res.body.problems).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'round_code',
        code: 'IMPORT_WEIGHTS_NOT_100',
        en: expect.stringContaining('90.00'),
      }),
    ]);
  });

  it('reports a missing criterion column and an empty file', async () => {
    const missing = await upload(
      'scores',
      'preview',
      'm.csv',
      csv([
        SCORE_HEADER.filter((h) => h !== 'support'),
        ['autumn-1401', 'interior', '1401/07/12', ...INTERIOR.slice(0, 5)],
      ]),
      evaluator,
    );
    expect(missing.body.problems).toEqual([
      expect.objectContaining({ row: 1, column: 'support', code: 'IMPORT_MISSING_COLUMN' }),
    ]);
    expect(missing.body.validRowCount).toBe(0);
    const noRound = await upload(
      'scores',
      'preview',
      'm.csv',
      csv([
        ['agency', 'held_on'],
        ['interior', '1401/07/12'],
      ]),
      evaluator,
    );
    expect(noRound.body.problems).toEqual([
      expect.objectContaining({ row: 1, column: 'round_code', code: 'IMPORT_MISSING_COLUMN' }),
    ]);
    const empties: Array<[string, Buffer]> = [
      ['nothing.csv', Buffer.alloc(0)],
      ['header-only.csv', csv([SCORE_HEADER])],
      ['blank.xlsx', await xlsx([])],
      ['blank-rows.xlsx', await xlsx([[], [''], ['  ', null]])],
    ];
    for (const [name, empty] of empties) {
      const res = await upload('scores', 'preview', name, empty, evaluator);
      expect(res.status).toBe(200);
      expect(res.body.problems).toEqual([
        expect.objectContaining({ row: null, column: null, code: 'IMPORT_EMPTY_FILE' }),
      ]);
      const commit = await upload('scores', 'commit', name, empty, evaluator);
      expect(commit.body.error).toBe('IMPORT_HAS_PROBLEMS');
    }
  });

  it('the same scores file again previews and commits as unchanged (regression: it said "3 updates")', async () => {
    const file = await xlsx([
      SCORE_HEADER,
      ['winter-1401', 'foreign-affairs', '1401/10/20', ...INTERIOR.map(Number)], // 27.7 as a number: "27.70"
      ['winter-1401', 'roads', '1401/10/21', 80, 75.5, 62.25, 90, 70, 85],
    ]);
    const first = await upload('scores', 'commit', 'same.xlsx', file, evaluator);
    expect(first.body).toMatchObject({ committedRows: 2, unchangedRows: 0, createdScores: 2 });
    const stored = await storedScore('winter-1401', 'foreign-affairs');

    const preview = await upload('scores', 'preview', 'same.xlsx', file, evaluator);
    expect(preview.body).toMatchObject({
      validRowCount: 2,
      problems: [],
      actions: { create: 0, update: 0, unchanged: 2 },
    });
    expect(preview.body.rows.map((r: { action: string; total: string }) => [r.action, r.total])).toEqual([
      ['unchanged', '26.07'],
      ['unchanged', '76.55'],
    ]);
    // the same values written otherwise: columns in another order, Persian digits, trailing zeros
    const reordered = [...CRITERIA].reverse();
    const values = (row: string[]) => reordered.map((c) => toPersian(row[CRITERIA.indexOf(c)]!));
    const rewritten = csv([
      ['held_on', 'agency', 'round_code', ...reordered],
      ['2023-01-10', 'foreign-affairs', 'winter-1401', ...values(['20.0', '30', '25.00', '30', '28', '27.700'])],
      ['1401/10/21', 'roads', 'winter-1401', ...values(['80', '75.50', '62.25', '90', '70', '85'])],
    ]);
    const again = await upload('scores', 'preview', 'same.csv', rewritten, evaluator);
    expect(again.body).toMatchObject({ problems: [], actions: { create: 0, update: 0, unchanged: 2 } });

    const before = await snapshot();
    const commit = await upload('scores', 'commit', 'same.csv', rewritten, admin);
    expect(commit.status).toBe(200);
    expect(commit.body).toMatchObject({
      committedRows: 0,
      unchangedRows: 2,
      createdSessions: 0,
      reusedSessions: 0,
      createdScores: 0,
      updatedScores: 0,
    });
    expect(await snapshot()).toEqual({ ...before, audit: before.audit + 1 }); // only the import's own record
    expect(await storedScore('winter-1401', 'foreign-affairs')).toEqual(stored);

    // one value changed: that row is an update, the other stays unchanged
    const changed = csv([
      SCORE_HEADER,
      ['winter-1401', 'foreign-affairs', '1401/10/20', ...INTERIOR.slice(0, 5), '27.71'],
      ['winter-1401', 'roads', '1401/10/21', '80', '75.5', '62.25', '90', '70', '85'],
    ]);
    const update = await upload('scores', 'preview', 'changed.csv', changed, evaluator);
    expect(update.body.actions).toEqual({ create: 0, update: 1, unchanged: 1 });
    // another session day is a change too
    const moved = csv([SCORE_HEADER, ['winter-1401', 'roads', '1401/10/22', '80', '75.5', '62.25', '90', '70', '85']]);
    expect((await upload('scores', 'preview', 'moved.csv', moved, evaluator)).body.actions).toEqual({
      create: 0,
      update: 1,
      unchanged: 0,
    });

    // a score sent on for review: the same file may come back (unchanged), a change to it is refused
    await t.sql.query(
      `UPDATE score SET status = 'submitted', submitted_at = now(),
              submitted_by_id = (SELECT id FROM app_user WHERE username = 'evaluator') WHERE id = $1`,
      [stored.id],
    );
    const resent = await upload('scores', 'preview', 'same.xlsx', file, evaluator);
    expect(resent.body).toMatchObject({ problems: [], actions: { create: 0, update: 0, unchanged: 2 } });
    const refused = await upload('scores', 'preview', 'changed.csv', changed, evaluator);
    expect(refused.body.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'agency', code: 'IMPORT_SCORE_NOT_DRAFT' }),
    ]);
  });

  it('reads rich text, formulas and numbers stored as text in xlsx cells', async () => {
    const file = await xlsx(
      [
        SCORE_HEADER,
        ['autumn-1401', { richText: [{ text: 'وزارت ' }, { text: 'بهداشت، درمان و آموزش پزشکی' }] }, '1401/07/20'],
      ],
      (sheet) => {
        const row = sheet.getRow(2);
        row.getCell(4).value = { formula: '10+10', result: 20 };
        row.getCell(5).value = '۳۰٫۰';
        row.getCell(6).value = 0.1 + 0.2;
        row.getCell(7).value = { formula: 'D2', result: 20 };
        row.getCell(8).value = 28;
        row.getCell(9).value = '27.70';
      },
    );
    const res = await upload('scores', 'preview', 'rich.xlsx', file, evaluator);
    expect(res.body.problems).toEqual([]);
    expect(res.body.rows[0]).toMatchObject({
      agencyCode: 'health',
      scores: { availability: '20.00', 'end-to-end': '30.00', 'single-window': '0.30', integration: '20.00' },
    });
  });
});

describe('progress import', () => {
  const HEADER = ['agency', 'event', 'date', 'url', 'note'];

  async function agencies(n: number, offset = 0) {
    return t.sql.query(
      `SELECT id, code, name_fa, version FROM agency WHERE is_main AND single_window_launched_on IS NULL ORDER BY code OFFSET $2 LIMIT $1`,
      [n, offset],
    );
  }

  it('records progress the same way as the form: same ledger row, same days, same audit shape', async () => {
    const [imported, entered] = await agencies(2);
    const file = csv([HEADER, [imported.code, 'single_window_launched', '1401/06/25', 'https://x.example.ir', '']]);
    expect((await upload('progress', 'commit', 'same.csv', file, evaluator)).status).toBe(200);
    const form = await t.request({
      method: 'POST',
      url: `/api/v1/agencies/${entered.id}/progress`,
      cookie: evaluator,
      payload: {
        version: entered.version,
        kind: 'single_window_launched',
        occurredOn: '1401/06/25',
        url: 'https://x.example.ir',
      },
    });
    expect(form.status).toBe(200);

    const read = async (id: string) =>
      (await t.request({ method: 'GET', url: `/api/v1/agencies/${id}/progress` })).body;
    const [a, b] = [await read(imported.id), await read(entered.id)];
    const same = ['singleWindowLaunchedOn', 'singleWindowUrl', 'nationalWindowConnectedOn'] as const;
    for (const field of same) expect(a[field]).toEqual(b[field]);
    expect(a.singleWindowLaunchedOn).toBe('2022-09-16');
    expect(a.version - imported.version).toBe(b.version - entered.version);
    expect(Object.keys(a.events[0]).sort()).toEqual(Object.keys(b.events[0]).sort());
    expect([a.events[0].source, b.events[0].source]).toEqual(['import', 'manual']);

    const audited = async (id: string) =>
      (
        await t.sql.query(
          `SELECT before, after FROM audit_record WHERE action = 'record_progress' AND entity_id = $1`,
          [id],
        )
      )[0];
    const [fromImport, fromForm] = [await audited(imported.id), await audited(entered.id)];
    expect(Object.keys(fromImport.before).sort()).toEqual(Object.keys(fromForm.before).sort());
    expect(Object.keys(fromImport.after).sort()).toEqual(Object.keys(fromForm.after).sort());
    expect(fromImport.after.events).toEqual([
      { id: a.events[0].id, kind: 'single_window_launched', occurredOn: '2022-09-16', supersedesId: null },
    ]);
  });

  it('commits every row, appends ledger rows from the import, and records an audit per agency', async () => {
    const [a, b] = await agencies(2);
    const file = await xlsx([
      HEADER,
      [a.code, 'single_window_launched', '1401/06/20', 'https://a.example.ir', 'بخشنامه'],
      [a.code, 'national_window_connected', '1401/09/01', '', ''],
      [b.name_fa, 'راه‌اندازی پنجره واحد', '2022-09-01', 'https://b.example.ir', ''],
    ]);
    const preview = await upload('progress', 'preview', 'p.xlsx', file, evaluator);
    expect(preview.body).toMatchObject({ rowCount: 3, validRowCount: 3, problems: [], actions: { create: 3 } });
    expect(preview.body.rows[0]).toMatchObject({
      event: 'single_window_launched',
      date: '2022-09-11',
      url: 'https://a.example.ir',
      agencyId: a.id,
    });
    const res = await upload('progress', 'commit', 'p.xlsx', file, evaluator);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'progress',
      rowCount: 3,
      committedRows: 3,
      recordedEvents: 3,
      updatedAgencies: 2,
    });
    const [stored] = await t.sql.query(
      `SELECT to_char(single_window_launched_on, 'YYYY-MM-DD') AS launched, single_window_url AS url,
              to_char(national_window_connected_on, 'YYYY-MM-DD') AS connected, version FROM agency WHERE id = $1`,
      [a.id],
    );
    expect(stored).toEqual({
      launched: '2022-09-11',
      url: 'https://a.example.ir',
      connected: '2022-11-22',
      version: a.version + 1,
    });
    expect(await count('agency_progress_event', `agency_id = $1 AND source = 'import'`, [a.id])).toBe(2);
    const progress = await t.request({ method: 'GET', url: `/api/v1/agencies/${b.id}/progress` });
    expect(progress.body).toMatchObject({
      singleWindowLaunchedOn: '2022-09-01',
      singleWindowUrl: 'https://b.example.ir',
    });
    expect(progress.body.events[0]).toMatchObject({ source: 'import', isCurrent: true });
    const audit = await t.sql.query(
      `SELECT entity_id, before, after FROM audit_record WHERE action = 'record_progress' AND reason LIKE $1 ORDER BY entity_id`,
      [`import ${res.body.importId}%`],
    );
    expect(audit).toHaveLength(2);
    expect(audit.find((r: { entity_id: string }) => r.entity_id === a.id).after).toMatchObject({
      singleWindowLaunchedOn: '2022-09-11',
      nationalWindowConnectedOn: '2022-11-22',
    });
    expect(await count('audit_record', `action = 'import' AND entity_id = $1`, [res.body.importId])).toBe(1);

    // the same file again changes nothing; a corrected day supersedes the imported row
    const again = await upload('progress', 'commit', 'p.xlsx', file, evaluator);
    expect(again.body).toMatchObject({ committedRows: 0, unchangedRows: 3, recordedEvents: 0, updatedAgencies: 0 });
    const corrected = await upload(
      'progress',
      'commit',
      'p2.csv',
      csv([HEADER, [a.code, 'national_window_connected', '1401/09/02', '', '']]),
      admin,
    );
    expect(corrected.body).toMatchObject({ committedRows: 1, recordedEvents: 1 });
    const chain = await t.sql.query(
      `SELECT to_char(occurred_on, 'YYYY-MM-DD') AS day, supersedes_id IS NOT NULL AS corrects,
              EXISTS (SELECT 1 FROM agency_progress_event n WHERE n.supersedes_id = p.id) AS corrected
       FROM agency_progress_event p WHERE agency_id = $1 AND kind = 'national_window_connected' ORDER BY occurred_on`,
      [a.id],
    );
    expect(chain).toEqual([
      { day: '2022-11-22', corrects: false, corrected: true },
      { day: '2022-11-23', corrects: true, corrected: false },
    ]);
  });

  it('Persian labels, digits and Arabic letters give the same values as Latin ones; a CSV with or without BOM works', async () => {
    const [a, b] = await agencies(2, 5);
    const latin = csv([HEADER, [a.code, 'single_window_launched', '2022-09-12', 'https://x.example.ir', '']], {
      bom: false,
    });
    const persian = csv([
      ['دستگاه', 'رویداد', 'تاریخ', 'نشانی', 'یادداشت'],
      [
        b.name_fa.replace(/ی/g, 'ي').replace(/ک/g, 'ك'),
        'راه‌اندازی پنجره واحد',
        '۱۴۰۱/۰۶/۲۱',
        ' https://x.example.ir ',
        '',
      ],
    ]);
    const one = await upload('progress', 'commit', 'latin.csv', latin, evaluator);
    const two = await upload('progress', 'commit', 'persian.csv', persian, evaluator);
    expect([one.status, two.status]).toEqual([200, 200]);
    const rows = await t.sql.query(
      `SELECT to_char(single_window_launched_on, 'YYYY-MM-DD') AS launched, single_window_url AS url FROM agency WHERE id = ANY($1) ORDER BY code`,
      [[a.id, b.id]],
    );
    expect(rows).toEqual([
      { launched: '2022-09-12', url: 'https://x.example.ir' },
      { launched: '2022-09-12', url: 'https://x.example.ir' },
    ]);
  });

  it('a day typed with hyphens and a year 1300-1499 (1401-08-20) is a Jalali day, not the Gregorian year 1401', async () => {
    const [a] = await t.sql.query(
      `SELECT id, code FROM agency
       WHERE is_main AND single_window_launched_on IS NULL AND national_window_connected_on IS NULL
       ORDER BY code DESC LIMIT 1`,
    );
    const file = csv([
      HEADER,
      [a.code, 'single_window_launched', '1401-08-20', 'https://hyphen.example.ir', ''],
      [a.code, 'national_window_connected', '۱۴۰۱-۰۹-۰۱', '', ''],
    ]);
    const preview = await upload('progress', 'preview', 'hyphens.csv', file, evaluator);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ rowCount: 2, validRowCount: 2, problems: [] });
    expect(preview.body.rows.map((r: { date: string }) => r.date)).toEqual(['2022-11-11', '2022-11-22']);
    expect(preview.body.rows[0]).toMatchObject({ agencyId: a.id, event: 'single_window_launched' });
  });

  it('one bad row (1401/12/30) writes nothing; duplicates and out-of-order days are reported', async () => {
    const [a, b, c] = await agencies(3, 10);
    const file = csv([
      HEADER,
      [a.code, 'single_window_launched', '1401/06/20', 'https://a.example.ir', ''], // 2
      [b.code, 'single_window_launched', '1401/12/30', 'https://b.example.ir', ''], // 3
      [a.code, 'single_window_launched', '1401/06/21', 'https://a.example.ir', ''], // 4: duplicate of 2
      [c.code, 'single_window_launched', '1401/08/01', 'https://c.example.ir', ''], // 5
      [c.code, 'national_window_connected', '1401/07/01', '', ''], // 6: before its launch
      [c.code, 'اتصال به پنجره ملی', '1401/08/02', '', ''], // 7: same event as 6
      ['interior', 'single_window_launched', '1401/06/01', '', ''], // 8: url needed; launched after its connection
      ['interior', 'closed', '1401/06/01', 'not a url', ''], // 9
    ]);
    const preview = await upload('progress', 'preview', 'bad.csv', file, evaluator);
    expect(
      preview.body.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code]),
    ).toEqual([
      [3, 'date', 'IMPORT_INVALID_DATE'],
      [4, 'agency', 'IMPORT_DUPLICATE_ROW'],
      [6, 'date', 'IMPORT_DATES_OUT_OF_ORDER'],
      [7, 'agency', 'IMPORT_DUPLICATE_ROW'],
      [8, 'url', 'IMPORT_MISSING_VALUE'],
      [9, 'event', 'IMPORT_UNKNOWN_EVENT'],
      [9, 'url', 'IMPORT_INVALID_URL'],
    ]);
    expect(preview.body.problems[0]).toMatchObject({ fa: expect.stringContaining('1401/12/30') });
    const before = await snapshot();
    const commit = await upload('progress', 'commit', 'bad.csv', file, evaluator);
    expect(commit.status).toBe(400);
    expect(commit.body.error).toBe('IMPORT_HAS_PROBLEMS');
    expect(commit.body.details.problems).toEqual(preview.body.problems);
    expect(await snapshot()).toEqual(before);
  });

  it('a connection before the recorded launch is refused', async () => {
    const [{ code }] = await t.sql.query(`SELECT code FROM agency WHERE code = 'interior'`);
    const res = await upload(
      'progress',
      'preview',
      'x.csv',
      csv([HEADER, [code, 'national_window_connected', '2022-01-01', '', '']]),
      evaluator,
    );
    expect(res.body.problems).toEqual([
      expect.objectContaining({ row: 2, column: 'date', code: 'IMPORT_DATES_OUT_OF_ORDER' }),
    ]);
  });

  it('commits a 5,000-row file in a few seconds', async () => {
    await t.sql.query(
      `INSERT INTO agency (code, name_fa, name_en, kind, branch)
       SELECT 'bulk-' || i, 'دستگاه آزمایشی ' || i, 'Test agency ' || i, 'other', 'other' FROM generate_series(1, 2500) AS i`,
    );
    const rows: string[][] = [HEADER];
    for (let i = 1; i <= 2500; i++) {
      rows.push([`bulk-${i}`, 'single_window_launched', '1401/06/01', `https://bulk${i}.example.ir`, '']);
      rows.push([`دستگاه آزمایشی ${i}`, 'اتصال به پنجره ملی', '1401/09/01', '', '']);
    }
    const file = await xlsx(rows);
    const started = Date.now();
    const res = await upload('progress', 'commit', 'bulk.xlsx', file, evaluator);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      rowCount: 5000,
      committedRows: 5000,
      recordedEvents: 5000,
      updatedAgencies: 2500,
    });
    expect(elapsed).toBeLessThan(10_000);
    expect(await count('agency', `code LIKE 'bulk-%' AND national_window_connected_on = '2022-11-22'`)).toBe(2500);
    expect(
      await count('audit_record', `action = 'record_progress' AND reason LIKE $1`, [`import ${res.body.importId}%`]),
    ).toBe(2500);
  });
});

describe('templates', () => {
  it('scores.xlsx: the columns of the open round, right-to-left, Persian file name; it parses back', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/imports/templates/scores.xlsx?roundCode=autumn-1401',
      headers: { cookie: evaluator },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="scores-template-autumn-1401.xlsx"; filename*=UTF-8''${encodeURIComponent('الگوی-ورود-امتیازها-autumn-1401.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(SCORE_HEADER);
    expect(sheet.getRow(2).getCell(2).value).toBe('وزارت کشور');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['داده‌ها', 'راهنما', 'دستگاه‌ها']);
    // uploaded as it is, its example row is a valid row
    const preview = await upload('scores', 'preview', 'template.xlsx', res.rawPayload, evaluator);
    expect(preview.body).toMatchObject({ rowCount: 1, validRowCount: 1, problems: [] });
  });

  it('scores.csv of the newest open round by default, with a BOM; progress templates parse back', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/imports/templates/scores.csv',
      headers: { cookie: admin },
    });
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="scores-template-summer-1402\.csv"; filename\*=UTF-8''/,
    );
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(res.body.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(SCORE_HEADER.join(','));

    for (const format of ['xlsx', 'csv']) {
      const template = await t.app.inject({
        method: 'GET',
        url: `/api/v1/imports/templates/progress.${format}`,
        headers: { cookie: evaluator },
      });
      expect(template.statusCode).toBe(200);
      expect(template.headers['content-disposition']).toContain(`filename="progress-template.${format}"`);
      const preview = await upload('progress', 'preview', `progress.${format}`, template.rawPayload, evaluator);
      expect(preview.status).toBe(200);
      expect(preview.body.columns).toEqual(['agency', 'event', 'date', 'url', 'note']);
      expect(preview.body.rowCount).toBe(1);
      expect(preview.body.rows[0]).toMatchObject({
        agencyCode: 'interior',
        event: 'single_window_launched',
        url: 'https://example.gov.ir',
      });
      expect(preview.body.problems.filter((p: { row: number }) => p.row === 1)).toEqual([]);
    }
  });

  it('answers 404 for an unknown template or round', async () => {
    const unknown = await t.request({ method: 'GET', url: '/api/v1/imports/templates/grades.xlsx', cookie: evaluator });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('IMPORT_UNKNOWN_TEMPLATE');
    const round = await t.request({
      method: 'GET',
      url: '/api/v1/imports/templates/scores.xlsx?roundCode=nope',
      cookie: evaluator,
    });
    expect(round.status).toBe(404);
    expect(round.body.error).toBe('IMPORT_ROUND_NOT_FOUND');
  });
});
