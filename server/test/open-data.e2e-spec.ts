import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'csv-parse/sync';
import JSZip from 'jszip';
import { produceWeeklyReport } from '../src/modules/reports/reports.production.js';
import { createTestApp, type TestApp } from './support/test-app.js';

// ajv-formats is CommonJS: its default export arrives as the module object or the function, by loader.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

interface Field {
  name: string;
  type: string;
  format?: string;
  description?: string;
  constraints?: { required?: boolean; enum?: string[] };
}
interface Resource {
  name: string;
  path: string;
  profile: string;
  bytes: number;
  hash: string;
  schema: {
    fields: Field[];
    primaryKey: string | string[];
    foreignKeys?: Array<{ fields: string | string[]; reference: { resource: string; fields: string | string[] } }>;
  };
}
interface DataPackage {
  profile: string;
  licenses: Array<{ name: string; path: string }>;
  description: string;
  resources: Resource[];
}

let t: TestApp;
let zip: JSZip;
let descriptor: DataPackage;
let response: { status: number; headers: Record<string, unknown> };
/** Every CSV as parsed records (header first), by resource name. */
const tables = new Map<string, string[][]>();

const DRAFT_RESPONSE = 'پیش‌نویس محرمانه جوابیه DRAFT-RESPONSE-TEXT';
const FORMULA_RESPONSE = '=HYPERLINK("http://example.com") پاسخ رسمی دستگاه';

