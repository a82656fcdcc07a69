import ExcelJS from 'exceljs';
import type { EntityManager } from 'typeorm';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { isoToJalali } from '../../common/dates/jalali.js';
import { toCsv } from '../../common/spreadsheet/csv.js';
import type { SpreadsheetFormat } from '../../common/spreadsheet/read-spreadsheet.js';
import type { ImportKind } from './import-types.js';
import { ImportRoundNotFoundException } from './imports.exception.js';
import { EVENT_LABELS, PROGRESS_COLUMN_TITLES } from './progress-import.js';
import { SCORE_COLUMN_TITLES } from './score-import.js';
import { selectAgencyRefs, selectAllCriteria, selectRounds, type RoundRef } from './imports.queries.js';

export interface TemplateFile {
  /** ASCII file name, for old clients. */
  fileName: string;
  /** Persian file name (RFC 5987 `filename*`). */
  fileNameFa: string;
  contentType: string;
  body: Buffer;
}

interface ColumnHelp {
  header: string;
  /** The column's title: what the preview and the problems call it. */
  title: { fa: string; en: string };
  fa: string;
  en: string;
  /** Typed as text in the xlsx (days, codes), so that a spreadsheet program does not turn it into something else. */
  text?: boolean;
  width?: number;
}

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const EXAMPLE_SCORES = ['80', '75.5', '62.25', '90', '70', '85'];

/**
 * The template of an import: the header row and one example row (to be replaced), plus (xlsx) a guide sheet and
 * the list of agencies with their codes. The first sheet is right-to-left with a frozen header row.
 */
