import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { ExportColumn } from './export-columns.js';
import { createJsonStream } from './write-json.js';

interface Row {
  name: string;
  score: string | null;
  count: number | string;
  day: string | null;
  main: boolean;
}

const columns: ExportColumn<Row>[] = [
  { key: 'name', header: 'نام', type: 'text', value: (r) => r.name },
  { key: 'score', header: 'امتیاز', type: 'decimal', value: (r) => r.score },
  { key: 'count', header: 'count', type: 'number', value: (r) => r.count },
  { key: 'day', header: 'day', type: 'date', value: (r) => r.day },
  { key: 'main', header: 'main', type: 'boolean', value: (r) => r.main },
];

const write = (rows: Row[]) => text(Readable.from(rows).pipe(createJsonStream(columns, { demo: true })));

describe('createJsonStream', () => {
  it('writes about, columns and rows; decimals as exact text, numbers as numbers, text untouched', async () => {
    const json = await write([
      { name: '=1+1', score: '26.07', count: '12', day: '2022-08-22', main: true },
      { name: 'وزارت "کشور"', score: null, count: -3, day: null, main: false },
    ]);
    expect(JSON.parse(json)).toEqual({
      about: { demo: true },
      columns: [
        { key: 'name', title: 'نام', type: 'text' },
        { key: 'score', title: 'امتیاز', type: 'decimal' },
        { key: 'count', title: 'count', type: 'number' },
        { key: 'day', title: 'day', type: 'date' },
        { key: 'main', title: 'main', type: 'boolean' },
      ],
      rows: [
        { name: '=1+1', score: '26.07', count: 12, day: '2022-08-22', main: true },
        { name: 'وزارت "کشور"', score: null, count: -3, day: null, main: false },
      ],
    });
  });

  it('is valid JSON with no rows', async () => {
    expect(JSON.parse(await write([])).rows).toEqual([]);
  });
});
