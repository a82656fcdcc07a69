import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';
import { toPersianDigits } from '../../common/numbers/decimal.js';
import type { ResponseStatus } from './agency-response.entity.js';

export enum ResponseErrorCode {
  NotFound = 'RESPONSE_NOT_FOUND',
  InvalidId = 'RESPONSE_INVALID_ID',
  SubjectInvalid = 'RESPONSE_SUBJECT_INVALID',
  AgencyUnknown = 'RESPONSE_AGENCY_UNKNOWN',
  ReportInvalid = 'RESPONSE_REPORT_INVALID',
  ScoreInvalid = 'RESPONSE_SCORE_INVALID',
  DateInFuture = 'RESPONSE_DATE_IN_FUTURE',
  ReceivedBeforeRequested = 'RESPONSE_RECEIVED_BEFORE_REQUESTED',
  NotReceived = 'RESPONSE_NOT_RECEIVED',
  AlreadyRequested = 'RESPONSE_ALREADY_REQUESTED',
  NotEditable = 'RESPONSE_NOT_EDITABLE',
}

const STATUS_FA: Record<ResponseStatus, string> = {
  requested: 'درخواست‌شده',
  draft: 'پیش‌نویس',
  published: 'منتشرشده',
};

/** A Jalali-or-ISO day as the messages show it: the ISO day, with Persian digits in the Persian message. */
const faDay = (day: string) => toPersianDigits(day);

export class ResponseNotFoundException extends AppException {
  constructor(id: string) {
    super(ResponseErrorCode.NotFound, HttpStatus.NOT_FOUND, {
      fa: 'جوابیه یا درخواست جوابیه‌ای با این شناسه پیدا نشد.',
      en: `No agency response (or request for one) has the id ${id}.`,
    });
  }
}

export class ResponseInvalidIdException extends AppException {
  constructor() {
    super(ResponseErrorCode.InvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه جوابیه معتبر نیست.',
      en: 'The agency response id is not a valid UUID.',
    });
  }
}

/** Both a weekly report and a score given: a reply answers one thing. */
export class ResponseSubjectInvalidException extends AppException {
  constructor() {
    super(
      ResponseErrorCode.SubjectInvalid,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'هر جوابیه درباره یک چیز است: خود دستگاه، یک گزارش هفتگی یا یک امتیاز؛ هر دو را با هم نفرستید.',
        en: 'A response is about one thing: the agency itself, one weekly report or one score; do not send both.',
      },
      [
        {
          field: 'scoreId',
          fa: 'با شناسه گزارش هفتگی با هم پذیرفته نیست',
          en: 'scoreId cannot be sent together with weeklyReportId',
        },
      ],
    );
  }
}

export class ResponseAgencyUnknownException extends AppException {
  constructor(id: string) {
    super(
      ResponseErrorCode.AgencyUnknown,
      HttpStatus.UNPROCESSABLE_ENTITY,
      { fa: 'دستگاهی با این شناسه پیدا نشد.', en: `No agency has the id ${id}.` },
      [{ field: 'agencyId', fa: 'چنین دستگاهی نیست', en: 'agencyId names no agency' }],
    );
  }
}

export type ReportProblem = 'missing' | 'not_listed';

/** The weekly report revision does not exist (or is not published), or does not list the agency. */
export class ResponseReportInvalidException extends AppException {
  constructor(problem: ReportProblem) {
    const missing = problem === 'missing';
    super(
      ResponseErrorCode.ReportInvalid,
      HttpStatus.UNPROCESSABLE_ENTITY,
      {
        fa: missing
          ? 'گزارش هفتگی منتشرشده‌ای با این شناسه پیدا نشد.'
          : 'این گزارش هفتگی نامی از این دستگاه نبرده است؛ جوابیه باید درباره چیزی باشد که درباره همان دستگاه منتشر شده است.',
        en: missing
          ? 'No published weekly report revision has this id.'
          : 'This weekly report does not list the agency; a response answers what was published about that agency.',
      },
      [
        {
          field: 'weeklyReportId',
          fa: missing ? 'چنین گزارش منتشرشده‌ای نیست' : 'این گزارش نامی از دستگاه نبرده است',
          en: missing ? 'weeklyReportId names no published report' : 'weeklyReportId does not list the agency',
        },
      ],
    );
  }
}

export type ScoreProblem = 'missing' | 'not_final' | 'other_agency';

