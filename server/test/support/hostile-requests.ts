import { randomBytes } from 'node:crypto';
import type { OpenAPIObject } from '@nestjs/swagger';
import { fillPath, type DocumentedParameter, type Operation } from './openapi-operations.js';

/**
 * Hostile requests generated from the OpenAPI document (issue 10). Every request made here is invalid by
 * construction, whatever the server does with text: a hostile string goes only where an enum, a uuid, a date, a
 * decimal, a code or an address is taken, or — in a free-text field, where `<script>` is a legitimate note — it is
 * paired with a required field of the wrong type, so the request as a whole can never be accepted.
 */

type Json = Record<string, unknown>;

/** A request to send, and what it is, for failure messages. */
export interface HostileRequest {
  what: string;
  method: string;
  url: string;
  /** A JSON body as raw text (so that `1e309` and `__proto__` survive), or a multipart body. */
  payload?: string | Buffer;
  headers?: Record<string, string>;
}

/** What the server takes in a field or parameter, as far as the hostile values are concerned. */
export type FieldKind =
  'enum' | 'uuid' | 'date' | 'decimal' | 'url' | 'code' | 'number' | 'text' | 'array' | 'object' | 'file';

export const SQL = "' OR 1=1 --";
export const SCRIPT = '<script>alert(1)</script>';
/** Bidi marks are dropped by the normaliser: what they wrap is invalid wherever a strict kind is taken. */
const BIDI = '\u202e<ev;il>\u202c';
const ZERO_WIDTH = 'a\u200bb\u200dc\ufeff';
const HUGE = 'ب'.repeat(100_000);

/** Strings no enum, uuid, date, decimal, code or address accepts. */
const ANY_STRICT = [SQL, SCRIPT, BIDI, ZERO_WIDTH, '../../etc/passwd', '%2e%2e%2f', HUGE, 'a\u0000b'];

/** Per kind, strings that kind refuses on top of `ANY_STRICT`. */
const STRICT_BY_KIND: Partial<Record<FieldKind, string[]>> = {
  date: [
    '1401-13-40',
    '1401/12/31',
    '1401/12/30', // 1401 is not a leap year: Esfand has 29 days
    '۱۴۰۱/۱۳/٤٠', // Persian and Arabic-Indic digits, month 13
    '1401/٠٧/۳۲',
    '\u202e1401/07/40',
    '0000-00-00',
    '99999-01-01',
    '2022-02-30',
  ],
  decimal: ['1e309', 'NaN', 'Infinity', '-1', '-۱۲', '۱۰۰٫۰۰۱', '1,5', '0x10', '100.001'],
  // Persian digits in a uuid are normalised (a valid one stays valid): mixed digits in a uuid too short.
  uuid: ['00000000-0000-4000-8000-00000000000g', '۰۰۰۰۰۰۰۰-0000-4000-8000-٠٠٠'],
  url: ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<script>'],
  code: ['a b', 'کد؛', '../x'],
};

/** Raw JSON texts a number field refuses (written raw: `1e309` is not something JSON.stringify writes). */
const NUMBER_RAW = ['1e309', '-1e309', '"NaN"', '"abc"', '-1', '{}', '[1]', 'true', '99999999999999999999', '1.5e300'];
/** Raw JSON texts a field of any scalar kind refuses. */
const NOT_SCALAR = ['{}', '[[]]', 'true'];

export function strictStrings(kind: FieldKind): string[] {
  return [...ANY_STRICT, ...(STRICT_BY_KIND[kind] ?? [])];
}

/** A string field's value free-text is for (names, notes): hostile content legitimately stored as text. */
export const FREE_TEXT_HOSTILE = [SQL, SCRIPT, BIDI, ZERO_WIDTH, 'نام ۱۲٣ Name 45', HUGE];

/** A scalar from a schema (an example, a description) as text; anything else as ''. */
export function textOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** The schema a `$ref` (or `allOf: [$ref]`) points to, or the schema itself. */
export function resolve(document: OpenAPIObject, schema: unknown): Json {
  let s = (schema ?? {}) as Json;
  for (let i = 0; i < 5; i += 1) {
    const ref = (s.$ref as string | undefined) ?? ((s.allOf as Json[] | undefined)?.[0]?.$ref as string | undefined);
    if (!ref) return s;
    s = (document.components?.schemas?.[ref.split('/').pop()!] ?? {}) as Json;
  }
  return s;
}

