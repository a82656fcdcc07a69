import { isoToJalali } from '../../common/dates/jalali.js';
import { weekIdOf } from '../../common/dates/week.js';
import { toPersianDigits } from '../../common/numbers/decimal.js';
import type { FeedRow } from './reports.queries.js';
import { exportUrlOf, FEED_PATH, pageUrlOf, permalinkOf, verifyUrlOf } from './weekly-report.links.js';

/**
 * The Atom 1.0 feed (RFC 4287) of published weekly reports, one entry per revision, so a newsroom's reader hears
 * of a new list and of each correction. One feed in Persian (`xml:lang="fa"`: titles and summaries), each entry
 * with the same facts in English as its `content` (`xml:lang="en"`). Ids are `urn:uuid:` URIs (the revision's
 * id; a fixed one for the feed): absolute and stable without knowing the host name. Links are paths from the
 * site's root (IRI references, resolved against the feed's own address). Nothing here reads the clock: the same
 * revisions give the same bytes, so the feed's ETag holds until a revision is published.
 */

export const ATOM_CONTENT_TYPE = 'application/atom+xml; charset=utf-8';

/** The most entries the feed carries. */
export const FEED_LIMIT = 50;

/** The feed's own id, fixed forever. */
export const FEED_ID = 'urn:uuid:0f6f1c52-6d9b-4c1e-9a7e-3b8d2f4a9c11';

/** `updated` of a feed with no entry yet (Atom requires one, and it must not move with the clock). */
const NO_ENTRY_UPDATED = '1970-01-01T00:00:00Z';

const FEED_TITLE = 'گزارش‌های هفتگی اتصال دستگاه‌ها به پنجره ملی خدمات دولت هوشمند';
const FEED_SUBTITLE =
  'فهرست هفتگی دستگاه‌های متصل و دستگاه‌های دارای تأخیر؛ هر ویرایش با نشانی پایدار، چکیده SHA-256 و خروجی‌های CSV، XLSX و JSON.';
const AUTHOR = 'پایش اتصال دستگاه‌ها به پنجره ملی خدمات دولت هوشمند';

/** Characters XML 1.0 does not allow at all (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates). */
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for XML character data or an attribute value (either quote): the five markup characters as entities and
 * characters XML cannot carry dropped. Every text that goes into the feed goes through here.
 */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** An element with escaped attributes and escaped text (or none: self-closing). */
function element(name: string, attributes: Record<string, string | undefined>, text?: string): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
  return text === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

function weekTitleFa(row: FeedRow): string {
  const span = `${toPersianDigits(isoToJalali(row.week_starts_on))} تا ${toPersianDigits(isoToJalali(row.week_ends_on))}`;
  const revision = row.revision > 1 ? ` (ویرایش ${toPersianDigits(String(row.revision))})` : '';
  return `گزارش هفتگی هفته ${span}${revision}`;
}

function summaryFa(row: FeedRow): string {
  const facts =
    `${toPersianDigits(String(row.joined))} دستگاه در این هفته به پنجره ملی متصل شدند؛ ` +
    `${toPersianDigits(String(row.laggards))} دستگاه در پایان هفته دست‌کم در یک مرحله تأخیر دارند.`;
  const correction = row.revision > 1 && row.revision_reason ? ` علت اصلاح: ${row.revision_reason}` : '';
  return `${facts}${correction} چکیده SHA-256: ${row.digest}`;
}

function contentEn(row: FeedRow): string {
  const week = `${isoToJalali(row.week_starts_on)} to ${isoToJalali(row.week_ends_on)} (${row.week_starts_on} to ${row.week_ends_on})`;
  const revision = row.revision > 1 ? `, revision ${row.revision}` : '';
  const correction = row.revision > 1 && row.revision_reason ? ` Why corrected: ${row.revision_reason}` : '';
  return (
    `Weekly report of the week ${week}${revision}: ${row.joined} agencies connected to the national window during ` +
    `the week; ${row.laggards} agencies overdue on at least one milestone at its end.${correction} ` +
    `SHA-256 digest: ${row.digest} (the SHA-256 of the permalink's bytes, e.g. by sha256sum).`
  );
}

function entry(row: FeedRow): string {
  const week = weekIdOf(row.week_starts_on);
  const exportLink = (format: 'csv' | 'xlsx' | 'json', type: string, title: string) =>
    element('link', { rel: 'enclosure', type, href: exportUrlOf(week, row.revision, format), title });
  return [
    '<entry>',
    element('id', {}, `urn:uuid:${row.id}`),
    element('title', { type: 'text' }, weekTitleFa(row)),
    element('published', {}, row.public_from),
    element('updated', {}, row.public_from),
    element('link', { rel: 'alternate', type: 'text/html', href: pageUrlOf(week, row.revision) }),
    element('link', {
      rel: 'related',
      type: 'application/json',
      href: permalinkOf(week, row.revision),
      title: `نشانی پایدار (SHA-256: ${row.digest})`,
    }),
    element('link', {
      rel: 'describedby',
      type: 'application/json',
      href: verifyUrlOf(week, row.revision),
      title: 'بررسی چکیده / verify the digest',
    }),
    exportLink('csv', 'text/csv', 'CSV'),
    exportLink('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'XLSX'),
    exportLink('json', 'application/json', 'JSON'),
    element('category', { term: week, label: `هفته ${toPersianDigits(isoToJalali(row.week_starts_on))}` }),
    element('summary', { type: 'text' }, summaryFa(row)),
    element('content', { type: 'text', 'xml:lang': 'en' }, contentEn(row)),
    '</entry>',
  ].join('\n');
}

/**
 * The feed's bytes for these revisions (newest first, as `selectFeedRevisions` gives them). Links are paths from
 * the site's root; with the site's public address (`PUBLIC_URL`) the feed carries it as `xml:base`, so every
 * reader resolves them the same way (RFC 4287 §2; without it, against the feed's own address).
 */
export function buildAtomFeed(rows: readonly FeedRow[], publicUrl?: string): string {
  // Newest by when the public could read it: the first row, since the rows come in that order.
  const updated = rows.reduce((max, r) => (r.public_from > max ? r.public_from : max), NO_ENTRY_UPDATED);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    publicUrl
      ? `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa" xml:base="${escapeXml(`${publicUrl}/`)}">`
      : '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa">',
    element('id', {}, FEED_ID),
    element('title', { type: 'text' }, FEED_TITLE),
    element('subtitle', { type: 'text' }, FEED_SUBTITLE),
    element('updated', {}, updated),
    `<author>${element('name', {}, AUTHOR)}</author>`,
    element('link', { rel: 'self', type: 'application/atom+xml', href: FEED_PATH }),
    element('link', { rel: 'alternate', type: 'text/html', href: '/weekly' }),
    element('rights', { type: 'text' }, 'CC BY 4.0 — https://creativecommons.org/licenses/by/4.0/'),
    ...rows.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
