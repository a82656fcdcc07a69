import { randomBytes } from 'node:crypto';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Hostile request bodies and queries that once got a 500 or stored bad data (issue 10): a NUL character in text,
 * a page number past any list, JSON nested thousands deep or not an object at all, arrays of arrays where an array
 * of objects is taken, and a multipart upload cut short. Each must be a 4xx with the documented error body, and
 * the database must not change.
 */

let t: TestApp;
let ids: { interior: string; round: string; score: string };

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['admin', 'evaluator', 'cabinet']) await t.signIn(who);
  const [interior] = await t.sql.query(`SELECT id FROM agency WHERE code = 'interior'`);
  // The demo round is closed: an open one with the same criteria takes sessions and scores.
  const [round] = await t.sql.query(
    `INSERT INTO evaluation_round (code, title_fa, title_en, criteria_set_id, starts_on, ends_on, status)
     SELECT 'hostile-1401', 'دوره آزمایشی', 'Test round', id, '2022-09-23', '2022-12-21', 'open'
       FROM criteria_set WHERE code = 'quality-1401' RETURNING id`,
  );
  const [score] = await t.sql.query(`SELECT id FROM score ORDER BY id LIMIT 1`);
  ids = { interior: interior.id, round: round.id, score: score.id };
});

afterAll(async () => {
  await t?.close();
});

/** Tables whose rows change on every signed-in request (a session's last use), counted but not compared. */
const LIVE = new Set(['user_session']);

