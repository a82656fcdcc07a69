import { tehranToday } from './calendar-day.js';
import { lastEndedWeekStart, parseWeek, tehranInstant, weekIdOf, weekStartOf } from './week.js';

describe('the Iranian week', () => {
  it('starts on Saturday and is named by the Jalali day of that Saturday', () => {
    expect(weekStartOf('2022-09-17')).toBe('2022-09-17'); // Saturday 1401/06/26
    expect(weekStartOf('2022-09-23')).toBe('2022-09-17'); // Friday 1401/07/01: same week
    expect(weekStartOf('2022-09-24')).toBe('2022-09-24'); // the next Saturday
    expect(weekIdOf('2022-09-17')).toBe('1401-06-26');
  });

  it('is found from any of its days, typed in either calendar with any digits', () => {
    for (const input of ['1401-06-26', '۱۴۰۱/۰۶/۳۱', '١٤٠١/٠٧/٠١', '2022-09-20'])
      expect(parseWeek(input)).toBe('2022-09-17');
    expect(parseWeek('1401/12/30')).toBeNull(); // not a day: 1401 has no Esfand 30
    expect(parseWeek('next week')).toBeNull();
  });

  it('crosses the year at Nowruz and the leap Esfand 30 of 1403', () => {
    expect(parseWeek('1403/12/30')).toBe('2025-03-15');
    expect(weekIdOf('2025-03-15')).toBe('1403-12-25');
    expect(parseWeek('1404/01/01')).toBe('2025-03-15'); // Friday, same week
  });

  it('ends at Tehran midnight, with the daylight saving Tehran had until 1401', () => {
    // Friday 1401/07/01 (2022-09-23), Tehran on +03:30 after DST ended on 1401/06/30: the week ends 20:30 UTC.
    const edge = tehranInstant('2022-09-24', 0);
    expect(edge.toISOString()).toBe('2022-09-23T20:30:00.000Z');
    expect(weekStartOf(tehranToday(new Date(edge.getTime() - 1)))).toBe('2022-09-17');
    expect(weekStartOf(tehranToday(edge))).toBe('2022-09-24');
    // In summer 1401 Tehran was on +04:30: midnight of Saturday 1401/05/01 was 19:30 UTC the day before.
    expect(tehranInstant('2022-07-23', 0).toISOString()).toBe('2022-07-22T19:30:00.000Z');
    // From 1402 on, no daylight saving: +03:30 all year.
    expect(tehranInstant('2023-07-22', 8).toISOString()).toBe('2023-07-22T04:30:00.000Z');
  });

  it('the last ended week is the one before the current week', () => {
    expect(lastEndedWeekStart('2022-09-24')).toBe('2022-09-17'); // on Saturday, last week just ended
    expect(lastEndedWeekStart('2022-09-23')).toBe('2022-09-10'); // on Friday, this week has not ended
  });
});
