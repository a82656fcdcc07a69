import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * The right of reply (جوابیه) through the HTTP API, on a real PostgreSQL with the demo data: an admin records a
 * request, the reply received and publishes it; the public sees open requests as "no response yet" and published
 * replies, never drafts nor who recorded them; every refusal is a coded 4xx in both languages that writes nothing;
 * every write leaves one audit record.
 */

let t: TestApp;
/** An agency listed as overdue in the report of the week 1401-06-26. */
let agencyId: string;
let reportId: string;
/** A final score of that agency, and one of another agency. */
let scoreId: string;
let otherScoreId: string;
/** An agency the week's report does not name anywhere. */
let unlistedAgencyId: string;

const WEEK = '1401-06-26';

async function call(who: string | undefined, method: string, url: string, payload?: unknown) {
  return t.request({ method, url, payload, cookie: who ? await t.signIn(who) : undefined });
}

/** Every reply row and the number of audit records (sign-ins aside): "nothing changed". */
async function fingerprint(): Promise<string> {
  const [row] = await t.sql.query(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(r::text, ',' ORDER BY r.id) FROM agency_response r),
      (SELECT count(*) FROM audit_record WHERE action NOT IN ('sign_in', 'sign_out'))
    )) AS digest`);
  return row.digest;
}

async function audits(entityId: string) {
  return t.sql.query(
    `SELECT a.action, a.entity_type, a.before, a.after, a.reason, u.username
     FROM audit_record a LEFT JOIN app_user u ON u.id = a.actor_id
     WHERE a.entity_id = $1 ORDER BY a.occurred_at, a.id`,
    [entityId],
  );
}

/** A refusal: the status and code, a message in both languages, and nothing written. */
async function expectRefused(request: () => ReturnType<TestApp['request']>, status: number, error: string) {
  const before = await fingerprint();
  const res = await request();
  expect({ status: res.status, error: res.body.error }).toEqual({ status, error });
  expect(res.body.message.fa).toMatch(/[\u0600-\u06ff]/);
  expect(res.body.message.en).toMatch(/[a-z]/i);
  expect(await fingerprint()).toBe(before);
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  const week = await t.request({ method: 'GET', url: `/api/v1/weekly-reports/${WEEK}` });
  reportId = week.body.id;
  const section = week.body.content.milestones.find((m: { code: string }) => m.code === 'single-window');
  const listed = section.overdue.map((e: { agency: { id: string } }) => e.agency.id) as string[];
  [{ id: scoreId, agency_id: agencyId }] = await t.sql.query(
    `SELECT id, agency_id FROM score WHERE status = 'final' AND agency_id = ANY($1::uuid[]) ORDER BY agency_id LIMIT 1`,
    [listed],
  );
  [{ id: otherScoreId }] = await t.sql.query(
    `SELECT id FROM score WHERE status = 'final' AND agency_id <> $1 LIMIT 1`,
    [agencyId],
  );
  const unlisted = await t.sql.query(
    `SELECT a.id FROM agency a, weekly_report w WHERE w.id = $1 AND position(a.id::text IN w.content::text) = 0 LIMIT 1`,
    [reportId],
  );
  expect(unlisted).toHaveLength(1);
  unlistedAgencyId = unlisted[0].id;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

describe('the public reads before anything is recorded', () => {
  it('list nothing for an agency and a week, and say why for unknown or malformed ones', async () => {
    const agency = await call(undefined, 'GET', `/api/v1/agencies/${agencyId}/responses`);
    expect(agency.status).toBe(200);
    expect(agency.body).toEqual({ items: [] });
    expect(agency.headers.etag).toEqual(expect.any(String));
    const week = await call(undefined, 'GET', `/api/v1/weekly-reports/${encodeURIComponent('۱۴۰۱/۰۶/۳۰')}/responses`);
    expect(week.status).toBe(200);
    expect(week.body).toEqual({ week: WEEK, items: [] });

    const unknown = await call(undefined, 'GET', '/api/v1/agencies/00000000-0000-4000-8000-000000000000/responses');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('AGENCY_NOT_FOUND');
    const malformed = await call(undefined, 'GET', '/api/v1/agencies/mcls/responses');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('AGENCY_INVALID_ID');
    const badWeek = await call(undefined, 'GET', '/api/v1/weekly-reports/next-week/responses');
    expect(badWeek.status).toBe(400);
    expect(badWeek.body.error).toBe('REPORT_WEEK_INVALID');
    const noReport = await call(undefined, 'GET', '/api/v1/weekly-reports/1390-01-06/responses');
    expect(noReport.status).toBe(404);
    expect(noReport.body.error).toBe('REPORT_NOT_FOUND');
  });
});

describe('a reply to a weekly report, from the request to publication', () => {
  let request: { id: string; version: number };

  it('records the request (a Jalali day in Persian digits), shown to the public as "no response yet"', async () => {
    const res = await call('admin', 'POST', '/api/v1/responses/requests', {
      agencyId,
      weeklyReportId: reportId,
      requestedOn: '۱۴۰۱/۰۷/۰۲',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'requested',
      subject: 'weekly_report',
      agency: { id: agencyId },
      weeklyReport: { id: reportId, week: WEEK, revision: 1 },
      score: null,
      requestedOn: '2022-09-24',
      receivedOn: null,
      bodyFa: null,
      publishedAt: null,
      createdBy: { id: expect.any(String), displayName: expect.any(String) },
      publishedBy: null,
      version: 1,
    });
    request = res.body;

    const trail = await audits(request.id);
    expect(trail).toEqual([
      expect.objectContaining({
        action: 'request_response',
        entity_type: 'agency_response',
        username: 'admin',
        before: null,
        after: expect.objectContaining({ status: 'requested', requestedOn: '2022-09-24', week: WEEK, agencyId }),
      }),
    ]);

    const publicView = await call(undefined, 'GET', `/api/v1/agencies/${agencyId}/responses`);
    expect(publicView.body.items).toEqual([
      {
        id: request.id,
        status: 'requested',
        subject: 'weekly_report',
        agency: expect.objectContaining({ id: agencyId }),
        weeklyReport: { id: reportId, week: WEEK, weekStartsOn: '2022-09-17', revision: 1 },
        score: null,
        requestedOn: '2022-09-24',
        receivedOn: null,
        bodyFa: null,
        bodyEn: null,
        documentUrl: null,
        publishedAt: null,
      },
    ]);
    const week = await call(undefined, 'GET', `/api/v1/weekly-reports/${WEEK}/responses`);
    expect(week.body.items.map((i: { id: string }) => i.id)).toEqual([request.id]);
  });

  it('refuses a second open request about the same report, naming the open one', async () => {
    const res = await expectRefused(
      () =>
        call('admin', 'POST', '/api/v1/responses/requests', {
          agencyId,
          weeklyReportId: reportId,
          requestedOn: '1401/07/03',
        }),
      409,
      'RESPONSE_ALREADY_REQUESTED',
    );
    expect(res.body.details).toEqual({ response: { id: request.id } });
    // Nor a reply recorded beside it: the open request is to be completed.
    await expectRefused(
      () =>
        call('admin', 'POST', '/api/v1/responses', {
          agencyId,
          weeklyReportId: reportId,
          receivedOn: '1401/07/05',
          bodyFa: 'پاسخ',
        }),
      409,
      'RESPONSE_ALREADY_REQUESTED',
    );
  });

  it('refuses to publish a request with no reply received yet', async () => {
    await expectRefused(
      () => call('admin', 'POST', `/api/v1/responses/${request.id}/publish`, { version: request.version }),
      409,
      'RESPONSE_NOT_RECEIVED',
    );
  });

  it('refuses a reply without its Persian text, or received before it was asked for', async () => {
    const res = await expectRefused(
      () => call('admin', 'PATCH', `/api/v1/responses/${request.id}`, { version: 1, receivedOn: '1401/07/05' }),
      400,
      'RESPONSE_NOT_RECEIVED',
    );
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'bodyFa' })]);
    await expectRefused(
      () =>
        call('admin', 'PATCH', `/api/v1/responses/${request.id}`, {
          version: 1,
          receivedOn: '1401/07/01',
          bodyFa: 'پاسخ',
        }),
      400,
      'RESPONSE_RECEIVED_BEFORE_REQUESTED',
    );
  });

  it('records the reply received as a draft, its text normalised; the public still sees no reply', async () => {
    const res = await call('admin', 'PATCH', `/api/v1/responses/${request.id}`, {
      version: 1,
      receivedOn: '1401-07-09',
      bodyFa: '  پنجره واحد اين دستگاه از ۱۴۰۱/۰۶/۲۰ فعال است.  \r\n\r\nبا سپاس ',
      documentUrl: 'https://example.gov.ir/letters/123.pdf',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'draft',
      requestedOn: '2022-09-24',
      receivedOn: '2022-10-01',
      bodyFa: 'پنجره واحد این دستگاه از 1401/06/20 فعال است.\n\nبا سپاس',
      documentUrl: 'https://example.gov.ir/letters/123.pdf',
      version: 2,
    });
    request = res.body;
    expect((await audits(request.id)).map((a: { action: string }) => a.action)).toEqual([
      'request_response',
      'record_response',
    ]);

    for (const url of [`/api/v1/agencies/${agencyId}/responses`, `/api/v1/weekly-reports/${WEEK}/responses`]) {
      const publicView = await call(undefined, 'GET', url);
      expect(publicView.body.items).toEqual([
        expect.objectContaining({
          id: request.id,
          status: 'requested',
          requestedOn: '2022-09-24',
          receivedOn: null,
          bodyFa: null,
          documentUrl: null,
        }),
      ]);
      expect(JSON.stringify(publicView.body)).not.toContain('پنجره واحد این');
    }
  });

  it('refuses an edit at a stale version, with the values as they are now', async () => {
    const res = await expectRefused(
      () => call('admin', 'PATCH', `/api/v1/responses/${request.id}`, { version: 1, bodyFa: 'دیگر' }),
      409,
      'VERSION_CONFLICT',
    );
    expect(res.body.details.current).toMatchObject({ id: request.id, version: 2 });
  });

  it('publishes the reply (audited with who did it); the public sees it and never who recorded it', async () => {
    const res = await call('admin', 'POST', `/api/v1/responses/${request.id}/publish`, { version: 2 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'published',
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      publishedBy: { id: expect.any(String) },
      version: 3,
    });
    const trail = await audits(request.id);
    expect(trail.at(-1)).toMatchObject({
      action: 'publish_response',
      username: 'admin',
      before: expect.objectContaining({ status: 'draft' }),
      after: expect.objectContaining({ status: 'published' }),
    });

    const publicView = await call(undefined, 'GET', `/api/v1/agencies/${agencyId}/responses`);
    expect(publicView.status).toBe(200);
    expect(publicView.body.items).toEqual([
      expect.objectContaining({
        id: request.id,
        status: 'published',
        receivedOn: '2022-10-01',
        bodyFa: 'پنجره واحد این دستگاه از 1401/06/20 فعال است.\n\nبا سپاس',
        documentUrl: 'https://example.gov.ir/letters/123.pdf',
        publishedAt: res.body.publishedAt,
      }),
    ]);
    const item = publicView.body.items[0];
    expect(item).not.toHaveProperty('createdBy');
    expect(item).not.toHaveProperty('publishedBy');
    expect(item).not.toHaveProperty('version');
    const week = await call(undefined, 'GET', `/api/v1/weekly-reports/${WEEK}/responses`);
    expect(week.body.items).toEqual([expect.objectContaining({ id: request.id, status: 'published' })]);
  });

  it('keeps a published reply as published: no edit, no second publication, no withdrawal', async () => {
    await expectRefused(
      () => call('admin', 'PATCH', `/api/v1/responses/${request.id}`, { version: 3, bodyFa: 'دیگر' }),
      409,
      'RESPONSE_NOT_EDITABLE',
    );
    await expectRefused(
      () => call('admin', 'POST', `/api/v1/responses/${request.id}/publish`, { version: 3 }),
      409,
      'RESPONSE_NOT_EDITABLE',
    );
    await expectRefused(
      () => call('admin', 'POST', `/api/v1/responses/${request.id}/withdraw`, { version: 3 }),
      409,
      'RESPONSE_NOT_EDITABLE',
    );
  });
});

describe('a reply received unasked, about a score', () => {
  let draft: { id: string; version: number };

  it('is recorded as a draft and stays out of every public answer', async () => {
    const res = await call('admin', 'POST', '/api/v1/responses', {
      agencyId,
      scoreId,
      receivedOn: '1401/08/01',
      bodyFa: 'امتیاز ما باید بازبینی شود.',
      bodyEn: 'Our score should be reviewed.',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      subject: 'score',
      score: { id: scoreId, roundCode: expect.any(String), total: expect.stringMatching(/^\d+\.\d{2}$/) },
      weeklyReport: null,
      requestedOn: null,
      receivedOn: '2022-10-23',
    });
    draft = res.body;
    expect((await audits(draft.id)).map((a: { action: string }) => a.action)).toEqual(['record_response']);
    const publicView = await call(undefined, 'GET', `/api/v1/agencies/${agencyId}/responses`);
    expect(publicView.body.items.map((i: { id: string }) => i.id)).not.toContain(draft.id);
  });

  it('is deleted as a draft with a reason; the audit trail keeps what it was', async () => {
    const res = await call('admin', 'POST', `/api/v1/responses/${draft.id}/withdraw`, {
      version: draft.version,
      reason: 'ثبت تکراری',
    });
    expect(res.status).toBe(204);
    expect(await t.sql.query(`SELECT id FROM agency_response WHERE id = $1`, [draft.id])).toEqual([]);
    expect((await audits(draft.id)).at(-1)).toMatchObject({
      action: 'withdraw_response',
      username: 'admin',
      reason: 'ثبت تکراری',
      after: null,
      before: expect.objectContaining({ status: 'draft', bodyFa: 'امتیاز ما باید بازبینی شود.' }),
    });
    const again = await call('admin', 'GET', `/api/v1/responses/${draft.id}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toBe('RESPONSE_NOT_FOUND');
  });
});

