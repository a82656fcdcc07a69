import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import type { AppConfig } from '../src/config/app-config.js';
import { createApp } from '../src/create-app.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { ResponseValidator } from './support/openapi-validator.js';
import { requester, type TestApp } from './support/test-app.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { testConfig } from './support/test-config.js';

/**
 * The public API as other programs meet it: a document a strict validator accepts, that names every route the
 * server answers, whose schemas the real answers (and errors) match; caching, CORS and the rate limit.
 */
let db: TestDatabase;
let opened: OpenDatabase;
let config: AppConfig;
let app: NestFastifyApplication;
let request: TestApp['request'];
let document: OpenAPIObject;
let validator: ResponseValidator;
/** Every route Fastify registered, as "METHOD /path/{param}". */
const registered = new Set<string>();

/** Another instance on the same database, with other settings; closed after all tests. */
const others: NestFastifyApplication[] = [];
async function instance(overrides: Partial<AppConfig>): Promise<NestFastifyApplication> {
  const other = await createApp({ ...config, ...overrides } as AppConfig, opened.dataSource);
  await other.init();
  await other.getHttpAdapter().getInstance().ready();
  others.push(other);
  return other;
}

beforeAll(async () => {
  db = await createTestDatabase();
  config = testConfig(db.url);
  opened = await openDatabase(config, () => undefined);
  app = await createApp(config, opened.dataSource);
  // Nest adds its routes at init: listen to every one of them.
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        registered.add(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
      }
    });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  request = requester(app);
  const docs = await request({ method: 'GET', url: '/api/docs-json' });
  expect(docs.status).toBe(200);
  document = docs.body as OpenAPIObject;
  validator = new ResponseValidator(document);
});

afterAll(async () => {
  for (const other of others) await other.close();
  await app?.close();
  await db?.drop();
});

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
type Operation = {
  parameters?: Array<{ in: string; name: string; schema?: { example?: unknown; enum?: unknown[] } }>;
  responses: Record<string, { headers?: Record<string, unknown> }>;
  security?: Array<Record<string, string[]>>;
  operationId?: string;
};
function operations(): Array<{ path: string; method: string; operation: Operation }> {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(([method, operation]) => ({ path, method, operation })),
  );
}
const publicGets = () =>
  operations().filter((o) => o.method === 'get' && o.path.startsWith('/api/v1/') && o.operation.security?.length === 0);

describe('the OpenAPI document', () => {
  it('passes a real OpenAPI validator (Redocly, recommended rules) without errors', async () => {
    const lintConfig = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(document),
      absoluteRef: '/api/docs-json',
      config: lintConfig,
    });
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
  });

  it('documents every route the server registers under /api/v1', () => {
    const documented = new Set(operations().map((o) => `${o.method.toUpperCase()} ${o.path}`));
    const served = [...registered].filter(
      (route) => route.split(' ')[1]!.startsWith('/api/v1/') && !/^(HEAD|OPTIONS) /.test(route),
    );
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    // And documents nothing the server does not answer.
    expect([...documented].filter((route) => !registered.has(route))).toEqual([]);
  });

  it('declares the session schemes, and every operation says whether it needs them', () => {
    expect(document.components?.securitySchemes).toMatchObject({
      session: { type: 'apiKey', in: 'cookie', name: 'monitor_session' },
      bearer: { type: 'http', scheme: 'bearer' },
    });
    for (const { path, method, operation } of operations()) {
      expect([path, method, Array.isArray(operation.security)]).toEqual([path, method, true]);
    }
    const signedIn = operations().filter((o) => o.operation.security!.length > 0);
    expect(signedIn.map((o) => o.operation.operationId)).toEqual(
      expect.arrayContaining(['getMe', 'listAudit', 'recordAgencyProgress']),
    );
    for (const { operation } of signedIn) {
      expect(operation.security).toEqual([{ session: [] }, { bearer: [] }]);
      expect(Object.keys(operation.responses)).toContain('401');
    }
    expect(publicGets().map((o) => o.operation.operationId)).toEqual(
      expect.arrayContaining(['listAgencies', 'getAgency', 'getRankings']),
    );
  });

  it('documents a 400 on every operation that reads a path or query parameter, and a 429 on every one', () => {
    const missing400 = operations()
      .filter((o) => (o.operation.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query'))
      .filter((o) => !o.operation.responses['400'])
      .map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(missing400).toEqual([]);
    for (const { operation } of operations()) {
      expect(operation.responses['429']?.headers).toHaveProperty('Retry-After');
    }
  });

  it('says the same of every paginated list: page and pageSize in, items, total, page and pageSize out', () => {
    const paginated = operations().filter((o) => (o.operation.parameters ?? []).some((p) => p.name === 'pageSize'));
    expect(paginated.length).toBeGreaterThanOrEqual(6);
    for (const { path, method, operation } of paginated) {
      expect(operation.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['page', 'pageSize']));
      const schema = validator.schemaOf(path, method, 200) as { $ref?: string };
      const name = schema.$ref!.split('/').pop()!;
      const list = document.components!.schemas![name] as { required?: string[] };
      expect([path, list.required]).toEqual([path, expect.arrayContaining(['items', 'total', 'page', 'pageSize'])]);
    }
  });
});

