import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';
import type { ImportProblem } from './import-problems.js';

export enum ImportErrorCode {
  HasProblems = 'IMPORT_HAS_PROBLEMS',
  FileMissing = 'IMPORT_FILE_MISSING',
  UnknownKind = 'IMPORT_UNKNOWN_KIND',
  UnknownTemplate = 'IMPORT_UNKNOWN_TEMPLATE',
  RoundNotFound = 'IMPORT_ROUND_NOT_FOUND',
  ConcurrentChange = 'IMPORT_CONCURRENT_CHANGE',
}

/** The commit found problems (the same list a preview gives): nothing was written. */
export class ImportHasProblemsException extends AppException {
  constructor(details: { rowCount: number; validRowCount: number; problemCount: number; problems: ImportProblem[] }) {
    super(
      ImportErrorCode.HasProblems,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'فایل ایراد دارد و هیچ داده‌ای از آن ثبت نشد؛ ایرادها را در فایل درست کنید و دوباره بارگذاری کنید.',
        en: 'The file has problems and nothing from it was saved; correct them in the file and upload it again.',
      },
      details,
    );
  }
}

export class ImportFileMissingException extends AppException {
  constructor() {
    super(ImportErrorCode.FileMissing, HttpStatus.BAD_REQUEST, {
      fa: 'فایلی فرستاده نشد؛ فایل را در فیلد «file» یک فرم multipart بفرستید.',
      en: 'No file was sent; send it as the "file" field of a multipart form.',
    });
  }
}

export class ImportUnknownKindException extends AppException {
  constructor(kind: string) {
    super(
      ImportErrorCode.UnknownKind,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'نوع ورود داده باید «scores» (امتیازها) یا «progress» (پیشرفت اتصال) باشد.',
        en: `The import kind must be "scores" or "progress", not "${kind}".`,
      },
      { kind },
    );
  }
}

export class ImportUnknownTemplateException extends AppException {
  constructor(name: string) {
    super(
      ImportErrorCode.UnknownTemplate,
      HttpStatus.NOT_FOUND,
      {
        fa: 'الگویی با این نام نیست؛ scores.xlsx، scores.csv، progress.xlsx یا progress.csv.',
        en: `There is no template "${name}"; try scores.xlsx, scores.csv, progress.xlsx or progress.csv.`,
      },
      { name },
    );
  }
}

export class ImportRoundNotFoundException extends AppException {
  constructor(code: string | undefined) {
    super(
      ImportErrorCode.RoundNotFound,
      HttpStatus.NOT_FOUND,
      code
        ? {
            fa: `دوره ارزیابی با کد «${code}» وجود ندارد.`,
            en: `There is no evaluation round with the code "${code}".`,
          }
        : { fa: 'هنوز هیچ دوره ارزیابی تعریف نشده است.', en: 'No evaluation round has been defined yet.' },
      { roundCode: code ?? null },
    );
  }
}

/** Someone changed the same records while the import was being written: nothing was written. */
export class ImportConcurrentChangeException extends AppException {
  constructor() {
    super(ImportErrorCode.ConcurrentChange, HttpStatus.CONFLICT, {
      fa: 'همین داده‌ها هم‌زمان تغییر کرد و چیزی ثبت نشد؛ فایل را دوباره پیش‌نمایش و ثبت کنید.',
      en: 'The same records changed in the meantime and nothing was saved; preview and commit the file again.',
    });
  }
}
