import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseDay } from '../dates/parse-day.js';
import { decimalToUnits, parseDecimal, toPersianDigits } from '../numbers/decimal.js';
import { normalizeText } from '../text/normalize-text.js';

/**
 * How DTOs read what people type, shared by every feature: Persian and Arabic-Indic digits, ٫, Arabic letter
 * forms and stray spaces are unified. A transform leaves a value it cannot read as it is, so the validator beside
 * it refuses it with a per-field message in both languages (never a 500).
 */

/** Whole numbers typed in any digits ("۳" → 3). */
export const NormalizedInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\s*[0-9۰-۹٠-٩]+\s*$/.test(value) ? Number(normalizeText(value)) : value,
  );

/** A calendar day, ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD` in any digits, to its ISO day. */
export const NormalizedDay = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseDay(value) ?? value) : value));

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
