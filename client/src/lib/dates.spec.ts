import { formatGregorianDate, formatJalaliDate, parseIsoDate } from './dates';

describe('formatJalaliDate', () => {
  it.each([
    ['2022-09-22', '1401/06/31', '۱۴۰۱/۰۶/۳۱'], // end of Shahrivar 1401: single-window deadline
    ['2023-01-20', '1401/10/30', '۱۴۰۱/۱۰/۳۰'], // end of Dey 1401: national-window deadline
    ['2022-08-22', '1401/05/31', '۱۴۰۱/۰۵/۳۱'], // the article's date
    ['2023-03-20', '1401/12/29', '۱۴۰۱/۱۲/۲۹'], // last day of 1401 (not a leap year)
    ['2023-03-21', '1402/01/01', '۱۴۰۲/۰۱/۰۱'], // Nowruz 1402
    ['2025-03-20', '1403/12/30', '۱۴۰۳/۱۲/۳۰'], // Esfand 30 of the leap year 1403
    ['2025-03-21', '1404/01/01', '۱۴۰۴/۰۱/۰۱'],
    ['2022-09-23', '1401/07/01', '۱۴۰۱/۰۷/۰۱'], // first of Mehr
  ])('shows %s as %s (en) and %s (fa)', (iso, en, fa) => {
    expect(formatJalaliDate(iso, 'en')).toBe(en);
    expect(formatJalaliDate(iso, 'fa')).toBe(fa);
  });

  it('keeps the day on a machine west of Greenwich (jest.config.js runs the tests in America/Los_Angeles)', () => {
    // Guard: the check below only means something where UTC midnight is still the previous day.
    expect(new Date('2022-09-22').getDate()).toBe(21);
    expect(formatJalaliDate('2022-09-22', 'en')).toBe('1401/06/31');
    expect(formatJalaliDate('2023-03-21', 'en')).toBe('1402/01/01');
  });

  it.each(['2022-9-22', '22-09-2022', '2022-02-30', '2022-13-01', '', '2022-09-22T00:00:00Z'])(
    'refuses %p rather than show a wrong day',
    (bad) => {
      expect(() => formatJalaliDate(bad, 'fa')).toThrow(RangeError);
    },
  );
});

describe('formatGregorianDate', () => {
  it('gives the Gregorian day for the tooltip', () => {
    expect(formatGregorianDate('2022-09-22', 'en')).toBe('September 22, 2022');
    expect(formatGregorianDate('2022-09-22', 'fa')).toBe('۲۲ سپتامبر ۲۰۲۲');
  });
});

describe('parseIsoDate', () => {
  it('reads the parts without going through UTC', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });
});
