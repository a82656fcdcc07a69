import {
  addDaysIso,
  addJalaliMonths,
  formatGregorianDate,
  formatJalaliDate,
  formatTehranDateTime,
  isoToJalali,
  jalaliDaysInMonth,
  jalaliToIso,
  parseIsoDate,
  parseJalaliInput,
  tehranStartOfDay,
  todayInTehran,
  weekdayFromSaturday,
} from './dates';

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

describe('parseJalaliInput', () => {
  it.each([
    ['1401/05/31', '2022-08-22'],
    ['۱۴۰۱/۰۵/۳۱', '2022-08-22'],
    ['١٤٠١/٠٥/٣١', '2022-08-22'],
    ['۱۴۰۱/۵/۳۱', '2022-08-22'],
    [' 1401-06-31 ', '2022-09-22'],
    ['1403/12/30', '2025-03-20'], // Esfand 30 of a leap year
    ['1402/01/01', '2023-03-21'],
  ])('reads %p as %p', (text, iso) => {
    expect(parseJalaliInput(text)).toBe(iso);
  });

  it.each(['1401/12/30', '1401/13/01', '1401/07/31', '1401/00/10', '1401/05', '۱۴۰۱', 'abc', '', '22/05/1401'])(
    'refuses %p',
    (text) => {
      expect(parseJalaliInput(text)).toBeNull();
    },
  );
});

describe('Jalali calendar arithmetic', () => {
  it('round-trips between ISO and Jalali days', () => {
    expect(isoToJalali('2022-08-22')).toEqual({ year: 1401, month: 5, day: 31 });
    expect(jalaliToIso(1401, 10, 30)).toBe('2023-01-20');
    expect(jalaliToIso(1401, 12, 30)).toBeNull();
  });

  it('knows the month lengths, Esfand by leap year', () => {
    expect(jalaliDaysInMonth(1401, 1)).toBe(31);
    expect(jalaliDaysInMonth(1401, 7)).toBe(30);
    expect(jalaliDaysInMonth(1401, 12)).toBe(29);
    expect(jalaliDaysInMonth(1403, 12)).toBe(30);
  });

  it('puts Saturday in the first column', () => {
    expect(weekdayFromSaturday('2022-08-20')).toBe(0); // Saturday
    expect(weekdayFromSaturday('2022-08-22')).toBe(2); // Monday
    expect(weekdayFromSaturday('2022-08-26')).toBe(6); // Friday
  });

  it('moves by days and by Jalali months, keeping the day within the month', () => {
    expect(addDaysIso('2022-08-22', 1)).toBe('2022-08-23');
    expect(addDaysIso('2023-03-20', 1)).toBe('2023-03-21');
    expect(addJalaliMonths('2022-08-22', 1)).toBe('2022-09-22'); // 1401/05/31 → 1401/06/31
    expect(addJalaliMonths('2022-09-22', 1)).toBe('2022-10-22'); // 1401/06/31 → 1401/07/30 (Mehr has 30)
    expect(addJalaliMonths('2023-02-19', 1)).toBe('2023-03-20'); // 1401/11/30 → 1401/12/29
    expect(addJalaliMonths('2023-03-20', 1)).toBe('2023-04-18'); // 1401/12/29 → 1402/01/29, across Nowruz
    expect(addJalaliMonths('2022-08-22', -12)).toBe('2021-08-22');
  });
});

describe('Tehran time', () => {
  it('gives today in Tehran, not on the machine’s clock', () => {
    // 21:00 UTC is already the next day in Tehran (+03:30).
    expect(todayInTehran(new Date('2022-08-21T21:00:00Z'))).toBe('2022-08-22');
  });

  it('finds the instant a Tehran day starts, with the daylight saving Iran had until 2022', () => {
    expect(tehranStartOfDay('2022-12-01')).toBe('2022-11-30T20:30:00.000Z');
    expect(tehranStartOfDay('2022-08-22')).toBe('2022-08-21T19:30:00.000Z'); // +04:30 in summer 1401
  });

  it('shows an instant as the Jalali date and the 24-hour time in Tehran', () => {
    expect(formatTehranDateTime('2022-08-22T10:05:00Z', 'fa')).toEqual({ date: '۱۴۰۱/۰۵/۳۱', time: '۱۴:۳۵' });
    expect(formatTehranDateTime('2022-11-30T21:00:00Z', 'en')).toEqual({ date: '1401/09/10', time: '00:30' });
  });
});