export async function buildTemplate(
  manager: EntityManager,
  kind: ImportKind,
  format: SpreadsheetFormat,
  roundCode: string | undefined,
): Promise<TemplateFile> {
  const agencies = await selectAgencyRefs(manager);
  const example = agencies.find((a) => a.code === 'interior') ?? agencies[0];
  let columns: ColumnHelp[];
  let exampleRow: string[];
  let name: string;
  let nameFa: string;
  let extraGuide: string[][] = [];
  if (kind === 'scores') {
    const round = await chooseRound(manager, roundCode);
    const criteria = (await selectAllCriteria(manager)).filter((c) => c.criteriaSetId === round.criteriaSetId);
    columns = [
      {
        header: 'round_code',
        title: SCORE_COLUMN_TITLES.round_code,
        fa: 'کد دوره ارزیابی',
        en: 'Evaluation round code',
        text: true,
        width: 16,
      },
      {
        header: 'agency',
        title: SCORE_COLUMN_TITLES.agency,
        fa: 'کد دستگاه یا نام کامل فارسی یا انگلیسی آن (برگه «دستگاه‌ها»)',
        en: 'Agency code, or its full Persian or English name (see the agencies sheet)',
        text: true,
        width: 36,
      },
      {
        header: 'held_on',
        title: SCORE_COLUMN_TITLES.held_on,
        fa: 'تاریخ جلسه ارزیابی: خورشیدی مانند ۱۴۰۱/۰۵/۳۱ یا میلادی مانند 2022-08-22',
        en: 'Session day: Jalali as 1401/05/31 or Gregorian as 2022-08-22',
        text: true,
        width: 14,
      },
      ...criteria.map((c) => ({
        header: c.code,
        title: { fa: c.titleFa, en: c.titleEn },
        fa: `${c.titleFa} (وزن ${c.weight}): امتیاز ۰ تا ۱۰۰، حداکثر دو رقم اعشار`,
        en: `${c.titleEn} (weight ${c.weight}): score 0 to 100, at most two decimals`,
        width: Math.max(12, c.code.length + 4),
      })),
    ];
    const day = round.startsOn <= tehranToday() ? round.startsOn : tehranToday();
    exampleRow = [
      round.code,
      example?.nameFa ?? '',
      isoToJalali(day),
      ...criteria.map((_, i) => EXAMPLE_SCORES[i % EXAMPLE_SCORES.length]!),
    ];
    name = `scores-template-${round.code}`;
    nameFa = `الگوی-ورود-امتیازها-${round.code}`;
  } else {
    columns = [
      {
        header: 'agency',
        title: PROGRESS_COLUMN_TITLES.agency,
        fa: 'کد دستگاه یا نام کامل فارسی یا انگلیسی آن (برگه «دستگاه‌ها»)',
        en: 'Agency code, or its full Persian or English name (see the agencies sheet)',
        text: true,
        width: 36,
      },
      {
        header: 'event',
        title: PROGRESS_COLUMN_TITLES.event,
        fa: `«${EVENT_LABELS.single_window_launched.fa}» یا «${EVENT_LABELS.national_window_connected.fa}»`,
        en: 'single_window_launched or national_window_connected',
        text: true,
        width: 26,
      },
      {
        header: 'date',
        title: PROGRESS_COLUMN_TITLES.date,
        fa: 'روزی که رخ داد: خورشیدی مانند ۱۴۰۱/۰۶/۱۵ یا میلادی مانند 2022-09-06',
        en: 'The day it happened: Jalali as 1401/06/15 or Gregorian as 2022-09-06',
        text: true,
        width: 14,
      },
      {
        header: 'url',
        title: PROGRESS_COLUMN_TITLES.url,
        fa: 'نشانی پنجره واحد (برای راه‌اندازی پنجره واحد لازم است)',
        en: 'The single window address (required for single_window_launched)',
        text: true,
        width: 32,
      },
      {
        header: 'note',
        title: PROGRESS_COLUMN_TITLES.note,
        fa: 'یادداشت (اختیاری)',
        en: 'Note (optional)',
        text: true,
        width: 30,
      },
    ];
    exampleRow = [
      example?.nameFa ?? '',
      EVENT_LABELS.single_window_launched.fa,
      isoToJalali(tehranToday()),
      'https://example.gov.ir',
      '',
    ];
    extraGuide = [
      [],
      ['event', 'رویداد', '', 'Event'],
      ...Object.entries(EVENT_LABELS).map(([code, label]) => [code, label.fa, '', label.en]),
    ];
    name = 'progress-template';
    nameFa = 'الگوی-ورود-پیشرفت-اتصال';
  }

  if (format === 'csv') {
    return {
      fileName: `${name}.csv`,
      fileNameFa: `${nameFa}.csv`,
      contentType: CONTENT_TYPES.csv,
      body: Buffer.from(toCsv([columns.map((c) => c.header), exampleRow]), 'utf8'),
    };
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'پایش اتصال به پنجره ملی خدمات دولت هوشمند';
  const sheet = workbook.addWorksheet('داده‌ها', {
    views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    key: c.header,
    width: c.width ?? 14,
    style: c.text ? { numFmt: '@' } : {},
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  columns.forEach((c, i) => {
    headerRow.getCell(i + 1).note = `${c.title.fa}: ${c.fa}\n${c.title.en}: ${c.en}`;
  });
  sheet.addRow(exampleRow);
  if (kind === 'progress') {
    const labels = Object.entries(EVENT_LABELS).flatMap(([code, label]) => [label.fa, code]);
    // exceljs writes range validations but does not declare `dataValidations` in its types
    const validations = (
      sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations;
    validations.add('B2:B10000', {
      type: 'list',
      allowBlank: true,
      showErrorMessage: false,
      formulae: [`"${labels.join(',')}"`],
    });
  }

  const guide = workbook.addWorksheet('راهنما', { views: [{ rightToLeft: true }] });
  guide.columns = [{ width: 22 }, { width: 24 }, { width: 60 }, { width: 24 }, { width: 60 }];
  guide.addRow(['ستون / column', 'عنوان', 'توضیح', 'Title', 'Description']).font = { bold: true };
  for (const c of columns) guide.addRow([c.header, c.title.fa, c.fa, c.title.en, c.en]);
  guide.addRow([]);
  guide.addRow([
    '',
    '',
    'ردیف دوم برگه «داده‌ها» نمونه است: پیش از بارگذاری آن را با داده‌های خود جایگزین کنید.',
    '',
    'The second row of the data sheet is an example: replace it with your data before uploading.',
  ]);
  for (const row of extraGuide) guide.addRow(row);

  const list = workbook.addWorksheet('دستگاه‌ها', { views: [{ rightToLeft: true, state: 'frozen', ySplit: 1 }] });
  list.columns = [
    { header: 'کد / code', width: 24 },
    { header: 'نام فارسی', width: 48 },
    { header: 'English name', width: 48 },
    { header: 'از ۱۷۰ دستگاه اصلی / main', width: 12 },
  ];
  list.getRow(1).font = { bold: true };
  for (const a of agencies) list.addRow([a.code, a.nameFa, a.nameEn, a.isMain ? '✓' : '']);

  return {
    fileName: `${name}.xlsx`,
    fileNameFa: `${nameFa}.xlsx`,
    contentType: CONTENT_TYPES.xlsx,
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** The round asked for by code; otherwise the newest open round, otherwise the newest round. */
async function chooseRound(manager: EntityManager, roundCode: string | undefined): Promise<RoundRef> {
  const rounds = await selectRounds(manager);
  const round = roundCode
    ? rounds.find((r) => r.code.toLowerCase() === roundCode.toLowerCase())
    : (rounds.find((r) => r.status === 'open') ?? rounds[0]);
  if (!round) throw new ImportRoundNotFoundException(roundCode);
  return round;
}
