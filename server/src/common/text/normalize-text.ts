/**
 * The normalisers for everything people type.
 *
 * `normalizeText` is for stored values: Persian (۰-۹) and Arabic-Indic (٠-٩) digits become Latin, the Arabic
 * letter forms ي ى and ك become Persian ی and ک, the Persian decimal and thousands separators (٫ ٬) become
 * '.' and ',', bidi marks are dropped and white space is folded. ZWNJ stays: it is part of Persian spelling.
 *
 * `normalizeForSearch` is for search keys: on top of that it unifies the forms people use interchangeably
 * (ة ۀ → ه, أ إ آ ٱ → ا, ؤ → و, ئ → ی), drops ZWNJ, tatweel and diacritics, lower-cases and removes every
 * space, so "پژوهش‌های", "پژوهشهای" and "پژوهش های" match. The SQL function `app_normalize_search(text)` in
 * the initial migration is the same function; a test holds the two together.
 */
function table(pairs: Array<[string, string]>): Record<string, string> {
  return Object.fromEntries(pairs);
}

const DIGITS = [...'۰۱۲۳۴۵۶۷۸۹']
  .map((d, i): [string, string] => [d, String(i)])
  .concat([...'٠١٢٣٤٥٦٧٨٩'].map((d, i): [string, string] => [d, String(i)]));
const TEXT_MAP = table([...DIGITS, ['ي', 'ی'], ['ى', 'ی'], ['ك', 'ک'], ['٫', '.'], ['٬', ',']]);
const SEARCH_MAP = table([
  ...Object.entries(TEXT_MAP),
  ['ة', 'ه'],
  ['ۀ', 'ه'],
  ['أ', 'ا'],
  ['إ', 'ا'],
  ['آ', 'ا'],
  ['ٱ', 'ا'],
  ['ؤ', 'و'],
  ['ئ', 'ی'],
]);

const TEXT_CHARS = new RegExp(`[${Object.keys(TEXT_MAP).join('')}]`, 'g');
const SEARCH_CHARS = new RegExp(`[${Object.keys(SEARCH_MAP).join('')}]`, 'g');
/** LRM, RLM, LRE…RLO, LRI…PDI, BOM. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** ZWNJ, ZWJ, tatweel, Arabic diacritics (fathatan … sukun, superscript alef). */
// eslint-disable-next-line no-misleading-character-class -- it lists combining marks one by one, on purpose
const SEARCH_DROPPED = /[\u200c\u200d\u0640\u064b-\u065f\u0670]/g;
/** White space, listed (not `\s`) so that PostgreSQL's regular expression can say exactly the same. */
const SPACES = /[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

/** For values people type: digits and letter forms unified, white space folded and trimmed. */
export function normalizeText(input: string): string {
  return input
    .replace(BIDI, '')
    .replace(TEXT_CHARS, (c) => TEXT_MAP[c] ?? c)
    .replace(SPACES, ' ')
    .trim();
}

/** For search keys: every variant of a letter or digit unified, lower-cased, without spaces or ZWNJ. */
export function normalizeForSearch(input: string): string {
  return input
    .replace(BIDI, '')
    .replace(SEARCH_DROPPED, '')
    .replace(SEARCH_CHARS, (c) => SEARCH_MAP[c] ?? c)
    .toLowerCase()
    .replace(SPACES, '');
}

/** The characters `normalizeForSearch` maps, as the two argument strings of SQL `translate()`. */
export const SEARCH_TRANSLATE = {
  from: Object.keys(SEARCH_MAP).join(''),
  to: Object.values(SEARCH_MAP).join(''),
};
