import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { jest } from '@jest/globals';
import { createApp } from '../src/create-app.js';
import { ComplianceService } from '../src/modules/compliance/compliance.service.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { createTestApp, requester, type TestApp } from './support/test-app.js';

/**
 * The public read path: answers served as cached bytes with a strong ETag, never stale. A write (through the API
 * on this instance or another, or straight into the database) is visible on the very next read, with a new ETag.
 */
let t: TestApp;
let evaluator: string;

beforeAll(async () => {
  t = await createTestApp();
  evaluator = await t.signIn('evaluator');
});

afterAll(async () => {
  await t?.close();
});

const get = (url: string, headers: Record<string, string> = {}) => t.request({ method: 'GET', url, headers });

/** A main agency whose single window is not launched yet (each call gives another one). */
const used = new Set<string>();
async function unlaunchedAgency(): Promise<{ id: string; version: number }> {
  const rows: Array<{ id: string; version: number }> = await t.sql.query(
    `SELECT id, version FROM agency WHERE is_main AND single_window_launched_on IS NULL ORDER BY code`,
  );
  const row = rows.find((r) => !used.has(r.id))!;
  used.add(row.id);
  return row;
}

async function launch(
  request: TestApp['request'],
  cookie: string,
  agency: { id: string; version: number },
  occurredOn: string,
) {
  const res = await request({
    method: 'POST',
    url: `/api/v1/agencies/${agency.id}/progress`,
    cookie,
    payload: { version: agency.version, kind: 'single_window_launched', occurredOn, url: 'https://sw.example.ir' },
  });
  expect(res.status).toBe(200);
}

