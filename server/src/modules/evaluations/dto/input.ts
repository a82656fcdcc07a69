import { Transform } from 'class-transformer';
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

export {
  DecimalMax,
  DecimalPositive,
  IsDay,
  IsDecimal2,
  NormalizedDay,
  NormalizedDecimal,
  NormalizedInt,
} from '../../../common/validation/input.js';
