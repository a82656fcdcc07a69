import type { BilingualMessage } from '../../common/errors/app-exception.js';

/** Why a row, a column or the whole file cannot be imported. Every one blocks the commit. */
export enum ImportProblemCode {
  EmptyFile = 'IMPORT_EMPTY_FILE',
  MissingColumn = 'IMPORT_MISSING_COLUMN',
  UnknownColumn = 'IMPORT_UNKNOWN_COLUMN',
  DuplicateColumn = 'IMPORT_DUPLICATE_COLUMN',
  MissingValue = 'IMPORT_MISSING_VALUE',
  ValueTooLong = 'IMPORT_VALUE_TOO_LONG',
  UnknownAgency = 'IMPORT_UNKNOWN_AGENCY',
  AmbiguousAgency = 'IMPORT_AMBIGUOUS_AGENCY',
  UnknownRound = 'IMPORT_UNKNOWN_ROUND',
  RoundClosed = 'IMPORT_ROUND_CLOSED',
  WeightsNot100 = 'IMPORT_WEIGHTS_NOT_100',
  NotANumber = 'IMPORT_NOT_A_NUMBER',
  TooManyDecimals = 'IMPORT_TOO_MANY_DECIMALS',
  ScoreOutOfRange = 'IMPORT_SCORE_OUT_OF_RANGE',
  CriterionNotInRound = 'IMPORT_CRITERION_NOT_IN_ROUND',
  InvalidDate = 'IMPORT_INVALID_DATE',
  DateInFuture = 'IMPORT_DATE_IN_FUTURE',
  DateOutsideRound = 'IMPORT_DATE_OUTSIDE_ROUND',
  DuplicateRow = 'IMPORT_DUPLICATE_ROW',
  ScoreNotDraft = 'IMPORT_SCORE_NOT_DRAFT',
  UnknownEvent = 'IMPORT_UNKNOWN_EVENT',
  InvalidUrl = 'IMPORT_INVALID_URL',
  DatesOutOfOrder = 'IMPORT_DATES_OUT_OF_ORDER',
}

export interface ImportProblem extends BilingualMessage {
  /** The spreadsheet's own row number (1-based, the header row included); null for the whole file. */
  row: number | null;
  /** The column's header as written in the file (or the expected header when it is missing); null for a whole row. */
  column: string | null;
  /** The column's title as the template names it (a criterion's title for a criterion); null when unknown. */
  columnFa: string | null;
  columnEn: string | null;
  code: ImportProblemCode;
}

/**
 * A column as a problem names it: its header as written in the file (or the header expected, when it is missing)
 * and its title in the template's words, in Persian and English (null for a header that is not a known column).
 */
export interface ColumnRef {
  header: string;
  fa: string | null;
  en: string | null;
}

/** An unknown column: only its header. */
export function unknownColumnRef(header: string): ColumnRef {
  return { header, fa: null, en: null };
}

/** How a message names a column: by its title in the language, or by its header when it has none. */
const titleFa = (c: ColumnRef) => c.fa ?? c.header;
const titleEn = (c: ColumnRef) => c.en ?? c.header;

/** The title and, when the file's header says something else, the header too: «تاریخ جلسه» (held_on). */
const namedFa = (c: ColumnRef) => (c.fa && c.fa !== c.header ? `«${c.fa}» (${c.header})` : `«${c.header}»`);
const namedEn = (c: ColumnRef) => (c.en && c.en !== c.header ? `"${c.en}" (${c.header})` : `"${c.header}"`);

function at(row: number, column: ColumnRef) {
  return { row, column: column.header, columnFa: column.fa, columnEn: column.en };
}

const fa = (n: number | string) => String(n).replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);

const STATUS_FA: Record<string, string> = {
  draft: 'پیش‌نویس',
  submitted: 'ارسال‌شده',
  reviewed: 'بازبینی‌شده',
  final: 'نهایی',
};

