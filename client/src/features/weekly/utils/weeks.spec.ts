import { formatWeekId } from '../../../lib/dates';
import { briefPath, weekIdAfter, weekIdOf } from './weeks';

describe('weeks', () => {
  it('names a week by the Jalali day of its Saturday', () => {
    expect(weekIdOf('2022-09-17')).toBe('1401-06-26');
    expect(weekIdOf('2023-03-18')).toBe('1401-12-27');
  });

  it('finds the weeks before and after, across months and years', () => {
    expect(weekIdAfter('2022-09-17', -1)).toBe('1401-06-19');
    expect(weekIdAfter('2022-09-17', 1)).toBe('1401-07-02');
    expect(weekIdAfter('2023-03-18', 1)).toBe('1402-01-05');
  });

  it('shows a week id with the language’s digits', () => {
    expect(formatWeekId('1401-06-26', 'fa')).toBe('۱۴۰۱/۰۶/۲۶');
    expect(formatWeekId('1401-06-26', 'en')).toBe('1401/06/26');
  });

  it('builds the address of a brief and of one of its revisions', () => {
    expect(briefPath('1401-06-26')).toBe('/weekly/1401-06-26');
    expect(briefPath('1401-06-26', 2)).toBe('/weekly/1401-06-26?revision=2');
  });
});
