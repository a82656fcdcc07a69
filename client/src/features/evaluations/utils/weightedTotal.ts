import { toLatinDigits } from '../../../lib/numbers';

/**
 * Score arithmetic in whole hundredths, never binary floats, so the total shown while typing is the total the
 * server stores: Σ weight × value / 100, rounded half up to two decimals (PostgreSQL's `round(numeric, 2)`).
 */

const DECIMAL = /^(\d{1,3})(?:\.(\d{1,2}))?$/;
const MAX_HUNDREDTHS = 100_00;

/**
 * A typed number (Persian, Arabic-Indic or Latin digits; `.` or `٫` as the decimal separator; at most two
 * decimals) as whole hundredths: "27.7" → 2770, "۲۷٫۷" → 2770. Null when it is not such a number.
 */
export function parseHundredths(text: string): number | null {
  const match = DECIMAL.exec(toLatinDigits(text).trim());
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A criterion score as typed, checked: 0 to 100 with at most two decimals. */
export function parseScoreValue(text: string): number | null {
  const hundredths = parseHundredths(text);
  return hundredths !== null && hundredths <= MAX_HUNDREDTHS ? hundredths : null;
}

/** Whole hundredths as the exact decimal string the API uses: 2607 → "26.07". */
export function formatHundredths(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const fraction = String(hundredths % 100).padStart(2, '0');
  return `${whole}.${fraction}`;
}

/** The value normalised for the API: "۲۷٫۷" → "27.70". Null when it is not a valid score. */
export function normalizeScoreValue(text: string): string | null {
  const hundredths = parseScoreValue(text);
  return hundredths === null ? null : formatHundredths(hundredths);
}

export interface WeightedEntry {
  /** The criterion's weight, e.g. "25.00". */
  weight: string;
  /** The score as typed. */
  value: string;
}

/**
 * The weighted total out of 100 as an exact decimal string ("26.07"), or null when a value is not a valid score.
 * With weights in hundredths (w) and values in hundredths (v), weight × value / 100 in hundredths is
 * w·v / 10 000; the sum is rounded once, half up.
 */
export function weightedTotal(entries: readonly WeightedEntry[]): string | null {
  let sum = 0; // in units of 1/1 000 000: exact, far below Number.MAX_SAFE_INTEGER (at most 100 × 10^8)
  for (const { weight, value } of entries) {
    const w = parseHundredths(weight);
    const v = parseScoreValue(value);
    if (w === null || v === null) return null;
    sum += w * v;
  }
  return formatHundredths(Math.floor((sum + 5_000) / 10_000));
}
