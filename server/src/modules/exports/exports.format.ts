import { PassThrough, pipeline, Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { Logger } from '@nestjs/common';
import type { DownloadName } from '../../common/spreadsheet/content-disposition.js';
import type { ExportColumn } from '../../common/spreadsheet/export-columns.js';
import { createCsvStream, csvHeader, CsvLineEndings } from '../../common/spreadsheet/write-csv.js';
import { createJsonStream } from '../../common/spreadsheet/write-json.js';
import { writeXlsx, type XlsxAboutEntry } from '../../common/spreadsheet/write-xlsx.js';
import type { ExportFormat, ExportLanguage } from './dto/export.query.js';

/**
 * One export in any of the three formats: its columns, its rows (an array or a database cursor), its "about"
 * facts and its file name, turned into a stream of bytes (or, for a reproducible export, the bytes themselves).
 */

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export const LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** The "about" block: the JSON's `about`, the XLSX's second sheet. */
export interface ExportAbout {
  dataset: { fa: string; en: string };
  asOf: { iso: string; jalali: string };
  /** The filters and sort of the request, normalised (days as ISO), without `format` and `lang`. */
  filters: Record<string, string | number | boolean>;
  agency?: { code: string; nameFa: string; nameEn: string };
  source: { week: string; revision: number; permalink: string; digest: string } | null;
  licence: { name: string; url: string };
  demo: boolean;
  notice?: { fa: string; en: string };
  /** The API address (path and query) that produced this file. */
  apiUrl: string;
}

export interface ExportPlan<Row> {
  /** File name without extension: ASCII (`rankings-1401-05-31`) and the one people read (Persian in `fa`). */
  name: { ascii: string; fa: string };
  sheetName: { fa: string; en: string };
  columns: ExportColumn<Row>[];
  rows: Iterable<Row> | Readable;
  about: ExportAbout;
  /** For a reproducible XLSX: the workbook's dates (see writeXlsx). */
  fixedDate?: Date;
}

export interface ExportFile extends DownloadName {
  contentType: string;
  body: Readable;
}

/** An export held whole in memory, so the read cache can keep its bytes and tag them (one row per agency). */
export type ExportBytes = Omit<ExportFile, 'body'> & { body: Buffer };

const logger = new Logger('Exports');

export function renderExport<Row>(plan: ExportPlan<Row>, format: ExportFormat, lang: ExportLanguage): ExportFile {
  const name = {
    fileName: `${plan.name.ascii}.${format}`,
    fileNameFa: `${plan.name[lang === 'fa' ? 'fa' : 'ascii']}.${format}`,
  };
  const source = plan.rows instanceof Readable ? plan.rows : Readable.from(plan.rows);
  const failed = (error: Error | null | undefined) => {
    if (error && (error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.error(`export ${name.fileName} failed: ${error.message}`);
    }
  };
  if (format === 'xlsx') {
    const output = new PassThrough();
    writeXlsx(output, {
      columns: plan.columns,
      rows: source,
      sheetName: plan.sheetName[lang],
      aboutSheetName: lang === 'fa' ? 'درباره' : 'about',
      about: aboutEntries(plan.about, lang),
      rightToLeft: lang === 'fa',
      title: plan.about.dataset[lang],
      fixedDate: plan.fixedDate,
    }).catch((error: Error) => {
      failed(error);
      source.destroy();
      output.destroy(error);
    });
    return { ...name, contentType: CONTENT_TYPES.xlsx, body: output };
  }
  const writer = format === 'csv' ? createCsvStream(plan.columns) : createJsonStream(plan.columns, plan.about);
  return { ...name, contentType: CONTENT_TYPES[format], body: pipeline(source, writer, failed) };
}

/**
 * The whole file in memory: for exports of one row per agency (the rankings, the agency list, a weekly report),
 * whose bytes the read cache keeps and tags, so a press rush on a published list is answered from memory.
 */
/**
 * A CSV that PostgreSQL wrote (`COPY … WITH (FORMAT csv)`, `source` its bytes) with the BOM, the header line of
 * `plan.columns` and CRLF line ends: the same file the column set's writer makes, without a row parsed in Node.
 */
export function renderCopiedCsv(
  plan: Pick<ExportPlan<unknown>, 'name' | 'columns'>,
  source: Readable,
  lang: ExportLanguage,
): ExportFile {
  const fileName = `${plan.name.ascii}.csv`;
  const body = pipeline(source, new CsvLineEndings(csvHeader(plan.columns)), (error) => {
    if (error && (error as { code?: string }).code !== 'ERR_STREAM_PREMATURE_CLOSE') {
      logger.error(`export ${fileName} failed: ${error.message}`);
    }
  });
  return {
    fileName,
    fileNameFa: `${plan.name[lang === 'fa' ? 'fa' : 'ascii']}.csv`,
    contentType: CONTENT_TYPES.csv,
    body,
  };
}

export async function renderExportBytes<Row>(
  plan: ExportPlan<Row>,
  format: ExportFormat,
  lang: ExportLanguage,
): Promise<ExportBytes> {
  const file = renderExport(plan, format, lang);
  return { ...file, body: await buffer(file.body) };
}

const ABOUT_LABELS = {
  dataset: { fa: 'مجموعه داده', en: 'Dataset' },
  asOf: { fa: 'تاریخ (شمسی)', en: 'As of (Jalali)' },
  asOfIso: { fa: 'تاریخ (میلادی)', en: 'As of (ISO)' },
  filter: { fa: 'پالایه', en: 'Filter' },
  agency: { fa: 'دستگاه', en: 'Agency' },
  week: { fa: 'گزارش هفتگی: هفته', en: 'Weekly report: week' },
  revision: { fa: 'گزارش هفتگی: ویرایش', en: 'Weekly report: revision' },
  permalink: { fa: 'گزارش هفتگی: نشانی پایدار', en: 'Weekly report: permalink' },
  digest: { fa: 'گزارش هفتگی: چکیده SHA-256', en: 'Weekly report: SHA-256 digest' },
  licence: { fa: 'مجوز', en: 'Licence' },
  demo: { fa: 'داده نمایشی', en: 'Demonstration data' },
  apiUrl: { fa: 'نشانی API', en: 'API URL' },
} as const;

/** The about block as label/value pairs for the XLSX's second sheet, in the export's language. */
export function aboutEntries(about: ExportAbout, lang: ExportLanguage): XlsxAboutEntry[] {
  const l = (key: keyof typeof ABOUT_LABELS) => ABOUT_LABELS[key][lang];
  const entries: XlsxAboutEntry[] = [
    { label: l('dataset'), value: about.dataset[lang] },
    { label: l('asOf'), value: about.asOf.jalali },
    { label: l('asOfIso'), value: about.asOf.iso },
  ];
  for (const [key, value] of Object.entries(about.filters)) {
    entries.push({ label: `${l('filter')}: ${key}`, value: String(value) });
  }
  if (about.agency) {
    const name = lang === 'fa' ? about.agency.nameFa : about.agency.nameEn;
    entries.push({ label: l('agency'), value: `${name} (${about.agency.code})` });
  }
  if (about.source) {
    entries.push(
      { label: l('week'), value: about.source.week },
      { label: l('revision'), value: about.source.revision },
      { label: l('permalink'), value: about.source.permalink },
      { label: l('digest'), value: about.source.digest },
    );
  }
  entries.push({ label: l('licence'), value: `${about.licence.name} ${about.licence.url}` });
  if (about.demo && about.notice) entries.push({ label: l('demo'), value: about.notice[lang] });
  entries.push({ label: l('apiUrl'), value: about.apiUrl });
  return entries;
}
