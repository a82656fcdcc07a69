import type { ExportColumn, ExportColumnType } from '../../common/spreadsheet/export-columns.js';
import type { FieldType, OpenDataField, OpenDataResource, SqlRow } from './open-data.resources.js';

/**
 * The bundle's `datapackage.json`: a Frictionless Tabular Data Package (v1), one resource per CSV, with each
 * column's type, description and constraints, the keys between tables, the licence and the conventions (calendar,
 * time zone, decimals, units, the CSV's formula guard). Also the CSV columns of a resource, for the shared writer.
 */

export const LICENCE = {
  name: 'CC-BY-4.0',
  path: 'https://creativecommons.org/licenses/by/4.0/',
  title: 'Creative Commons Attribution 4.0 International',
} as const;

export const PACKAGE_NAME = 'iran-national-window-connection-monitor';

const CONVENTIONS = [
  '## Conventions',
  '- **Days** are ISO 8601 Gregorian calendar days (`YYYY-MM-DD`), meant in Tehran (Asia/Tehran). The Jalali ' +
    '(Solar Hijri) calendar the site shows is a presentation of the same days: 2022-09-22 is 1401/06/31. Weekly ' +
    'reports are named by the Jalali day of their Saturday with dashes (`week`, e.g. `1401-06-26`).',
  '- **Instants** are ISO 8601 in UTC (`YYYY-MM-DDThh:mm:ssZ`).',
  '- **Scores and weights** are exact decimals with two places and a dot (`26.07`), never rounded through binary ' +
    'floating point. Scores are points out of 100; weights are percent of the total; days are whole days.',
  '- **Identifiers** are UUIDs, stable from one bundle to the next; `*_id` columns refer to the `id` of the table ' +
    'named in `foreignKeys`. An empty cell is no value.',
  '- **CSV**: UTF-8 with a byte-order mark, RFC 4180 quoting, CRLF line ends, a header line of the field names. A ' +
    "text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return carries a leading `'` so that " +
    'spreadsheets do not run it as a formula (OWASP); remove it to get the text as stored.',
  '- **Ledgers** (`service-stage-history`, `agency-progress-events`) are append-only: a correction supersedes an ' +
    'earlier row; the current belief is the rows that nothing supersedes.',
  '- **Published data only**: final scores, weekly report revisions the public can read, published responses. ' +
    'Drafts, internal notes and the people who record or evaluate are never in the bundle.',
].join('\n');

/** Where a resource's file is in the bundle. */
export function pathOf(resource: OpenDataResource): string {
  return `data/${resource.name}.csv`;
}

const WRITER_TYPES: Record<FieldType, ExportColumnType> = {
  string: 'text',
  integer: 'number',
  number: 'decimal',
  date: 'date',
  // Already UTC ISO text from the query: written as is (it never begins with a formula character).
  datetime: 'text',
  boolean: 'boolean',
};

/** The CSV columns of a resource for the shared writer: the header is the field's name. */
export function columnsOf(resource: OpenDataResource): ExportColumn<SqlRow>[] {
  return resource.fields.map((field) => ({
    key: field.name,
    header: field.name,
    type: WRITER_TYPES[field.type],
    value: field.value ?? ((row: SqlRow) => row[field.name]),
  }));
}

function fieldOf(field: OpenDataField): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (field.required) constraints.required = true;
  if (field.enum) constraints.enum = [...field.enum];
  return {
    name: field.name,
    type: field.type,
    format: field.name === 'id' || field.name.endsWith('_id') ? 'uuid' : 'default',
    description: field.description,
    ...(field.unit ? { unit: field.unit } : {}),
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
  };
}

export interface FileFacts {
  bytes: number;
  /** Hex SHA-256 of the file. */
  sha256: string;
}

/** The descriptor of the bundle, with each file's size and hash (the files are written first). */
export function dataPackageOf(
  resources: readonly OpenDataResource[],
  facts: ReadonlyMap<string, FileFacts>,
  meta: { created: Date; demo: boolean; notice?: { fa: string; en: string } },
): Record<string, unknown> {
  return {
    profile: 'tabular-data-package',
    name: PACKAGE_NAME,
    title: 'National e-services connection monitor: open data — پایش اتصال دستگاه‌ها به پنجره ملی خدمات دولت هوشمند',
    description: [
      "How Iran's executive agencies put their services online and connect them to the National Window of Smart " +
        'Government Services: agencies, their systems and services, the dated history of their progress, the ' +
        "programme's milestones, final quality scores, the weekly reports and the agencies' official responses.",
      ...(meta.demo && meta.notice ? ['', `**Demonstration data.** ${meta.notice.en}`, meta.notice.fa] : []),
      '',
      CONVENTIONS,
    ].join('\n'),
    created: meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    keywords: ['e-government', 'national window', 'Iran', 'open data', 'دولت هوشمند', 'پنجره ملی'],
    licenses: [{ ...LICENCE }],
    resources: resources.map((resource) => {
      const file = facts.get(resource.name);
      return {
        profile: 'tabular-data-resource',
        name: resource.name,
        path: pathOf(resource),
        title: resource.title,
        description: resource.description,
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        ...(file ? { bytes: file.bytes, hash: `sha256:${file.sha256}` } : {}),
        dialect: { delimiter: ',', doubleQuote: true, lineTerminator: '\r\n', quoteChar: '"', header: true },
        schema: {
          fields: resource.fields.map(fieldOf),
          missingValues: [''],
          primaryKey: resource.primaryKey.length === 1 ? resource.primaryKey[0] : resource.primaryKey,
          ...(resource.foreignKeys
            ? {
                foreignKeys: resource.foreignKeys.map((key) => ({
                  fields: key.fields.length === 1 ? key.fields[0] : key.fields,
                  reference: {
                    resource: key.resource,
                    fields: key.referenceFields.length === 1 ? key.referenceFields[0] : key.referenceFields,
                  },
                })),
              }
            : {}),
        },
        licenses: [{ ...LICENCE }],
      };
    }),
  };
}
