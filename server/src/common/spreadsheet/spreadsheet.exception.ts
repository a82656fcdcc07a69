import { HttpStatus } from '@nestjs/common';
import { AppException } from '../errors/app-exception.js';
import { toPersianDigits } from '../numbers/decimal.js';

/**
 * What can go wrong reading an uploaded spreadsheet. The codes keep the `IMPORT_` prefix they were published
 * with (the import endpoints were the first to read spreadsheets), so clients and their tests are unaffected.
 */
export enum SpreadsheetErrorCode {
  UnsupportedFormat = 'IMPORT_UNSUPPORTED_FORMAT',
  UnreadableFile = 'IMPORT_UNREADABLE_FILE',
  TooManyRows = 'IMPORT_TOO_MANY_ROWS',
  FileTooLarge = 'IMPORT_FILE_TOO_LARGE',
  TooManyColumns = 'IMPORT_TOO_MANY_COLUMNS',
  CellTooLong = 'IMPORT_CELL_TOO_LONG',
}

/** Why a file could not be read: a damaged xlsx, a CSV not in UTF-8, or a CSV whose quotes never close. */
export type UnreadableReason = 'xlsx' | 'not-utf8' | 'csv';

const UNREADABLE_MESSAGES: Record<UnreadableReason, { fa: string; en: string }> = {
  xlsx: {
    fa: 'فایل اکسل خوانده نشد؛ شاید آسیب دیده است. آن را دوباره با قالب ‎.xlsx‎ ذخیره کنید.',
    en: 'The Excel file could not be read; it may be damaged. Save it again as .xlsx.',
  },
  'not-utf8': {
    fa: 'فایل CSV با نویسه‌گذاری UTF-8 نیست؛ در اکسل «CSV UTF-8» را برای ذخیره برگزینید.',
    en: 'The CSV file is not UTF-8; in Excel, save it as "CSV UTF-8".',
  },
  csv: {
    fa: 'فایل CSV خوانده نشد: نشانه نقل‌قول (") در آن باز شده و بسته نشده است. آن را دوباره از برنامه صفحه‌گسترده ذخیره کنید.',
    en: 'The CSV file could not be read: a double quote (") opens a field that is never closed. Save it again from the spreadsheet program.',
  },
};

export class SpreadsheetUnsupportedFormatException extends AppException {
  constructor() {
    super(SpreadsheetErrorCode.UnsupportedFormat, HttpStatus.BAD_REQUEST, {
      fa: 'تنها فایل‌های ‎.xlsx‎ (اکسل) و ‎.csv‎ با نویسه‌گذاری UTF-8 پذیرفته می‌شوند.',
      en: 'Only .xlsx (Excel) files and UTF-8 .csv files are accepted.',
    });
  }
}

export class SpreadsheetUnreadableFileException extends AppException {
  constructor(reason: UnreadableReason) {
    super(SpreadsheetErrorCode.UnreadableFile, HttpStatus.BAD_REQUEST, UNREADABLE_MESSAGES[reason], { reason });
  }
}

const faDigits = (n: number) => toPersianDigits(String(n));

/*
 * The limits below keep one upload from taking the server's memory or time; a file over one is refused whole
 * with 413 before (or while) it is parsed, and names the limit in `details`.
 */

export class SpreadsheetTooManyRowsException extends AppException {
  constructor(max: number) {
    super(
      SpreadsheetErrorCode.TooManyRows,
      HttpStatus.PAYLOAD_TOO_LARGE,
      {
        fa: `فایل بیش از ${faDigits(max)} ردیف دارد؛ آن را به چند فایل بخش کنید.`,
        en: `The file has more than ${max} rows; split it into several files.`,
      },
      { max },
    );
  }
}

/**
 * An xlsx (a zip) that unpacks to more than `maxBytes`: a zip bomb, or far more than a hand-kept sheet. `reason`
 * `parse-memory` says the zip was within the limit but parsing it outgrew the parser's memory (for operators).
 */
export class SpreadsheetFileTooLargeException extends AppException {
  constructor(maxBytes: number, reason?: 'parse-memory') {
    const mb = Math.round(maxBytes / (1024 * 1024));
    super(
      SpreadsheetErrorCode.FileTooLarge,
      HttpStatus.PAYLOAD_TOO_LARGE,
      {
        fa: `فایل اکسل پس از بازشدن بیش از ${faDigits(mb)} مگابایت است؛ آن را به چند فایل کوچک‌تر بخش کنید.`,
        en: `The Excel file unpacks to more than ${mb} MB; split it into several smaller files.`,
      },
      reason ? { maxUnpackedBytes: maxBytes, reason } : { maxUnpackedBytes: maxBytes },
    );
  }
}

export class SpreadsheetTooManyColumnsException extends AppException {
  constructor(max: number, row: number) {
    super(
      SpreadsheetErrorCode.TooManyColumns,
      HttpStatus.PAYLOAD_TOO_LARGE,
      {
        fa: `ردیف ${faDigits(row)} بیش از ${faDigits(max)} ستون دارد؛ ستون‌های اضافه را پاک کنید.`,
        en: `Row ${row} has more than ${max} columns; remove the extra columns.`,
      },
      { max, row },
    );
  }
}

export class SpreadsheetCellTooLongException extends AppException {
  constructor(max: number, row: number, column: string) {
    super(
      SpreadsheetErrorCode.CellTooLong,
      HttpStatus.PAYLOAD_TOO_LARGE,
      {
        fa: `خانه ${column}${faDigits(row)} بیش از ${faDigits(max)} نویسه دارد.`,
        en: `Cell ${column}${row} has more than ${max} characters.`,
      },
      { max, row, column },
    );
  }
}
