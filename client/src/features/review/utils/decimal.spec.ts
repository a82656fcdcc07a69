import { contributionOf, formatHundredths, parseHundredths, parseScore, parseWeight, weightedTotal } from './decimal';

describe('review decimals', () => {
  it('reads typed numbers in any digits, with . or ٫, at most two decimals (trailing zeros aside)', () => {
    expect(parseHundredths('27.7')).toBe(2770);
    expect(parseHundredths('۲۷٫۷')).toBe(2770);
    expect(parseHundredths('٢٧٫٠٧')).toBe(2707);
    expect(parseHundredths(' 80.000 ')).toBe(8000);
    expect(parseHundredths('100')).toBe(10000);
    expect(parseHundredths('27.705')).toBeNull();
    expect(parseHundredths('-1')).toBeNull();
    expect(parseHundredths('')).toBeNull();
    expect(parseHundredths('abc')).toBeNull();
  });

  it('keeps scores within 0–100 and weights above 0 and at most 100', () => {
    expect(parseScore('0')).toBe(0);
    expect(parseScore('100.00')).toBe(10000);
    expect(parseScore('100.01')).toBeNull();
    expect(parseWeight('0')).toBeNull();
    expect(parseWeight('0.01')).toBe(1);
    expect(parseWeight('۱۰۰')).toBe(10000);
    expect(parseWeight('101')).toBeNull();
  });

  it('formats hundredths as the API’s exact decimal', () => {
    expect(formatHundredths(2607)).toBe('26.07');
    expect(formatHundredths(10000)).toBe('100.00');
    expect(formatHundredths(5)).toBe('0.05');
  });

  it('works out each criterion’s points and the total exactly, as the server does', () => {
    expect(contributionOf('10.00', '55.25')).toBe('5.525');
    expect(contributionOf('25.00', '80.00')).toBe('20.00');
    expect(contributionOf('33.33', '77.77')).toBe('25.920741');
    const weights = ['25.00', '20.00', '20.00', '15.00', '10.00', '10.00'];
    const values = ['80.00', '70.50', '65.00', '90.00', '55.25', '60.00'];
    expect(weightedTotal(weights.map((weight, index) => ({ weight, value: values[index]! })))).toBe('72.13');
    // 0.005 is rounded half up: 25 × 0.02 / 100 = 0.005 → 0.01
    expect(weightedTotal([{ weight: '25.00', value: '0.02' }])).toBe('0.01');
    expect(weightedTotal([{ weight: '25.00', value: 'x' }])).toBeNull();
  });
});
