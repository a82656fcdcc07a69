import { checkScore, weightedTotal } from './score-import.js';
import { cellText, columnLetter, detectFormat } from './spreadsheet.js';

describe('checkScore', () => {
  const sut = checkScore;

  it('gives the canonical value for any digits', () => {
    expect(sut('26.07')).toEqual({ ok: true, value: '26.07' });
    expect(sut('27.7')).toEqual({ ok: true, value: '27.70' });
    expect(sut('80.000')).toEqual({ ok: true, value: '80.00' });
    expect(sut('100')).toEqual({ ok: true, value: '100.00' });
    expect(sut('0')).toEqual({ ok: true, value: '0.00' });
  });

  it('names what is wrong', () => {
    expect(sut('12.345')).toEqual({ ok: false, problem: 'decimals' });
    expect(sut('100.01')).toEqual({ ok: false, problem: 'range' });
    expect(sut('-1')).toEqual({ ok: false, problem: 'range' });
    for (const text of ['abc', '1e2', '1,5', '', '#N/A', '12.'])
      expect(sut(text)).toEqual({ ok: false, problem: 'nan' });
  });
});

describe('weightedTotal', () => {
  it('is round(sum(weight × value) / 100, 2), exact and half up', () => {
    const weights = ['25.00', '20.00', '20.00', '15.00', '10.00', '10.00'];
    const values = ['20.00', '30.00', '25.00', '30.00', '28.00', '27.70'];
    expect(weightedTotal(weights.map((weight, i) => ({ weight, value: values[i]! })))).toBe('26.07');
    expect(weightedTotal([{ weight: '25.00', value: '0.02' }])).toBe('0.01');
    expect(weightedTotal([{ weight: '25.00', value: '0.01' }])).toBe('0.00');
    expect(
      weightedTotal([
        { weight: '33.33', value: '100.00' },
        { weight: '66.67', value: '100.00' },
      ]),
    ).toBe('100.00');
  });
});

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
    expect(() => detectFormat('x.xlsx', Buffer.from('agency,date'))).toThrow();
    expect(() => detectFormat('x.bin', Buffer.from([1, 0, 2]))).toThrow();
  });
});