/** The kind of value a (resolved) schema takes, from its type, format and what its description promises. */
export function kindOf(schema: Json, name = ''): FieldKind {
  const description = `${textOf(schema.description)} ${textOf(schema.example)}`;
  if (schema.format === 'binary') return 'file';
  if (Array.isArray(schema.enum)) return 'enum';
  if (schema.format === 'uuid') return 'uuid';
  if (schema.type === 'array') return 'array';
  if (schema.type === 'object' || schema.properties) return 'object';
  if (schema.type === 'number' || schema.type === 'integer') return 'number';
  if (/YYYY|Jalali/.test(description) || /^[\d۰-۹]{4}[-/][\d۰-۹]{2}[-/][\d۰-۹]{2}$/.test(textOf(schema.example)))
    return 'date';
  if (/^(asOf|from|to)$/.test(name)) return 'date';
  if (/decimal/i.test(description) || /Score$/.test(name)) return 'decimal';
  if (/http\(s\)/.test(description)) return 'url';
  if (/letters, digits, \. _ -/.test(description)) return 'code';
  return 'text';
}

/**
 * A plausible value of a schema: its example, else something of its kind. `idFor` gives a real id for a uuid
 * field by name (an agency for `agencyId`…), so that only the hostile part of a request is wrong.
 */
export function sampleOf(
  document: OpenAPIObject,
  schema: unknown,
  name: string,
  idFor: (name: string) => string,
): unknown {
  const s = resolve(document, schema);
  switch (kindOf(s, name)) {
    case 'enum':
      return (s.enum as unknown[])[0];
    case 'uuid':
      return idFor(name);
    case 'array':
      return [sampleOf(document, s.items, name.replace(/s$/, ''), idFor)];
    case 'object':
      return Object.fromEntries(
        Object.entries((s.properties ?? {}) as Json).map(([key, value]) => [
          key,
          sampleOf(document, value, key, idFor),
        ]),
      );
    case 'number':
      return s.example ?? s.minimum ?? 1;
    case 'date':
      return s.example ?? '1401/07/10';
    case 'decimal':
      return s.example ?? '50';
    case 'url':
      return s.example ?? 'https://example.gov.ir';
    case 'code':
      return `${textOf(s.example) || 'code'}-${randomBytes(3).toString('hex')}`;
    default:
      return s.example ?? 'متن آزمایشی';
  }
}

/** A JSON body whose value at `path` (dotted, array indexes as numbers) is the raw JSON text `raw`, or removed. */
function withValue(base: Json, path: string[], raw: string | undefined): string {
  const marker = `@@hostile-${randomBytes(6).toString('hex')}@@`;
  const copy = structuredClone(base);
  let target = copy as Json;
  for (const key of path.slice(0, -1)) target = target[key] as Json;
  const last = path[path.length - 1]!;
  if (raw === undefined) delete target[last];
  else target[last] = marker;
  return JSON.stringify(copy).replace(`"${marker}"`, raw ?? '');
}

/** One field of a body, with where it is and what its schema says. */
interface BodyField {
  path: string[];
  kind: FieldKind;
  required: boolean;
  schema: Json;
}

/** The fields of a body schema, and one level into objects and arrays of objects (their first element). */
function fieldsOf(document: OpenAPIObject, schema: Json, prefix: string[] = [], depth = 0): BodyField[] {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  return Object.entries((schema.properties ?? {}) as Json).flatMap(([name, raw]) => {
    const s = resolve(document, raw);
    const field: BodyField = {
      path: [...prefix, name],
      kind: kindOf(s, name),
      required: required.has(name),
      schema: s,
    };
    if (depth > 0) return [field];
    if (field.kind === 'object') return [field, ...fieldsOf(document, s, field.path, depth + 1)];
    const items = resolve(document, s.items);
    if (field.kind === 'array' && kindOf(items) === 'object')
      return [field, ...fieldsOf(document, items, [...field.path, '0'], depth + 1)];
    return [field];
  });
}

/**
 * Every hostile variant of a JSON body: each required field missing; each field of a wrong type, out of range or
 * given a hostile string its kind refuses; hostile free text beside a required field of the wrong type; unknown
 * fields, prototype keys, broken and oversized JSON, the wrong media type.
 */
