import fc from 'fast-check';
import { addDays, daysBetween } from './calendar-day.js';
import { isoToJalali, jalaliToIso, parseDay } from './jalali.js';

describe('parseDay', () => {
  const sut = parseDay;

  it('reads an ISO (Gregorian) day as it is', () => {
    expect(sut('2022-08-22')).toBe('2022-08-22');
    expect(sut('2024-02-29')).toBe('2024-02-29');
    expect(sut('2000-02-29')).toBe('2000-02-29');
    expect(sut('1900-01-01')).toBe('1900-01-01');
    expect(sut('2199-12-31')).toBe('2199-12-31');
  });

  it('reads a Gregorian day written with slashes or one-digit parts', () => {
    expect(sut('2022/08/22')).toBe('2022-08-22');
    expect(sut('2022/8/22')).toBe('2022-08-22');
    expect(sut('2022-8-22')).toBe('2022-08-22');
    expect(sut('۲۰۲۲/۸/۲۲')).toBe('2022-08-22');
  });

  it('refuses a Gregorian day that does not exist', () => {
    expect(sut('2023-02-29')).toBeNull();
    expect(sut('2023/02/29')).toBeNull();
    expect(sut('1900-02-29')).toBeNull();
    expect(sut('2022-04-31')).toBeNull();
    expect(sut('2022-13-01')).toBeNull();
    expect(sut('2022-00-10')).toBeNull();
  });

  it('converts a Jalali day to its Gregorian ISO day', () => {
    expect(sut('1401/05/31')).toBe('2022-08-22');
    expect(sut('1401/06/31')).toBe('2022-09-22');
    expect(sut('1401/10/30')).toBe('2023-01-20');
    expect(sut('1401/01/01')).toBe('2022-03-21');
    expect(sut('1401/5/31')).toBe('2022-08-22');
  });

  it('reads a Jalali day written with hyphens as Jalali, not as a Gregorian year 1401', () => {
    expect(sut('1401-08-20')).toBe('2022-11-11');
    expect(sut('1401/08/20')).toBe('2022-11-11');
    expect(sut('1401/8/20')).toBe('2022-11-11');
    expect(sut('۱۴۰۱-۰۸-۲۰')).toBe('2022-11-11');
    expect(sut('١٤٠١-٠٨-٢٠')).toBe('2022-11-11');
    expect(sut('1401-05-31')).toBe('2022-08-22');
    expect(sut('1401-12-30')).toBeNull();
  });

  it('reads Persian and Arabic-Indic digits, spaces, ZWNJ and bidi marks', () => {
    expect(sut('۱۴۰۱/۰۵/۳۱')).toBe('2022-08-22');
    expect(sut('١٤٠١/٠٥/٣١')).toBe('2022-08-22');
    expect(sut(' ۱۴۰۱ / ۰۵ /\u200c۳۱ ')).toBe('2022-08-22');
    expect(sut('\u200f۲۰۲۲-۰۸-۲۲')).toBe('2022-08-22');
    expect(sut('\u200f۱۴۰۱ - ۰۸ - ۲۰\u200e')).toBe('2022-11-11');
  });

  it('accepts Esfand 30 in the leap years 1399 and 1403 only', () => {
    expect(sut('1399/12/30')).toBe('2021-03-20');
    expect(sut('1403/12/30')).toBe('2025-03-20');
    expect(sut('۱۴۰۳/۱۲/۳۰')).toBe('2025-03-20');
    expect(sut('1401/12/29')).toBe('2023-03-20');
    expect(sut('1401/12/30')).toBeNull();
    expect(sut('1402/12/30')).toBeNull();
  });

  it('refuses Jalali days that do not exist', () => {
    expect(sut('1401/07/31')).toBeNull();
    expect(sut('1401/13/01')).toBeNull();
    expect(sut('1401/00/10')).toBeNull();
    expect(sut('1401/01/00')).toBeNull();
  });

  it('reads 1300-1499 as Jalali and 1900-2199 as Gregorian, and refuses every other year', () => {
    expect(sut('1300/01/01')).toBe('1921-03-21');
    expect(sut('1499/12/29')).not.toBeNull();
    for (const input of ['1299/12/29', '1299-12-29', '1500/01/01', '1500-01-01', '1899-12-31', '1899/12/31']) {
      expect(sut(input)).toBeNull();
    }
    for (const input of ['2200-01-01', '2200/01/01', '1000-01-01', '0999-01-01', '1700-05-05']) {
      expect(sut(input)).toBeNull();
    }
  });

  it('refuses anything that is not a day', () => {
    for (const input of [
      '',
      ' ',
      'tomorrow',
      '1401-05-31x',
      '22-08-2022',
      '1401.05.31',
      '14010531',
      '1401-05/31',
      '1401/005/31',
      '01401/05/31',
    ]) {
      expect(sut(input)).toBeNull();
    }
    expect(sut(undefined as unknown as string)).toBeNull();
  });

  it('reads an ISO day in 1900-2199 as itself (what the IsDay validator relies on)', () => {
    for (const iso of ['1900-01-01', '1921-03-20', '2022-11-11', '2121-03-20', '2199-12-31']) {
      expect(sut(iso)).toBe(iso);
    }
  });
});

describe('jalaliToIso', () => {
  it('converts numeric Jalali parts', () => {
    expect(jalaliToIso(1401, 1, 1)).toBe('2022-03-21');
    expect(jalaliToIso(1402, 6, 31)).toBe('2023-09-22');
    expect(jalaliToIso(1401, 8, 20)).toBe('2022-11-11');
    expect(jalaliToIso(1401, 12, 30)).toBeNull();
    expect(jalaliToIso(1401, 1.5, 1)).toBeNull();
  });
});

describe('isoToJalali', () => {
  const sut = isoToJalali;

  it('writes an ISO day as a Jalali yyyy/MM/dd', () => {
    expect(sut('2022-08-22')).toBe('1401/05/31');
    expect(sut('2022-11-11')).toBe('1401/08/20');
    expect(sut('2022-03-21')).toBe('1401/01/01');
    expect(sut('2025-03-20')).toBe('1403/12/30');
  });

  it('round-trips with parseDay and jalaliToIso', () => {
    for (const jalali of ['1401/05/31', '1401/08/20', '1399/12/30', '1403/12/30', '1300/01/01', '1499/01/01']) {
      expect(sut(parseDay(jalali)!)).toBe(jalali);
    }
    expect(jalaliToIso(...(sut('2023-09-22').split('/').map(Number) as [number, number, number]))).toBe('2023-09-22');
  });

  it('refuses what is not an ISO day', () => {
    expect(() => sut('1401/05/31')).toThrow(RangeError);
  });

  it('parseDay(isoToJalali(iso)) is iso for every day from 1922 to 2120', () => {
    const first = '1922-01-01';
    const span = daysBetween(first, '2120-12-31');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: span }), (offset) => {
        const iso = addDays(first, offset);
        return parseDay(isoToJalali(iso)) === iso;
      }),
      { numRuns: 2000 },
    );
  });
});