beforeAll(async () => {
  t = await createTestApp();
  const [agency] = await t.sql.query(`SELECT id FROM agency WHERE is_main ORDER BY code LIMIT 1`);
  // A published response (whose text a spreadsheet would run as a formula) and a draft one.
  await t.sql.query(
    `INSERT INTO agency_response (agency_id, received_on, body_fa, status, published_at)
     VALUES ($1, '2022-09-20', $2, 'published', now()), ($1, '2022-09-21', $3, 'draft', NULL)`,
    [agency.id, FORMULA_RESPONSE, DRAFT_RESPONSE],
  );
  // A draft score in the open round.
  await t.sql.query(
    `INSERT INTO score (round_id, agency_id, total, status)
     SELECT r.id, a.id, '55.55', 'draft' FROM evaluation_round r, agency a
     WHERE r.status = 'open' AND a.is_main
       AND NOT EXISTS (SELECT 1 FROM score s WHERE s.round_id = r.id AND s.agency_id = a.id)
     LIMIT 1`,
  );
  // A weekly report under embargo: published, not yet public.
  await t.sql.query(
    `INSERT INTO programme_cycle (code, title_fa, title_en, starts_on, ends_on, baseline_on)
     VALUES ('budget-1402', 'قانون بودجه ۱۴۰۲', 'Budget law of 1402', '2023-03-21', '2024-03-19', '2023-03-21')`,
  );
  await t.sql.transaction((m) => produceWeeklyReport(m, '2023-03-25', { publishedAt: new Date(), embargoHours: 24 }));

  const res = await t.app.inject({ method: 'GET', url: '/api/v1/open-data.zip', headers: { host: 'localhost' } });
  response = { status: res.statusCode, headers: res.headers };
  zip = await JSZip.loadAsync(res.rawPayload);
  descriptor = JSON.parse(await zip.file('datapackage.json')!.async('string')) as DataPackage;
  for (const resource of descriptor.resources) {
    const file = zip.file(resource.path);
    if (!file) continue;
    const text = (await file.async('nodebuffer')).toString('utf8');
    tables.set(resource.name, parse(text, { bom: true, relax_column_count: false }) as string[][]);
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

/** A table's rows as objects by field name. */
function rowsOf(name: string): Array<Record<string, string>> {
  const [header, ...rows] = tables.get(name)!;
  return rows.map((row) => Object.fromEntries(header!.map((h, i) => [h, row[i]!])));
}

const asList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PARSES: Record<string, (value: string) => boolean> = {
  string: () => true,
  integer: (v) => /^-?\d+$/.test(v),
  number: (v) => /^-?\d+(\.\d+)?$/.test(v),
  boolean: (v) => v === 'true' || v === 'false',
  date: (v) => /^\d{4}-\d\d-\d\d$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
  datetime: (v) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(v) && new Date(v).toISOString() === v.replace('Z', '.000Z'),
};

describe('the open-data bundle', () => {
  it('downloads as a zip named by the Jalali day', () => {
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(String(response.headers['content-disposition'])).toMatch(
      /^attachment; filename="open-data-\d{4}-\d\d-\d\d\.zip"; filename\*=UTF-8''/,
    );
  });

  it('has a datapackage.json valid against the official Tabular Data Package schema, licensed CC BY 4.0', () => {
    const schema = JSON.parse(
      readFileSync(new URL('./fixtures/frictionless/tabular-data-package.json', import.meta.url), 'utf8'),
    ) as Record<string, unknown>;
    delete schema.$schema; // draft-04, read as draft-07 (see fixtures/frictionless/SOURCE.md)
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addFormat('textarea', true);
    const validate = ajv.compile(schema);
    const valid = validate(descriptor);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // And it is not a schema that accepts anything: a resource without its schema fails.
    const broken = structuredClone(descriptor) as unknown as { resources: Array<Record<string, unknown>> };
    delete broken.resources[0]!.schema;
    expect(validate(broken)).toBe(false);

    expect(descriptor.profile).toBe('tabular-data-package');
    expect(descriptor.licenses).toEqual([
      expect.objectContaining({ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }),
    ]);
    expect(descriptor.description).toContain('Jalali');
    expect(descriptor.description).toContain('ISO 8601');
    expect(descriptor.description).toContain('Demonstration data');
  });

  it('has every public table, each CSV as described: header = field names, sizes and hashes right', async () => {
    expect(descriptor.resources.map((r) => r.name)).toEqual([
      'agencies',
      'agency-systems',
      'services',
      'service-stage-history',
      'programme-cycles',
      'milestones',
      'agency-progress-events',
      'criteria-sets',
      'criteria',
      'evaluation-rounds',
      'scores',
      'criterion-scores',
      'weekly-reports',
      'weekly-report-entries',
      'agency-responses',
    ]);
    for (const resource of descriptor.resources) {
      const bytes = await zip.file(resource.path)!.async('nodebuffer');
      expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(resource.bytes).toBe(bytes.length);
      expect(resource.hash).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      expect(tables.get(resource.name)![0]).toEqual(resource.schema.fields.map((f) => f.name));
      for (const field of resource.schema.fields) {
        expect(field.description).toEqual(expect.any(String));
        if (field.type === 'date' || field.type === 'datetime') expect(field.format).toBe('default');
      }
    }
  });

  it('has values that parse as their declared types and meet their constraints', () => {
    const problems: string[] = [];
    let cells = 0;
    for (const resource of descriptor.resources) {
      const [, ...rows] = tables.get(resource.name)!;
      resource.schema.fields.forEach((field, i) => {
        const parses = PARSES[field.type]!;
        for (const row of rows) {
          const value = row[i]!;
          cells += 1;
          const where = `${resource.name}.${field.name} = ${JSON.stringify(value)}`;
          if (value === '') {
            if (field.constraints?.required) problems.push(`${where}: required`);
          } else if (!parses(value)) {
            problems.push(`${where}: not a ${field.type}`);
          } else if (field.format === 'uuid' && !UUID.test(value)) {
            problems.push(`${where}: not a uuid`);
          } else if (field.constraints?.enum && !field.constraints.enum.includes(value)) {
            problems.push(`${where}: not one of ${field.constraints.enum.join(', ')}`);
          }
        }
      });
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(cells).toBeGreaterThan(10_000);
  });

  it('has unique primary keys, and every foreign key finds its row', () => {
    const problems: string[] = [];
    const keyOf = (row: Record<string, string>, fields: string[]) => fields.map((f) => row[f]).join('|');
    for (const resource of descriptor.resources) {
      const rows = rowsOf(resource.name);
      const primary = asList(resource.schema.primaryKey);
      const keys = new Set(rows.map((r) => keyOf(r, primary)));
      if (keys.size !== rows.length) problems.push(`${resource.name}: ${rows.length - keys.size} duplicate keys`);
      for (const key of resource.schema.foreignKeys ?? []) {
        const target = key.reference.resource === '' ? resource.name : key.reference.resource;
        const known = new Set(rowsOf(target).map((r) => keyOf(r, asList(key.reference.fields))));
        for (const row of rows) {
          const value = keyOf(row, asList(key.fields));
          if (value.split('|').every((v) => v === '')) continue;
          if (!known.has(value))
            problems.push(`${resource.name}.${asList(key.fields).join('+')} = ${value}: no ${target} row`);
        }
      }
    }
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it('holds every agency, in Persian as stored, and the final scores as exact decimals', async () => {
    const agencies: Array<{ id: string; name_fa: string }> = await t.sql.query(`SELECT id, name_fa FROM agency`);
    const inBundle = new Map(rowsOf('agencies').map((r) => [r.id, r.name_fa]));
    expect(inBundle.size).toBe(agencies.length);
    for (const a of agencies) expect(inBundle.get(a.id)).toBe(a.name_fa);
    const [{ n }] = await t.sql.query(`SELECT count(*)::int AS n FROM score WHERE status = 'final'`);
    const scores = rowsOf('scores');
    expect(scores).toHaveLength(n);
    expect(scores.map((s) => s.total)).toContain('26.07');
    expect(scores.map((s) => s.total)).not.toContain('55.55'); // the draft
  });

  it('holds one row per agency per public weekly report revision, and not the embargoed week', async () => {
    const reports = rowsOf('weekly-reports');
    const [{ n, entries }] = await t.sql.query(
      `SELECT count(*)::int AS n, sum(jsonb_array_length(content->'ranking'))::int AS entries
       FROM weekly_report WHERE status = 'published' AND public_from <= now()`,
    );
    expect(reports).toHaveLength(n);
    expect(reports.map((r) => r.week)).not.toContain('1402-01-05');
    expect(rowsOf('weekly-report-entries')).toHaveLength(entries);
    const report = reports.find((r) => r.week === '1401-06-26' && r.revision === '1')!;
    expect(report.permalink).toBe('/api/v1/weekly-reports/1401-06-26/revisions/1');
    // The rows say what the report says: its overdue list on the single-window milestone.
    const published = await t.request({ method: 'GET', url: '/api/v1/weekly-reports/1401-06-26?revision=1' });
    expect(published.body.digest).toBe(report.digest);
    const section = published.body.content.milestones.find((m: { code: string }) => m.code === 'single-window');
    const overdue = rowsOf('weekly-report-entries')
      .filter((e) => e.weekly_report_id === report.id && e.overdue_milestones!.split(', ').includes('single-window'))
      .map((e) => e.agency_id)
      .sort();
    expect(overdue).toEqual(section.overdue.map((e: { agency: { id: string } }) => e.agency.id).sort());
  });

  it('holds published responses only, a formula-like text guarded', async () => {
    const responses = rowsOf('agency-responses');
    // The demo data's published replies, and this test's; never its draft or the demo's open request.
    const published: Array<{ id: string }> = await t.sql.query(
      `SELECT id FROM agency_response WHERE status = 'published' ORDER BY id`,
    );
    expect(responses.map((r) => r.id).sort()).toEqual(published.map((r) => r.id));
    expect(await t.sql.query(`SELECT 1 FROM agency_response WHERE status <> 'published'`)).toHaveLength(2);
    expect(responses.map((r) => r.body_fa)).toContain(`'${FORMULA_RESPONSE}`);
    expect(responses.map((r) => r.body_fa)).not.toContain(DRAFT_RESPONSE);
  });

  it('never holds drafts, internal notes, representatives, users or evaluators', async () => {
    const everything =
      (await Promise.all(descriptor.resources.map((r) => zip.file(r.path)!.async('string')))).join('\n') +
      (await zip.file('datapackage.json')!.async('string'));
    expect(everything).not.toContain(DRAFT_RESPONSE);
    const users: Array<{ username: string; display_name: string; id: string }> = await t.sql.query(
      `SELECT id, username, display_name FROM app_user`,
    );
    expect(users.length).toBeGreaterThan(0);
    for (const user of users) {
      expect(everything).not.toContain(user.display_name);
      expect(everything).not.toContain(user.id);
    }
    const [session] = await t.sql.query(
      `SELECT notes, representatives::text AS representatives FROM evaluation_session WHERE notes IS NOT NULL LIMIT 1`,
    );
    expect(everything).not.toContain(session.notes);
    expect(everything).not.toContain('نماینده معرفی‌شده دستگاه');
    for (const resource of descriptor.resources) {
      for (const field of resource.schema.fields) {
        expect(field.name).not.toMatch(/note|_by_id|password|session|representative|evaluator|user/);
      }
    }
    expect(
      zip
        .file(/./)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['datapackage.json', ...descriptor.resources.map((r) => r.path)].sort());
  });
});
