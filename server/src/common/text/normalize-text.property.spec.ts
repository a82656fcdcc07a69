import fc from 'fast-check';
import { normalizeForSearch, normalizeText } from './normalize-text.js';

/** Properties of the normalisers over any text, with the characters people actually mix in over-weighted. */
const PERSIAN = [...'۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩يىكیکةۀأإآٱؤئ٫٬ـ'];
const MARKS = ['\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff', '\u064b'];
const SPACES = [' ', '\t', '\n', '\u00a0', '\u2003', '\u3000'];
const typed = fc
  .array(fc.oneof(fc.constantFrom(...PERSIAN, ...MARKS, ...SPACES), fc.string({ maxLength: 3 })), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('normalizeText', () => {
  const sut = normalizeText;

  it('is idempotent', () => {
    fc.assert(fc.property(typed, (text) => sut(sut(text)) === sut(text)));
  });

  it('leaves no Persian or Arabic-Indic digit, Arabic ی/ک form, bidi mark, or run of spaces, and trims', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const out = sut(text);
        return (
          !/[۰-۹٠-٩يىك٫٬\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(out) &&
          !/\s{2}/.test(out) &&
          out === out.trim()
        );
      }),
    );
  });

  it('reads a number in any digits as its Latin digits', () => {
    const persian = (n: number) => String(n).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
    const arabic = (n: number) => String(n).replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    fc.assert(fc.property(fc.nat(), (n) => sut(persian(n)) === String(n) && sut(arabic(n)) === String(n)));
  });

  it('keeps ZWNJ (part of Persian spelling) and never grows the text', () => {
    fc.assert(fc.property(typed, (text) => sut(text).length <= text.length && sut(`می\u200cشود`) === 'می\u200cشود'));
  });
});

describe('normalizeForSearch', () => {
  const sut = normalizeForSearch;

  it('is idempotent, and the same key for the stored (normalised) form of a text', () => {
    fc.assert(fc.property(typed, (text) => sut(sut(text)) === sut(text) && sut(normalizeText(text)) === sut(text)));
  });

  it('has no space, ZWNJ, tatweel or upper-case letter in a key', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const key = sut(text);
        // eslint-disable-next-line no-misleading-character-class -- it lists ZWNJ, ZWJ and tatweel one by one
        return !/[\s\u200c\u200d\u0640]/.test(key) && key === key.toLowerCase();
      }),
    );
  });

  it('finds a word whatever spaces or ZWNJ are put between its letters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\u200c', '', '  '), { minLength: 5, maxLength: 5 }), (gaps) => {
        const word = [...'پژوهش'].map((c, i) => `${c}${gaps[i]}`).join('');
        return sut(word) === sut('پژوهش');
      }),
    );
  });
});
