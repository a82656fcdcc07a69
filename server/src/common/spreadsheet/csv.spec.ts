import { CsvLimitError, parseCsv, toCsv } from './csv.js';

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

  it("splits every line on the header line's delimiter only", () => {
    expect(sut('agency,note\ninterior,یک; دو\tسه')).toEqual([
      ['agency', 'note'],
      ['interior', 'یک; دو\tسه'],
    ]);
  });

  it('keeps blank lines as empty records, so record numbers are row numbers', () => {
    expect(sut('a,b\n\n1,2')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(sut('a,b\r\n\r\n1,2\r\n')).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('takes CRLF, LF and CR line ends in one file', () => {
    expect(sut('a\r\nb\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('drops spaces around fields, keeps them inside quotes, and reads a stray quote as a character', () => {
    expect(sut('a, "b" ,c\n" x ",y "z" w,')).toEqual([
      ['a', 'b', 'c'],
      [' x ', 'y "z" w', ''],
    ]);
  });

  it('throws on a quote that never closes', () => {
    expect(() => sut('a,b\n1,"two\n')).toThrow(expect.objectContaining({ code: 'CSV_QUOTE_NOT_CLOSED' }));
  });

  it('stops after maxRecords records', () => {
    expect(sut('a\n1\n2\n3', { maxRecords: 2 })).toEqual([['a'], ['1']]);
  });

  it('stops at the first field past maxColumns or maxFieldLength and says where', () => {
    expect(() => sut('a,b\n1,2,3', { maxColumns: 2 })).toThrow(
      expect.objectContaining({ limit: 'columns', record: 2, field: 2 }),
    );
    expect(() => sut('a,b\n1,"four"', { maxFieldLength: 3 })).toThrow(
      expect.objectContaining({ limit: 'field', record: 2, field: 1 }),
    );
    // One field longer than any record may hold stops the parser while it reads that field.
    expect(() => sut(`a\n${'x'.repeat(1_000_000)}`, { maxColumns: 2, maxFieldLength: 10 })).toThrow(CsvLimitError);
    expect(sut('a,b\n1,"two"', { maxColumns: 2, maxFieldLength: 3 })).toEqual([
      ['a', 'b'],
      ['1', 'two'],
    ]);
  });

  it('reads back what toCsv writes', () => {
    const rows = [
      ['agency', 'note'],
      ['وزارت کشور', 'گفت: "بله", سپس\nرفت'],
    ];
    expect(sut(toCsv(rows))).toEqual(rows);
  });
});

describe('toCsv', () => {
  const sut = toCsv;

  it('writes a UTF-8 BOM, CRLF after every record and RFC 4180 quotes where needed', () => {
    expect(
      sut([
        ['a', 'b,c', 'say "hi"'],
        ['two\nlines', ' padded', 'x\ry', ''],
      ]),
    ).toBe('\ufeffa,"b,c","say ""hi"""\r\n"two\nlines"," padded","x\ry",\r\n');
  });

  it('round-trips values with spaces at either end', () => {
    const rows = [
      ['h1', 'h2'],
      [' left', 'right '],
    ];
    expect(parseCsv(sut(rows))).toEqual(rows);
  });
});
