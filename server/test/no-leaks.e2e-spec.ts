import type { OpenAPIObject } from '@nestjs/swagger';
import { operationsOf, type DocumentedParameter, type Operation } from './support/openapi-operations.js';
import { searchableText } from './support/searchable-text.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Nothing private reaches the public: marker strings are planted in every private field (a draft score, a draft
 * response, the internal notes of every session, every user's name, username and id, a session token), a weekly
 * report is revised so that its snapshot is taken after the planting, and then every public GET the OpenAPI
 * document lists is called as the public, with the ids, weeks and query values that reach the planted rows; every
 * body (every file inside an XLSX or the open-data zip) and every header is searched for the markers.
 */
let t: TestApp;
let document: OpenAPIObject;
let adminCookie: string;

/** Every planted text contains this; searched for case-insensitively. */
const MARK = 'LEAKMARK';
/** Planted values that cannot carry the mark (ids, a token), with what they are. */
const secrets = new Map<string, string>();

let agencyId: string;
let openRoundId: string;
let draftScoreId: string;
let draftResponseId: string;

beforeAll(async () => {
  t = await createTestApp({ weeklyReports: 'off' });
  adminCookie = await t.signIn('admin');
  const docs = await t.request({ method: 'GET', url: '/api/docs-json' });
  document = docs.body as OpenAPIObject;

  // The agency of the published score response: its scores, sessions and responses are all public pages.
  [{ agency_id: agencyId }] = await t.sql.query(
    `SELECT agency_id FROM agency_response WHERE score_id IS NOT NULL AND status = 'published' LIMIT 1`,
  );
  [{ id: openRoundId }] = await t.sql.query(`SELECT id FROM evaluation_round WHERE status = 'open' LIMIT 1`);

  // Users: every name, plus an evaluator whose username is marked, present at every session and the submitter
  // of every score of the agency.
  await t.sql.query(`UPDATE app_user SET display_name = $1 || ' name of ' || username`, [MARK]);
  const [{ id: markedUserId }] = await t.sql.query(
    `INSERT INTO app_user (username, display_name, role, password_hash)
     VALUES ('leakmark-evaluator', $1, 'evaluator', 'scrypt$leakmark-hash') RETURNING id`,
    [`${MARK} evaluator's name`],
  );
  await t.sql.query(
    `INSERT INTO evaluation_session_evaluator (session_id, user_id) SELECT id, $1 FROM evaluation_session`,
    [markedUserId],
  );
  await t.sql.query(
    `UPDATE score SET submitted_by_id = $1 WHERE agency_id = $2 AND reviewed_by_id IS DISTINCT FROM $1`,
    [markedUserId, agencyId],
  );
  for (const { id, username } of (await t.sql.query(`SELECT id, username FROM app_user`)) as Array<{
    id: string;
    username: string;
  }>) {
    secrets.set(id, `the id of user ${username}`);
  }
  secrets.set(adminCookie.split('=')[1]!, "the admin's session token");

  // Internal notes of every session (the agency's among them).
  await t.sql.query(`UPDATE evaluation_session SET internal_notes = $1 || ' internal notes of ' || id`, [MARK]);

  // A draft score of the agency in the open round (a correction, so that it has a text too), with its criteria.
  [{ id: draftScoreId }] = await t.sql.query(
    `INSERT INTO score (round_id, agency_id, total, status, is_correction, correction_reason)
     VALUES ($1, $2, '12.34', 'draft', true, $3)
     ON CONFLICT (round_id, agency_id) DO UPDATE SET status = 'draft', finalised_at = NULL,
       is_correction = true, correction_reason = EXCLUDED.correction_reason
     RETURNING id`,
    [openRoundId, agencyId, `${MARK} reason of a draft score`],
  );
  secrets.set(draftScoreId, 'the id of a draft score');

  // A draft response of the agency, about its score and about itself.
  [{ id: draftResponseId }] = await t.sql.query(
    `INSERT INTO agency_response (agency_id, received_on, body_fa, body_en, document_url, status)
     VALUES ($1, '2022-09-21', $2, $3, $4, 'draft') RETURNING id`,
    [agencyId, `${MARK} متن پیش‌نویس جوابیه`, `${MARK} draft reply`, `https://example.org/${MARK}-letter`],
  );
  secrets.set(draftResponseId, 'the id of a draft response');

  // The latest weekly report, revised now: its snapshot is taken with everything above in the database.
  const latest = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/latest' });
  expect(latest.status).toBe(200);
  const revised = await t.request({
    method: 'POST',
    url: `/api/v1/weekly-reports/${latest.body.week}/revisions`,
    cookie: adminCookie,
    payload: { reason: 'Revised by the no-leaks test, after the planting' },
  });
  expect(revised.status).toBe(201);
}, 180_000);

