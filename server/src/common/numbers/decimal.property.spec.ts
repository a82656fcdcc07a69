import fc from 'fast-check';
import { decimalToUnits, parseDecimal, toPersianDigits, unitsToDecimal } from './decimal.js';

/** Hundredths up to 12 integer digits (the largest a value may have), and their canonical decimal. */
const units = fc.integer({ min: 0, max: 999_999_999_999 * 100 + 99 });

describe('exact decimals', () => {
  it('unitsToDecimal and decimalToUnits are inverse, and parseDecimal reads its own output unchanged', () => {
    fc.assert(
      fc.property(units, (n) => {
        const decimal = unitsToDecimal(n);
        return decimalToUnits(decimal) === n && parseDecimal(decimal) === decimal;
      }),
    );
  });

  it('reads the same value in Persian digits with ٫, in Arabic-Indic digits, and with bidi marks around it', () => {
    const arabic = (s: string) => s.replace(/[۰-۹]/g, (d) => '٠١٢٣٤٥٦٧٨٩'['۰۱۲۳۴۵۶۷۸۹'.indexOf(d)]!);
    fc.assert(
      fc.property(units, (n) => {
        const decimal = unitsToDecimal(n);
        const persian = toPersianDigits(decimal);
        return (
          parseDecimal(persian) === decimal &&
          parseDecimal(arabic(persian)) === decimal &&
          parseDecimal(`\u202b${persian}\u202c`) === decimal
        );
      }),
    );
  });

  it('agrees with integer arithmetic: the sum of two values in units is the units of their sum', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 10 ** 12 }), (a, b) => {
        const sum = parseDecimal(unitsToDecimal(a + b));
        return (
          sum !== null && decimalToUnits(sum) === decimalToUnits(unitsToDecimal(a)) + decimalToUnits(unitsToDecimal(b))
        );
      }),
    );
  });

  it('refuses signs, exponents, too many decimals or digits, and what is not a finite number', () => {
    fc.assert(
      fc.property(units, fc.constantFrom('-', '+', 'e5', 'E-2', '1', ',', ' x'), (n, junk) => {
        const decimal = unitsToDecimal(n);
        const bad = junk === '-' || junk === '+' ? `${junk}${decimal}` : `${decimal}${junk}`;
        return parseDecimal(bad) === null;
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(NaN, Infinity, -Infinity, null, undefined, {}, []), (v) => parseDecimal(v) === null),
    );
    expect(parseDecimal('1'.repeat(13))).toBeNull();
  });
});
