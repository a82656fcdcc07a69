import fc from 'fast-check';
import { matchCriteria, readScoreValue, weightedTotal } from './scores.rules.js';

describe('readScoreValue', () => {
  const sut = readScoreValue;

  it('gives the canonical value for any digits', () => {
    expect(sut('26.07')).toEqual({ ok: true, value: '26.07' });
    expect(sut('27.7')).toEqual({ ok: true, value: '27.70' });
    expect(sut('80.000')).toEqual({ ok: true, value: '80.00' });
    expect(sut('100')).toEqual({ ok: true, value: '100.00' });
    expect(sut('0')).toEqual({ ok: true, value: '0.00' });
    expect(sut('۲۶٫۰۷')).toEqual({ ok: true, value: '26.07' });
    expect(sut('٢٦٫٠٧')).toEqual({ ok: true, value: '26.07' });
  });

  it('names what is wrong', () => {
    expect(sut('12.345')).toEqual({ ok: false, problem: 'decimals' });
    expect(sut('100.01')).toEqual({ ok: false, problem: 'range' });
    expect(sut('-1')).toEqual({ ok: false, problem: 'range' });
    for (const text of ['abc', '1e2', '1,5', '', '#N/A', '12.', null, undefined, {}])
      expect(sut(text)).toEqual({ ok: false, problem: 'nan' });
  });
});

describe('weightedTotal', () => {
  it('is round(sum(weight × value) / 100, 2), exact and half up', () => {
    const weights = ['25.00', '20.00', '20.00', '15.00', '10.00', '10.00'];
    const values = ['20.00', '30.00', '25.00', '30.00', '28.00', '27.70'];
    expect(weightedTotal(weights.map((weight, i) => ({ weight, value: values[i]! })))).toBe('26.07');
    expect(weightedTotal([{ weight: '25.00', value: '0.02' }])).toBe('0.01');
    expect(weightedTotal([{ weight: '25.00', value: '0.01' }])).toBe('0.00');
    expect(
      weightedTotal([
        { weight: '33.33', value: '100.00' },
        { weight: '66.67', value: '100.00' },
      ]),
    ).toBe('100.00');
  });

  it('never exceeds 100 when the weights add up to 100', () => {
    const hundredths = fc.integer({ min: 0, max: 10_000 }).map((n) => (n / 100).toFixed(2));
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 4, 5, 8, 10),
        fc.array(hundredths, { minLength: 10, maxLength: 10 }),
        (n, all) => {
          const values = all.slice(0, n);
          const weight = (100 / n).toFixed(2); // exact for these n, so the weights add up to 100
          const total = weightedTotal(values.map((value) => ({ weight, value })));
          return Number(total) >= 0 && Number(total) <= 100;
        },
      ),
    );
  });
});

describe('matchCriteria', () => {
  const criteria = [
    { id: 'a', code: 'A', weight: '50.00' },
    { id: 'b', code: 'B', weight: '50.00' },
  ];

  it('accepts every criterion once', () => {
    expect(matchCriteria(criteria, [{ criterionId: 'A'.toLowerCase() }, { criterionId: 'b' }])).toBeNull();
  });

  it('lists the missing, unknown and repeated ones', () => {
    expect(matchCriteria(criteria, [{ criterionId: 'a' }, { criterionId: 'a' }, { criterionId: 'x' }])).toEqual({
      missing: [{ criterionId: 'b', code: 'B' }],
      unknown: ['x'],
      repeated: ['a'],
    });
  });
});
