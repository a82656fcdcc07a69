import { addDays } from './calendar-day.js';
import { isoToJalali, parseDay } from './jalali.js';

/**
 * The Iranian week, Saturday to Friday, in calendar days (ISO `YYYY-MM-DD`). A week is named by the Jalali day of
 * its Saturday with dashes (`1401-06-26`): stable, human-readable, and the same in a URL and a citation.
 */

/** 0 for Saturday … 6 for Friday. */
function dayOfIranianWeek(day: string): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 1) % 7;
}

/** The Saturday that starts the week containing `day`. */
export function weekStartOf(day: string): string {
  return addDays(day, -dayOfIranianWeek(day));
}

/** The week's id: its Saturday as a Jalali day with dashes (2022-09-17 → `1401-06-26`). */
export function weekIdOf(weekStart: string): string {
  return isoToJalali(weekStart).replaceAll('/', '-');
}

/**
 * The Saturday of the week a typed day falls in (`1401-06-26`, `1401/06/31`, `2022-09-22`, any digits), or null
 * when it is not a day.
 */
export function parseWeek(input: string): string | null {
  const day = parseDay(input);
  return day ? weekStartOf(day) : null;
}

/** The Saturday of the last week that has ended by `today` (a Tehran calendar day): the week before today's. */
export function lastEndedWeekStart(today: string): string {
  return addDays(weekStartOf(today), -7);
}

const TEHRAN_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Asia/Tehran',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** Tehran's wall-clock time of an instant, as if it were UTC (milliseconds). */
function tehranWallClock(epochMs: number): number {
  const parts = Object.fromEntries(TEHRAN_PARTS.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
}

/**
 * The instant of a wall-clock time in Tehran (a day and an hour), through the time-zone database: +03:30, or
 * +04:30 in the summers until 1401 (Iran stopped daylight saving in 2022).
 */
export function tehranInstant(day: string, hour = 0, minute = 0): Date {
  const wall = Date.parse(`${day}T00:00:00Z`) + (hour * 60 + minute) * 60_000;
  let guess = wall - 3.5 * 3_600_000;
  for (let i = 0; i < 3; i++) guess += wall - tehranWallClock(guess);
  return new Date(guess);
}
