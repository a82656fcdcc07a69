import { decimalToUnits, parseDecimal, toPersianDigits, unitsToDecimal } from './decimal.js';

describe('parseDecimal', () => {
  const sut = parseDecimal;

  it('gives the same canonical value for Latin, Persian and Arabic-Indic input', () => {
    expect(sut('26.07')).toBe('26.07');
    expect(sut('۲۶٫۰۷')).toBe('26.07');
    expect(sut('٢٦٫٠٧')).toBe('26.07');
    expect(sut(' ۲۶٫۰۷\u200c ')).toBe('26.07');
    expect(sut('27.7')).toBe('27.70');
    expect(sut('025')).toBe('25.00');
    expect(sut('0')).toBe('0.00');
    expect(sut(27.7)).toBe('27.70');
    expect(sut(100)).toBe('100.00');
  });

  it('refuses more decimals than the scale, and anything that is not a plain decimal', () => {
    for (const input of ['12.345', '-1', '+1', '1e2', '1,5', '1٬000', '', '.5', '5.', 'NaN', 'abc', '1.2.3']) {
      expect(sut(input)).toBeNull();
    }
    expect(sut(Number.NaN)).toBeNull();
    expect(sut(null)).toBeNull();
    expect(sut({})).toBeNull();
    expect(sut('12.3', 0)).toBeNull();
    expect(sut('12', 0)).toBe('12');
  });
});

describe('decimal units', () => {
  it('adds weights exactly in hundredths', () => {
    const weights = ['33.33', '33.33', '33.34'].map((w) => decimalToUnits(w));
    expect(weights.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(unitsToDecimal(9_999)).toBe('99.99');
    expect(unitsToDecimal(5)).toBe('0.05');
    expect(unitsToDecimal(10_000)).toBe('100.00');
    expect(decimalToUnits('0.10')).toBe(10);
  });

  it('writes Persian digits for messages', () => {
    expect(toPersianDigits('99.99')).toBe('۹۹٫۹۹');
  });
});
