import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';
import { toPersianDigits } from '../../common/numbers/decimal.js';

export class ReportWeekInvalidException extends AppException {
  constructor(input: string) {
    super('REPORT_WEEK_INVALID', HttpStatus.BAD_REQUEST, {
      fa: 'هفته معتبر نیست؛ تاریخ شنبه آن هفته را مانند ۱۴۰۱-۰۶-۲۶ بنویسید.',
      en: `"${input.slice(0, 40)}" is not a week; give its Saturday as a Jalali or ISO day, e.g. 1401-06-26.`,
    });
  }
}

/** 404: that week's report (or revision) has not been published, or, without a week, none has been yet. */
export class ReportNotFoundException extends AppException {
  constructor(week?: string, revision?: number) {
    super(
      'REPORT_NOT_FOUND',
      HttpStatus.NOT_FOUND,
      week === undefined
        ? { fa: 'هنوز هیچ گزارش هفتگی منتشر نشده است.', en: 'No weekly report has been published yet.' }
        : {
            fa: `گزارش هفتگی هفته ${toPersianDigits(week)}${revision ? ` (ویرایش ${toPersianDigits(String(revision))})` : ''} منتشر نشده است.`,
            en: `No weekly report of the week ${week}${revision ? ` (revision ${revision})` : ''} has been published.`,
          },
    );
  }
}

export class ReportOutsideCycleException extends AppException {
  constructor(week: string) {
    super('REPORT_OUTSIDE_CYCLE', HttpStatus.UNPROCESSABLE_ENTITY, {
      fa: `هفته ${week} در هیچ دوره برنامه‌ای نیست.`,
      en: `The week ${week} is not in any programme cycle.`,
    });
  }
}

/**
 * 409: the stored content of a revision no longer hashes to its published digest (changed behind the database's
 * guard), so its permalink cannot give the published bytes; `verify` shows both digests.
 */
export class ReportContentAlteredException extends AppException {
  constructor(week: string, revision: number) {
    super('REPORT_CONTENT_ALTERED', HttpStatus.CONFLICT, {
      fa: `محتوای ذخیره‌شده ویرایش ${revision} گزارش هفته ${week} با چکیده منتشرشده آن یکی نیست؛ نشانی پایدار آن تا رفع این ناسازگاری پاسخ نمی‌دهد.`,
      en: `The stored content of revision ${revision} of the week ${week} no longer matches its published digest; its permalink answers again once this is resolved.`,
    });
  }
}
