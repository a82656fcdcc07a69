import { toLatinDigits } from '../../../lib/numbers';

/**
 * Exact decimal arithmetic for scores and weights, in whole hundredths (never binary floats), following the
 * server's rules (`server/src/modules/evaluations/scores.rules.ts`): a total is Σ weight × value / 100, rounded
 * half up to two decimals.
 */

const TYPED_DECIMAL = /^(\d{1,3})(?:\.(\d{1,2}))?$/;
const HUNDRED = 100_00;

/**
 * A number as people type it (Persian, Arabic-Indic or Latin digits; `.` or `٫`; at most two decimals, trailing
 * zeros aside) in whole hundredths: "27.7" → 2770, "۲۷٫۷" → 2770. Null when it is not such a number.
 */
export function parseHundredths(text: string): number | null {
  const compact = toLatinDigits(text)
    .replace(/(?:\s|\u200c|\u200d|\u200e|\u200f)+/g, '')
    .replace(/^(\d+\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
  const match = TYPED_DECIMAL.exec(compact);
  if (!match) return null;
  const [, whole = '0', fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** A criterion score: 0 to 100 with at most two decimals, in hundredths; null otherwise. */
export function parseScore(text: string): number | null {
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

/** The weights' sum, in hundredths; exactly 100.00 is 10 000. */
export const WEIGHTS_TOTAL = HUNDRED;

/**
 * What one criterion adds to the total, exactly: weight × value / 100 ("25.00" × "77.38" → "19.345"), with at
 * least two decimals and no trailing zeros beyond them.
 */
export function contributionOf(weight: string, value: string): string | null {
  const w = parseHundredths(weight);
  const v = parseScore(value);
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
 * The weighted total out of 100 as the server computes it ("26.07"), or null when a weight or value is not valid:
 * Σ weight × value / 100, rounded once, half up, to two decimals.
 */
export function weightedTotal(entries: ReadonlyArray<{ weight: string; value: string }>): string | null {
  let millionths = 0; // at most 100 × 10^8 for any number of criteria whose weights add up to 100: exact
  for (const { weight, value } of entries) {
    const w = parseHundredths(weight);
    const v = parseScore(value);
    if (w === null || v === null) return null;
    millionths += w * v;
  }
  return formatHundredths(Math.floor((millionths + 5_000) / 10_000));
}