describe('a request about the agency itself, withdrawn as made in error', () => {
  it('shows as "no response yet", then is gone', async () => {
    const res = await call('admin', 'POST', '/api/v1/responses/requests', {
      agencyId,
      requestedOn: '2022-11-01',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ subject: 'agency', weeklyReport: null, score: null });
    const shown = await call(undefined, 'GET', `/api/v1/agencies/${agencyId}/responses`);
    expect(shown.body.items[0]).toMatchObject({ id: res.body.id, status: 'requested', requestedOn: '2022-11-01' });
    const withdrawn = await call('admin', 'POST', `/api/v1/responses/${res.body.id}/withdraw`, { version: 1 });
    expect(withdrawn.status).toBe(204);
    const after = await call(undefined, 'GET', `/api/v1/agencies/${agencyId}/responses`);
    expect(after.body.items.map((i: { id: string }) => i.id)).not.toContain(res.body.id);
  });
});

describe('refusals (a coded 4xx in both languages, nothing written)', () => {
  const requestBody = (extra: Record<string, unknown> = {}) => ({ agencyId, requestedOn: '1401/09/01', ...extra });

  it('refuse the signed-out and other roles', async () => {
    await expectRefused(
      () => call(undefined, 'POST', '/api/v1/responses/requests', requestBody()),
      401,
      'UNAUTHENTICATED',
    );
    await expectRefused(() => call('evaluator', 'POST', '/api/v1/responses/requests', requestBody()), 403, 'FORBIDDEN');
    await expectRefused(() => call('cabinet', 'GET', '/api/v1/responses'), 403, 'FORBIDDEN');
  });

  it('refuse a reply about two things, an unknown agency, report or score, and one not the agency’s', async () => {
    await expectRefused(
      () => call('admin', 'POST', '/api/v1/responses/requests', requestBody({ weeklyReportId: reportId, scoreId })),
      400,
      'RESPONSE_SUBJECT_INVALID',
    );
    await expectRefused(
      () =>
        call('admin', 'POST', '/api/v1/responses/requests', {
          agencyId: '00000000-0000-4000-8000-000000000000',
          requestedOn: '1401/09/01',
        }),
      422,
      'RESPONSE_AGENCY_UNKNOWN',
    );
    await expectRefused(
      () =>
        call(
          'admin',
          'POST',
          '/api/v1/responses/requests',
          requestBody({ weeklyReportId: '00000000-0000-4000-8000-000000000000' }),
        ),
      422,
      'RESPONSE_REPORT_INVALID',
    );
    const unlisted = await expectRefused(
      () =>
        call('admin', 'POST', '/api/v1/responses/requests', {
          agencyId: unlistedAgencyId,
          weeklyReportId: reportId,
          requestedOn: '1401/09/01',
        }),
      422,
      'RESPONSE_REPORT_INVALID',
    );
    expect(unlisted.body.details).toEqual([expect.objectContaining({ field: 'weeklyReportId' })]);
    await expectRefused(
      () => call('admin', 'POST', '/api/v1/responses/requests', requestBody({ scoreId: otherScoreId })),
      422,
      'RESPONSE_SCORE_INVALID',
    );
    await expectRefused(
      () =>
        call(
          'admin',
          'POST',
          '/api/v1/responses/requests',
          requestBody({ scoreId: '00000000-0000-4000-8000-000000000000' }),
        ),
      422,
      'RESPONSE_SCORE_INVALID',
    );
  });

  it('refuse a reply about a score that is not final', async () => {
    // A draft score (the demo's are all final): in a round, for an agency that has none in it.
    const [score] = await t.sql.query(
      `INSERT INTO score (round_id, agency_id, total)
       SELECT r.id, a.id, 50 FROM evaluation_round r CROSS JOIN agency a
       WHERE NOT EXISTS (SELECT 1 FROM score s WHERE s.round_id = r.id AND s.agency_id = a.id) LIMIT 1
       RETURNING id, agency_id`,
    );
    expect(score).toBeDefined();
    const res = await expectRefused(
      () =>
        call('admin', 'POST', '/api/v1/responses/requests', {
          agencyId: score.agency_id,
          scoreId: score.id,
          requestedOn: '1401/09/01',
        }),
      422,
      'RESPONSE_SCORE_INVALID',
    );
    expect(res.body.message.en).toMatch(/not final/);
  });

  it('refuse days in the future and a reply received before it was asked for', async () => {
    const res = await expectRefused(
      () => call('admin', 'POST', '/api/v1/responses/requests', requestBody({ requestedOn: '1499/01/01' })),
      400,
      'RESPONSE_DATE_IN_FUTURE',
    );
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'requestedOn' })]);
    await expectRefused(
      () =>
        call('admin', 'POST', '/api/v1/responses', {
          agencyId,
          requestedOn: '1401/09/10',
          receivedOn: '1401/09/01',
          bodyFa: 'پاسخ',
        }),
      400,
      'RESPONSE_RECEIVED_BEFORE_REQUESTED',
    );
  });

  it('refuse bodies that are blank, too long or hold NUL, a document that is not http(s), a day that is not one', async () => {
    const reply = (extra: Record<string, unknown>) => ({
      agencyId,
      receivedOn: '1401/09/01',
      bodyFa: 'پاسخ',
      ...extra,
    });
    const cases: Array<[Record<string, unknown>, string]> = [
      [reply({ bodyFa: '   ' }), 'bodyFa'],
      [reply({ bodyFa: 'ا'.repeat(20_001) }), 'bodyFa'],
      [reply({ bodyFa: 'پاسخ\u0000' }), 'bodyFa'],
      [reply({ bodyEn: '' }), 'bodyEn'],
      [reply({ documentUrl: 'javascript:alert(1)' }), 'documentUrl'],
      [reply({ documentUrl: 'ftp://example.gov.ir/a.pdf' }), 'documentUrl'],
      [reply({ receivedOn: '1401/13/01' }), 'receivedOn'],
      [reply({ agencyId: 'mcls' }), 'agencyId'],
      [reply({ status: 'published' }), 'status'],
    ];
    for (const [body, field] of cases) {
      const res = await expectRefused(() => call('admin', 'POST', '/api/v1/responses', body), 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      for (const problem of res.body.details) expect(problem.fa).toMatch(/[\u0600-\u06ff]/);
    }
  });

  it('refuse malformed and unknown ids', async () => {
    await expectRefused(
      () => call('admin', 'PATCH', '/api/v1/responses/abc', { version: 1, bodyFa: 'x' }),
      400,
      'RESPONSE_INVALID_ID',
    );
    await expectRefused(
      () => call('admin', 'POST', '/api/v1/responses/00000000-0000-4000-8000-000000000000/publish', { version: 1 }),
      404,
      'RESPONSE_NOT_FOUND',
    );
  });
});

