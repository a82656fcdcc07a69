import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Evaluation rounds and sessions through the HTTP API, on a real PostgreSQL with the demo data: who may write
 * what, input in Persian and Arabic-Indic digits and Jalali dates, optimistic locking and the audit trail.
 * Scores and their workflow: evaluations-scores.e2e-spec.ts.
 */

let t: TestApp;
let ids: { interior: string; justice: string; summer: string; users: Record<string, string> };

const CRITERIA = [
  { code: 'availability', titleFa: 'دسترس‌پذیری', titleEn: 'Availability', weight: '25' },
  { code: 'end-to-end', titleFa: 'الکترونیکی‌بودن کامل', titleEn: 'End to end', weight: '20' },
  { code: 'single-window', titleFa: 'پنجره واحد', titleEn: 'Single window', weight: '20' },
  { code: 'integration', titleFa: 'یکپارچگی', titleEn: 'Integration', weight: '15' },
  { code: 'usability', titleFa: 'سهولت استفاده', titleEn: 'Usability', weight: '10' },
  { code: 'support', titleFa: 'پشتیبانی', titleEn: 'Support', weight: '10' },
];

function roundBody(code: string, extra: Record<string, unknown> = {}) {
  return {
    code,
    titleFa: `دوره ${code}`,
    titleEn: `Round ${code}`,
    startsOn: '2022-09-23',
    endsOn: '2023-03-20',
    criteria: CRITERIA,
    ...extra,
  };
}

async function as(who: string | undefined) {
  return who ? await t.signIn(who) : undefined;
}

async function call(who: string | undefined, method: string, url: string, payload?: unknown) {
  return t.request({ method, url, payload, cookie: await as(who) });
}

/** Row counts of every evaluation table and of the audit trail (sign-ins aside): "nothing changed". */
interface Counts {
  rounds: number;
  sets: number;
  criteria: number;
  sessions: number;
  session_evaluators: number;
  scores: number;
  criterion_scores: number;
  audit: number;
}

async function counts(): Promise<Counts> {
  const [row] = await t.sql.query(`
    SELECT (SELECT count(*) FROM evaluation_round)::int AS rounds,
           (SELECT count(*) FROM criteria_set)::int AS sets,
           (SELECT count(*) FROM criterion)::int AS criteria,
           (SELECT count(*) FROM evaluation_session)::int AS sessions,
           (SELECT count(*) FROM evaluation_session_evaluator)::int AS session_evaluators,
           (SELECT count(*) FROM score)::int AS scores,
           (SELECT count(*) FROM criterion_score)::int AS criterion_scores,
           (SELECT count(*) FROM audit_record WHERE action NOT IN ('sign_in', 'sign_out'))::int AS audit`);
  return row;
}

/** Every evaluation row as text, to prove that a refused write changed nothing at all. */
async function fingerprint(): Promise<string> {
  const [row] = await t.sql.query(`
    SELECT md5(concat_ws('|',
      (SELECT string_agg(r::text, ',' ORDER BY r.id) FROM evaluation_round r),
      (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM evaluation_session s),
      (SELECT string_agg(e::text, ',' ORDER BY e.session_id, e.user_id) FROM evaluation_session_evaluator e),
      (SELECT string_agg(s::text, ',' ORDER BY s.id) FROM score s),
      (SELECT string_agg(c::text, ',' ORDER BY c.score_id, c.criterion_id) FROM criterion_score c),
      (SELECT count(*) FROM audit_record WHERE action NOT IN ('sign_in', 'sign_out'))
    )) AS digest`);
  return row.digest;
}

async function audit(action: string, entityId: string) {
  return t.sql.query(
    `SELECT actor_id, action, entity_type, entity_id, before, after, reason, request_id
     FROM audit_record WHERE action = $1 AND entity_id = $2 ORDER BY occurred_at`,
    [action, entityId],
  );
}

async function createRound(code: string, extra: Record<string, unknown> = {}) {
  const res = await call('admin', 'POST', '/api/v1/rounds', roundBody(code, extra));
  expect(res.status).toBe(201);
  return res.body;
}

