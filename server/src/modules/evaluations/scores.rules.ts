import { decimalToUnits, parseDecimal, unitsToDecimal } from '../../common/numbers/decimal.js';
import { normalizeText } from '../../common/text/normalize-text.js';

/**
 * The rules of a quality score, as pure functions: the session form, `PATCH /scores/:id` and the spreadsheet
 * import all read values, check criteria and total them here, so a value refused in one is refused in the others
 * and a total is the same to the last hundredth wherever it was entered.
 */

/** The most a criterion score (and so a total) can be. */
export const SCORE_MAX = '100.00';

export type ScoreValue = { ok: true; value: string } | { ok: false; problem: 'nan' | 'decimals' | 'range' };

/**
 * A criterion score as people type it: 0 to 100 with at most two decimals (trailing zeros aside: "80.000" is 80),
 * in any digits, with ٫ or `.`; its canonical form is "80.00". `-0` is 0; any other sign is out of range.
 */
export function readScoreValue(input: unknown): ScoreValue {
  const text =
    typeof input === 'number' ? (Number.isFinite(input) ? String(input) : '') : typeof input === 'string' ? input : '';
  const compact = normalizeText(text).replace(/[\s\u200c\u200d]+/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(compact);
  if (!match) return { ok: false, problem: 'nan' };
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return { ok: false, problem: 'decimals' };
  const value = parseDecimal(`${match[2]}${fraction ? `.${fraction}` : ''}`, 2);
  if (value === null) return { ok: false, problem: 'nan' };
  if (match[1] === '-' && decimalToUnits(value) !== 0) return { ok: false, problem: 'range' };
  if (decimalToUnits(value) > decimalToUnits(SCORE_MAX)) return { ok: false, problem: 'range' };
  return { ok: true, value };
}

/**
 * The total out of 100: `round(Σ weight × value / 100, 2)`, half up, computed exactly in integer hundredths
 * (26.07 stays 26.07; never a binary float). Weights and values are canonical two-decimal strings.
 */
export function weightedTotal(values: Array<{ weight: string; value: string }>): string {
  const sum = values.reduce((acc, { weight, value }) => acc + decimalToUnits(weight) * decimalToUnits(value), 0);
  return unitsToDecimal(Math.floor((sum + 5_000) / 10_000));
}

export interface CriterionRef {
  id: string;
  code: string;
  /** Exact decimal text, e.g. "25.00". */
  weight: string;
}

export interface CriteriaMatch {
  missing: Array<{ criterionId: string; code: string }>;
  unknown: string[];
  repeated: string[];
}

/** Every criterion of the set exactly once and nothing else; what is missing, unknown or repeated otherwise. */
export function matchCriteria(criteria: CriterionRef[], values: Array<{ criterionId: string }>): CriteriaMatch | null {
  const known = new Set(criteria.map((c) => c.id));
  const given = values.map((v) => v.criterionId.toLowerCase());
  const repeated = [...new Set(given.filter((id, i) => given.indexOf(id) !== i))];
  const unknown = [...new Set(given.filter((id) => !known.has(id)))];
  const missing = criteria.filter((c) => !given.includes(c.id)).map((c) => ({ criterionId: c.id, code: c.code }));
  return repeated.length || unknown.length || missing.length ? { missing, unknown, repeated } : null;
}

/** The total of values matched to their criteria (call after `matchCriteria` found nothing wrong). */
export function totalOf(criteria: CriterionRef[], values: Array<{ criterionId: string; value: string }>): string {
  const weight = new Map(criteria.map((c) => [c.id, c.weight]));
  return weightedTotal(values.map((v) => ({ weight: weight.get(v.criterionId.toLowerCase())!, value: v.value })));
}
