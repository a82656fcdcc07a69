import { intlLocaleOf, type Language } from './language';

interface NumberSymbols {
  digits: readonly string[];
  decimal: string;
  minusSign: string;
}

const integerFormats = new Map<Language, Intl.NumberFormat>();
const symbolCache = new Map<Language, NumberSymbols>();

function integerFormat(language: Language): Intl.NumberFormat {
  let format = integerFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleOf(language), { maximumFractionDigits: 0 });
    integerFormats.set(language, format);
  }
  return format;
}

/** Digits, decimal separator and minus sign of the locale, read from `Intl` itself. */
function symbolsOf(language: Language): NumberSymbols {
  let symbols = symbolCache.get(language);
  if (!symbols) {
    const format = new Intl.NumberFormat(intlLocaleOf(language), { useGrouping: false });
    const parts = format.formatToParts(-1.5);
    const integerIndex = parts.findIndex((part) => part.type === 'integer');
    symbols = {
      digits: Array.from({ length: 10 }, (_, digit) => format.format(digit)),
      decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
      // Everything before the integer (fa-IR puts a left-to-right mark before its minus sign).
      minusSign: parts
        .slice(0, integerIndex)
        .map((part) => part.value)
        .join(''),
    };
    symbolCache.set(language, symbols);
  }
  return symbols;
}

/** A whole number with the locale's digits and grouping: 1234 → «۱٬۲۳۴» in fa, "1,234" in en. */
export function formatInteger(value: number, language: Language): string {
  return integerFormat(language).format(value);
}

/** Replaces the ASCII digits 0-9 in `text` with the locale's digits; leaves everything else alone. */
export function localizeDigits(text: string, language: Language): string {
  const { digits } = symbolsOf(language);
  return text.replace(/[0-9]/g, (digit) => digits[Number(digit)] ?? digit);
}

const DECIMAL_STRING = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Formats an exact decimal string such as "26.07" in the locale («۲۶٫۰۷» in fa) without ever turning it
 * into a binary float: the digits shown are the digits received. The fraction is padded to
 * `minFractionDigits` but never rounded or cut.
 */
export function formatDecimalString(value: string, language: Language, minFractionDigits = 2): string {
  const match = DECIMAL_STRING.exec(value.trim());
  if (!match) {
    throw new RangeError(`Not a decimal number: "${value}"`);
  }
  const [, sign = '', integerPart = '0', fractionPart = ''] = match;
  const symbols = symbolsOf(language);
  const integerText = integerFormat(language).format(BigInt(integerPart));
  const fraction = fractionPart.padEnd(minFractionDigits, '0');
  const fractionText = fraction ? symbols.decimal + localizeDigits(fraction, language) : '';
  const isZero = /^0*$/.test(integerPart + fractionPart);
  return (sign && !isZero ? symbols.minusSign : '') + integerText + fractionText;
}

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/**
 * Reads what people type: Persian (۰-۹) and Arabic-Indic (٠-٩) digits become 0-9 and the Arabic decimal
 * separator (٫) becomes a dot. Everything else is left alone.
 */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u06f0-\u06f9\u0660-\u0669\u066b]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code === 0x066b) return '.';
    return String(code >= PERSIAN_ZERO ? code - PERSIAN_ZERO : code - ARABIC_INDIC_ZERO);
  });
}
