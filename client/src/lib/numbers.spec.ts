import { formatDecimalString, formatInteger, localizeDigits, toLatinDigits } from './numbers';

describe('formatDecimalString', () => {
  it('shows a score with Persian digits and the Persian decimal separator', () => {
    expect(formatDecimalString('26.07', 'fa')).toBe('۲۶٫۰۷');
  });

  it('shows a score in English exactly as received', () => {
    expect(formatDecimalString('26.07', 'en')).toBe('26.07');
  });

  it('pads to two decimals', () => {
    expect(formatDecimalString('100', 'en')).toBe('100.00');
    expect(formatDecimalString('5.1', 'fa')).toBe('۵٫۱۰');
  });

  it('never rounds: the digits shown are the digits received', () => {
    expect(formatDecimalString('1.005', 'en')).toBe('1.005');
    expect(formatDecimalString('0.29', 'en')).toBe('0.29');
    expect(formatDecimalString('99.99', 'fa')).toBe('۹۹٫۹۹');
    expect(formatDecimalString('12345678901234567.89', 'en')).toBe('12,345,678,901,234,567.89');
  });

  it('refuses anything that is not a plain decimal', () => {
    expect(() => formatDecimalString('26,07', 'en')).toThrow(RangeError);
    expect(() => formatDecimalString('abc', 'en')).toThrow(RangeError);
    expect(() => formatDecimalString('', 'en')).toThrow(RangeError);
  });
});

describe('formatInteger', () => {
  it('groups thousands with the locale digits', () => {
    expect(formatInteger(1234, 'fa')).toBe('۱٬۲۳۴');
    expect(formatInteger(1234, 'en')).toBe('1,234');
    expect(formatInteger(249, 'fa')).toBe('۲۴۹');
  });
});

describe('localizeDigits', () => {
  it('replaces only the digits', () => {
    expect(localizeDigits('1401/06/31', 'fa')).toBe('۱۴۰۱/۰۶/۳۱');
    expect(localizeDigits('1401/06/31', 'en')).toBe('1401/06/31');
  });
});

describe('toLatinDigits', () => {
  it('reads Persian and Arabic-Indic digits and the Arabic decimal separator', () => {
    expect(toLatinDigits('۱۴۰۱/۰۵/۳۱')).toBe('1401/05/31');
    expect(toLatinDigits('٢٧٫٧')).toBe('27.7');
    expect(toLatinDigits('abc 12')).toBe('abc 12');
  });
});