/** The messages, in Persian and English, for each problem. `value` is the cell as read (normalised). */
export const problem = {
  emptyFile: (): ImportProblem => ({
    row: null,
    column: null,
    columnFa: null,
    columnEn: null,
    code: ImportProblemCode.EmptyFile,
    fa: 'فایل هیچ ردیف داده‌ای ندارد: ردیف اول باید عنوان ستون‌ها باشد و ردیف‌های بعدی داده.',
    en: 'The file has no data rows: the first row must hold the column headers and the rows below it the data.',
  }),
  missingColumn: (row: number, column: ColumnRef): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.MissingColumn,
    fa: `ستون ${namedFa(column)} در فایل نیست.`,
    en: `The column ${namedEn(column)} is missing.`,
  }),
  unknownColumn: (row: number, column: ColumnRef): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.UnknownColumn,
    fa: `ستون «${column.header}» شناخته نیست؛ آن را حذف کنید یا نامش را مطابق الگو بنویسید.`,
    en: `The column "${column.header}" is not known; remove it or name it as in the template.`,
  }),
  duplicateColumn: (row: number, column: ColumnRef): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.DuplicateColumn,
    fa: `ستون ${namedFa(column)} بیش از یک بار آمده است.`,
    en: `The column ${namedEn(column)} appears more than once.`,
  }),
  missingValue: (row: number, column: ColumnRef): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.MissingValue,
    fa: `خانه «${titleFa(column)}» خالی است.`,
    en: `The "${titleEn(column)}" cell is empty.`,
  }),
  valueTooLong: (row: number, column: ColumnRef, max: number): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.ValueTooLong,
    fa: `متن «${titleFa(column)}» بیش از ${fa(max)} نویسه است.`,
    en: `The "${titleEn(column)}" text is longer than ${max} characters.`,
  }),
  unknownAgency: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.UnknownAgency,
    fa: `دستگاه «${value}» پیدا نشد؛ کد دستگاه یا نام کامل فارسی یا انگلیسی آن را بنویسید.`,
    en: `No agency matches "${value}"; give its code or its full Persian or English name.`,
  }),
  ambiguousAgency: (row: number, column: ColumnRef, value: string, count: number): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.AmbiguousAgency,
    fa: `«${value}» با ${fa(count)} دستگاه جور است؛ کد دستگاه را بنویسید.`,
    en: `"${value}" matches ${count} agencies; give the agency's code instead.`,
  }),
  unknownRound: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.UnknownRound,
    fa: `دوره ارزیابی با کد «${value}» وجود ندارد.`,
    en: `There is no evaluation round with the code "${value}".`,
  }),
  roundClosed: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.RoundClosed,
    fa: `دوره ارزیابی «${value}» بسته شده است و امتیازهای آن از راه فایل تغییر نمی‌کند.`,
    en: `The evaluation round "${value}" is closed; its scores cannot be changed by an import.`,
  }),
  weightsNot100: (row: number, column: ColumnRef, value: string, sum: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.WeightsNot100,
    fa: `مجموع وزن معیارهای دوره «${value}» ${fa(sum).replace('.', '٫')} است، نه ۱۰۰؛ با مدیر سامانه تماس بگیرید.`,
    en: `The criteria weights of round "${value}" add up to ${sum}, not 100; ask an administrator.`,
  }),
  notANumber: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.NotANumber,
    fa: `امتیاز «${titleFa(column)}» عدد نیست («${value}»)؛ امتیاز عددی از ۰ تا ۱۰۰ است، مانند ۲۶٫۰۷.`,
    en: `The "${titleEn(column)}" score "${value}" is not a number; a score is a number from 0 to 100, such as 26.07.`,
  }),
  tooManyDecimals: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.TooManyDecimals,
    fa: `امتیاز «${titleFa(column)}» («${value}») بیش از دو رقم اعشار دارد.`,
    en: `The "${titleEn(column)}" score "${value}" has more than two decimals.`,
  }),
  scoreOutOfRange: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.ScoreOutOfRange,
    fa: `امتیاز «${titleFa(column)}» باید از ۰ تا ۱۰۰ باشد، نه «${value}».`,
    en: `The "${titleEn(column)}" score must be from 0 to 100, not "${value}".`,
  }),
  criterionNotInRound: (row: number, column: ColumnRef, round: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.CriterionNotInRound,
    fa: `معیار «${titleFa(column)}» در دوره «${round}» نیست؛ این خانه را خالی بگذارید.`,
    en: `The criterion "${titleEn(column)}" is not part of round "${round}"; leave this cell empty.`,
  }),
  invalidDate: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.InvalidDate,
    fa: `«${titleFa(column)}» تاریخ درستی نیست («${value}»)؛ مانند ۱۴۰۱/۰۵/۳۱ (خورشیدی) یا 2022-08-22 بنویسید.`,
    en: `"${value}" in "${titleEn(column)}" is not a real day; write it as 1401/05/31 (Jalali) or 2022-08-22.`,
  }),
  dateInFuture: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.DateInFuture,
    fa: `«${titleFa(column)}» («${value}») پس از امروز است؛ روزی را بنویسید که رخ داده است.`,
    en: `"${value}" in "${titleEn(column)}" is after today; give the day it happened.`,
  }),
  dateOutsideRound: (
    row: number,
    column: ColumnRef,
    value: string,
    startsOn: string,
    endsOn: string,
  ): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.DateOutsideRound,
    fa: `تاریخ جلسه «${value}» در بازه دوره ارزیابی نیست.`,
    en: `The session day "${value}" is outside the round (${startsOn} to ${endsOn}).`,
  }),
  duplicateRow: (row: number, column: ColumnRef, firstRow: number): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.DuplicateRow,
    fa: `این ردیف تکرار ردیف ${fa(firstRow)} است.`,
    en: `This row repeats row ${firstRow}.`,
  }),
  scoreNotDraft: (row: number, column: ColumnRef, status: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.ScoreNotDraft,
    fa: `امتیاز این دستگاه در این دوره «${STATUS_FA[status] ?? status}» است و از راه فایل تغییر نمی‌کند.`,
    en: `This agency's score in the round is ${status}; an import only creates or updates draft scores.`,
  }),
  unknownEvent: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.UnknownEvent,
    fa: `رویداد «${value}» شناخته نیست؛ «راه‌اندازی پنجره واحد» یا «اتصال به پنجره ملی» بنویسید.`,
    en: `The event "${value}" is not known; write single_window_launched or national_window_connected.`,
  }),
  invalidUrl: (row: number, column: ColumnRef, value: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.InvalidUrl,
    fa: `«${value}» نشانی اینترنتی درستی نیست؛ مانند https://example.gov.ir بنویسید.`,
    en: `"${value}" is not an http(s) address such as https://example.gov.ir.`,
  }),
  datesOutOfOrder: (row: number, column: ColumnRef, launched: string | null, connected: string): ImportProblem => ({
    ...at(row, column),
    code: ImportProblemCode.DatesOutOfOrder,
    fa: 'اتصال به پنجره ملی نمی‌تواند پیش از راه‌اندازی پنجره واحد دستگاه باشد.',
    en: `The national-window connection (${connected}) cannot come before the single window was launched (${launched ?? 'never'}).`,
  }),
};
