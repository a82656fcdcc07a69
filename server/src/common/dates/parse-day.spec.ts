import { jalaliToIso, parseDay } from './parse-day.js';

describe('parseDay', () => {
  const sut = parseDay;

  it('reads an ISO (Gregorian) day as it is', () => {
    expect(sut('2022-08-22')).toBe('2022-08-22');
    expect(sut('2024-02-29')).toBe('2024-02-29');
    expect(sut('2000-02-29')).toBe('2000-02-29');
  });

  it('refuses a Gregorian day that does not exist', () => {
    expect(sut('2023-02-29')).toBeNull();
    expect(sut('1900-02-29')).toBeNull();
    expect(sut('2022-04-31')).toBeNull();
    expect(sut('2022-13-01')).toBeNull();
    expect(sut('2022-00-10')).toBeNull();
    expect(sut('2022-8-22')).toBeNull();
  });

  it('converts a Jalali day to its Gregorian ISO day', () => {
    expect(sut('1401/05/31')).toBe('2022-08-22');
    expect(sut('1401/06/31')).toBe('2022-09-22');
    expect(sut('1401/10/30')).toBe('2023-01-20');
    expect(sut('1401/01/01')).toBe('2022-03-21');
    expect(sut('1401/5/31')).toBe('2022-08-22');
  });

  it('reads Persian and Arabic-Indic digits, spaces, ZWNJ and bidi marks', () => {
    expect(sut('۱۴۰۱/۰۵/۳۱')).toBe('2022-08-22');
    expect(sut('١٤٠١/٠٥/٣١')).toBe('2022-08-22');
    expect(sut(' ۱۴۰۱ / ۰۵ /\u200c۳۱ ')).toBe('2022-08-22');
    expect(sut('\u200f۲۰۲۲-۰۸-۲۲')).toBe('2022-08-22');
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

  it('refuses anything that is not a day', () => {
    for (const input of ['', ' ', 'tomorrow', '1401-05-31x', '22-08-2022', '2022/08/22', '1401.05.31', '14010531']) {
      expect(sut(input)).toBeNull();
    }
    expect(sut(undefined as unknown as string)).toBeNull();
  });

  it('jalaliToIso converts numeric Jalali parts', () => {
    expect(jalaliToIso(1401, 1, 1)).toBe('2022-03-21');
    expect(jalaliToIso(1402, 6, 31)).toBe('2023-09-22');
  });
});
