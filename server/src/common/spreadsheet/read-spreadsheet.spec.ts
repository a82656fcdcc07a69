import ExcelJS from 'exceljs';
import { toCsv } from './csv.js';
import { cellText, columnLetter, detectFormat, MAX_ROWS, readSpreadsheet } from './read-spreadsheet.js';
import {
  SpreadsheetTooManyRowsException,
  SpreadsheetUnreadableFileException,
  SpreadsheetUnsupportedFormatException,
} from './spreadsheet.exception.js';

describe('spreadsheet cells', () => {
  it('reads each kind of exceljs value as the text a person sees', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(26.07)).toBe('26.07');
    expect(cellText(new Date(Date.UTC(2022, 7, 22)))).toBe('2022-08-22');
    expect(cellText(new Date(Date.UTC(1401, 4, 31)))).toBe('1401/05/31');
    expect(cellText({ richText: [{ text: 'وزارت ' }, { text: 'کشور' }] })).toBe('وزارت کشور');
    expect(cellText({ formula: 'A1*2', result: 52.14 })).toBe('52.14');
    expect(cellText({ text: 'https://a.ir', hyperlink: 'https://a.ir' })).toBe('https://a.ir');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
    expect(cellText(null)).toBe('');
  });

  it('names columns as spreadsheets do', () => {
    expect([0, 25, 26, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'ZZ', 'AAA']);
  });

  it('tells xlsx from CSV by content first', () => {
    expect(detectFormat('x.csv', Buffer.from('PK\x03\x04rest'))).toBe('xlsx');
    expect(detectFormat('x', Buffer.from('agency,date'))).toBe('csv');
    expect(() => detectFormat('x.xlsx', Buffer.from('agency,date'))).toThrow(SpreadsheetUnsupportedFormatException);
    expect(() => detectFormat('x.bin', Buffer.from([1, 0, 2]))).toThrow(SpreadsheetUnsupportedFormatException);
  });
});

describe('readSpreadsheet', () => {
  const sut = readSpreadsheet;

  it('reads a CSV: header, then the non-empty rows with their row numbers, cells normalised', async () => {
    const file = Buffer.from('\ufeffagency;date\r\n\r\nوزارت كشور ; ۱۴۰۱/۰۵/۳۱\r\n', 'utf8');
    expect(await sut('a.csv', file)).toEqual({
      format: 'csv',
      header: { row: 1, cells: ['agency', 'date'] },
      rows: [{ row: 3, cells: ['وزارت کشور', '1401/05/31'] }],
    });
  });

  it('reads what toCsv writes', async () => {
    const rows = [
      ['agency', 'note'],
      ['interior', 'گفت: "بله", سپس'],
    ];
    expect((await sut('a.csv', Buffer.from(toCsv(rows), 'utf8'))).rows).toEqual([{ row: 2, cells: rows[1] }]);
  });

  it('reads the first worksheet of an xlsx', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('data');
    sheet.addRow(['agency', 'score']);
    sheet.addRow(['وزارت کشور', 26.07]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await sut('a.xlsx', file)).toEqual({
      format: 'xlsx',
      header: { row: 1, cells: ['agency', 'score'] },
      rows: [{ row: 2, cells: ['وزارت کشور', '26.07'] }],
    });
  });

  it('refuses a CSV that is not UTF-8, or whose quote never closes, with the same error code', async () => {
    const latin1 = sut('a.csv', Buffer.from('agency\nd\xe9j\xe0\n', 'latin1'));
    await expect(latin1).rejects.toBeInstanceOf(SpreadsheetUnreadableFileException);
    await expect(latin1).rejects.toMatchObject({ code: 'IMPORT_UNREADABLE_FILE', details: { reason: 'not-utf8' } });
    await expect(sut('a.csv', Buffer.from('agency,note\ninterior,"never closed\n'))).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE_FILE',
      details: { reason: 'csv' },
    });
  });

  it('refuses a damaged xlsx', async () => {
    await expect(sut('a.xlsx', Buffer.from('PK\x03\x04 not a zip at all'))).rejects.toMatchObject({
      code: 'IMPORT_UNREADABLE_FILE',
      details: { reason: 'xlsx' },
    });
  });

  it(`refuses a CSV of more than ${MAX_ROWS} rows`, async () => {
    const atLimit = `h\n${'1\n'.repeat(MAX_ROWS)}`;
    expect((await sut('a.csv', Buffer.from(atLimit))).rows).toHaveLength(MAX_ROWS);
    const tooMany = sut('a.csv', Buffer.from(`${atLimit}1\n`));
    await expect(tooMany).rejects.toBeInstanceOf(SpreadsheetTooManyRowsException);
    await expect(tooMany).rejects.toMatchObject({ code: 'IMPORT_TOO_MANY_ROWS', details: { max: MAX_ROWS } });
  });
});
