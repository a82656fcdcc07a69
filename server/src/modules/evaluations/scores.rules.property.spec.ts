import fc from 'fast-check';
import { toPersianDigits, unitsToDecimal } from '../../common/numbers/decimal.js';
import { readScoreValue, weightedTotal } from './scores.rules.js';

/** A score in hundredths, 0 to 100, and its canonical form ("26.07"). */
const hundredths = fc.integer({ min: 0, max: 10_000 });

describe('readScoreValue', () => {
  const sut = readScoreValue;

  it('reads every score from 0 to 100 the same in Latin and Persian digits, with trailing zeros or not', () => {
    fc.assert(
      fc.property(hundredths, (n) => {
        const value = unitsToDecimal(n);
        return [value, toPersianDigits(value), `${value}000`, `\u200f${value}`].every((typed) => {
          const read = sut(typed);
          return read.ok && read.value === value;
        });
      }),
    );
  });

  it('refuses every value above 100 and below 0 as out of range, and a third decimal as too precise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_001, max: 10 ** 9 }), (n) => {
        const above = sut(unitsToDecimal(n));
        const below = sut(`-${unitsToDecimal(n - 10_000)}`);
        return !above.ok && above.problem === 'range' && (n === 10_000 || (!below.ok && below.problem === 'range'));
      }),
    );
    fc.assert(
      fc.property(hundredths, fc.integer({ min: 1, max: 9 }), (n, digit) => {
        const read = sut(`${unitsToDecimal(n)}${digit}`);
        return !read.ok && read.problem === 'decimals';
      }),
    );
  });
});

describe('weightedTotal', () => {
  const sut = weightedTotal;

  it('is each value itself when one criterion weighs 100, and never more than the largest value', () => {
    fc.assert(
      fc.property(hundredths, (n) => sut([{ weight: '100.00', value: unitsToDecimal(n) }]) === unitsToDecimal(n)),
    );
    fc.assert(
      fc.property(fc.array(hundredths, { minLength: 4, maxLength: 4 }), (all) => {
        const total = sut(all.map((n) => ({ weight: '25.00', value: unitsToDecimal(n) })));
        return Number(total) <= Math.max(...all) / 100 && Number(total) >= Math.min(...all) / 100;
      }),
    );
  });

  it('does not depend on the order of the criteria, and grows when a value grows', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hundredths, hundredths), { minLength: 1, maxLength: 8 }), (pairs) => {
        const values = pairs.map(([w, v]) => ({ weight: unitsToDecimal(w), value: unitsToDecimal(v) }));
        const raised = values.map((v, i) => (i === 0 ? { ...v, value: '100.00' } : v));
        return sut(values) === sut([...values].reverse()) && Number(sut(raised)) >= Number(sut(values));
      }),
    );
  });
});
