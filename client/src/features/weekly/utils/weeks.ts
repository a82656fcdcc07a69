import { addDaysIso, formatJalaliDate, isoToJalali } from '../../../lib/dates';
import type { Language } from '../../../lib/language';

/** The id of the week starting on the ISO day `saturday`: the Jalali day of that Saturday, `1401-06-26`. */
export function weekIdOf(saturday: string): string {
  const { year, month, day } = isoToJalali(saturday);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The id of the week `weeks` after (or before, when negative) the one starting on `saturday`. */
export function weekIdAfter(saturday: string, weeks: number): string {
  return weekIdOf(addDaysIso(saturday, weeks * 7));
}

/** The Saturday (Jalali) of the week starting on `saturday`, as people read it. */
export function formatWeekStart(saturday: string, language: Language): string {
  return formatJalaliDate(saturday, language);
}

/** The address of a week's brief (a revision of it when given). */
export function briefPath(week: string, revision?: number | null): string {
  return revision ? `/weekly/${week}?revision=${revision}` : `/weekly/${week}`;
}
