import { normalizeText } from '../text/normalize-text.js';

/**
 * Exact decimals as people type them, for scores and weights. Values stay strings end to end (PostgreSQL
 * `numeric` arrives as a string too); arithmetic that must be exact is done on integers of the smallest unit
 * (hundredths for two decimals), never on binary floating point.
 */

/** At most this many integer digits, so that a value in units stays a safe integer. */
const MAX_INTEGER_DIGITS = 12;

/**
 * Reads a non-negative decimal with at most `scale` decimals and returns it in canonical form (no leading
 * zeros, exactly `scale` decimals: "۲۶٫۷" → "26.70"), or `null` if it is not one.
 *
 * Persian (۰-۹) and Arabic-Indic (٠-٩) digits, the Persian decimal separator ٫, spaces, ZWNJ and bidi marks are
 * accepted; signs, exponents, thousands separators and a comma as decimal separator are not.
 */
export function parseDecimal(input: unknown, scale = 2): string | null {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return null;
    text = String(input);
  } else if (typeof input === 'string') {
    text = normalizeText(input).replace(/[\s\u200c\u200d]+/g, '');
  } else {
    return null;
  }
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const integer = match[1]!.replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (integer.length > MAX_INTEGER_DIGITS || fraction.length > scale) return null;
  return scale === 0 ? integer : `${integer}.${fraction.padEnd(scale, '0')}`;
}

/** A canonical decimal (from `parseDecimal` with the same scale) as an integer count of its smallest unit. */
export function decimalToUnits(decimal: string, scale = 2): number {
  const [integer = '0', fraction = ''] = decimal.split('.');
  return Number(integer) * 10 ** scale + Number(fraction.padEnd(scale, '0') || '0');
}

/** The inverse of `decimalToUnits`: 9999 → "99.99". */
export function unitsToDecimal(units: number, scale = 2): string {
  const sign = units < 0 ? '-' : '';
  const digits = String(Math.abs(units)).padStart(scale + 1, '0');
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** A Latin-digit decimal written for Persian readers: "99.99" → "۹۹٫۹۹". */
export function toPersianDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!).replace(/\./g, '٫');
}