describe('the admin list', () => {
  it('lists every state, filtered by agency and status, paginated', async () => {
    await call('admin', 'POST', '/api/v1/responses/requests', { agencyId, scoreId, requestedOn: '1401/09/05' });
    const all = await call('admin', 'GET', `/api/v1/responses?agencyId=${agencyId}&pageSize=1`);
    expect(all.status).toBe(200);
    expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(all.body.items).toHaveLength(1);
    // Newest first: the request of 1401/09/05 before the reply received on 1401/07/09.
    expect(all.body.items[0]).toMatchObject({ status: 'requested', subject: 'score' });
    const published = await call('admin', 'GET', `/api/v1/responses?agencyId=${agencyId}&status=published`);
    expect(published.body.total).toBe(1);
    expect(published.body.items[0]).toMatchObject({ status: 'published', createdBy: { id: expect.any(String) } });
    const none = await call('admin', 'GET', `/api/v1/responses?agencyId=${unlistedAgencyId}`);
    expect(none.body).toMatchObject({ items: [], total: 0 });
    const bad = await call('admin', 'GET', '/api/v1/responses?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
  });

  it('answers signed-in readers of the public routes privately', async () => {
    const res = await call('admin', 'GET', `/api/v1/agencies/${agencyId}/responses`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
  });
});
