import { Transform } from 'class-transformer';
import { isISO8601, registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseDay } from '../dates/jalali.js';
import { decimalToUnits, parseDecimal, toPersianDigits } from '../numbers/decimal.js';
import { normalizeText } from '../text/normalize-text.js';
import { isHttpUrl } from './http-url.js';

/**
 * How DTOs read what people type, shared by every feature: Persian and Arabic-Indic digits, ٫, Arabic letter
 * forms and stray spaces are unified. A transform leaves a value it cannot read as it is, so the validator beside
 * it refuses it with a per-field message in both languages (never a 500).
 */

export interface NormalizedTextOptions {
  /** An empty (or blank) string becomes `undefined`, as if the optional field had not been sent. Default: kept as ''. */
  emptyAsUndefined?: boolean;
}

/** One-line text: digits and letter forms unified, white space folded and trimmed. */
export const NormalizedText = ({ emptyAsUndefined = false }: NormalizedTextOptions = {}) =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const text = normalizeText(value);
    return emptyAsUndefined && text === '' ? undefined : text;
  });

/** Several lines of text: each line normalised, line breaks kept, blank lines at either end dropped. */
export const NormalizedMultiline = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(/\r\n|\r|\n/)
          .map(normalizeText)
          .join('\n')
          .replace(/^\n+|\n+$/g, '')
      : value,
  );

/** A code such as `summer-1402`: normalised and lower-cased; check it with `@Matches(CODE_PATTERN)`. */
export const NormalizedCode = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? normalizeText(value).toLowerCase() : value,
  );

export const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** Whole numbers typed in any digits ("۳" → 3). */
export const NormalizedInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\s*[0-9۰-۹٠-٩]+\s*$/.test(value) ? Number(normalizeText(value)) : value,
  );

/** A calendar day, ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD` in any digits, to its ISO day. */
export const NormalizedDay = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseDay(value) ?? value) : value));

/**
 * A calendar day (as `NormalizedDay`) or an instant: a day typed in either calendar becomes its ISO day
 * (`1401-08-20` → `2022-11-11`); anything else, such as a full ISO date-time `2022-11-11T08:30:00Z`, is left as
 * it is (digits unified) for `IsDayOrDateTime`.
 */
export const NormalizedDayOrDateTime = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? (parseDay(value) ?? normalizeText(value)) : value,
  );

/** A decimal with at most two places, in any digits and with ٫, to its canonical string ("۲۷٫۷" → "27.70"). */
export const NormalizedDecimal = () => Transform(({ value }: { value: unknown }) => parseDecimal(value, 2) ?? value);

/**
 * A validation constraint with its message in both languages: the English one through class-validator, the
 * Persian one in the constraint's `context`, which the validation pipe reads (`common/errors/validation.ts`).
 */
export function bilingualConstraint(
  name: string,
  validate: (value: unknown) => boolean,
  en: (args: ValidationArguments) => string,
  fa: string,
): (options?: ValidationOptions) => PropertyDecorator {
  return (options) => (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: en, context: { fa }, ...options },
      validator: { validate },
    });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL_2 = /^\d+\.\d{2}$/;

/** After `NormalizedDay`: a day that exists. */
export const IsDay = bilingualConstraint(
  'isDay',
  (value) => typeof value === 'string' && ISO_DAY.test(value) && parseDay(value) === value,
  (args) => `${args.property} must be a real day, as YYYY-MM-DD (Gregorian) or YYYY/MM/DD (Jalali, e.g. 1401/05/31)`,
  'روز معتبری نیست؛ به شکل ۱۴۰۱/۰۵/۳۱ (خورشیدی) یا 2022-08-22 (میلادی) بنویسید',
);

/** An ISO day `YYYY-MM-DD` (as `NormalizedDay` and `NormalizedDayOrDateTime` write it), not a date-time. */
export function isIsoDay(value: string): boolean {
  return ISO_DAY.test(value);
}

/** After `NormalizedDayOrDateTime`: a day that exists, or a full ISO 8601 date-time (with `T`). */
export const IsDayOrDateTime = bilingualConstraint(
  'isDayOrDateTime',
  (value) =>
    typeof value === 'string' &&
    ((ISO_DAY.test(value) && parseDay(value) === value) ||
      (value.includes('T') && isISO8601(value, { strict: true, strictSeparator: true }))),
  (args) =>
    `${args.property} must be a real day, as YYYY-MM-DD (Gregorian, e.g. 2022-11-11) or YYYY-MM-DD / YYYY/MM/DD (Jalali, e.g. 1401-08-20), or an ISO date-time such as 2022-11-11T08:30:00Z`,
  'روز یا زمان معتبری نیست؛ به شکل ۱۴۰۱-۰۸-۲۰ یا ۱۴۰۱/۰۸/۲۰ (خورشیدی)، 2022-11-11 (میلادی) یا زمان کامل مانند 2022-11-11T08:30:00Z بنویسید',
);

/** An absolute http(s) address, such as an agency's single-window site. */
export const IsHttpUrl = bilingualConstraint(
  'isHttpUrl',
  (value) => typeof value === 'string' && isHttpUrl(value),
  (args) => `${args.property} must be an http(s) address such as https://example.gov.ir`,
  'باید نشانی وب کاملی باشد، مانند https://example.gov.ir',
);

/** After `NormalizedDecimal`: a number with at most two decimals. */
export const IsDecimal2 = bilingualConstraint(
  'isDecimal2',
  (value) => typeof value === 'string' && DECIMAL_2.test(value),
  (args) => `${args.property} must be a number with at most two decimals, e.g. 26.07 or ۲۶٫۰۷`,
  'باید عددی با حداکثر دو رقم اعشار باشد، مانند ۲۶٫۰۷',
);

/** After `NormalizedDecimal`: at most `max` (only checked once the format is right). */
export const DecimalMax = (max: string, options?: ValidationOptions) =>
  bilingualConstraint(
    'decimalMax',
    (value) => typeof value !== 'string' || !DECIMAL_2.test(value) || decimalToUnits(value) <= decimalToUnits(max),
    (args) => `${args.property} must not be greater than ${max}`,
    `نباید بیشتر از ${toPersianDigits(max)} باشد`,
  )(options);

/** After `NormalizedDecimal`: greater than zero (only checked once the format is right). */
export const DecimalPositive = bilingualConstraint(
  'decimalPositive',
  (value) => typeof value !== 'string' || !DECIMAL_2.test(value) || decimalToUnits(value) > 0,
  (args) => `${args.property} must be greater than 0`,
  'باید بیشتر از صفر باشد',
);
