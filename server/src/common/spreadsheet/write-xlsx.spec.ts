import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import type { ExportColumn } from './export-columns.js';
import { writeXlsx, type XlsxOptions } from './write-xlsx.js';

interface Row {
  name: string;
  score: string | null;
  day: string | null;
}

const columns: ExportColumn<Row>[] = [
  { key: 'name', header: 'نام', type: 'text', value: (r) => r.name },
  { key: 'score', header: 'امتیاز', type: 'decimal', value: (r) => r.score },
  { key: 'day', header: 'تاریخ', type: 'date', value: (r) => r.day },
];

const rows: Row[] = [
  { name: '=SUM(A1)', score: '26.07', day: '2022-08-22' },
  { name: 'وزارت کشور', score: null, day: null },
];

async function write(options: Partial<XlsxOptions<Row>> = {}): Promise<Buffer> {
  const output = new PassThrough();
  const bytes = buffer(output);
  await writeXlsx(output, {
    columns,
    rows,
    sheetName: 'رتبه‌بندی',
    aboutSheetName: 'درباره',
    about: [{ label: 'مجوز', value: 'CC BY 4.0' }],
    rightToLeft: true,
    title: 'test',
    ...options,
  });
  return bytes;
}

describe('writeXlsx', () => {
  it('writes typed cells, a frozen right-to-left header with a filter, and the about sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await write()) as unknown as ArrayBuffer);
    const [sheet, about] = workbook.worksheets;
    expect(sheet!.name).toBe('رتبه‌بندی');
    expect(sheet!.views[0]).toMatchObject({ rightToLeft: true, state: 'frozen', ySplit: 1 });
    expect(sheet!.autoFilter).toBe('A1:C1');
    expect(sheet!.getRow(1).values).toEqual([undefined, 'نام', 'امتیاز', 'تاریخ']);
    expect(sheet!.getRow(2).getCell(1).value).toBe('=SUM(A1)');
    expect(sheet!.getRow(2).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(sheet!.getRow(2).getCell(2).value).toBe(26.07);
    expect(sheet!.getRow(2).getCell(2).numFmt).toBe('0.00');
    expect(sheet!.getRow(2).getCell(3).value).toEqual(new Date('2022-08-22T00:00:00Z'));
    expect(sheet!.getRow(3).getCell(2).value).toBeNull();
    expect(about!.name).toBe('درباره');
    expect(about!.getRow(1).values).toEqual([undefined, 'مجوز', 'CC BY 4.0']);
  });

  it('gives the same bytes for the same input and fixed date, and different ones without it', async () => {
    const fixedDate = new Date('2022-09-24T06:00:00Z');
    const first = await write({ fixedDate });
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the zip format's two-second resolution
    const second = await write({ fixedDate });
    expect(second.equals(first)).toBe(true);
    const unfixed = await write();
    expect(unfixed.equals(first)).toBe(false);
  });
});
