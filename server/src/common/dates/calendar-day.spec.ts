import { tehranToday } from './calendar-day.js';

describe('tehranToday', () => {
  it("gives Tehran's calendar day (UTC+03:30 since 2023)", () => {
    expect(tehranToday(new Date('2024-08-21T20:29:00Z'))).toBe('2024-08-21');
    expect(tehranToday(new Date('2024-08-21T20:31:00Z'))).toBe('2024-08-22');
  });
});