afterAll(async () => {
  await t?.close();
});

/** Query parameters whose values choose which rows an answer holds, or in which form: each value is tried. */
const CHOOSING = new Set(['format', 'lang', 'scope', 'status', 'by']);

/** The URLs that reach the planted rows through one public operation. */
async function urlsOf(op: Operation, weeks: string[]): Promise<string[]> {
  const ids = async (): Promise<string[]> => {
    if (op.path.startsWith('/api/v1/agencies/{id}')) return [agencyId];
    if (op.path.startsWith('/api/v1/scores/{id}')) {
      const rows: Array<{ id: string }> = await t.sql.query(`SELECT id FROM score WHERE agency_id = $1`, [agencyId]);
      return rows.map((r) => r.id);
    }
    const table = { '/api/v1/cycles/{id}': 'programme_cycle', '/api/v1/rounds/{id}': 'evaluation_round' }[op.path];
    if (!table) throw new Error(`no ids known for ${op.label}: add them to the no-leaks test`);
    return ((await t.sql.query(`SELECT id FROM ${table}`)) as Array<{ id: string }>).map((r) => r.id);
  };
  let paths = [op.path];
  for (const [name, values] of [
    ['id', op.path.includes('{id}') ? await ids() : []],
    ['week', weeks],
    ['revision', ['1', '2']],
  ] as const) {
    paths = paths.flatMap((path) =>
      path.includes(`{${name}}`) ? values.map((v) => path.replace(`{${name}}`, encodeURIComponent(v))) : [path],
    );
  }
  const unknown = paths.filter((path) => /\{\w+\}/.test(path));
  if (unknown.length) throw new Error(`no values known for ${unknown.join(', ')}: add them to the no-leaks test`);

  const query = (op.operation.parameters ?? []).filter((p) => p.in === 'query');
  const base: Record<string, string> = {};
  for (const p of query) {
    if (p.name === 'pageSize' && p.schema?.maximum) base.pageSize = String(p.schema.maximum);
    if (p.name === 'agencyId') base.agencyId = agencyId;
    if (p.name === 'roundId') base.roundId = openRoundId;
  }
  const variants: Array<Record<string, string>> = [{}, base, base.pageSize ? { pageSize: base.pageSize } : {}];
  for (const p of query.filter((q: DocumentedParameter) => CHOOSING.has(q.name) && q.schema?.enum)) {
    for (const value of p.schema!.enum!) variants.push({ ...base, [p.name]: String(value) });
  }
  const formats = query.find((p) => p.name === 'format')?.schema?.enum ?? [];
  const langs = query.find((p) => p.name === 'lang')?.schema?.enum ?? [];
  for (const format of formats) for (const lang of langs) variants.push({ format: String(format), lang: String(lang) });
  return paths.flatMap((path) =>
    [...new Set(variants.map((v) => new URLSearchParams(v).toString()))].map((q) => (q ? `${path}?${q}` : path)),
  );
}

