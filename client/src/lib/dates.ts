import {
  format as formatJalali,
  getDate as getJalaliDate,
  getDaysInMonth as getJalaliDaysInMonth,
  getMonth as getJalaliMonth,
  getYear as getJalaliYear,
  newDate as newJalaliDate,
} from 'date-fns-jalali';
import { intlLocaleOf, type Language } from './language';
import { localizeDigits, toLatinDigits } from './numbers';

/**
 * Calendar days arrive from the API as ISO dates (`YYYY-MM-DD`), each meaning a day in Asia/Tehran.
 * They are never passed to `new Date(iso)`, which reads them as UTC midnight and shows the previous day
 * west of Greenwich: the parts are read here and the day is built directly.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

/**
 * Reads an ISO calendar day as the API sends it. Not for text people type: that goes through `parseTypedDay`,
 * which knows that `1401-08-20` is a Jalali day.
 */
export function parseIsoDate(iso: string): CalendarDay {
  const match = ISO_DATE.exec(iso);
  if (!match) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): "${iso}"`);
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  if (!isGregorianDay(year, month, day)) {
    throw new RangeError(`No such day: "${iso}"`);
  }
  return { year, month, day };
}

/** Whether the Gregorian year, month (1-12) and day name a day that exists (2023-02-29 does not). */
function isGregorianDay(year: number, month: number, day: number): boolean {
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/**
 * The Jalali (Solar Hijri) date of an ISO calendar day: «۱۴۰۱/۰۶/۳۱» in fa, "1401/06/31" in en.
 */
export function formatJalaliDate(iso: string, language: Language): string {
  const { year, month, day } = parseIsoDate(iso);
  // date-fns-jalali reads local-time fields; local noon of that day is the same day in every time zone
  // and steers clear of daylight-saving jumps at midnight.
  const jalali = formatJalali(new Date(year, month - 1, day, 12), 'yyyy/MM/dd');
  return localizeDigits(jalali, language);
}

/** The Gregorian date of an ISO calendar day in the locale: "September 22, 2022" in en. */
export function formatGregorianDate(iso: string, language: Language): string {
  const { year, month, day } = parseIsoDate(iso);
  return new Intl.DateTimeFormat(intlLocaleOf(language), {
    calendar: 'gregory',
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(Date.UTC(year, month - 1, day));
}

/** `YYYY-MM-DD` of a day given by its parts (no range check). */
function toIso({ year, month, day }: CalendarDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Local noon of the day: the same calendar day in every time zone, clear of midnight DST jumps. */
function localNoon(iso: string): Date {
  const { year, month, day } = parseIsoDate(iso);
  return new Date(year, month - 1, day, 12);
}

/** A Jalali day: `month` runs 1 (Farvardin) to 12 (Esfand). */
export type JalaliDay = CalendarDay;

/** The Jalali year, month (1-12) and day of an ISO calendar day. */
export function isoToJalali(iso: string): JalaliDay {
  const date = localNoon(iso);
  return { year: getJalaliYear(date), month: getJalaliMonth(date) + 1, day: getJalaliDate(date) };
}

const MIN_JALALI_YEAR = 1200;
const MAX_JALALI_YEAR = 1600;

/** The ISO calendar day of a Jalali date, or null when there is no such day (e.g. 1401/12/30). */
export function jalaliToIso(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < MIN_JALALI_YEAR || year > MAX_JALALI_YEAR || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = newJalaliDate(year, month - 1, day, 12);
  // date-fns-jalali rolls an impossible day over into the next month: a day that does not come back is refused.
  if (getJalaliYear(date) !== year || getJalaliMonth(date) !== month - 1 || getJalaliDate(date) !== day) return null;
  return toIso({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });
}

/**
 * What typing and pasting leave around and inside a date that is not part of it: white space (no-break and thin
 * spaces too), ZWNJ and ZWJ, and the bidi marks (LRM, RLM, ALM, embeddings, overrides, isolates, BOM).
 */
const TYPING_MARKS = /[\u061c\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WHITE_SPACE = /\s/g;

/**
 * A typed day once its digits are Latin and its marks and spaces are gone: `year sep month sep day`, the same
 * separator (`-` or `/`) twice, month and day with one or two digits.
 */
const TYPED_DAY = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

/** The years read as Jalali (Solar Hijri) and as Gregorian; the server reads typed days by the same rule. */
const TYPED_JALALI_YEARS = { min: 1300, max: 1499 } as const;
const TYPED_GREGORIAN_YEARS = { min: 1900, max: 2199 } as const;

/**
 * Reads a day as people type it, into an ISO calendar day (`YYYY-MM-DD`), or null when it is not one. The one rule,
 * shared with the server (`parseDay` in `server/src/common/dates/jalali.ts`):
 *
 * - a four-digit year from 1300 to 1499 is a Jalali day: `1401/05/31`, `1401-08-20`, `۱۴۰۱/۵/۳۱`, `١٤٠١-٠٥-٣١`;
 * - a year from 1900 to 2199 is a Gregorian day: `2022-08-22`, `2022/8/22`;
 * - the separator is `-` or `/` (the same one twice); month and day have one or two digits; Persian and
 *   Arabic-Indic digits, stray spaces, ZWNJ and bidi marks are accepted;
 * - anything else is refused: other years, other shapes (`1401.08.20`, `1401-08/20`, `22/08/2022`), and days that
 *   do not exist in their calendar (1401/12/30, 2023-02-29), which are never rolled over into the next month.
 */
export function parseTypedDay(text: string): string | null {
  const cleaned = toLatinDigits(text).replace(TYPING_MARKS, '').replace(WHITE_SPACE, '');
  const match = TYPED_DAY.exec(cleaned);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  if (year >= TYPED_JALALI_YEARS.min && year <= TYPED_JALALI_YEARS.max) {
    return jalaliToIso(year, month, day);
  }
  if (year >= TYPED_GREGORIAN_YEARS.min && year <= TYPED_GREGORIAN_YEARS.max) {
    return isGregorianDay(year, month, day) ? toIso({ year, month, day }) : null;
  }
  return null;
}

/**
 * Whether the text is shaped like a whole day (a four-digit year, then month and day), right or wrong: a field can
 * say at once that 1401/12/30 does not exist instead of waiting until it is left.
 */
export function looksLikeWholeDay(text: string): boolean {
  return /^\d{4}\D+\d{1,2}\D+\d{1,2}$/.test(toLatinDigits(text).replace(TYPING_MARKS, '').trim());
}

/** Days in a Jalali month (29 or 30 for Esfand, by leap year). */
export function jalaliDaysInMonth(year: number, month: number): number {
  return getJalaliDaysInMonth(newJalaliDate(year, month - 1, 1, 12));
}

/** The column of a day in a week that starts on Saturday: 0 for Saturday … 6 for Friday. */
export function weekdayFromSaturday(iso: string): number {
  const { year, month, day } = parseIsoDate(iso);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1) % 7;
}

/** The ISO day `days` after (or before, when negative) `iso`. */
export function addDaysIso(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso);
  const moved = new Date(Date.UTC(year, month - 1, day + days));
  return toIso({ year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() });
}

/** The same Jalali day `months` later (or earlier); a day past the end of the target month becomes its last day. */
export function addJalaliMonths(iso: string, months: number): string {
  const { year, month, day } = isoToJalali(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, jalaliDaysInMonth(targetYear, targetMonth));
  return jalaliToIso(targetYear, targetMonth, targetDay) ?? iso;
}

export const TEHRAN_TIME_ZONE = 'Asia/Tehran';

const tehranParts = new Intl.DateTimeFormat('en-US', {
  timeZone: TEHRAN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

interface WallClock extends CalendarDay {
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time in Tehran at an instant (the time-zone database knows the years with daylight saving). */
function tehranWallClock(instant: number): WallClock {
  const parts = Object.fromEntries(tehranParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Today's ISO calendar day in Tehran. */
export function todayInTehran(now: Date = new Date()): string {
  return toIso(tehranWallClock(now.getTime()));
}

/** The instant (ISO, UTC) at which `iso` begins in Tehran: the lower bound for "on or after this day". */
export function tehranStartOfDay(iso: string): string {
  const { year, month, day } = parseIsoDate(iso);
  const wallMidnight = Date.UTC(year, month - 1, day);
  const offsetAt = (instant: number) => {
    const wall = tehranWallClock(instant);
    return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - instant;
  };
  let instant = wallMidnight - offsetAt(wallMidnight);
  instant = wallMidnight - offsetAt(instant); // a second pass settles a day on which the offset changed
  return new Date(instant).toISOString();
}

/** An instant shown as its Jalali date and 24-hour time in Tehran: «۱۴۰۱/۰۵/۳۱» and «۱۴:۳۰». */
export function formatTehranDateTime(instant: string, language: Language): { date: string; time: string } {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) {
    throw new RangeError(`Not an instant: "${instant}"`);
  }
  const wall = tehranWallClock(ms);
  const time = `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`;
  return { date: formatJalaliDate(toIso(wall), language), time: localizeDigits(time, language) };
}

/** A week's id (`1401-06-26`: its Jalali Saturday) as people read it: «۱۴۰۱/۰۶/۲۶» in fa, "1401/06/26" in en. */
export function formatWeekId(week: string, language: Language): string {
  return localizeDigits(week.replaceAll('-', '/'), language);
}