beforeAll(async () => {
  t = await createTestApp();
  const agencies = await t.sql.query(`SELECT id, code FROM agency WHERE code IN ('interior', 'justice')`);
  const users = await t.sql.query(`SELECT id, username FROM app_user`);
  const [summer] = await t.sql.query(`SELECT id FROM evaluation_round WHERE code = 'summer-1401'`);
  ids = {
    interior: agencies.find((a: { code: string }) => a.code === 'interior').id,
    justice: agencies.find((a: { code: string }) => a.code === 'justice').id,
    summer: summer.id,
    users: Object.fromEntries(users.map((u: { id: string; username: string }) => [u.username, u.id])),
  };
});

afterAll(async () => {
  await t?.close();
});

describe('reading rounds (public)', () => {
  it('lists the closed summer 1401 round with its six criteria, weights as exact decimals', async () => {
    const res = await call(undefined, 'GET', '/api/v1/rounds');
    expect(res.status).toBe(200);
    const summer = res.body.items.find((r: { code: string }) => r.code === 'summer-1401');
    expect(summer).toMatchObject({
      id: ids.summer,
      status: 'closed',
      startsOn: '2022-06-22',
      endsOn: '2022-08-22',
      criteriaSetCode: 'quality-1401',
      version: 1,
    });
    expect(summer.closedAt).toEqual(expect.any(String));
    expect(summer.criteria.map((c: { weight: string }) => c.weight)).toEqual([
      '25.00',
      '20.00',
      '20.00',
      '15.00',
      '10.00',
      '10.00',
    ]);
    expect(summer.criteria.map((c: { sortOrder: number }) => c.sortOrder)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(summer.criteria[0]).toEqual({
      id: expect.any(String),
      code: 'availability',
      titleFa: expect.any(String),
      titleEn: expect.any(String),
      weight: '25.00',
      sortOrder: 1,
    });
  });

  it('gets one round; 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await call(undefined, 'GET', `/api/v1/rounds/${ids.summer}`)).body.code).toBe('summer-1401');
    const unknown = await call(undefined, 'GET', '/api/v1/rounds/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: 'ROUND_NOT_FOUND', message: { fa: expect.any(String) } });
    const malformed = await call(undefined, 'GET', '/api/v1/rounds/not-a-uuid');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe('ROUND_INVALID_ID');
  });
});

describe('creating a round (admin)', () => {
  it('takes Jalali dates and weights in Persian and Arabic-Indic digits, and opens the round', async () => {
    const before = await counts();
    const res = await call('admin', 'POST', '/api/v1/rounds', {
      ...roundBody('autumn-1401'),
      code: ' Autumn-1401 ',
      startsOn: '۱۴۰۱/۰۷/۰۱',
      endsOn: '١٤٠١/١٢/٢٩',
      criteria: CRITERIA.map((c, i) => ({ ...c, weight: ['۲۵', '20', '٢٠', '15.00', '۱۰٫۰', '١٠٫٠٠'][i] })),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      code: 'autumn-1401',
      status: 'open',
      closedAt: null,
      startsOn: '2022-09-23',
      endsOn: '2023-03-20',
      criteriaSetCode: 'autumn-1401',
      version: 1,
    });
    expect(res.body.criteria.map((c: { weight: string }) => c.weight)).toEqual([
      '25.00',
      '20.00',
      '20.00',
      '15.00',
      '10.00',
      '10.00',
    ]);
    const stored = await t.sql.query(
      `SELECT c.weight::text AS weight FROM criterion c JOIN criteria_set s ON s.id = c.criteria_set_id
       WHERE s.code = 'autumn-1401' ORDER BY c.sort_order`,
    );
    expect(stored.map((r: { weight: string }) => r.weight)).toEqual([
      '25.00',
      '20.00',
      '20.00',
      '15.00',
      '10.00',
      '10.00',
    ]);
    expect(await counts()).toEqual({
      ...before,
      rounds: before.rounds + 1,
      sets: before.sets + 1,
      criteria: before.criteria + 6,
      audit: before.audit + 1,
    });
    const [record] = await audit('create_round', res.body.id);
    expect(record).toMatchObject({
      actor_id: ids.users.admin,
      entity_type: 'evaluation_round',
      before: null,
      after: { code: 'autumn-1401', status: 'open', criteria: expect.any(Array) },
    });
    expect(record.request_id).toEqual(expect.any(String));
    expect((await call(undefined, 'GET', `/api/v1/rounds/${res.body.id}`)).body.status).toBe('open');
  });

  it('refuses weights that add up to 99.99, saying the sum in both languages, and writes nothing', async () => {
    const before = await fingerprint();
    const criteria = CRITERIA.map((c, i) => (i === 5 ? { ...c, weight: '9.99' } : c));
    const res = await call('admin', 'POST', '/api/v1/rounds', roundBody('short-1401', { criteria }));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('CRITERIA_WEIGHTS_NOT_100');
    expect(res.body.message.en).toContain('99.99');
    expect(res.body.message.fa).toContain('۹۹٫۹۹');
    expect(res.body.details).toEqual({ sum: '99.99' });
    expect(await fingerprint()).toBe(before);
    // 33.33 + 33.33 + 33.34 is exactly 100: no binary rounding anywhere
    const thirds = [
      { code: 'a', titleFa: 'الف', titleEn: 'A', weight: '33.33' },
      { code: 'b', titleFa: 'ب', titleEn: 'B', weight: '۳۳٫۳۳' },
      { code: 'c', titleFa: 'پ', titleEn: 'C', weight: '33.34' },
    ];
    expect((await call('admin', 'POST', '/api/v1/rounds', roundBody('thirds', { criteria: thirds }))).status).toBe(201);
  });

  it('accepts Esfand 30 of a leap year and refuses it in 1401, and refuses 2023-02-29', async () => {
    const leap = await call('admin', 'POST', '/api/v1/rounds', {
      ...roundBody('leap-1403'),
      startsOn: '1403/12/01',
      endsOn: '۱۴۰۳/۱۲/۳۰',
    });
    expect(leap.status).toBe(201);
    expect(leap.body.endsOn).toBe('2025-03-20');
    const before = await fingerprint();
    for (const [field, value] of [
      ['endsOn', '1401/12/30'],
      ['endsOn', '۱۴۰۱/۱۲/۳۰'],
      ['startsOn', '2023-02-29'],
      ['startsOn', 'tomorrow'],
    ]) {
      const res = await call('admin', 'POST', '/api/v1/rounds', { ...roundBody('bad-day'), [field!]: value });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual([
        {
          field,
          fa: 'روز معتبری نیست؛ به شکل ۱۴۰۱/۰۵/۳۱ (خورشیدی) یا 2022-08-22 (میلادی) بنویسید',
          en: expect.stringContaining('YYYY/MM/DD'),
        },
      ]);
    }
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a round that ends before it starts, a taken code and repeated criterion codes', async () => {
    const before = await fingerprint();
    const backwards = await call('admin', 'POST', '/api/v1/rounds', {
      ...roundBody('backwards'),
      startsOn: '1401/12/01',
      endsOn: '1401/11/01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error).toBe('ROUND_DATES_INVALID');
    const taken = await call('admin', 'POST', '/api/v1/rounds', roundBody('summer-1401'));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toBe('ROUND_CODE_TAKEN');
    const takenSet = await call('admin', 'POST', '/api/v1/rounds', roundBody('quality-1401'));
    expect(takenSet.body.error).toBe('ROUND_CODE_TAKEN');
    const repeated = await call('admin', 'POST', '/api/v1/rounds', {
      ...roundBody('repeated'),
      criteria: CRITERIA.map((c, i) => (i === 1 ? { ...c, code: 'availability' } : c)),
    });
    expect(repeated.status).toBe(400);
    expect(repeated.body).toMatchObject({ error: 'CRITERION_CODE_DUPLICATE', details: { codes: ['availability'] } });
    expect(await fingerprint()).toBe(before);
  });

  it('refuses malformed criteria and unknown fields with per-field messages in both languages', async () => {
    const before = await fingerprint();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ criteria: CRITERIA.map((c, i) => (i === 0 ? { ...c, weight: '100.01' } : c)) }, 'criteria.0.weight'],
      [{ criteria: CRITERIA.map((c, i) => (i === 0 ? { ...c, weight: '12.345' } : c)) }, 'criteria.0.weight'],
      [{ criteria: CRITERIA.map((c, i) => (i === 0 ? { ...c, weight: '0' } : c)) }, 'criteria.0.weight'],
      [{ criteria: CRITERIA.map((c, i) => (i === 0 ? { ...c, weight: '-5' } : c)) }, 'criteria.0.weight'],
      [{ criteria: CRITERIA.map((c, i) => (i === 0 ? { ...c, titleFa: '   ' } : c)) }, 'criteria.0.titleFa'],
      [{ criteria: [] }, 'criteria'],
      [{ code: 'Not a code!' }, 'code'],
      [{ colour: 'red' }, 'colour'],
      [{ criteria: CRITERIA.map((c, i) => (i === 2 ? { ...c, extra: 1 } : c)) }, 'criteria.2.extra'],
    ];
    for (const [extra, field] of cases) {
      const res = await call('admin', 'POST', '/api/v1/rounds', roundBody('malformed', extra));
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(
        // The Persian says what is wrong without the English field name (the form shows it beside the field).
        expect.arrayContaining([
          { field, fa: expect.stringMatching(/^[^A-Za-z]*[\u0600-\u06ff][^A-Za-z]*$/), en: expect.any(String) },
        ]),
      );
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe('closing a round (admin)', () => {
  it('closes at the version read; a stale version gets 409 with the current round; closing twice is refused', async () => {
    const round = await createRound('to-close');
    const evaluator = await call('evaluator', 'POST', `/api/v1/rounds/${round.id}/close`, { version: 1 });
    expect(evaluator.status).toBe(403);
    const stale = await call('admin', 'POST', `/api/v1/rounds/${round.id}/close`, { version: 7 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('VERSION_CONFLICT');
    expect(stale.body.details.current).toMatchObject({ id: round.id, status: 'open', version: 1 });

    const closed = await call('admin', 'POST', `/api/v1/rounds/${round.id}/close`, { version: 1 });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', version: 2, closedAt: expect.any(String) });
    const [record] = await audit('close_round', round.id);
    expect(record).toMatchObject({
      actor_id: ids.users.admin,
      before: { status: 'open', version: 1, closedAt: null },
      after: { status: 'closed', version: 2 },
    });
    const again = await call('admin', 'POST', `/api/v1/rounds/${round.id}/close`, { version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.error).toBe('ROUND_ALREADY_CLOSED');
    expect((await call('admin', 'POST', '/api/v1/rounds/nope/close', { version: 1 })).body.error).toBe(
      'ROUND_INVALID_ID',
    );
    expect(
      (await call('admin', 'POST', '/api/v1/rounds/00000000-0000-4000-8000-000000000000/close', { version: 1 })).body
        .error,
    ).toBe('ROUND_NOT_FOUND');
  });
});

describe('reading sessions', () => {
  it('shows the public the 29 sessions of summer 1401 without internal notes or evaluators', async () => {
    const res = await call(undefined, 'GET', `/api/v1/evaluation-sessions?roundId=${ids.summer}&pageSize=۱۰۰`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(29);
    expect(res.body.items).toHaveLength(29);
    for (const session of res.body.items) {
      expect(Object.keys(session)).not.toEqual(expect.arrayContaining(['internalNotes']));
      expect(session).not.toHaveProperty('evaluators');
      expect(session).not.toHaveProperty('createdBy');
    }
    expect(JSON.stringify(res.body)).not.toContain('ارزیاب نمایشی');
    // The public answer may be kept by any cache, which must revalidate it (ETag) before reuse.
    expect(res.headers['cache-control']).toBe('public, no-cache');
    expect(res.headers.etag).toBeDefined();
  });

  it('shows signed-in users (the cabinet too) the internal notes and the evaluators, never cached', async () => {
    const res = await call('cabinet', 'GET', `/api/v1/evaluation-sessions?agencyId=${ids.interior}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      agencyId: ids.interior,
      agencyCode: 'interior',
      roundCode: 'summer-1401',
      heldOn: expect.stringMatching(/^2022-0[67]-\d\d$/),
      internalNotes: '',
      evaluators: [{ id: ids.users.evaluator, username: 'evaluator', displayName: expect.any(String) }],
      representatives: [{ name: expect.any(String), title: expect.any(String) }],
    });
    expect(res.headers['cache-control']).toBe('private, no-store');
  });

  it('pages and refuses malformed filters', async () => {
    const page = await call(undefined, 'GET', `/api/v1/evaluation-sessions?roundId=${ids.summer}&page=2&pageSize=20`);
    expect(page.body).toMatchObject({ total: 29, page: 2, pageSize: 20 });
    expect(page.body.items).toHaveLength(9);
    expect((await call(undefined, 'GET', '/api/v1/evaluation-sessions?roundId=x')).status).toBe(400);
    expect((await call(undefined, 'GET', '/api/v1/evaluation-sessions?pageSize=500')).status).toBe(400);
  });
});

describe('recording a session (evaluator, admin)', () => {
  let round: { id: string };
  beforeAll(async () => {
    round = await createRound('sessions-1401');
  });

  it('records a session with a Jalali date; the evaluators default to the signed-in user; the public never sees internal notes', async () => {
    const before = await counts();
    const res = await call('evaluator', 'POST', '/api/v1/evaluation-sessions', {
      roundId: round.id,
      agencyId: ids.interior,
      heldOn: '۱۴۰۱/۰۸/۱۵',
      representatives: [{ name: ' مدیر  فناوری ', title: 'مدیرکل' }, { name: 'كارشناس' }],
      notes: 'خلاصه عمومی\nخط دوم',
      internalNotes: 'یادداشت محرمانه ۴۲',
    });
    expect(res.status).toBe(201);
    expect(res.body.score).toBeUndefined();
    expect(res.body.session).toMatchObject({
      roundId: round.id,
      agencyId: ids.interior,
      heldOn: '2022-11-06',
      representatives: [{ name: 'مدیر فناوری', title: 'مدیرکل' }, { name: 'کارشناس' }],
      notes: 'خلاصه عمومی\nخط دوم',
      internalNotes: 'یادداشت محرمانه 42',
      evaluators: [{ id: ids.users.evaluator, username: 'evaluator', displayName: expect.any(String) }],
      createdBy: 'evaluator',
      version: 1,
    });
    expect(await counts()).toEqual({
      ...before,
      sessions: before.sessions + 1,
      session_evaluators: before.session_evaluators + 1,
      audit: before.audit + 1,
    });
    const [record] = await audit('create_session', res.body.session.id);
    expect(record).toMatchObject({
      actor_id: ids.users.evaluator,
      entity_type: 'evaluation_session',
      after: { id: res.body.session.id, internalNotes: 'یادداشت محرمانه 42' },
    });
    const publicList = await call(undefined, 'GET', `/api/v1/evaluation-sessions?roundId=${round.id}`);
    expect(publicList.body.items).toHaveLength(1);
    expect(JSON.stringify(publicList.body)).not.toContain('محرمانه');
    expect(publicList.body.items[0].notes).toBe('خلاصه عمومی\nخط دوم');
  });

  it('records the evaluators named, admins included, but not a cabinet member or an unknown user', async () => {
    const res = await call('admin', 'POST', '/api/v1/evaluation-sessions', {
      roundId: round.id,
      agencyId: ids.justice,
      heldOn: '2022-10-01',
      representatives: [],
      evaluatorIds: [ids.users.evaluator2, ids.users.admin, ids.users.evaluator2],
    });
    expect(res.status).toBe(201);
    expect(res.body.session.evaluators.map((e: { username: string }) => e.username)).toEqual(['admin', 'evaluator2']);
    const before = await fingerprint();
    for (const evaluatorIds of [[ids.users.cabinet], ['00000000-0000-4000-8000-000000000000']]) {
      const refused = await call('admin', 'POST', '/api/v1/evaluation-sessions', {
        roundId: round.id,
        agencyId: ids.justice,
        heldOn: '2022-10-01',
        representatives: [],
        evaluatorIds,
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: 'EVALUATOR_INVALID', details: { ids: evaluatorIds } });
    }
    expect(await fingerprint()).toBe(before);
  });

  it('refuses a day outside the round, an unknown round or agency, and bad input, writing nothing', async () => {
    const before = await fingerprint();
    const base = { roundId: round.id, agencyId: ids.interior, heldOn: '2022-10-01', representatives: [] };
    const expectations: Array<[Record<string, unknown>, number, string]> = [
      [{ heldOn: '1401/06/01' }, 400, 'SESSION_DATE_OUTSIDE_ROUND'],
      [{ roundId: '00000000-0000-4000-8000-000000000000' }, 404, 'ROUND_NOT_FOUND'],
      [{ agencyId: '00000000-0000-4000-8000-000000000000' }, 404, 'AGENCY_NOT_FOUND'],
      [{ heldOn: '1401/12/30' }, 400, 'VALIDATION_FAILED'],
      [{ roundId: 'summer' }, 400, 'VALIDATION_FAILED'],
      [{ representatives: [{ title: 'بی‌نام' }] }, 400, 'VALIDATION_FAILED'],
      [{ representatives: 'someone' }, 400, 'VALIDATION_FAILED'],
      [{ evaluatorIds: [] }, 400, 'VALIDATION_FAILED'],
      [{ secret: true }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [change, status, error] of expectations) {
      const res = await call('evaluator', 'POST', '/api/v1/evaluation-sessions', { ...base, ...change });
      expect({ change, status: res.status, error: res.body.error }).toEqual({ change, status, error });
    }
    expect(await fingerprint()).toBe(before);
  });
});

describe('changing a session (evaluator, admin)', () => {
  let round: { id: string };
  let session: { id: string; version: number };
  beforeAll(async () => {
    round = await createRound('edits-1401');
    const res = await call('evaluator', 'POST', '/api/v1/evaluation-sessions', {
      roundId: round.id,
      agencyId: ids.interior,
      heldOn: '2022-10-10',
      representatives: [{ name: 'نماینده' }],
      notes: 'نسخه اول',
    });
    session = res.body.session;
  });

  it('keeps the first of two concurrent saves and answers the second with 409 and the current values', async () => {
    // both evaluators opened the session at version 1
    const read1 = await call('evaluator', 'GET', `/api/v1/evaluation-sessions?roundId=${round.id}`);
    const read2 = await call('evaluator2', 'GET', `/api/v1/evaluation-sessions?roundId=${round.id}`);
    expect(read1.body.items[0].version).toBe(1);
    expect(read2.body.items[0].version).toBe(1);

    const first = await call('evaluator', 'PATCH', `/api/v1/evaluation-sessions/${session.id}`, {
      version: 1,
      notes: 'نسخه ارزیاب یک',
      heldOn: '1401/07/20',
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ notes: 'نسخه ارزیاب یک', heldOn: '2022-10-12', version: 2 });

    const second = await call('evaluator2', 'PATCH', `/api/v1/evaluation-sessions/${session.id}`, {
      version: 1,
      notes: 'نسخه ارزیاب دو',
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toBe('VERSION_CONFLICT');
    expect(second.body.message).toEqual({ fa: expect.any(String), en: expect.any(String) });
    expect(second.body.details.current).toMatchObject({ notes: 'نسخه ارزیاب یک', heldOn: '2022-10-12', version: 2 });

    const [stored] = await t.sql.query(
      `SELECT notes, version, held_on::text AS held_on FROM evaluation_session WHERE id = $1`,
      [session.id],
    );
    expect(stored).toEqual({ notes: 'نسخه ارزیاب یک', version: 2, held_on: '2022-10-12' });
    const records = await audit('update_session', session.id);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      actor_id: ids.users.evaluator,
      before: { notes: 'نسخه اول', version: 1 },
      after: { notes: 'نسخه ارزیاب یک', version: 2 },
    });
  });

  it('changes only the fields sent', async () => {
    const res = await call('admin', 'PATCH', `/api/v1/evaluation-sessions/${session.id}`, {
      version: 2,
      internalNotes: 'فقط داخلی',
      representatives: [{ name: 'نماینده تازه', title: 'معاون' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      notes: 'نسخه ارزیاب یک',
      internalNotes: 'فقط داخلی',
      representatives: [{ name: 'نماینده تازه', title: 'معاون' }],
      version: 3,
    });
  });

  it('answers 404 and 400 for unknown and malformed ids, 400 for a missing version', async () => {
    const unknown = await call(
      'evaluator',
      'PATCH',
      '/api/v1/evaluation-sessions/00000000-0000-4000-8000-000000000000',
      {
        version: 1,
      },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('SESSION_NOT_FOUND');
    const malformed = await call('evaluator', 'PATCH', '/api/v1/evaluation-sessions/123', { version: 1 });
    expect(malformed.body.error).toBe('SESSION_INVALID_ID');
    const noVersion = await call('evaluator', 'PATCH', `/api/v1/evaluation-sessions/${session.id}`, { notes: 'x' });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.details.map((d: { field: string }) => d.field)).toContain('version');
  });
});

describe('a closed round', () => {
  let interiorSession: { id: string };
  beforeAll(async () => {
    [interiorSession] = await t.sql.query(`SELECT id FROM evaluation_session WHERE round_id = $1 AND agency_id = $2`, [
      ids.summer,
      ids.interior,
    ]);
  });

  it('refuses an evaluator’s new session (403) and an admin’s without a reason (400), writing nothing', async () => {
    const body = { roundId: ids.summer, agencyId: ids.justice, heldOn: '1401/05/01', representatives: [] };
    const before = await fingerprint();
    const evaluator = await call('evaluator', 'POST', '/api/v1/evaluation-sessions', body);
    expect(evaluator.status).toBe(403);
    expect(evaluator.body.error).toBe('ROUND_CLOSED');
    const evaluatorWithReason = await call('evaluator', 'POST', '/api/v1/evaluation-sessions', {
      ...body,
      reason: 'فراموش شده بود',
    });
    expect(evaluatorWithReason.body.error).toBe('ROUND_CLOSED');
    const admin = await call('admin', 'POST', '/api/v1/evaluation-sessions', { ...body, reason: '   ' });
    expect(admin.status).toBe(400);
    expect(admin.body.error).toBe('CORRECTION_REASON_REQUIRED');
    const edit = await call('evaluator', 'PATCH', `/api/v1/evaluation-sessions/${interiorSession.id}`, {
      version: 1,
      notes: 'تغییر پس از بسته شدن',
    });
    expect(edit.status).toBe(403);
    expect(edit.body.error).toBe('ROUND_CLOSED');
    expect(await fingerprint()).toBe(before);
  });

  it('takes an admin’s session with a reason, and the audit record carries the reason', async () => {
    const res = await call('admin', 'POST', '/api/v1/evaluation-sessions', {
      roundId: ids.summer,
      agencyId: ids.justice,
      heldOn: '1401/05/01',
      representatives: [],
      reason: 'جلسه برگزارشده‌ای که ثبت نشده بود',
    });
    expect(res.status).toBe(201);
    const [record] = await audit('create_session', res.body.session.id);
    expect(record).toMatchObject({ actor_id: ids.users.admin, reason: 'جلسه برگزارشده‌ای که ثبت نشده بود' });
    const edit = await call('admin', 'PATCH', `/api/v1/evaluation-sessions/${interiorSession.id}`, {
      version: 1,
      notes: 'اصلاح خلاصه',
      reason: 'غلط تایپی',
    });
    expect(edit.status).toBe(200);
    const [correction] = await audit('correct_session', interiorSession.id);
    expect(correction).toMatchObject({
      actor_id: ids.users.admin,
      reason: 'غلط تایپی',
      before: { version: 1 },
      after: { notes: 'اصلاح خلاصه', version: 2 },
    });
  });
});

describe('who may write', () => {
  it('answers the public with 401 and the cabinet with 403 on every write, and nothing changes', async () => {
    const round = await createRound('roles-1401');
    const created = await call('evaluator', 'POST', '/api/v1/evaluation-sessions', {
      roundId: round.id,
      agencyId: ids.interior,
      heldOn: '2022-10-01',
      representatives: [],
      scores: round.criteria.map((c: { id: string }) => ({ criterionId: c.id, value: '50' })),
    });
    expect(created.status).toBe(201);
    const { session, score } = created.body;
    const writes: Array<{ method: string; url: string; payload: unknown; adminOnly?: boolean }> = [
      { method: 'POST', url: '/api/v1/rounds', payload: roundBody('roles-new'), adminOnly: true },
      { method: 'POST', url: `/api/v1/rounds/${round.id}/close`, payload: { version: 1 }, adminOnly: true },
      {
        method: 'POST',
        url: '/api/v1/evaluation-sessions',
        payload: { roundId: round.id, agencyId: ids.justice, heldOn: '2022-10-01', representatives: [] },
      },
      { method: 'PATCH', url: `/api/v1/evaluation-sessions/${session.id}`, payload: { version: 1, notes: 'x' } },
      {
        method: 'PATCH',
        url: `/api/v1/scores/${score.id}`,
        payload: {
          version: 1,
          criterionScores: round.criteria.map((c: { id: string }) => ({ criterionId: c.id, value: '60' })),
        },
      },
      { method: 'POST', url: `/api/v1/scores/${score.id}/submit`, payload: { version: 2 } },
      { method: 'POST', url: `/api/v1/scores/${score.id}/review`, payload: { version: 3 } },
      { method: 'POST', url: `/api/v1/scores/${score.id}/finalise`, payload: { version: 4 } },
    ];
    const before = await fingerprint();
    for (const write of writes) {
      const anonymous = await call(undefined, write.method, write.url, write.payload);
      expect({ url: write.url, status: anonymous.status, error: anonymous.body.error }).toEqual({
        url: write.url,
        status: 401,
        error: 'UNAUTHENTICATED',
      });
      const cabinet = await call('cabinet', write.method, write.url, write.payload);
      expect({ url: write.url, status: cabinet.status, error: cabinet.body.error }).toEqual({
        url: write.url,
        status: 403,
        error: 'FORBIDDEN',
      });
      if (write.adminOnly) {
        const evaluator = await call('evaluator', write.method, write.url, write.payload);
        expect({ url: write.url, status: evaluator.status }).toEqual({ url: write.url, status: 403 });
      }
    }
    expect(await fingerprint()).toBe(before);

    // the same writes by those allowed succeed (review by someone other than the submitter)
    const allowed = ['admin', 'admin', 'evaluator2', 'evaluator', 'evaluator', 'evaluator', 'evaluator2', 'admin'];
    const statuses = [];
    for (const [i, write] of writes.entries()) {
      if (i === 1) continue; // closing the round would freeze the rest; closing is covered above
      statuses.push((await call(allowed[i], write.method, write.url, write.payload)).status);
    }
    expect(statuses).toEqual([201, 201, 200, 200, 200, 200, 200]);
  });

  it('never answers a malformed body with a 500', async () => {
    const urls = [
      ['POST', '/api/v1/rounds'],
      ['POST', `/api/v1/rounds/${ids.summer}/close`],
      ['POST', '/api/v1/evaluation-sessions'],
      ['PATCH', '/api/v1/evaluation-sessions/00000000-0000-4000-8000-000000000000'],
      ['PATCH', '/api/v1/scores/00000000-0000-4000-8000-000000000000'],
      ['POST', '/api/v1/scores/00000000-0000-4000-8000-000000000000/submit'],
    ];
    const bodies = [
      [],
      'text',
      { version: 'one' },
      { version: -1 },
      { version: 1.5 },
      { criteria: [null], criterionScores: [null], representatives: [null] },
      { criteria: 'x', criterionScores: {}, scores: 5, evaluatorIds: 'me' },
      { weight: { $gt: 1 }, heldOn: 20221010, startsOn: null, version: 1 },
    ];
    for (const [method, url] of urls) {
      for (const payload of bodies) {
        const res = await call('admin', method!, url!, payload);
        expect({ url, payload, status: res.status < 500 }).toEqual({ url, payload, status: true });
        expect(res.body.message).toEqual({ fa: expect.any(String), en: expect.any(String) });
      }
    }
  });
});