/** Asks again until `done` holds (a change made on another instance arrives through PostgreSQL's NOTIFY). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !done(value); i++) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}

describe('cached public reads', () => {
  it('answer the same bytes with a strong ETag, and 304 to a client that has them', async () => {
    const first = await get('/api/v1/agencies?pageSize=20&page=2');
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[\w-]{20,}"$/);
    expect(first.headers['cache-control']).toBe('public, no-cache');
    const again = await get('/api/v1/agencies?page=2&pageSize=20');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.body).toEqual(first.body);

    const notModified = await get('/api/v1/agencies?pageSize=20&page=2', {
      'if-none-match': String(first.headers.etag),
    });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBe('');
    const otherPage = await get('/api/v1/agencies?pageSize=20&page=3', {
      'if-none-match': String(first.headers.etag),
    });
    expect(otherPage.status).toBe(200);
    expect(otherPage.headers.etag).not.toBe(first.headers.etag);
  });

  it('show a write on the very next read, with a new ETag', async () => {
    const agency = await unlaunchedAgency();
    const before = await get(`/api/v1/agencies/${agency.id}`);
    expect(before.body.singleWindowLaunchedOn).toBeNull();
    expect((await get(`/api/v1/agencies/${agency.id}`)).headers.etag).toBe(before.headers.etag);

    await launch((options) => t.request(options), evaluator, agency, '2022-09-03');

    const after = await get(`/api/v1/agencies/${agency.id}`, { 'if-none-match': String(before.headers.etag) });
    expect(after.status).toBe(200);
    expect(after.body.singleWindowLaunchedOn).toBe('2022-09-03');
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('never give the public a signed-in answer, nor keep one', async () => {
    const agency = await unlaunchedAgency();
    await launch((options) => t.request(options), evaluator, agency, '2022-09-04');
    const url = `/api/v1/agencies/${agency.id}/progress`;
    const staff = await t.request({ method: 'GET', url, cookie: evaluator });
    expect(staff.headers['cache-control']).toBe('private, no-store');
    expect(staff.headers.etag).toBeUndefined();
    expect(staff.body.events[0].recordedBy).not.toBeNull();

    const publicRead = await get(url);
    expect(publicRead.headers.etag).toBeDefined();
    expect(publicRead.body.events[0].recordedBy).toBeNull();
    const staffAgain = await t.request({ method: 'GET', url, cookie: evaluator });
    expect(staffAgain.body.events[0].recordedBy).not.toBeNull();
  });

  it('see a change made in the database by anyone else (another program, psql)', async () => {
    const agency = await unlaunchedAgency();
    const before = await get(`/api/v1/agencies/${agency.id}`);
    await t.sql.query(`UPDATE agency SET name_en = name_en || ' (renamed)' WHERE id = $1`, [agency.id]);
    const after = await eventually(
      () => get(`/api/v1/agencies/${agency.id}`),
      (res) => res.body.nameEn.endsWith('(renamed)'),
    );
    expect(after.body.nameEn).toBe(`${before.body.nameEn} (renamed)`);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});

describe('a burst of identical requests that miss the cache (as after every write)', () => {
  it('computes the answer once; every request gets the same bytes', async () => {
    const compliance = t.app.get(ComplianceService);
    const computed = jest.spyOn(compliance, 'rankings');
    try {
      await launch((options) => t.request(options), evaluator, await unlaunchedAgency(), '2022-09-04'); // empties the cache
      const url = '/api/v1/rankings?asOf=1401-07-01&by=progress';
      const answers = await Promise.all(Array.from({ length: 12 }, () => get(url)));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
      expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
      expect(computed).toHaveBeenCalledTimes(1);
      // A burst that fails (an unknown agency: 404) is not held up: every request gets its own answer.
      const missing = await Promise.all(
        Array.from({ length: 4 }, () => get('/api/v1/agencies/00000000-0000-4000-8000-000000000000')),
      );
      expect(missing.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    } finally {
      computed.mockRestore();
    }
  });
});

describe('when the listening connection is lost', () => {
  it('never serves an answer older than a change it could not hear, and listens again', async () => {
    const agency = await unlaunchedAgency();
    const url = `/api/v1/agencies/${agency.id}`;
    const before = await get(url);
    await get(url); // cached now
    await t.sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE application_name = 'monitor-listen' AND datname = current_database()`,
    );
    await t.sql.query(`UPDATE agency SET name_en = name_en || ' (unheard)' WHERE id = $1`, [agency.id]);
    const during = await eventually(
      () => get(url),
      (res) => res.body.nameEn.endsWith('(unheard)'),
    );
    expect(during.body.nameEn).toBe(`${before.body.nameEn} (unheard)`);

    // Back to listening (it reconnects by itself): a later change made elsewhere still reaches the cache.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await get(url);
    await t.sql.query(`UPDATE agency SET name_en = name_en || ' (heard)' WHERE id = $1`, [agency.id]);
    const after = await eventually(
      () => get(url),
      (res) => res.body.nameEn.endsWith('(heard)'),
    );
    expect(after.body.nameEn).toBe(`${before.body.nameEn} (unheard) (heard)`);
    const listening = await t.sql.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE application_name = 'monitor-listen' AND datname = current_database()`,
    );
    expect(listening[0].n).toBeGreaterThanOrEqual(1);
  });
});

describe('over the network, at the door of the HTTP server', () => {
  let base: string;

  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.getHttpServer().address() as { port: number };
    base = `http://127.0.0.1:${address.port}`;
  });

  it('sends the cached bytes with the same headers as the first answer, security headers included', async () => {
    const url = `${base}/api/v1/agencies?pageSize=5`;
    const first = await fetch(url);
    const firstBody = await first.text();
    const second = await fetch(url, { headers: { 'x-request-id': 'press-rush-1' } });
    expect(await second.text()).toBe(firstBody);
    for (const name of ['etag', 'content-type', 'content-security-policy', 'x-content-type-options', 'vary']) {
      expect(second.headers.get(name)).toBe(first.headers.get(name));
    }
    expect(second.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(second.headers.get('x-request-id')).toBe('press-rush-1');
    expect(Number(second.headers.get('content-length'))).toBe(Buffer.byteLength(firstBody));

    const notModified = await fetch(url, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
  });

  it('lets a request with credentials through to the application, uncached', async () => {
    const agency = await unlaunchedAgency();
    await launch((options) => t.request(options), evaluator, agency, '2022-09-06');
    const url = `${base}/api/v1/agencies/${agency.id}/progress`;
    await fetch(url); // cached for the public
    const staff = await fetch(url, { headers: { cookie: evaluator } });
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(staff.headers.get('etag')).toBeNull();
    const body = (await staff.json()) as { events: Array<{ recordedBy: unknown }> };
    expect(body.events[0]!.recordedBy).not.toBeNull();
  });
});

describe('two instances on one database', () => {
  let second: { app: NestFastifyApplication; opened: OpenDatabase };
  let request2: TestApp['request'];

  beforeAll(async () => {
    const opened = await openDatabase(t.config, () => undefined);
    const app = await createApp(t.config, opened.dataSource);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    second = { app, opened };
    request2 = requester(app);
  });

  afterAll(async () => {
    await second?.app.close();
  });

  it('agree after a write on either, bytes and ETag alike', async () => {
    const agency = await unlaunchedAgency();
    const url = `/api/v1/agencies/${agency.id}`;
    // Both instances have the answer cached before the writes.
    const [a0, b0] = [await get(url), await request2({ method: 'GET', url })];
    expect(b0.headers.etag).toBe(a0.headers.etag);
    expect((await request2({ method: 'GET', url })).headers.etag).toBe(a0.headers.etag);

    // A write on the second instance (signed in there: sessions live in PostgreSQL, so any instance knows them).
    await launch(request2, evaluator, agency, '2022-09-05');
    const b1 = await request2({ method: 'GET', url });
    expect(b1.body.singleWindowLaunchedOn).toBe('2022-09-05');
    const a1 = await eventually(
      () => get(url),
      (res) => res.headers.etag === b1.headers.etag,
    );
    expect(a1.body).toEqual(b1.body);

    // And a write on the first instance reaches the second.
    const progress = await get(`/api/v1/agencies/${agency.id}/progress`);
    const connect = await t.request({
      method: 'POST',
      url: `/api/v1/agencies/${agency.id}/progress`,
      cookie: evaluator,
      payload: { version: progress.body.version, kind: 'national_window_connected', occurredOn: '2022-10-05' },
    });
    expect(connect.status).toBe(200);
    const a2 = await get(url);
    expect(a2.body.nationalWindowConnectedOn).toBe('2022-10-05');
    const b2 = await eventually(
      () => request2({ method: 'GET', url }),
      (res) => res.headers.etag === a2.headers.etag,
    );
    expect(b2.body.nationalWindowConnectedOn).toBe('2022-10-05');
  });
});
