import { toLatinDigits } from './numbers';

/**
 * Score arithmetic in whole hundredths, never binary floats, following the server's rules
 * (`server/src/modules/evaluations/scores.rules.ts`), so the total shown while typing is the total the server
 * stores: Σ weight × value / 100, rounded once, half up, to two decimals. The session form, the review queue and
 * the agency page all count with these.
 */

const DECIMAL = /^(\d{1,3})(?:\.(\d{1,2}))?$/;
const HUNDRED = 100_00;

/** The weights' sum, in hundredths: exactly 100.00 is 10 000. */
export const WEIGHTS_TOTAL = HUNDRED;

/**
 * A typed number (Persian, Arabic-Indic or Latin digits; `.` or `٫`; at most two decimals, trailing zeros aside:
 * "80.000" is 80) as whole hundredths: "27.7" → 2770, "۲۷٫۷" → 2770. Null when it is not such a number.
 */
export function parseHundredths(text: string): number | null {
  let compact = toLatinDigits(text).replace(/(?:\s|\u200c|\u200d|\u200e|\u200f)+/g, '');
  const fractional = /^(\d+)\.(\d+)$/.exec(compact);
  if (fractional) {
    const fraction = fractional[2]!.replace(/0+$/, '');
    compact = fraction ? `${fractional[1]}.${fraction}` : fractional[1]!;
  }
  const match = DECIMAL.exec(compact);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A criterion score as typed, checked: 0 to 100 with at most two decimals, in hundredths; null otherwise. */
export function parseScoreValue(text: string): number | null {
  const hundredths = parseHundredths(text);
  return hundredths !== null && hundredths <= HUNDRED ? hundredths : null;
}

/** A criterion weight: more than 0 and at most 100 with at most two decimals, in hundredths; null otherwise. */
export function parseWeight(text: string): number | null {
  const hundredths = parseHundredths(text);
  return hundredths !== null && hundredths > 0 && hundredths <= HUNDRED ? hundredths : null;
}

/** Whole hundredths as the exact decimal string the API uses: 2607 → "26.07". */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  return `${sign}${Math.trunc(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
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
 * What one criterion adds to the total, exactly: weight × value / 100 ("25.00" × "77.38" → "19.345"), with at
 * least two decimals and no trailing zeros beyond them.
 */
export function contributionOf(weight: string, value: string): string | null {
  const w = parseHundredths(weight);
  const v = parseScoreValue(value);
  if (w === null || v === null) return null;
  const millionths = w * v; // (w / 100) × (v / 100) / 100 = w·v / 1 000 000
  const whole = Math.trunc(millionths / 1_000_000);
  const fraction = String(millionths % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '')
    .padEnd(2, '0');
  return `${whole}.${fraction}`;
}

/**
 * The weighted total out of 100 as an exact decimal string ("26.07"), or null when a weight or value is not valid.
 * With weights and values in hundredths (w, v), weight × value / 100 in hundredths is w·v / 10 000; the sum is
 * rounded once, half up.
 */
export function weightedTotal(entries: readonly WeightedEntry[]): string | null {
  let millionths = 0; // exact: at most 100 × 10^8 for weights adding up to 100, far below MAX_SAFE_INTEGER
  for (const { weight, value } of entries) {
    const w = parseHundredths(weight);
    const v = parseScoreValue(value);
    if (w === null || v === null) return null;
    millionths += w * v;
  }
  return formatHundredths(Math.floor((millionths + 5_000) / 10_000));
}