export function bodyVariants(
  document: OpenAPIObject,
  schema: Json,
  base: Json,
): Array<{ what: string; payload: string; contentType?: string }> {
  const fields = fieldsOf(document, schema);
  const out: Array<{ what: string; payload: string; contentType?: string }> = [];
  const topRequired = fields.filter((f) => f.required && f.path.length === 1);
  for (const field of fields) {
    const at = field.path.join('.');
    if (field.required) out.push({ what: `${at} missing`, payload: withValue(base, field.path, undefined) });
    if (field.required) out.push({ what: `${at} null`, payload: withValue(base, field.path, 'null') });
    switch (field.kind) {
      case 'number':
        for (const raw of NUMBER_RAW) {
          // A number within the documented range is no error, whatever its sign.
          if (raw === '-1' && !(typeof field.schema.minimum === 'number' && field.schema.minimum >= 0)) continue;
          if (
            raw === '99999999999999999999' &&
            field.schema.maximum === undefined &&
            field.schema.minimum === undefined
          )
            continue;
          out.push({ what: `${at} = ${raw}`, payload: withValue(base, field.path, raw) });
        }
        break;
      case 'array':
        for (const raw of ['"x"', '{}', '[[]]', '[null]', '[7]', JSON.stringify([SQL])]) {
          // An array of strings takes a string element; an array of uuids does not take that one.
          if (raw === JSON.stringify([SQL]) && kindOf(resolve(document, field.schema.items)) === 'text') continue;
          out.push({ what: `${at} = ${raw}`, payload: withValue(base, field.path, raw) });
        }
        break;
      case 'object':
        for (const raw of ['[]', '[[]]', '"x"', '42'])
          out.push({ what: `${at} = ${raw}`, payload: withValue(base, field.path, raw) });
        break;
      case 'text': {
        for (const raw of NOT_SCALAR) out.push({ what: `${at} = ${raw}`, payload: withValue(base, field.path, raw) });
        // Free text takes hostile strings as text: the request is made invalid by another required field.
        const poison = topRequired.find((f) => f.path[0] !== field.path[0]);
        for (const value of FREE_TEXT_HOSTILE) {
          const body = JSON.parse(withValue(base, field.path, JSON.stringify(value))) as Json;
          const payload = poison
            ? withValue(body, poison.path, '{}')
            : JSON.stringify({ ...body, hostileExtraField: true });
          out.push({
            what: `${at} = ${describe(value)} with ${poison ? `${poison.path.join('.')} = {}` : 'an unknown field'}`,
            payload,
          });
        }
        break;
      }
      case 'file':
        break;
      default:
        for (const raw of NOT_SCALAR) out.push({ what: `${at} = ${raw}`, payload: withValue(base, field.path, raw) });
        for (const value of strictStrings(field.kind))
          out.push({ what: `${at} = ${describe(value)}`, payload: withValue(base, field.path, JSON.stringify(value)) });
        if (field.kind === 'decimal' || field.kind === 'date')
          out.push({ what: `${at} = 1e309 (a number)`, payload: withValue(base, field.path, '1e309') });
    }
  }
  const json = JSON.stringify(base);
  out.push(
    { what: 'an unknown field', payload: JSON.stringify({ ...base, isAdmin: true }) },
    { what: 'an unknown field with script', payload: JSON.stringify({ ...base, [SCRIPT]: SQL }) },
    { what: '__proto__ key', payload: json.replace(/^\{/, '{"__proto__":{"isAdmin":true},') },
    { what: 'constructor.prototype key', payload: json.replace(/^\{/, '{"constructor":{"prototype":{"x":1}},') },
    { what: 'broken JSON', payload: json.slice(0, Math.max(1, json.length - 3)) },
    { what: 'an array body', payload: `[${json}]` },
    { what: 'a string body', payload: JSON.stringify(SQL) },
    { what: 'an empty object', payload: '{}' },
    { what: 'JSON over the body limit', payload: JSON.stringify({ ...base, padding: 'x'.repeat(1_100_000) }) },
    { what: 'as text/plain', payload: json, contentType: 'text/plain' },
    {
      what: 'as application/x-www-form-urlencoded',
      payload: 'a=1&b=2',
      contentType: 'application/x-www-form-urlencoded',
    },
  );
  // `{}` is valid for a body without required fields: drop that one there.
  return out.filter((v) => v.what !== 'an empty object' || topRequired.length > 0);
}

/** Hostile values of a path parameter: traversal, encodings, payloads, numbers no id is. */
export const PATH_HOSTILE = [
  '..',
  '../../etc/passwd',
  '%2e%2e',
  '..%2f..%2fadmin',
  '%00',
  SQL,
  SCRIPT,
  BIDI,
  ZERO_WIDTH,
  '۱۲۳',
  '-1',
  '1e309',
  'NaN',
  // Far over Fastify's `maxParamLength` (100): a 414 with our bilingual body (create-app's `frameworkErrors`).
  'x'.repeat(5_000),
];

/** Hostile values of a query parameter of this kind (all of them invalid there). */
export function queryValues(kind: FieldKind, schema: Json): string[] {
  switch (kind) {
    case 'number': {
      const values = ['NaN', '1e309', '99999999999999999999', 'abc', '۱٫۵', SQL];
      if (typeof schema.minimum === 'number' && schema.minimum >= 0) values.push('-1', '-۱');
      return values;
    }
    case 'enum':
    case 'uuid':
    case 'date':
    case 'decimal':
      return strictStrings(kind).filter((v) => v !== 'a\u0000b');
    default:
      return [];
  }
}

/** A short description of a hostile value, for failure messages. */
export function describe(value: string): string {
  if (value.length > 200) return `${value.length} × ${JSON.stringify(value[0])}`;
  return JSON.stringify(value);
}

/** The path of an operation filled with `valueOf`, with one parameter given a raw (already encoded) value. */
export function pathWith(op: Operation, valueOf: (p: DocumentedParameter) => string, name?: string, raw?: string) {
  const marker = `hostile${randomBytes(6).toString('hex')}`;
  const filled = fillPath(op, (p) => (p.name === name ? marker : valueOf(p)));
  return raw === undefined ? filled : filled.replace(marker, raw);
}

/** A multipart body with one file part (or none) and its content type. */
export function multipart(parts: Array<{ name: string; fileName?: string; content: Buffer | string }>): {
  payload: Buffer;
  contentType: string;
} {
  const boundary = `----monitor-hostile-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName
      ? `form-data; name="${part.name}"; filename="${part.fileName}"`
      : `form-data; name="${part.name}"`;
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: ${disposition}\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Files an import refuses whole: unreadable, truncated, empty, oversized, too wide, cells too long, hostile names
 * with unreadable content, the wrong field, no boundary.
 */
export function uploadVariants(): Array<{
  what: string;
  payload: Buffer | string;
  contentType: string;
  /** A preview reports this one as a problem in a 200 (its documented answer); a commit refuses it. */
  previewReports?: boolean;
}> {
  const file = (fileName: string, content: Buffer | string) => multipart([{ name: 'file', fileName, content }]);
  const garbage = randomBytes(4096);
  const truncatedZip = Buffer.concat([
    Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000'),
    randomBytes(300),
  ]);
  const cases: Array<[string, { payload: Buffer; contentType: string }]> = [
    ['random bytes as .xlsx', file('scores.xlsx', garbage)],
    ['a truncated zip as .xlsx', file('scores.xlsx', truncatedZip)],
    ['an empty .xlsx', file('scores.xlsx', Buffer.alloc(0))],
    ['an empty .csv', file('scores.csv', Buffer.alloc(0))],
    ['random bytes as .csv', file('scores.csv', garbage)],
    ['a .csv of 60 columns', file('scores.csv', `${Array.from({ length: 60 }, (_, i) => `c${i}`).join(',')}\r\n`)],
    ['a .csv with a 20,000-character cell', file('scores.csv', `round_code,agency\r\n${'x'.repeat(20_000)},a\r\n`)],
    ['a .csv over 20 MB', file('scores.csv', Buffer.alloc(21 * 1024 * 1024, 'a'))],
    ['path tricks in the file name (random bytes)', file('../../../etc/passwd', garbage)],
    ['a Windows path in the file name (truncated zip)', file('..\\..\\boot.xlsx', truncatedZip)],
    ['script in the file name (random bytes)', file('<script>.xlsx', garbage)],
    ['an .exe', file('scores.exe', garbage)],
    ['the file under another field name', multipart([{ name: 'upload', fileName: 'scores.csv', content: 'a,b\r\n' }])],
    ['no file, only a text field', multipart([{ name: 'file', content: SQL }])],
    [
      'two files',
      multipart([
        { name: 'file', fileName: 'a.xlsx', content: garbage },
        { name: 'file', fileName: 'b.xlsx', content: garbage },
      ]),
    ],
  ];
  const reported = new Set(['an empty .xlsx', 'an empty .csv', 'no file, only a text field']);
  return [
    ...cases.map(([what, body]) => ({ what, ...body, previewReports: reported.has(what) })),
    { what: 'multipart without a boundary', payload: 'x', contentType: 'multipart/form-data' },
    { what: 'JSON instead of a file', payload: '{"file":"scores.csv"}', contentType: 'application/json' },
  ];
}
