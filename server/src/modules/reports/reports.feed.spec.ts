import jsdom from 'jsdom';
import { buildAtomFeed, escapeXml, FEED_ID } from './reports.feed.js';
import type { FeedRow } from './reports.queries.js';

const ATOM = 'http://www.w3.org/2005/Atom';

/** A real XML parser (jsdom's, on saxes): a feed that is not well-formed comes back as a `parsererror`. */
function parseXml(text: string): Document {
  const document = new new jsdom.JSDOM('').window.DOMParser().parseFromString(text, 'application/xml');
  const error = document.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  return document;
}

const row = (over: Partial<FeedRow> = {}): FeedRow => ({
  id: '7a0c6a55-7d0e-4a53-9d1b-0d3c8a4f1e20',
  week_starts_on: '2022-09-17',
  week_ends_on: '2022-09-23',
  revision: 1,
  revision_reason: null,
  digest: 'a'.repeat(64),
  published_at: '2022-09-24T04:30:00Z',
  public_from: '2022-09-24T04:30:00Z',
  joined: 3,
  laggards: 41,
  ...over,
});

describe('escapeXml', () => {
  it('escapes the five markup characters', () => {
    expect(escapeXml(`<a href="x">T&C's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;T&amp;C&apos;s&lt;/a&gt;');
  });

  it('drops characters XML 1.0 cannot carry and keeps Persian, tabs, line breaks and astral characters', () => {
    expect(escapeXml('a\u0000b\u0008c\u000bd\ufffe\uffff')).toBe('abcd');
    expect(escapeXml('\ud800x\udc00')).toBe('x');
    expect(escapeXml('گزارش\t۱۴۰۱\n😀')).toBe('گزارش\t۱۴۰۱\n😀');
  });
});

describe('buildAtomFeed', () => {
  it('is checked by a parser that refuses XML that is not well-formed', () => {
    expect(() => parseXml('<feed><title>a & b</title></feed>')).toThrow(/not well-formed/);
    expect(() => parseXml('<feed><entry></feed>')).toThrow(/not well-formed/);
  });

  it('is well-formed Atom whatever a correction reason holds, and the reason reads back as typed', () => {
    const reason = `</summary><script>alert("x")</script> & ']]> \u0001 اصلاح`;
    const sut = buildAtomFeed([
      row({ revision: 2, revision_reason: reason, public_from: '2022-09-30T10:00:00Z' }),
      row(),
    ]);
    const feed = parseXml(sut).documentElement;
    expect(feed.namespaceURI).toBe(ATOM);
    expect(feed.localName).toBe('feed');
    expect(feed.getAttribute('xml:lang')).toBe('fa');
    const entries = feed.getElementsByTagNameNS(ATOM, 'entry');
    expect(entries).toHaveLength(2);
    const summary = entries[0]!.getElementsByTagNameNS(ATOM, 'summary')[0]!.textContent!;
    expect(summary).toContain(`</summary><script>alert("x")</script> & ']]>  اصلاح`);
    expect(entries[0]!.getElementsByTagNameNS(ATOM, 'script')).toHaveLength(0);
    // The feed is as new as its newest entry.
    expect(feed.getElementsByTagNameNS(ATOM, 'updated')[0]!.textContent).toBe('2022-09-30T10:00:00Z');
  });

  it('names the week in Jalali with Persian digits, and links the permalink, the page and the exports', () => {
    const entry = parseXml(buildAtomFeed([row({ revision: 2, revision_reason: 'x' })])).getElementsByTagNameNS(
      ATOM,
      'entry',
    )[0]!;
    expect(entry.getElementsByTagNameNS(ATOM, 'title')[0]!.textContent).toBe(
      'گزارش هفتگی هفته ۱۴۰۱/۰۶/۲۶ تا ۱۴۰۱/۰۷/۰۱ (ویرایش ۲)',
    );
    expect(entry.getElementsByTagNameNS(ATOM, 'id')[0]!.textContent).toBe(
      'urn:uuid:7a0c6a55-7d0e-4a53-9d1b-0d3c8a4f1e20',
    );
    const links = [...entry.getElementsByTagNameNS(ATOM, 'link')].map((l) => [
      l.getAttribute('rel'),
      l.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['alternate', '/weekly/1401-06-26?revision=2'],
      ['related', '/api/v1/weekly-reports/1401-06-26/revisions/2'],
      ['describedby', '/api/v1/weekly-reports/1401-06-26/verify?revision=2'],
      ['enclosure', '/api/v1/weekly-reports/1401-06-26/export?format=csv&revision=2'],
      ['enclosure', '/api/v1/weekly-reports/1401-06-26/export?format=xlsx&revision=2'],
      ['enclosure', '/api/v1/weekly-reports/1401-06-26/export?format=json&revision=2'],
    ]);
    const content = entry.getElementsByTagNameNS(ATOM, 'content')[0]!;
    expect(content.getAttribute('xml:lang')).toBe('en');
    expect(content.textContent).toContain('3 agencies connected');
  });

  it('has its id, title, updated, author and self link with no entry at all, and does not read the clock', () => {
    const sut = buildAtomFeed([]);
    const feed = parseXml(sut).documentElement;
    expect(feed.getElementsByTagNameNS(ATOM, 'id')[0]!.textContent).toBe(FEED_ID);
    expect(feed.getElementsByTagNameNS(ATOM, 'title')[0]!.textContent).not.toBe('');
    expect(feed.getElementsByTagNameNS(ATOM, 'updated')[0]!.textContent).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(feed.getElementsByTagNameNS(ATOM, 'name')[0]!.textContent).not.toBe('');
    expect(buildAtomFeed([])).toBe(sut);
  });

  it("carries the site's public address as xml:base, so a reader resolves every link to the same absolute URL", () => {
    const feed = parseXml(buildAtomFeed([row()], 'https://monitor.example.ir')).documentElement;
    const base = feed.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'base');
    expect(base).toBe('https://monitor.example.ir/');
    const self = [...feed.getElementsByTagNameNS(ATOM, 'link')].find((l) => l.getAttribute('rel') === 'self')!;
    expect(new URL(self.getAttribute('href')!, base!).href).toBe(
      'https://monitor.example.ir/api/v1/weekly-reports.atom',
    );
    // Without it, no base: links stay paths from the site's root, resolved against the feed's own address.
    expect(parseXml(buildAtomFeed([row()])).documentElement.hasAttribute('xml:base')).toBe(false);
  });
});
