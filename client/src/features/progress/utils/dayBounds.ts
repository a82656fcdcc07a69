import { jalaliToIso, todayInTehran } from '../../../lib/dates';

/**
 * The days a progress date may be picked from in the calendar: from 1 Farvardin 1390 (long before the national
 * window) to today, since progress is recorded once it has happened (the server refuses days in the future).
 */
export const EARLIEST_PROGRESS_DAY = jalaliToIso(1390, 1, 1)!;

export function progressDayBounds(now: Date = new Date()): { min: string; max: string } {
  return { min: EARLIEST_PROGRESS_DAY, max: todayInTehran(now) };
}
