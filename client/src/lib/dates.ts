import { format as formatJalali } from 'date-fns-jalali';
import { intlLocaleOf, type Language } from './language';
import { localizeDigits } from './numbers';

/**
 * Calendar days arrive from the API as ISO dates (`YYYY-MM-DD`), each meaning a day in Asia/Tehran.
 * They are never passed to `new Date(iso)`, which reads them as UTC midnight and shows the previous day
 * west of Greenwich: the parts are read here and the day is built directly.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function parseIsoDate(iso: string): CalendarDay {
  const match = ISO_DATE.exec(iso);
  if (!match) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): "${iso}"`);
  }
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`No such day: "${iso}"`);
  }
  return { year, month, day };
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