const SCORE_PROBLEMS: Record<ScoreProblem, { fa: string; en: string; fieldFa: string; fieldEn: string }> = {
  missing: {
    fa: 'امتیازی با این شناسه پیدا نشد.',
    en: 'No score has this id.',
    fieldFa: 'چنین امتیازی نیست',
    fieldEn: 'scoreId names no score',
  },
  not_final: {
    fa: 'این امتیاز هنوز نهایی و منتشر نشده است؛ جوابیه تنها درباره امتیاز نهایی است.',
    en: 'This score is not final (not published) yet; a response can only answer a final score.',
    fieldFa: 'امتیاز هنوز نهایی نیست',
    fieldEn: 'scoreId names a score that is not final',
  },
  other_agency: {
    fa: 'این امتیاز از آن دستگاه دیگری است.',
    en: 'This score belongs to another agency.',
    fieldFa: 'امتیاز دستگاه دیگری است',
    fieldEn: 'scoreId names a score of another agency',
  },
};

export class ResponseScoreInvalidException extends AppException {
  constructor(problem: ScoreProblem) {
    const p = SCORE_PROBLEMS[problem];
    super(ResponseErrorCode.ScoreInvalid, HttpStatus.UNPROCESSABLE_ENTITY, { fa: p.fa, en: p.en }, [
      { field: 'scoreId', fa: p.fieldFa, en: p.fieldEn },
    ]);
  }
}

export class ResponseDateInFutureException extends AppException {
  constructor(field: 'requestedOn' | 'receivedOn', today: string) {
    super(
      ResponseErrorCode.DateInFuture,
      HttpStatus.BAD_REQUEST,
      {
        fa: `تاریخ ${field === 'requestedOn' ? 'درخواست' : 'دریافت'} نمی‌تواند پس از امروز (${faDay(today)}) باشد.`,
        en: `The day ${field === 'requestedOn' ? 'requested' : 'received'} cannot be after today (${today}).`,
      },
      [{ field, fa: 'نباید پس از امروز باشد', en: `${field} must not be after today (${today})` }],
    );
  }
}

export class ResponseReceivedBeforeRequestedException extends AppException {
  constructor(requestedOn: string, receivedOn: string) {
    super(
      ResponseErrorCode.ReceivedBeforeRequested,
      HttpStatus.BAD_REQUEST,
      {
        fa: `پاسخ نمی‌تواند پیش از درخواست (${faDay(requestedOn)}) دریافت شده باشد.`,
        en: `The response cannot have been received (${receivedOn}) before it was requested (${requestedOn}).`,
      },
      [{ field: 'receivedOn', fa: 'نباید پیش از تاریخ درخواست باشد', en: 'receivedOn must not be before requestedOn' }],
    );
  }
}

/** Publishing (or recording without its text) a request whose reply has not been received. */
export class ResponseNotReceivedException extends AppException {
  constructor(missing: Array<'receivedOn' | 'bodyFa'> = []) {
    super(
      ResponseErrorCode.NotReceived,
      missing.length > 0 ? HttpStatus.BAD_REQUEST : HttpStatus.CONFLICT,
      {
        fa:
          missing.length > 0
            ? 'برای ثبت پاسخ دریافت‌شده، تاریخ دریافت و متن فارسی آن لازم است.'
            : 'پاسخی برای این درخواست هنوز دریافت و ثبت نشده است؛ نخست متن پاسخ را ثبت کنید.',
        en:
          missing.length > 0
            ? 'Recording a received response needs the day it was received and its Persian text.'
            : 'No response to this request has been received and recorded yet; record its text first.',
      },
      missing.length > 0
        ? missing.map((field) => ({ field, fa: 'لازم است', en: `${field} is required to record the response` }))
        : undefined,
    );
  }
}

export class ResponseAlreadyRequestedException extends AppException {
  constructor(existingId?: string) {
    super(
      ResponseErrorCode.AlreadyRequested,
      HttpStatus.CONFLICT,
      {
        fa: 'درخواست پاسخی درباره همین موضوع از این دستگاه باز است؛ همان درخواست را کامل کنید.',
        en: 'A request for a response about the same subject is already open for this agency; complete that one.',
      },
      existingId ? { response: { id: existingId } } : undefined,
    );
  }
}

/** A published response stays as published: it is not edited, published again or withdrawn. */
export class ResponseNotEditableException extends AppException {
  constructor(status: ResponseStatus) {
    super(
      ResponseErrorCode.NotEditable,
      HttpStatus.CONFLICT,
      {
        fa: `این جوابیه ${STATUS_FA[status]} است و دیگر تغییر نمی‌کند.`,
        en: `This response is ${status} and can no longer be changed.`,
      },
      { status },
    );
  }
}
