import { addDays, tehranToday } from '../../common/dates/calendar-day.js';
import { isoToJalali } from '../../common/dates/jalali.js';
import { tehranInstant } from '../../common/dates/week.js';

/**
 * The nightly backup's names and dates, pure: `monitor-<Jalali day>-<Tehran time>.backup.gz`, e.g.
 * `monitor-1404-07-15-023000.backup.gz`. Names sort as the instants they were taken, so the newest are the last.
 */
const NAME = /^monitor-(\d{4}-\d{2}-\d{2})-(\d{6})\.backup\.gz$/;
/** What `backupDatabase` leaves behind when the process is killed while writing. */
const PARTIAL = /^monitor-\d{4}-\d{2}-\d{2}-\d{6}\.backup\.gz\.partial$/;

const TEHRAN_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Tehran',
  hourCycle: 'h23',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Jalali day in Tehran at `now`, as `yyyy-MM-dd` in Latin digits (1404-07-15). */
export function jalaliDayOf(now: Date): string {
  return isoToJalali(tehranToday(now)).replaceAll('/', '-');
}

export function nightlyBackupName(now: Date): string {
  return `monitor-${jalaliDayOf(now)}-${TEHRAN_TIME.format(now).replaceAll(':', '')}.backup.gz`;
}

export function isNightlyBackupName(name: string): boolean {
  return NAME.test(name);
}

export function isLeftoverPartial(name: string): boolean {
  return PARTIAL.test(name);
}

/** Whether a nightly backup of the Jalali day `day` (`yyyy-MM-dd`) is among `names`. */
export function hasBackupOfDay(names: readonly string[], day: string): boolean {
  return names.some((name) => NAME.exec(name)?.[1] === day);
}

/** Of the names in a folder, the nightly backups beyond the newest `keep`; nothing else is ever listed. */
export function expiredBackups(names: readonly string[], keep: number): string[] {
  const backups = names.filter(isNightlyBackupName).sort();
  return backups.slice(0, Math.max(0, backups.length - keep));
}

/** The next instant after `now` when Tehran's clock shows `at`. */
export function nextRunAt(now: Date, at: { hour: number; minute: number }): Date {
  const today = tehranToday(now);
  const candidate = tehranInstant(today, at.hour, at.minute);
  return candidate.getTime() > now.getTime() ? candidate : tehranInstant(addDays(today, 1), at.hour, at.minute);
}
