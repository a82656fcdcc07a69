import { format as formatJalali, newDate as newJalaliDate } from 'date-fns-jalali';
import {
  addDaysIso,
  addJalaliMonths,
  formatGregorianDate,
  formatJalaliDate,
  formatTehranDateTime,
  isoToJalali,
  jalaliDaysInMonth,
  jalaliToIso,
  looksLikeWholeDay,
  parseIsoDate,
  parseTypedDay,
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

describe('parseTypedDay', () => {
  it('reads 1401-08-20 as the Jalali day 20 Aban 1401, which date-fns-jalali puts on 2022-11-11', () => {
    // The library's own conversion, both ways, not just our word for it.
    const aban20 = newJalaliDate(1401, 7, 20, 12); // months count from 0 there
    expect([aban20.getFullYear(), aban20.getMonth() + 1, aban20.getDate()]).toEqual([2022, 11, 11]);
    expect(formatJalali(new Date(2022, 10, 11, 12), 'yyyy-MM-dd')).toBe('1401-08-20');

    expect(parseTypedDay('1401-08-20')).toBe('2022-11-11');
    expect(parseTypedDay('۱۴۰۱/۰۸/۲۰')).toBe('2022-11-11');
    expect(parseTypedDay('1401/8/20')).toBe('2022-11-11');
  });

  it.each([
    ['1401/05/31', '2022-08-22'],
    ['۱۴۰۱/۰۵/۳۱', '2022-08-22'],
    ['١٤٠١/٠٥/٣١', '2022-08-22'],
    ['۱۴۰۱/۵/۳۱', '2022-08-22'],
    [' 1401-06-31 ', '2022-09-22'],
    ['1401-8-20', '2022-11-11'], // a dash with one-digit month: still Jalali
    ['١٤٠١-٠٨-٢٠', '2022-11-11'],
    ['۱۴۰۱ / ۸ / ۲۰', '2022-11-11'], // stray spaces
    ['\u200f۱۴۰۱/۰۸/۲۰\u200e', '2022-11-11'], // bidi marks from a right-to-left paste
    ['\u202b1401/08/20\u202c', '2022-11-11'], // an embedding around it
    ['1401\u200c/08\u200c/20', '2022-11-11'], // ZWNJ
    ['\u00a01401/08/20\u2009', '2022-11-11'], // no-break and thin spaces
    ['\u200f۱۴۰۱ - ۰۸ - ۲۰\u200e', '2022-11-11'],
    ['1403/12/30', '2025-03-20'], // Esfand 30 of the leap year 1403
    ['1399/12/30', '2021-03-20'], // and of 1399
    ['1402/01/01', '2023-03-21'],
    ['1300/01/01', '1921-03-21'], // the first Jalali year read
    ['1499/12/29', '2121-03-20'], // the last
  ])('reads the Jalali day %p as %p', (text, iso) => {
    expect(parseTypedDay(text)).toBe(iso);
  });

  it.each([
    ['2022/08/22', '2022-08-22'],
    ['2022-08-22', '2022-08-22'],
    ['2022/8/22', '2022-08-22'],
    ['۲۰۲۲-۰۸-۲۲', '2022-08-22'],
    ['2024-02-29', '2024-02-29'], // a Gregorian leap day
    ['1900-01-01', '1900-01-01'], // the first Gregorian year read
    ['2199/12/31', '2199-12-31'], // the last
  ])('reads the Gregorian day %p as %p', (text, iso) => {
    expect(parseTypedDay(text)).toBe(iso);
  });

  it.each([
    '1299/01/01', // before the Jalali years
    '1500/01/01', // after them, and before the Gregorian ones
    '1899-01-01',
    '2200-01-01', // after the Gregorian years
    '0999-01-01',
    '9999-12-31',
  ])('refuses %p: its year is neither Jalali (1300-1499) nor Gregorian (1900-2199)', (text) => {
    expect(parseTypedDay(text)).toBeNull();
  });

  it.each([
    '1401/12/30', // 1401 is not a leap year: Esfand has 29 days
    '1401/13/01',
    '1401/07/31', // Mehr has 30 days
    '1401/00/10',
    '1401/01/00',
    '1402/12/30',
    '2023-02-29', // 2023 is not a leap year
    '2022-04-31',
    '2022/13/01',
  ])('refuses %p, a day that does not exist, rather than roll it over', (text) => {
    expect(parseTypedDay(text)).toBeNull();
  });

  it.each([
    '1401.08.20', // only - and / separate
    '2022.08.22',
    '1401-08/20', // one separator, not two
    '2022/08-22',
    '1401_08_20',
    '1401/05',
    '۱۴۰۱',
    '14010820',
    '01401/08/20',
    '1401/008/20',
    '22/05/1401',
    '22-08-2022',
    '1401-05-31x',
    '2022-08-22T00:00:00Z',
    'abc',
    '',
  ])('refuses %p, which is not shaped like a day', (text) => {
    expect(parseTypedDay(text)).toBeNull();
  });
});

describe('looksLikeWholeDay', () => {
  it('tells a whole (even wrong) day from one still being typed', () => {
    expect(looksLikeWholeDay('۱۴۰۱/۱۲/۳۰')).toBe(true);
    expect(looksLikeWholeDay('\u200f1500/01/01')).toBe(true);
    expect(looksLikeWholeDay('۱۴۰۱/۱')).toBe(false);
    expect(looksLikeWholeDay('۱۴۰')).toBe(false);
  });
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
