import { toLatinDigits } from '../../../lib/numbers';

/**
 * A whole number as people type it, in any digits («۱۴», "14"), within `min`..`max`; null when the text is not
 * one (empty, a fraction, a sign, out of range).
 */
export function parseWholeNumber(text: string, min: number, max: number): number | null {
  const cleaned = toLatinDigits(text).trim();
  if (!/^\d{1,6}$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return value >= min && value <= max ? value : null;
}
