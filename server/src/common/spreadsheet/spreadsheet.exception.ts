import { HttpStatus } from '@nestjs/common';
import { AppException } from '../errors/app-exception.js';

/**
 * What can go wrong reading an uploaded spreadsheet. The codes keep the `IMPORT_` prefix they were published
 * with (the import endpoints were the first to read spreadsheets), so clients and their tests are unaffected.
 */
export enum SpreadsheetErrorCode {
  UnsupportedFormat = 'IMPORT_UNSUPPORTED_FORMAT',
  UnreadableFile = 'IMPORT_UNREADABLE_FILE',
  TooManyRows = 'IMPORT_TOO_MANY_ROWS',
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

export class SpreadsheetTooManyRowsException extends AppException {
  constructor(max: number) {
    super(
      SpreadsheetErrorCode.TooManyRows,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'فایل بیش از اندازه ردیف دارد؛ آن را به چند فایل بخش کنید.',
        en: `The file has more than ${max} rows; split it into several files.`,
      },
      { max },
    );
  }
}
