/**
 * Calendar days as ISO strings (`YYYY-MM-DD`), the way PostgreSQL `date` columns arrive. Arithmetic is done in
 * UTC on purpose: a calendar day has no time zone, so no day is ever lost to an offset.
 */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function minDay(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}

const TEHRAN_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tehran',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar day in Tehran (ISO): things recorded as having happened cannot be later than this. */
export function tehranToday(now: Date = new Date()): string {
  return TEHRAN_DAY.format(now);
}