/** A value for each path parameter, from the demo data. */
async function samples(): Promise<Record<string, string>> {
  const one = async (sql: string): Promise<string> => {
    const rows: Array<{ v: string }> = await opened.dataSource.query(sql);
    if (!rows[0]) throw new Error(`no demo row for ${sql}`);
    return String(rows[0].v);
  };
  const latest = await request({ method: 'GET', url: '/api/v1/weekly-reports/latest' });
  return {
    // A main agency with recorded progress: its public events show `recordedBy: null`.
    agencies: await one(
      `SELECT a.id AS v FROM agency a WHERE a.is_main AND a.parent_id IS NULL
         AND EXISTS (SELECT 1 FROM agency_progress_event e WHERE e.agency_id = a.id) ORDER BY a.code LIMIT 1`,
    ),
    cycles: await one(`SELECT id AS v FROM programme_cycle ORDER BY starts_on LIMIT 1`),
    rounds: await one(`SELECT id AS v FROM evaluation_round ORDER BY code LIMIT 1`),
    scores: await one(`SELECT id AS v FROM score WHERE status = 'final' ORDER BY id LIMIT 1`),
    'weekly-reports': String(latest.body.week),
    revisions: String(latest.body.revision),
  };
}

/**
 * A real URL for a documented operation: each `{param}` filled from the demo data by the segment before it, and
 * each required query parameter given its documented example (or first allowed value).
 */
function urlFor(path: string, operation: Operation, values: Record<string, string>): string {
  const query = new URLSearchParams();
  for (const p of operation.parameters ?? []) {
    if (p.in !== 'query' || !(p as { required?: boolean }).required) continue;
    const example = (p as { example?: unknown }).example ?? p.schema?.example ?? p.schema?.enum?.[0];
    if (example === undefined) throw new Error(`no example for the required ${p.name} of ${path}`);
    query.set(p.name, typeof example === 'object' ? JSON.stringify(example) : String(example as string | number));
  }
  const segments = path.split('/');
  const url = segments
    .map((segment, i) => {
      if (!/^\{\w+\}$/.test(segment)) return segment;
      const value = values[segments[i - 1]!];
      if (value === undefined) throw new Error(`no sample value for ${segment} in ${path}: add one to samples()`);
      return encodeURIComponent(value);
    })
    .join('/');
  return query.size > 0 ? `${url}?${query.toString()}` : url;
}

