import { Transform, type TransformCallback } from 'node:stream';
import { canonicalCell, type ExportColumn, type ExportColumnType } from './export-columns.js';

/**
 * The JSON form of an export, streamed: `{"about": {...}, "columns": [{key, title, type}], "rows": [{...}, ...]}`,
 * one row per line, written as the rows come. Values by column type: text as a string (as stored, never
 * neutralised: JSON has no formulas), `number` as a JSON number, `decimal` as its exact text (`"26.07"`, as every
 * other response of the API gives scores), `date` as an ISO day, `boolean` as true/false; no value is `null`.
 */

export interface JsonExportColumn {
  key: string;
  title: string;
  type: ExportColumnType;
}

/** A row's JSON text: keys in column order. */
export function jsonRow<Row>(columns: readonly ExportColumn<Row>[], row: Row): string {
  const parts = columns.map((column) => {
    const value = canonicalCell(column.type, column.value(row));
    let text: string;
    if (value === null) text = 'null';
    else if (typeof value === 'boolean') text = String(value);
    else if (column.type === 'number') text = value;
    else text = JSON.stringify(value);
    return `${JSON.stringify(column.key)}:${text}`;
  });
  return `{${parts.join(',')}}`;
}

export class JsonExportStream<Row> extends Transform {
  private first = true;

  constructor(
    private readonly columns: readonly ExportColumn<Row>[],
    private readonly about: unknown,
  ) {
    super({ writableObjectMode: true });
  }

  private head(): string {
    const columns = this.columns.map(({ key, header, type }): JsonExportColumn => ({ key, title: header, type }));
    return `{"about":${JSON.stringify(this.about)},\n"columns":${JSON.stringify(columns)},\n"rows":[`;
  }

  override _transform(row: Row, _encoding: BufferEncoding, callback: TransformCallback): void {
    let text: string;
    try {
      text = jsonRow(this.columns, row);
    } catch (error) {
      callback(error as Error);
      return;
    }
    const prefix = this.first ? `${this.head()}\n` : ',\n';
    this.first = false;
    callback(null, prefix + text);
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.first ? `${this.head()}]}\n` : '\n]}\n');
  }
}

/** A new streaming JSON writer for these columns and this "about" block (rows in, UTF-8 bytes out). */
export function createJsonStream<Row>(columns: readonly ExportColumn<Row>[], about: unknown): JsonExportStream<Row> {
  return new JsonExportStream(columns, about);
}
