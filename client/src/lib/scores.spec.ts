import {
  contributionOf,
  formatHundredths,
  normalizeScoreValue,
  parseHundredths,
  parseScoreValue,
  parseWeight,
  weightedTotal,
} from './scores';

const WEIGHTS = ['25.00', '20.00', '20.00', '15.00', '10.00', '10.00'];
const entries = (values: string[]) => values.map((value, index) => ({ weight: WEIGHTS[index]!, value }));

describe('weightedTotal', () => {
  it('gives the Ministry of Interior’s 26.07 from its criterion scores', () => {
    expect(weightedTotal(entries(['20', '30', '25', '30', '28', '27.7']))).toBe('26.07');
  });

  it('reads Persian and Arabic-Indic digits and the Arabic decimal separator', () => {
    expect(weightedTotal(entries(['۲۰', '۳۰', '٢٥', '30', '۲۸', '۲۷٫۷']))).toBe('26.07');
  });

  it('rounds half up at the third decimal, exactly (no binary floats)', () => {
    // 0.15 × 0.01 … : weight 15 × 0.03 / 100 = 0.0045 → 0.00; weight 50 × 0.01 / 100 = 0.005 → 0.01
    expect(weightedTotal([{ weight: '50', value: '0.01' }])).toBe('0.01');
    expect(weightedTotal([{ weight: '15', value: '0.03' }])).toBe('0.00');
    // 33.33 × 0.15 = 4.9995 → 5.00 (a float sum would give 4.999499…)
    expect(weightedTotal([{ weight: '33.33', value: '15' }])).toBe('5.00');
    // 0.1 + 0.2 style traps: 10 × 0.1 + 10 × 0.2 = 0.03 exactly
    expect(
      weightedTotal([
        { weight: '10', value: '0.1' },
        { weight: '10', value: '0.2' },
      ]),
    ).toBe('0.03');
  });

  it('reaches exactly 100 with full marks', () => {
    expect(weightedTotal(entries(['100', '100', '100', '100', '100', '100.00']))).toBe('100.00');
  });

  it('gives 0.00 for no entries and null when a value is not a score', () => {
    expect(weightedTotal([])).toBe('0.00');
    expect(weightedTotal(entries(['20', '101']))).toBeNull();
    expect(weightedTotal(entries(['20', '27.777']))).toBeNull();
    expect(weightedTotal(entries(['20', '-1']))).toBeNull();
  });
});

describe('parseHundredths and parseScoreValue', () => {
  it.each([
    ['27.7', 2770],
    ['۲۷٫۷', 2770],
    ['٢٧٫٧٥', 2775],
    ['0', 0],
    [' 100 ', 10000],
    ['5.05', 505],
  ])('reads %p as %p hundredths', (text, hundredths) => {
    expect(parseScoreValue(text)).toBe(hundredths);
  });

  it.each(['', 'abc', '1e2', '27,7', '.5', '5.', '100.01', '1000', '27.777', '-3'])('refuses %p', (text) => {
    expect(parseScoreValue(text)).toBeNull();
  });

  it('reads weights above 100 as numbers (the range check is the caller’s)', () => {
    expect(parseHundredths('150')).toBe(15000);
  });
});

describe('formatting for the API', () => {
  it('writes whole hundredths as an exact two-decimal string', () => {
    expect(formatHundredths(2607)).toBe('26.07');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(10000)).toBe('100.00');
    expect(normalizeScoreValue('۲۷٫۷')).toBe('27.70');
    expect(normalizeScoreValue('x')).toBeNull();
  });
});

describe('typed decimals, weights and each criterion’s points', () => {
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
    expect(parseScoreValue('0')).toBe(0);
    expect(parseScoreValue('100.00')).toBe(10000);
    expect(parseScoreValue('100.01')).toBeNull();
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
