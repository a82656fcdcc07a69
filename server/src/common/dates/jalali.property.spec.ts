import fc from 'fast-check';
import { addDays } from './calendar-day.js';
import { isoToJalali, jalaliToIso, parseDay } from './jalali.js';

/** Impossible Jalali days are refused (never rolled over), and a day reads the same in any digits and separator. */
const years = fc.integer({ min: 1300, max: 1499 });
const persian = (s: string) => s.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!);
const arabic = (s: string) => s.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);

describe('Jalali days', () => {
  it('refuses month 0 or past 12, day 0, and a day past its month (31 for months 7–12), in any digits', () => {
    fc.assert(
      fc.property(years, fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        return parseDay(`${y}/${m}/${d}`) === null && parseDay(persian(`${y}/00/${d}`)) === null;
      }),
    );
    fc.assert(
      fc.property(years, fc.integer({ min: 7, max: 12 }), fc.integer({ min: 31, max: 99 }), (y, m, d) => {
        return jalaliToIso(y, m, d) === null && parseDay(arabic(`${y}/${m}/${d}`)) === null;
      }),
    );
    fc.assert(fc.property(years, fc.integer({ min: 1, max: 12 }), (y, m) => jalaliToIso(y, m, 0) === null));
  });

  it('has Esfand 30 exactly in the years whose Esfand 29 is not the last day of the year', () => {
    fc.assert(
      fc.property(years, (y) => {
        const esfand29 = jalaliToIso(y, 12, 29)!;
        const leap = isoToJalali(addDays(esfand29, 1)) === `${y}/12/30`;
        return (jalaliToIso(y, 12, 30) !== null) === leap && jalaliToIso(y, 12, 31) === null;
      }),
    );
    expect(parseDay('1401/12/30')).toBeNull(); // 1401 is not a leap year
    expect(parseDay('1403/12/30')).toBe('2025-03-20');
  });

  it('reads a real day the same in Latin, Persian and Arabic-Indic digits, with - or /, padded or not', () => {
    fc.assert(
      fc.property(years, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 }), (y, m, d) => {
        const iso = jalaliToIso(y, m, d);
        const padded = `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`;
        return (
          iso !== null &&
          isoToJalali(iso) === padded &&
          [`${y}-${m}-${d}`, persian(padded), arabic(`${y}-${m}-${d}`), `\u202b${persian(padded)}\u202c`].every(
            (typed) => parseDay(typed) === iso,
          )
        );
      }),
    );
  });
});
