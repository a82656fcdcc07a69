import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/create-app.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { testConfig } from './support/test-config.js';

let db: TestDatabase;
let opened: OpenDatabase;
let app: NestFastifyApplication;
const clientDir = mkdtempSync(join(tmpdir(), 'monitor-client-'));

beforeAll(async () => {
  mkdirSync(join(clientDir, 'assets'));
  writeFileSync(
    join(clientDir, 'index.html'),
    '<!doctype html><html lang="fa" dir="rtl"><title>پایش</title><div id="root"></div></html>',
  );
  writeFileSync(join(clientDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  db = await createTestDatabase();
  const config = testConfig(db.url, { clientDir });
  opened = await openDatabase(config, () => undefined);
  app = await createApp(config, opened.dataSource);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
});

afterAll(async () => {
  await app?.close();
  await db?.drop();
});

async function get(url: string) {
  const res = await app.inject({ method: 'GET', url });
  return {
    status: res.statusCode,
    headers: res.headers,
    body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : res.body,
  };
}

const q = (s: string) => encodeURIComponent(s);

describe('GET /api/health', () => {
  it('answers ok once the database answers', async () => {
    const res = await get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: 'ok' });
  });
});

describe('GET /api/v1/agencies', () => {
  it('lists the 170 main agencies, 50 a page by default', async () => {
    const res = await get('/api/v1/agencies');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(170);
    expect(res.body.items).toHaveLength(50);
    expect(res.body).toMatchObject({ page: 1, pageSize: 50 });
  });

  it('pages through all of them without repeating or losing one', async () => {
    const ids = new Set<string>();
    for (let page = 1; page <= 4; page++) {
      const res = await get(`/api/v1/agencies?page=${page}&pageSize=50`);
      res.body.items.forEach((a: { id: string }) => ids.add(a.id));
    }
    expect(ids.size).toBe(170);
  });

  it('includes the subordinate bodies with scope=all', async () => {
    expect((await get('/api/v1/agencies?scope=all')).body.total).toBe(201);
  });

  it.each([
    ['Arabic kaf', 'كشور'],
    ['Persian kaf', 'کشور'],
    ['Arabic yeh and kaf in a phrase', 'وزارت كشور'],
    ['English, any case', 'MINISTRY OF INTERIOR'],
  ])('finds وزارت کشور when searching with %s', async (_label, term) => {
    const res = await get(`/api/v1/agencies?search=${q(term)}&pageSize=200`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((a: { nameFa: string }) => a.nameFa)).toContain('وزارت کشور');
  });

  it('matches names with or without ZWNJ', async () => {
    const res = await get(`/api/v1/agencies?search=${q('میراث فرهنگی، گردشگری و صنایعدستی')}`);
    expect(res.body.items.map((a: { code: string }) => a.code)).toContain('heritage');
  });

  it('returns the article facts for the Ministry of Interior', async () => {
    const res = await get(`/api/v1/agencies?search=${q('وزارت کشور')}`);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({
      nameFa: 'وزارت کشور',
      nameEn: 'Ministry of Interior',
      serviceCount: 249,
      latestScore: '26.07',
      isMain: true,
    });
  });

  it('accepts Persian digits in the page number', async () => {
    const res = await get(`/api/v1/agencies?page=${q('۲')}&pageSize=${q('۱۰')}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ page: 2, pageSize: 10 });
  });

  it('treats % and _ as plain characters', async () => {
    expect((await get(`/api/v1/agencies?search=${q('%')}`)).body.total).toBe(0);
    expect((await get(`/api/v1/agencies?search=${q('_')}`)).body.total).toBe(0);
  });

  it.each([
    ['page=0', 'page'],
    ['pageSize=500', 'pageSize'],
    ['page=abc', 'page'],
    ['scope=everything', 'scope'],
    ['sort=name', 'sort'],
  ])('refuses ?%s with 400 and a Persian and English message for the field', async (query, field) => {
    const res = await get(`/api/v1/agencies?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: { fa: expect.any(String), en: expect.any(String) },
    });
    expect(res.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field, fa: expect.stringMatching(/[آ-ی]/), en: expect.any(String) }),
      ]),
    );
  });
});

describe('GET /api/v1/agencies/:id', () => {
  it('returns the agency with its subordinate bodies, systems and stage counts', async () => {
    const list = await get(`/api/v1/agencies?search=${q('وزارت کشور')}`);
    const res = await get(`/api/v1/agencies/${list.body.items[0].id}`);
    expect(res.status).toBe(200);
    expect(res.body.children.map((c: { nameFa: string }) => c.nameFa)).toContain('استانداری تهران');
    expect(
      res.body.systems.map((s: { nameFa: string; serviceCount: number }) => [s.nameFa, s.serviceCount]),
    ).toContainEqual(['میز خدمت وزارت کشور', 12]);
    const counts = res.body.stageCounts as Record<string, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(249);
  });

  it('links a subordinate body to its parent', async () => {
    const list = await get(`/api/v1/agencies?search=${q('استانداری تهران')}&scope=all`);
    const res = await get(`/api/v1/agencies/${list.body.items[0].id}`);
    expect(res.body.parent).toMatchObject({ nameFa: 'وزارت کشور' });
  });

  it('answers 404 with a bilingual message for an unknown id, and 400 for a malformed one', async () => {
    const missing = await get('/api/v1/agencies/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      error: 'AGENCY_NOT_FOUND',
      message: { fa: expect.any(String), en: expect.any(String) },
    });
    const bad = await get('/api/v1/agencies/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('AGENCY_INVALID_ID');
  });
});

describe('the rest of the surface', () => {
  it('says the data are demonstration data', async () => {
    const res = await get('/api/v1/meta');
    expect(res.body).toMatchObject({
      demoData: true,
      notice: { fa: expect.stringContaining('نمایشی'), en: expect.stringContaining('demonstration') },
    });
  });

  it('publishes the OpenAPI document', async () => {
    const res = await get('/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/v1/agencies', '/api/v1/agencies/{id}']),
    );
    expect((await get('/api/docs')).status).toBe(200);
  });

  it('serves the client at / and its routes, with security headers', async () => {
    const root = await get('/');
    expect(root.status).toBe(200);
    expect(root.body).toContain('dir="rtl"');
    expect(root.headers['content-security-policy']).toContain("default-src 'self'");
    expect(root.headers['x-content-type-options']).toBe('nosniff');
    expect((await get('/agencies/some-id')).body).toContain('<div id="root">');
    const asset = await get('/assets/app-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('answers unknown API paths with a JSON 404, not the page', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: 'NOT_FOUND', message: { fa: expect.any(String), en: expect.any(String) } });
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
  });
});