/** Every table's row count, and a digest of the rows of every table but the live ones: "nothing written". */
async function snapshot(): Promise<Record<string, string | number>> {
  const tables: Array<{ name: string }> = await t.sql.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Record<string, string | number> = {};
  for (const { name } of tables) {
    const [row] = await t.sql.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) AS digest
         FROM "${name}" x`,
    );
    result[`${name}.rows`] = row.n;
    if (!LIVE.has(name)) result[`${name}.digest`] = row.digest;
  }
  return result;
}

type Response = Awaited<ReturnType<TestApp['request']>>;

/** A refusal as the API documents it: a 4xx with `{statusCode, error, message: {fa, en}}`. */
function expectRefused(res: Response, what: string, status = 400) {
  expect({ what, status: res.status }).toEqual({ what, status });
  expect(res.body).toMatchObject({
    statusCode: status,
    error: expect.any(String),
    message: { fa: expect.any(String), en: expect.any(String) },
  });
}

async function send(
  who: string | undefined,
  method: string,
  url: string,
  payload?: unknown,
  headers?: Record<string, string>,
) {
  return t.request({ method, url, payload, headers, cookie: who ? await t.signIn(who) : undefined });
}

function sessionBody(extra: Record<string, unknown> = {}) {
  return {
    roundId: ids.round,
    agencyId: ids.interior,
    heldOn: '1401/08/15',
    representatives: [{ name: 'نماینده' }],
    ...extra,
  };
}

function serviceBody(extra: Record<string, unknown> = {}) {
  return {
    code: `H${randomBytes(3).toString('hex')}`,
    nameFa: 'خدمت آزمایشی',
    nameEn: 'Test service',
    audience: 'g2c',
    identifiedOn: '1401/07/10',
    ...extra,
  };
}

describe('a NUL character (U+0000) in text', () => {
  it('is refused with 400 in a body field, naming the field, and nothing is written', async () => {
    const before = await snapshot();
    const cases: Array<[string, string, string, unknown, string]> = [
      ['admin', 'POST', `/api/v1/agencies/${ids.interior}/services`, serviceBody({ nameFa: 'خدمت\u0000' }), 'nameFa'],
      ['admin', 'POST', `/api/v1/agencies/${ids.interior}/services`, serviceBody({ nameEn: '\u0000' }), 'nameEn'],
      ['evaluator', 'POST', '/api/v1/evaluation-sessions', sessionBody({ notes: 'a\u0000b' }), 'notes'],
      ['evaluator', 'POST', '/api/v1/evaluation-sessions', sessionBody({ internalNotes: '\u0000' }), 'internalNotes'],
      [
        'evaluator',
        'POST',
        '/api/v1/evaluation-sessions',
        sessionBody({ representatives: [{ name: 'نام\u0000' }] }),
        'representatives.0.name',
      ],
      [
        'admin',
        'POST',
        '/api/v1/rounds',
        {
          code: 'nul-1401',
          titleFa: 'دوره\u0000',
          titleEn: 'Round',
          startsOn: '2022-09-23',
          endsOn: '2023-03-20',
          criteria: [{ code: 'a', titleFa: 'الف', titleEn: 'A', weight: '100' }],
        },
        'titleFa',
      ],
    ];
    for (const [who, method, url, payload, field] of cases) {
      const res = await send(who, method, url, payload);
      expectRefused(res, `${method} ${url} ${field}`);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(await snapshot()).toEqual(before);
  });

  it('is refused with 400 in a query string (search, filters) and in a sign-in', async () => {
    const before = await snapshot();
    for (const url of [
      '/api/v1/agencies?search=%00',
      '/api/v1/agencies?search=%D9%88%D8%B2%D8%A7%D8%B1%D8%AA%00',
      '/api/v1/audit?entityId=%00',
    ]) {
      const res = await send('admin', 'GET', url);
      expectRefused(res, url);
      expect(res.body.error).toBe('VALIDATION_FAILED');
    }
    const login = await send(undefined, 'POST', '/api/v1/auth/login', { username: 'admin\u0000', password: 'x' });
    expectRefused(login, 'sign-in');
    expect(await snapshot()).toEqual(before);
  });
});

describe('page numbers past any list', () => {
  it('are refused with 400 and a clear message on every paginated list in the OpenAPI document', async () => {
    const document = (await send(undefined, 'GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }> }>>;
    };
    const lists = Object.entries(document.paths)
      .filter(([, item]) => item.get?.parameters?.some((p) => p.name === 'page' && p.in === 'query'))
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThanOrEqual(8);
    const [report] = await t.sql.query(`SELECT id FROM weekly_report ORDER BY id LIMIT 1`);
    for (const path of lists) {
      const url = `/api${path.replace(/^\/api/, '')}`
        .replace(/\{agencyId\}|\{id\}(?=\/(services|progress|responses|systems))/g, ids.interior)
        .replace(/\{[^}]+\}/g, report?.id ?? ids.interior);
      for (const query of ['page=99999999999999999999', 'page=1000001', 'pageSize=99999999999999999999']) {
        const res = await send('admin', 'GET', `${url}?${query}`);
        expectRefused(res, `${url}?${query}`);
        expect(res.body.error).toBe('VALIDATION_FAILED');
        const field = query.split('=')[0];
        expect(res.body.details).toEqual([expect.objectContaining({ field })]);
      }
      const last = await send('admin', 'GET', `${url}?page=1000000`);
      expect({ url, status: last.status }).toEqual({ url, status: 200 });
      expect(last.body.items).toEqual([]);
    }
  });
});

describe('JSON that is not the object a write takes', () => {
  it('nested 10,000 deep is refused with 400, wherever the nesting is', async () => {
    const before = await snapshot();
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const deepArray = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const bodies = [
      deepObject,
      deepArray,
      // Keys Fastify's JSON parser looks into for prototype poisoning.
      `${'{"constructor":{"__proto__":'.repeat(5_000)}1${'}}'.repeat(5_000)}`,
      JSON.stringify(sessionBody()).replace(/"representatives":\[[^\]]*\]/, `"representatives":${deepArray}`),
      JSON.stringify(sessionBody()).replace(/}$/, `,"notes":${deepObject}}`),
    ];
    for (const [i, payload] of bodies.entries()) {
      const res = await send('evaluator', 'POST', '/api/v1/evaluation-sessions', payload, {
        'content-type': 'application/json',
      });
      expectRefused(res, `deep body ${i}`);
    }
    const login = await send(undefined, 'POST', '/api/v1/auth/login', deepObject, {
      'content-type': 'application/json',
    });
    expectRefused(login, 'deep sign-in');
    expect(await snapshot()).toEqual(before);
  });

  it('an array, a string, a number or null where an object is expected is refused with 400', async () => {
    const before = await snapshot();
    for (const payload of ['[]', '[{}]', '"text"', '42', 'null', 'true']) {
      for (const [who, url] of [
        ['evaluator', '/api/v1/evaluation-sessions'],
        ['admin', `/api/v1/agencies/${ids.interior}/services`],
        [undefined, '/api/v1/auth/login'],
      ] as const) {
        const res = await send(who, 'POST', url, payload, { 'content-type': 'application/json' });
        expectRefused(res, `${url} ${payload}`);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('an array of objects given something else as an element', () => {
  it('is refused with 400, naming the array, and nothing is written', async () => {
    const before = await snapshot();
    const cases: Array<[string, string, string, unknown, string]> = [
      ['evaluator', 'POST', '/api/v1/evaluation-sessions', sessionBody({ representatives: [[]] }), 'representatives'],
      [
        'evaluator',
        'POST',
        '/api/v1/evaluation-sessions',
        sessionBody({ representatives: [{ name: 'یک' }, 'دو'] }),
        'representatives',
      ],
      ['evaluator', 'POST', '/api/v1/evaluation-sessions', sessionBody({ representatives: [null] }), 'representatives'],
      ['evaluator', 'POST', '/api/v1/evaluation-sessions', sessionBody({ scores: [[]] }), 'scores'],
      ['admin', 'PATCH', `/api/v1/scores/${ids.score}`, { version: 1, criterionScores: [[]] }, 'criterionScores'],
      ['admin', 'PATCH', `/api/v1/scores/${ids.score}`, { version: 1, criterionScores: [7] }, 'criterionScores'],
      [
        'admin',
        'POST',
        '/api/v1/rounds',
        {
          code: 'nested-1401',
          titleFa: 'د',
          titleEn: 'R',
          startsOn: '2022-09-23',
          endsOn: '2023-03-20',
          criteria: [[]],
        },
        'criteria',
      ],
    ];
    for (const [who, method, url, payload, field] of cases) {
      const res = await send(who, method, url, payload);
      expectRefused(res, `${method} ${url} ${JSON.stringify(payload)}`);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an object given as an array is refused (a milestone share)', async () => {
    const [milestone] = await t.sql.query(
      `SELECT id, version FROM milestone_definition WHERE rule = 'single_window_service_share' ORDER BY id LIMIT 1`,
    );
    const before = await snapshot();
    for (const share of [[], [[]], [{ numerator: 1 }]]) {
      const res = await send('admin', 'PATCH', `/api/v1/milestones/${milestone.id}`, {
        version: milestone.version,
        share,
      });
      expectRefused(res, `share ${JSON.stringify(share)}`);
      expect(res.body.error).toBe('VALIDATION_FAILED');
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'share' })]));
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('a multipart upload cut short', () => {
  it('is refused with 400 and nothing is imported', async () => {
    const boundary = `----monitor-test-${randomBytes(8).toString('hex')}`;
    const whole = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="scores.csv"\r\n` +
          'Content-Type: text/csv\r\n\r\nround_code,agency,held_on\r\nhostile-1401,interior,1401/08/15\r\n',
        'utf8',
      ),
      Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
    ]);
    const before = await snapshot();
    for (const cut of [whole.length - 10, 60, 150]) {
      for (const step of ['preview', 'commit']) {
        const res = await send('admin', 'POST', `/api/v1/imports/scores/${step}`, whole.subarray(0, cut), {
          'content-type': `multipart/form-data; boundary=${boundary}`,
        });
        expectRefused(res, `cut at ${cut} (${step})`);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