/** Where a marker or a secret appears in one public answer. */
async function leaksIn(url: string): Promise<{ status: number; leaks: string[] }> {
  const res = await t.app.inject({ method: 'GET', url, headers: { host: 'localhost' } });
  const parts = [{ name: 'headers', text: JSON.stringify(res.headers) }, ...(await searchableText(res.rawPayload))];
  const leaks: string[] = [];
  for (const { name, text } of parts) {
    const upper = text.toUpperCase();
    const at = upper.indexOf(MARK);
    if (at >= 0) leaks.push(`${url} ${name}: …${text.slice(Math.max(0, at - 60), at + 60)}…`);
    for (const [secret, what] of secrets) {
      // An id the caller sent may come back ("no score <id>"): that tells nothing the caller did not know.
      if (url.includes(secret)) continue;
      if (text.toLowerCase().includes(secret.toLowerCase())) leaks.push(`${url} ${name}: ${what}`);
    }
  }
  return { status: res.statusCode, leaks };
}

describe('the private data, planted with markers', () => {
  it('is there for staff through the same endpoints (so that its absence below means something)', async () => {
    const sessions = await t.request({
      method: 'GET',
      url: '/api/v1/evaluation-sessions?pageSize=200',
      cookie: adminCookie,
    });
    const text = JSON.stringify(sessions.body);
    expect(text).toContain(`${MARK} internal notes`);
    expect(text).toContain('leakmark-evaluator');
    const scores = await t.request({ method: 'GET', url: `/api/v1/scores/${draftScoreId}`, cookie: adminCookie });
    expect(scores.status).toBe(200);
    const response = await t.request({
      method: 'GET',
      url: `/api/v1/responses/${draftResponseId}`,
      cookie: adminCookie,
    });
    expect(JSON.stringify(response.body)).toContain(`${MARK} draft reply`);
  });
});

describe('every public GET, every export and the open-data zip', () => {
  it('never shows the public a draft, an internal note, a user or a secret', async () => {
    const publicGets = operationsOf(document).filter(
      (op) => op.method === 'get' && Array.isArray(op.operation.security) && op.operation.security.length === 0,
    );
    expect(publicGets.length).toBeGreaterThan(30);

    const reports = await t.request({ method: 'GET', url: '/api/v1/weekly-reports?pageSize=200' });
    const weekOf = new Map<string, string>(
      (reports.body.items as Array<{ id: string; week: string }>).map((r) => [r.id, r.week]),
    );
    const answered: Array<{ week_id: string }> = await t.sql.query(
      `SELECT DISTINCT weekly_report_id AS week_id FROM agency_response WHERE weekly_report_id IS NOT NULL`,
    );
    const latest = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/latest' });
    const weeks = [...new Set([latest.body.week as string, ...answered.map((a) => weekOf.get(a.week_id)!)])];

    const leaks: string[] = [];
    const walked = new Map<string, number>();
    for (const op of publicGets) {
      for (const url of await urlsOf(op, weeks)) {
        const found = await leaksIn(url);
        walked.set(url, found.status);
        leaks.push(...found.leaks);
      }
    }
    expect(leaks).toEqual([]);

    // The walk reached what it had to: the planted rows' pages answered, the exports in every format, the zip.
    const ok = (url: string) => walked.get(url) === 200;
    expect(ok(`/api/v1/agencies/${agencyId}/responses`)).toBe(true);
    expect(ok('/api/v1/evaluation-sessions?pageSize=200')).toBe(true);
    expect(ok(`/api/v1/scores?pageSize=200&roundId=${openRoundId}&agencyId=${agencyId}&status=draft`)).toBe(true);
    expect(walked.get(`/api/v1/scores/${draftScoreId}`)).toBe(404);
    expect(ok('/api/v1/open-data.zip')).toBe(true);
    for (const format of ['csv', 'xlsx', 'json']) {
      expect(ok(`/api/v1/weekly-reports/${weeks[0]}/export?format=${format}&lang=en`)).toBe(true);
      expect(ok(`/api/v1/rankings/export?format=${format}&lang=fa`)).toBe(true);
    }
    expect([...walked.values()].filter((status) => status >= 500)).toEqual([]);
    expect([...walked.values()].filter((status) => status === 200).length).toBeGreaterThan(100);
  }, 300_000);
});
