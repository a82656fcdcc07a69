import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseDay } from '../../../common/dates/parse-day.js';
import { decimalToUnits, parseDecimal } from '../../../common/numbers/decimal.js';
import { normalizeText } from '../../../common/text/normalize-text.js';

/**
 * The one place the evaluation DTOs normalise what people type: Persian and Arabic-Indic digits, ٫, Arabic
 * letter forms, stray spaces. Each transform leaves a value it cannot read as it is, so that the validator
 * beside it refuses it with a per-field message.
 */

/** One-line text: digits and letter forms unified, white space folded and trimmed. */
export const NormalizedText = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeText(value) : value));

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

/** A code such as `summer-1402`: normalised and lower-cased. */
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

/** A decimal with at most two places, in any digits and with ٫, to its canonical string ("۲۷٫۷" → "27.70"). */
export const NormalizedDecimal = () => Transform(({ value }: { value: unknown }) => parseDecimal(value, 2) ?? value);

function constraint(
  name: string,
  validate: (value: unknown) => boolean,
  message: (args: ValidationArguments) => string,
): (options?: ValidationOptions) => PropertyDecorator {
  return (options) => (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate },
    });
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** After `NormalizedDay`: a day that exists. Reported as `isDateString`, so the Persian message says "not a valid date". */
export const IsDay = constraint(
  'isDateString',
  (value) => typeof value === 'string' && ISO_DAY.test(value) && parseDay(value) === value,
  (args) => `${args.property} must be a real day, as YYYY-MM-DD (Gregorian) or YYYY/MM/DD (Jalali, e.g. 1401/05/31)`,
);

const DECIMAL_2 = /^\d+\.\d{2}$/;

/** After `NormalizedDecimal`: a number with at most two decimals. Reported as `matches` ("the format is not right"). */
export const IsDecimal2 = constraint(
  'matches',
  (value) => typeof value === 'string' && DECIMAL_2.test(value),
  (args) => `${args.property} must be a number with at most two decimals, e.g. 26.07 or ۲۶٫۰۷`,
);

/** After `NormalizedDecimal`: at most `max` (only checked once the format is right). */
export const DecimalMax = (max: string, options?: ValidationOptions) =>
  constraint(
    'max',
    (value) => typeof value !== 'string' || !DECIMAL_2.test(value) || decimalToUnits(value) <= decimalToUnits(max),
    (args) => `${args.property} must not be greater than ${max}`,
  )(options);

/** After `NormalizedDecimal`: greater than zero (only checked once the format is right). */
export const DecimalPositive = constraint(
  'min',
  (value) => typeof value !== 'string' || !DECIMAL_2.test(value) || decimalToUnits(value) > 0,
  (args) => `${args.property} must be greater than 0`,
);
