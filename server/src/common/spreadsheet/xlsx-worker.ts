import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { SpreadsheetUnreadableFileException } from './spreadsheet.exception.js';

/** A row of the first worksheet as exceljs reads it: cell values by column, the first column at index 0. */
export interface RawRow {
  row: number;
  values: (ExcelJS.CellValue | undefined)[];
}

export interface XlsxLimits {
  /** Rows in the sheet, the header included. */
  maxRows: number;
  maxColumns: number;
  /** The worker's heap: past it the worker dies, not the server, and the file is refused as too large. */
  maxHeapMb: number;
}

/** Why the worker gave up on a file. */
export type XlsxRefusal =
  { refused: 'rows' } | { refused: 'columns'; row: number } | { refused: 'unreadable' } | { refused: 'memory' };

/**
 * The worker's code, plain JavaScript run with `eval` so that it runs the same from the TypeScript sources (tests)
 * and from the build, requiring exceljs by its resolved path. It loads the workbook, checks the first worksheet's
 * rows and columns, and posts each non-empty row's values (numbers, strings, dates, rich text …: all of them
 * structured-cloneable); the main thread turns them into text.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ExcelJS = require(workerData.exceljsPath);
(async () => {
  const { bytes, maxRows, maxColumns } = workerData;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    parentPort.postMessage({ refused: 'unreadable' });
    return;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return parentPort.postMessage({ rows: [] });
  if (sheet.actualRowCount > maxRows) return parentPort.postMessage({ refused: 'rows' });
  const rows = [];
  let refusal = null;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (refusal) return;
    const values = row.values.slice(1);
    let width = values.length;
    while (width > 0 && (values[width - 1] === null || values[width - 1] === undefined || values[width - 1] === '')) width--;
    if (width > maxColumns) refusal = { refused: 'columns', row: row.number };
    else rows.push({ row: row.number, values: values.slice(0, width) });
  });
  parentPort.postMessage(refusal ?? { rows });
})();
`;

const exceljsPath = createRequire(import.meta.url).resolve('exceljs');

/** Workers parsing at once; more uploads wait their turn, so that a burst of them cannot take all the memory. */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

/**
 * The first worksheet's non-empty rows, read by exceljs in a worker thread: exceljs takes about a second of CPU
 * and 100+ MB of heap for a sheet of 10,000 rows, which on the main thread would stall every other request
 * (`/api/health` included) for that long. The worker has its own capped heap, so a sheet that still blows up
 * kills the worker, not the server.
 */
export async function readXlsxInWorker(buffer: Buffer, limits: XlsxLimits): Promise<RawRow[] | XlsxRefusal> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await runWorker(buffer, limits);
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function runWorker(buffer: Buffer, limits: XlsxLimits): Promise<RawRow[] | XlsxRefusal> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { exceljsPath, bytes: buffer, maxRows: limits.maxRows, maxColumns: limits.maxColumns },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
    });
    let settled = false;
    worker.once('message', (message: { rows: RawRow[] } | XlsxRefusal) => {
      settled = true;
      resolve('rows' in message ? message.rows : message);
      void worker.terminate();
    });
    worker.once('error', (error: Error & { code?: string }) => {
      if (settled) return;
      settled = true;
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ refused: 'memory' });
      else reject(error);
    });
    worker.once('exit', () => {
      if (!settled) reject(new SpreadsheetUnreadableFileException('xlsx'));
    });
  });
}
