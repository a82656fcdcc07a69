import { parseCsv, toCsv } from './csv.js';

describe('parseCsv', () => {
  const sut = parseCsv;

  it('reads quoted fields with delimiters, quotes and line breaks, and drops the BOM', () => {
    expect(sut('\ufeffa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'two\nlines', ''],
    ]);
  });

  it('finds the delimiter from the header line', () => {
    expect(sut('agency;date\nوزارت کشور;۱۴۰۱/۰۵/۳۱')).toEqual([
      ['agency', 'date'],
      ['وزارت کشور', '۱۴۰۱/۰۵/۳۱'],
    ]);
    expect(sut('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps blank lines as empty records, so record numbers are row numbers', () => {
    expect(sut('a,b\n\n1,2')).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('reads back what toCsv writes', () => {
    const rows = [
      ['agency', 'note'],
      ['وزارت کشور', 'گفت: "بله", سپس\nرفت'],
    ];
    expect(sut(toCsv(rows))).toEqual(rows);
  });
});
