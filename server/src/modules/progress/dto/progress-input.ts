import { Transform } from 'class-transformer';
import { bilingualConstraint } from '../../../common/validation/input.js';
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

export { IsDay, NormalizedDay, NormalizedInt } from '../../../common/validation/input.js';

/** An absolute http(s) address. */
export const IsHttpUrl = bilingualConstraint(
  'isHttpUrl',
  (value) => typeof value === 'string' && isHttpUrl(value),
  (args) => `${args.property} must be an http(s) address such as https://example.gov.ir`,
  'باید نشانی وب کاملی باشد، مانند https://example.gov.ir',
);
