import { parseIsoDate } from '../../../lib/dates';

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (ISO calendar days; negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}
