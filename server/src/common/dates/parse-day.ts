import {
  getDate as getJalaliDate,
  getMonth as getJalaliMonth,
  getYear as getJalaliYear,
  newDate,
} from 'date-fns-jalali';
import { normalizeText } from '../text/normalize-text.js';

/**
 * Reads a calendar day as people type it and returns it as an ISO day (`YYYY-MM-DD`), or `null` when it is not
 * a real day.
 *
 * - `YYYY-MM-DD` is a Gregorian day (ISO), e.g. `2022-08-22`.
 * - `YYYY/MM/DD` is a Jalali (Solar Hijri) day, e.g. `1401/05/31` or `۱۴۰۱/۵/۳۱`; month and day may have one digit.
 *
 * Persian (۰-۹) and Arabic-Indic (٠-٩) digits, stray spaces, ZWNJ and bidi marks are accepted. A day that does
 * not exist in its calendar (1401/12/30, 2023-02-29, 1401/13/01) is refused, never rolled over to the next month.
 */
export function parseDay(input: string): string | null {
  if (typeof input !== 'string') return null;
  const text = normalizeText(input).replace(/[\s\u200c\u200d]+/g, '');

  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > gregorianMonthLength(year, month)) return null;
    return text;
  }

  const jalali = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (jalali) return jalaliToIso(Number(jalali[1]), Number(jalali[2]), Number(jalali[3]));

  return null;
}

/** The Gregorian ISO day of a Jalali day (month 1-12), or `null` if the Jalali day does not exist. */
export function jalaliToIso(year: number, month: number, day: number): string | null {
  if (year < 1000 || year > 1999 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  // date-fns-jalali works on local-time Date fields; local noon of the day is the same day in every time zone
  // (and never falls into a daylight-saving gap), and only its fields are read back, never its instant.
  const date = newDate(year, month - 1, day, 12);
  if (getJalaliYear(date) !== year || getJalaliMonth(date) !== month - 1 || getJalaliDate(date) !== day) {
    return null;
  }
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n, i) => pad(n, i === 0 ? 4 : 2)).join('-');
}

function gregorianMonthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
