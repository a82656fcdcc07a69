import { createHash } from 'node:crypto';
import jsdom from 'jsdom';
import { produceWeeklyReport } from '../src/modules/reports/reports.production.js';
import { createTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const ATOM = 'http://www.w3.org/2005/Atom';
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** The raw bytes of an answer, as `curl -o` would save them. */
async function bytes(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ method: 'GET', url, headers: { host: 'localhost', ...headers } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** Parsed by a real XML parser (jsdom's, on saxes); a feed that is not well-formed fails here. */
function parseXml(text: string): Document {
  const document = new new jsdom.JSDOM('').window.DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return document;
}

const child = (node: Element, name: string) => node.getElementsByTagNameNS(ATOM, name)[0];
const directChildren = (node: Element, name: string) =>
  [...node.children].filter((c) => c.namespaceURI === ATOM && c.localName === name);

describe('permalinks', () => {
  it('answer the stored canonical bytes, whose SHA-256 is the published digest, cacheable for a year', async () => {
    const report = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' });
    expect(report.status).toBe(200);
    expect(report.body.permalink).toBe('/api/v1/weekly-reports/1401-06-26/revisions/1');
    const res = await bytes(report.body.permalink);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    // What a reader checks with `sha256sum`.
    expect(sha256(res.body)).toBe(report.body.digest);
    expect(res.headers.etag).toBe(`"${report.body.digest}"`);
    expect(res.headers['x-content-sha256']).toBe(report.body.digest);
    expect(res.headers['repr-digest']).toBe(`sha-256=:${Buffer.from(report.body.digest, 'hex').toString('base64')}:`);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.link).toContain('</api/v1/weekly-reports/1401-06-26/verify?revision=1>; rel="describedby"');
    expect(JSON.parse(res.body.toString('utf8'))).toEqual(report.body.content);
    // Any day of the week, in any digits, finds the same bytes.
    const alias = await bytes(`/api/v1/weekly-reports/${encodeURIComponent('۱۴۰۱/۰۶/۳۱')}/revisions/۱`);
    expect(alias.status).toBe(200);
    expect(alias.body.equals(res.body)).toBe(true);
  });

  it('answer 304 to the digest in If-None-Match', async () => {
    const first = await bytes('/api/v1/weekly-reports/1401-07-02/revisions/1');
    const again = await bytes('/api/v1/weekly-reports/1401-07-02/revisions/1', {
      'if-none-match': String(first.headers.etag),
    });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
  });

  it("are carried by every report in the list, with that revision's exports, which answer", async () => {
    const list = await t.request({ method: 'GET', url: '/api/v1/weekly-reports?pageSize=3' });
    for (const item of list.body.items) {
      expect(item.permalink).toBe(`/api/v1/weekly-reports/${item.week}/revisions/${item.revision}`);
      expect(item.exports).toEqual({
        csv: `/api/v1/weekly-reports/${item.week}/export?format=csv&revision=${item.revision}`,
        xlsx: `/api/v1/weekly-reports/${item.week}/export?format=xlsx&revision=${item.revision}`,
        json: `/api/v1/weekly-reports/${item.week}/export?format=json&revision=${item.revision}`,
      });
    }
    const csv = await bytes(list.body.items[0].exports.csv);
    expect(csv.status).toBe(200);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
  });

  it('answer 400 to a revision that is not a positive whole number and 404 to one not published', async () => {
    for (const revision of ['abc', '0', '-1', '1.5']) {
      const res = await t.request({ method: 'GET', url: `/api/v1/weekly-reports/1401-06-26/revisions/${revision}` });
      expect(res.status).toBe(400);
      expect(res.body.message.fa).toEqual(expect.any(String));
    }
    const badWeek = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/not-a-week/revisions/1' });
    expect(badWeek.status).toBe(400);
    expect(badWeek.body.error).toBe('REPORT_WEEK_INVALID');
    const missing = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26/revisions/9' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe('REPORT_NOT_FOUND');
  });

  it('keep their bytes, and so do `?revision=N` reads, when a correction is published', async () => {
    const permalink = await bytes('/api/v1/weekly-reports/1401-05-15/revisions/1');
    const byQuery = await bytes('/api/v1/weekly-reports/1401-05-15?revision=1');
    const revised = await t.request({
      method: 'POST',
      url: '/api/v1/weekly-reports/1401-05-15/revisions',
      cookie: await t.signIn('admin'),
      headers: { origin: 'http://localhost' },
      payload: { reason: 'اصلاح آزمایشی نشانی پایدار / permalink test correction' },
    });
    expect(revised.status).toBe(201);
    expect(revised.body.revision).toBe(2);
    expect(revised.body.permalink).toBe('/api/v1/weekly-reports/1401-05-15/revisions/2');

    const permalinkAfter = await bytes('/api/v1/weekly-reports/1401-05-15/revisions/1');
    expect(permalinkAfter.body.equals(permalink.body)).toBe(true);
    expect(permalinkAfter.headers.etag).toBe(permalink.headers.etag);
    const byQueryAfter = await bytes('/api/v1/weekly-reports/1401-05-15?revision=1');
    expect(byQueryAfter.body.equals(byQuery.body)).toBe(true);
    const second = await bytes(revised.body.permalink);
    expect(second.status).toBe(200);
    expect(sha256(second.body)).toBe(revised.body.digest);
  });

  it('show a revision under embargo to staff only, and privately', async () => {
    await t.sql.query(
      `INSERT INTO programme_cycle (code, title_fa, title_en, starts_on, ends_on, baseline_on)
       VALUES ('budget-1402', 'قانون بودجه ۱۴۰۲', 'Budget law of 1402', '2023-03-21', '2024-03-19', '2023-03-21')`,
    );
    const result = await t.sql.transaction((m) =>
      produceWeeklyReport(m, '2023-03-25', { publishedAt: new Date(), embargoHours: 24 }),
    );
    expect(result.created).toBe(true);
    const url = '/api/v1/weekly-reports/1402-01-05/revisions/1';
    expect((await bytes(url)).status).toBe(404);
    const staff = await bytes(url, { cookie: await t.signIn('cabinet') });
    expect(staff.status).toBe(200);
    expect(staff.headers['cache-control']).toBe('private, no-store');
    // Not in the public feed either.
    const feed = await bytes('/api/v1/weekly-reports.atom');
    expect(feed.body.toString('utf8')).not.toContain('/weekly/1402-01-05');
  });

  it('refuse (409) to give bytes that no longer hash to the published digest', async () => {
    await t.sql.transaction(async (m) => {
      await m.query(`ALTER TABLE weekly_report DISABLE TRIGGER "TRG_weekly_report_frozen"`);
      await m.query(
        `UPDATE weekly_report SET content = jsonb_set(content, '{overview,connected,count}', '99')
         WHERE week_starts_on = '2022-07-30' AND revision = 1`,
      );
      await m.query(`ALTER TABLE weekly_report ENABLE TRIGGER "TRG_weekly_report_frozen"`);
    });
    const res = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-05-08/revisions/1' });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('REPORT_CONTENT_ALTERED');
    expect(res.body.message.en).toContain('digest');
  });
});

describe('the Atom feed', () => {
  it('is well-formed Atom 1.0 with the required feed and entry elements, newest first', async () => {
    const res = await bytes('/api/v1/weekly-reports.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(res.body.toString('utf8')).documentElement;
    expect(feed.namespaceURI).toBe(ATOM);
    expect(feed.localName).toBe('feed');
    expect(feed.getAttribute('xml:lang')).toBe('fa');
    for (const name of ['id', 'title', 'updated', 'author']) expect(directChildren(feed, name)).toHaveLength(1);
    expect(directChildren(feed, 'updated')[0]!.textContent).toMatch(RFC3339);
    expect(child(directChildren(feed, 'author')[0]!, 'name')!.textContent).not.toBe('');
    const self = directChildren(feed, 'link').find((l) => l.getAttribute('rel') === 'self');
    expect(self?.getAttribute('href')).toBe('/api/v1/weekly-reports.atom');

    const entries = directChildren(feed, 'entry');
    // The demo's 35 weeks plus the correction made above; the embargoed week is not public.
    expect(entries).toHaveLength(36);
    const ids = new Set<string>();
    const updated: string[] = [];
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated']) expect(directChildren(entry, name)).toHaveLength(1);
      const id = directChildren(entry, 'id')[0]!.textContent!;
      expect(id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      ids.add(id);
      updated.push(directChildren(entry, 'updated')[0]!.textContent!);
      expect(updated.at(-1)).toMatch(RFC3339);
      const links = directChildren(entry, 'link');
      const alternate = links.filter((l) => l.getAttribute('rel') === 'alternate');
      expect(alternate).toHaveLength(1);
      expect(alternate[0]!.getAttribute('href')).toMatch(/^\/weekly\/\d{4}-\d\d-\d\d\?revision=\d+$/);
      const related = links.find((l) => l.getAttribute('rel') === 'related')!.getAttribute('href');
      expect(related).toMatch(/^\/api\/v1\/weekly-reports\/\d{4}-\d\d-\d\d\/revisions\/\d+$/);
      const enclosures = links.filter((l) => l.getAttribute('rel') === 'enclosure').map((l) => l.getAttribute('type'));
      expect(enclosures).toEqual([
        'text/csv',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/json',
      ]);
    }
    expect(ids.size).toBe(entries.length);
    expect(updated).toEqual([...updated].sort().reverse());
    expect(directChildren(feed, 'updated')[0]!.textContent).toBe(updated[0]);
  });

  it('announces a correction as an entry of its own, with its reason, linking its permalink', async () => {
    const text = (await bytes('/api/v1/weekly-reports.atom')).body.toString('utf8');
    const entries = directChildren(parseXml(text).documentElement, 'entry');
    const correction = entries.find((e) =>
      directChildren(e, 'link').some((l) => l.getAttribute('href') === '/api/v1/weekly-reports/1401-05-15/revisions/2'),
    );
    expect(correction).toBeDefined();
    expect(directChildren(correction!, 'title')[0]!.textContent).toBe(
      'گزارش هفتگی هفته ۱۴۰۱/۰۵/۱۵ تا ۱۴۰۱/۰۵/۲۱ (ویرایش ۲)',
    );
    expect(directChildren(correction!, 'summary')[0]!.textContent).toContain('permalink test correction');
    // The summary's counts are the report's own.
    const report = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-05-15?revision=2' });
    const persian = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const summary = directChildren(correction!, 'summary')[0]!.textContent!;
    expect(summary).toContain(`${persian(report.body.content.joined.length)} دستگاه در این هفته`);
    expect(summary).toContain(`${persian(report.body.content.laggards.count)} دستگاه در پایان هفته`);
    expect(directChildren(correction!, 'content')[0]!.getAttribute('xml:lang')).toBe('en');
  });

  it('answers 304 to an unchanged If-None-Match, and a new tag once a revision is published', async () => {
    const first = await bytes('/api/v1/weekly-reports.atom');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await bytes('/api/v1/weekly-reports.atom', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toHaveLength(0);
    await t.request({
      method: 'POST',
      url: '/api/v1/weekly-reports/1401-05-22/revisions',
      cookie: await t.signIn('admin'),
      headers: { origin: 'http://localhost' },
      payload: { reason: 'another correction' },
    });
    const after = await bytes('/api/v1/weekly-reports.atom', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.toString('utf8')).toContain('/api/v1/weekly-reports/1401-05-22/revisions/2');
  });

  it('does not shadow the week routes', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/weekly-reports/latest' })).status).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26' })).status).toBe(200);
  });
});
