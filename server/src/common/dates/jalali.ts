import {
  format as formatJalali,
  getDate as getJalaliDate,
  getMonth as getJalaliMonth,
  getYear as getJalaliYear,
  newDate,
} from 'date-fns-jalali';
import { normalizeText } from '../text/normalize-text.js';

/**
 * Calendar days between the two calendars people type: Jalali (Solar Hijri) and Gregorian. The API stores and
 * returns ISO days (`YYYY-MM-DD`); this file is the one place that reads a typed day and writes a Jalali one.
 */

/** Four-digit years read as Jalali days: 1300 (1921) to 1499 (2121). */
const JALALI_YEARS = { min: 1300, max: 1499 };
/** Four-digit years read as Gregorian days. No year is in both ranges, so the year says the calendar. */
const GREGORIAN_YEARS = { min: 1900, max: 2199 };

/** `year sep month sep day`, the same separator (`-` or `/`) twice; month and day may have one digit. */
const DAY_INPUT = /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})$/;

/**
 * Reads a calendar day as people type it and returns it as an ISO day (`YYYY-MM-DD`), or `null` when it is not
 * a real day. The year says the calendar, whatever the separator:
 *
 * - 1300 to 1499 is a Jalali day: `1401/05/31`, `1401-05-31`, `۱۴۰۱/۵/۳۱` are all 2022-08-22;
 * - 1900 to 2199 is a Gregorian day: `2022-08-22`, `2022/8/22`;
 * - any other year is refused.
 *
 * Persian (۰-۹) and Arabic-Indic (٠-٩) digits, stray spaces, ZWNJ and bidi marks are accepted. A day that does
 * not exist in its calendar (1401/12/30, 2023-02-29, 1401/13/01) is refused, never rolled over to the next month.
 */
export function parseDay(input: string): string | null {
  if (typeof input !== 'string') return null;
  const text = normalizeText(input).replace(/[\s\u200c\u200d]+/g, '');
  const match = DAY_INPUT.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[3]), Number(match[4])];
  if (year >= JALALI_YEARS.min && year <= JALALI_YEARS.max) return jalaliToIso(year, month, day);
  if (year >= GREGORIAN_YEARS.min && year <= GREGORIAN_YEARS.max) return gregorianToIso(year, month, day);
  return null;
}

/** The Gregorian ISO day of a Jalali day (month 1-12), or `null` if the Jalali day does not exist. */
export function jalaliToIso(year: number, month: number, day: number): string | null {
  if (![year, month, day].every(Number.isInteger)) return null;
  if (year < 1000 || year > 1999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  // date-fns-jalali works on local-time Date fields; local noon of the day is the same day in every time zone
  // (and never falls into a daylight-saving gap), and only its fields are read back, never its instant.
  const date = newDate(year, month - 1, day, 12);
  if (getJalaliYear(date) !== year || getJalaliMonth(date) !== month - 1 || getJalaliDate(date) !== day) {
    return null;
  }
  return isoOf(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** An ISO day as a Jalali `yyyy/MM/dd` (e.g. 2022-08-22 → 1401/05/31). */
export function isoToJalali(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`Not an ISO day (YYYY-MM-DD): "${iso}"`);
  // Local noon of the day: only its fields are read, never its instant.
  return formatJalali(new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12), 'yyyy/MM/dd');
}

function gregorianToIso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > gregorianMonthLength(year, month)) return null;
  return isoOf(year, month, day);
}

function gregorianMonthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