describe('every public GET', () => {
  it('answers what its documented schema says, with an ETag and Cache-Control, and 304 on revalidation', async () => {
    const values = await samples();
    // Every route is tried and every problem listed, so one run shows them all.
    const problems: Record<string, string[]> = {};
    const note = (url: string, problem: string) => (problems[url] ??= []).push(problem);
    let checked = 0;
    for (const { path, operation } of publicGets()) {
      const url = urlFor(path, operation, values);
      const res = await request({ method: 'GET', url });
      checked += 1;
      if (res.status !== 200) {
        note(url, `status ${res.status}`);
        continue;
      }
      const type = String(res.headers['content-type']);
      if (type.includes('json')) {
        for (const problem of validator.problems(path, 'get', 200, res.body).slice(0, 5)) note(url, problem);
      } else if (!validator.schemaOf(path, 'get', 200, type.split(';')[0]!.trim())) {
        note(url, `content-type ${type} is not documented`);
      }
      // A revision's permalink never changes (cached for a year); a file streamed from a database cursor (an
      // agency's services, the open-data bundle) is too big to keep, so it has no ETag and is fetched again.
      const permanent = /\/revisions\/\{revision\}$/.test(path);
      const streamedFile = /attachment/.test(String(res.headers['content-disposition'])) && !res.headers.etag;
      const expectedCaching = permanent ? 'public, max-age=31536000, immutable' : 'public, no-cache';
      if (res.headers['cache-control'] !== expectedCaching)
        note(url, `cache-control ${String(res.headers['cache-control'])}`);
      if (streamedFile && /^\/api\/v1\/(agencies\/\{id\}\/services\/export|open-data\.zip)$/.test(path)) continue;
      if (!/^"[\w-]{20,}"$/.test(String(res.headers.etag))) {
        note(url, `etag ${String(res.headers.etag)}`);
        continue;
      }
      const again = await request({ method: 'GET', url, headers: { 'if-none-match': String(res.headers.etag) } });
      if (again.status !== 304 || again.body !== '') note(url, `revalidation: ${again.status}`);
    }
    expect(problems).toEqual({});
    expect(checked).toBeGreaterThanOrEqual(18);
  });

  it('answers a subordinate body with its parent, which matches the documented (nullable) reference', async () => {
    const rows: Array<{ id: string }> = await opened.dataSource.query(
      `SELECT id FROM agency WHERE parent_id IS NOT NULL ORDER BY code LIMIT 1`,
    );
    const res = await request({ method: 'GET', url: `/api/v1/agencies/${rows[0]!.id}` });
    expect(res.body.parent).toEqual(expect.objectContaining({ id: expect.any(String) }));
    expect(validator.problems('/api/v1/agencies/{id}', 'get', 200, res.body)).toEqual([]);
  });

  it('with a list, returns a page of real rows, so the check above is not run on empty lists', async () => {
    for (const url of ['/api/v1/agencies', '/api/v1/rankings', '/api/v1/scores', '/api/v1/weekly-reports']) {
      const res = await request({ method: 'GET', url: `${url}?pageSize=2&page=2` });
      expect([url, res.body.items.length, res.body.page, res.body.pageSize]).toEqual([url, 2, 2, 2]);
      expect(res.body.total).toBeGreaterThan(4);
    }
  });

  it('still tags and revalidates when the read cache has no memory (READ_CACHE_MB=0)', async () => {
    const uncached = requester(await instance({ readCacheBytes: 0 }));
    const first = await uncached({ method: 'GET', url: '/api/v1/agencies?pageSize=3' });
    expect(first.headers.etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const cached = await request({ method: 'GET', url: '/api/v1/agencies?pageSize=3' });
    expect(cached.headers.etag).toBe(first.headers.etag);
    const again = await uncached({
      method: 'GET',
      url: '/api/v1/agencies?pageSize=3',
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(again.status).toBe(304);
  });
});

describe('error answers', () => {
  it('pageSize=abc: one clear problem per field, the Persian without the English field name', async () => {
    const res = await request({ method: 'GET', url: '/api/v1/agencies?pageSize=abc&page=0' });
    expect(res.status).toBe(400);
    expect(validator.problems('/api/v1/agencies', 'get', 400, res.body)).toEqual([]);
    expect(res.body).toMatchObject({
      error: 'VALIDATION_FAILED',
      details: [
        { field: 'page', fa: 'نباید کمتر از ۱ باشد', en: 'page must not be less than 1' },
        { field: 'pageSize', fa: 'باید عدد صحیح باشد', en: 'pageSize must be an integer number' },
      ],
    });
    expect(res.body.details).toHaveLength(2);
  });

  it('a malformed id (400) and an unknown one (404) match the documented error', async () => {
    const invalid = await request({ method: 'GET', url: '/api/v1/agencies/not-a-uuid' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toBe('AGENCY_INVALID_ID');
    expect(validator.problems('/api/v1/agencies/{id}', 'get', 400, invalid.body)).toEqual([]);
    const unknown = await request({ method: 'GET', url: '/api/v1/agencies/00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
    expect(validator.problems('/api/v1/agencies/{id}', 'get', 404, unknown.body)).toEqual([]);
  });

  it('a version conflict (409) with its current values in details matches too', () => {
    const body = {
      statusCode: 409,
      error: 'VERSION_CONFLICT',
      message: { fa: 'تغییر کرده است.', en: 'Changed.' },
      details: { current: { version: 4 } },
      requestId: 'r',
    };
    expect(validator.problems('/api/v1/agencies/{id}/progress', 'post', 409, body)).toEqual([]);
  });
});

describe('CORS', () => {
  const origin = 'https://newsroom.example';

  it('opens public reads to any site, without credentials, and exposes the ETag', async () => {
    const res = await request({ method: 'GET', url: '/api/v1/agencies?pageSize=4', headers: { origin } });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(String(res.headers['access-control-expose-headers'])).toMatch(/ETag.*Retry-After/);
  });

  it('answers the preflight of a GET, and refuses that of any other method', async () => {
    const preflight = (method: string) =>
      request({
        method: 'OPTIONS',
        url: '/api/v1/agencies',
        headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'if-none-match' },
      });
    const get = await preflight('GET');
    expect(get.status).toBe(204);
    expect(get.headers['access-control-allow-origin']).toBe('*');
    expect(String(get.headers['access-control-allow-methods'])).toBe('GET, HEAD');
    expect(String(get.headers['access-control-allow-headers'])).toContain('If-None-Match');
    for (const method of ['POST', 'PATCH', 'DELETE']) {
      const refused = await preflight(method);
      expect([method, refused.headers['access-control-allow-origin']]).toEqual([method, undefined]);
      expect(refused.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('gives a write from another site no CORS header, and leaves the rest of the site alone', async () => {
    const write = await request({ method: 'POST', url: '/api/v1/auth/login', headers: { origin }, payload: {} });
    expect(write.headers['access-control-allow-origin']).toBeUndefined();
    const docs = await request({ method: 'GET', url: '/api/health', headers: { origin } });
    expect(docs.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('over the network (the read cache answers cached hits at the door)', () => {
  let base: string;
  let limited: string;
  const LIMIT = 5;

  beforeAll(async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    // Behind a proxy on this machine (TRUST_PROXY=loopback): the test names each client in X-Forwarded-For.
    const small = await instance({ rateLimitPerMinute: LIMIT, trustProxy: { addresses: ['loopback'] } });
    await small.listen({ port: 0, host: '127.0.0.1' });
    limited = `http://127.0.0.1:${(small.getHttpServer().address() as { port: number }).port}`;
  });

  it('sends the CORS header with a cached hit too', async () => {
    const url = `${base}/api/v1/agencies?pageSize=6`;
    await fetch(url);
    const hit = await fetch(url, { headers: { origin: 'https://newsroom.example' } });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('access-control-allow-origin')).toBe('*');
    expect(hit.headers.get('access-control-expose-headers')).toContain('ETag');
  });

  it('counts cached and uncached requests alike per client, and answers 429 with Retry-After past the limit', async () => {
    const as = (address: string) => ({ 'x-forwarded-for': address });
    const url = `${limited}/api/v1/agencies?pageSize=7`;
    const statuses: number[] = [];
    // The first is computed, the next ones are cached hits at the door; then an uncached route.
    for (let i = 0; i < LIMIT - 1; i++) statuses.push((await fetch(url, { headers: as('203.0.113.7') })).status);
    statuses.push((await fetch(`${limited}/api/v1/meta`, { headers: as('203.0.113.7') })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);

    // Over the limit: a cached answer (refused at the door) and one never asked before (refused in Fastify).
    for (const over of [url, `${limited}/api/v1/agencies?pageSize=9`]) {
      const res = await fetch(over, { headers: { ...as('203.0.113.7'), origin: 'https://newsroom.example' } });
      expect([over, res.status]).toEqual([over, 429]);
      const seconds = Number(res.headers.get('retry-after'));
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);
      expect(res.headers.get('x-ratelimit-limit')).toBe(String(LIMIT));
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const body = (await res.json()) as { error: string; message: { fa: string; en: string } };
      expect(validator.problems('/api/v1/agencies', 'get', 429, body)).toEqual([]);
      expect(body.error).toBe('TOO_MANY_REQUESTS');
      expect(body.message.en).toContain(`${seconds} seconds`);
      expect(body.message.fa).toMatch(/[۰-۹]+ ثانیه/);
    }

    // Another client is not held back by the first.
    expect((await fetch(url, { headers: as('198.51.100.20') })).status).toBe(200);
    // Outside the API (the page, its assets) nothing is limited.
    expect((await fetch(`${limited}/`, { headers: as('203.0.113.7') })).status).not.toBe(429);
  });

  it('keeps no rate-limit numbers in the cached bytes', async () => {
    const url = `${limited}/api/v1/agencies?pageSize=8`;
    await fetch(url, { headers: { 'x-forwarded-for': '192.0.2.30' } });
    const hit = await fetch(url, { headers: { 'x-forwarded-for': '192.0.2.31' } });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-ratelimit-remaining')).toBeNull();
    expect(hit.headers.get('retry-after')).toBeNull();
  });
});
