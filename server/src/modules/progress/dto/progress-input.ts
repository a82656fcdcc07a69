import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { parseDay } from '../../../common/dates/parse-day.js';
import { normalizeText } from '../../../common/text/normalize-text.js';
import { isHttpUrl } from '../progress-rules.js';

/**
 * How the progress DTOs read what people type: Persian and Arabic-Indic digits, Arabic letter forms, bidi marks
 * and stray spaces are unified by `normalizeText`. A transform leaves a value it cannot read as it is, so the
 * validator beside it refuses it with a per-field message (never a 500).
 */

/** One-line text, normalised; an empty string becomes undefined (an optional field left blank). */
export const NormalizedText = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const text = normalizeText(value);
    return text === '' ? undefined : text;
  });

/** Whole numbers typed in any digits ("۳" → 3). */
export const NormalizedInt = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\s*[0-9۰-۹٠-٩]+\s*$/.test(value) ? Number(normalizeText(value)) : value,
  );

/** A calendar day, ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD` in any digits, to its ISO day. */
export const NormalizedDay = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? (parseDay(value) ?? value) : value));

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

/** After `NormalizedDay`: a day that exists. Named `isDateString` so the Persian message says "not a valid date". */
export const IsDay = constraint(
  'isDateString',
  (value) => typeof value === 'string' && ISO_DAY.test(value) && parseDay(value) === value,
  (args) => `${args.property} must be a real day, as YYYY-MM-DD (Gregorian) or YYYY/MM/DD (Jalali, e.g. 1401/05/31)`,
);

/** An absolute http(s) address. Named `matches` so the Persian message says "the format is not right". */
export const IsHttpUrl = constraint(
  'matches',
  (value) => typeof value === 'string' && isHttpUrl(value),
  (args) => `${args.property} must be an http(s) address such as https://example.gov.ir`,
);
