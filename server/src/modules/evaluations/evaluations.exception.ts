import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';
import { toPersianDigits } from '../../common/numbers/decimal.js';

const STATUS_FA: Record<string, string> = {
  draft: 'پیش‌نویس',
  submitted: 'ارسال‌شده',
  reviewed: 'بازبینی‌شده',
  final: 'نهایی',
};

export enum EvaluationErrorCode {
  RoundNotFound = 'ROUND_NOT_FOUND',
  RoundInvalidId = 'ROUND_INVALID_ID',
  RoundCodeTaken = 'ROUND_CODE_TAKEN',
  RoundDatesInvalid = 'ROUND_DATES_INVALID',
  RoundClosed = 'ROUND_CLOSED',
  RoundAlreadyClosed = 'ROUND_ALREADY_CLOSED',
  CriteriaWeightsNot100 = 'CRITERIA_WEIGHTS_NOT_100',
  CriterionCodeDuplicate = 'CRITERION_CODE_DUPLICATE',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SessionInvalidId = 'SESSION_INVALID_ID',
  SessionDateOutsideRound = 'SESSION_DATE_OUTSIDE_ROUND',
  EvaluatorInvalid = 'EVALUATOR_INVALID',
  ScoreNotFound = 'SCORE_NOT_FOUND',
  ScoreInvalidId = 'SCORE_INVALID_ID',
  ScoreNotEditable = 'SCORE_NOT_EDITABLE',
  ScoreAlreadyExists = 'SCORE_ALREADY_EXISTS',
  CriterionScoresInvalid = 'CRITERION_SCORES_INVALID',
  InvalidScoreTransition = 'INVALID_SCORE_TRANSITION',
  SameReviewer = 'SAME_REVIEWER',
  CorrectionReasonRequired = 'CORRECTION_REASON_REQUIRED',
}

export class RoundNotFoundException extends AppException {
  constructor(id: string) {
    super(EvaluationErrorCode.RoundNotFound, HttpStatus.NOT_FOUND, {
      fa: 'دوره ارزیابی با این شناسه پیدا نشد.',
      en: `No evaluation round has the id ${id}.`,
    });
  }
}

export class RoundInvalidIdException extends AppException {
  constructor() {
    super(EvaluationErrorCode.RoundInvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه دوره ارزیابی معتبر نیست.',
      en: 'The evaluation round id is not a valid UUID.',
    });
  }
}

export class RoundCodeTakenException extends AppException {
  constructor(code?: string) {
    super(
      EvaluationErrorCode.RoundCodeTaken,
      HttpStatus.CONFLICT,
      {
        fa: `دوره ارزیابی یا مجموعه معیاری با ${code ? `کد «${code}»` : 'این کد'} از پیش وجود دارد.`,
        en: `An evaluation round or criteria set with ${code ? `the code "${code}"` : 'this code'} already exists.`,
      },
      { code },
    );
  }
}

export class RoundDatesInvalidException extends AppException {
  constructor(startsOn: string, endsOn: string) {
    super(
      EvaluationErrorCode.RoundDatesInvalid,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'تاریخ شروع دوره نباید بعد از تاریخ پایان آن باشد.',
        en: `The round cannot start (${startsOn}) after it ends (${endsOn}).`,
      },
      [{ field: 'endsOn', fa: 'endsOn: نباید پیش از تاریخ شروع باشد', en: 'endsOn must not be before startsOn' }],
    );
  }
}

/** A closed round's sessions and scores are frozen: only an admin may correct them, with a written reason. */
export class RoundClosedException extends AppException {
  constructor() {
    super(EvaluationErrorCode.RoundClosed, HttpStatus.FORBIDDEN, {
      fa: 'این دوره ارزیابی بسته شده است؛ تنها مدیر سامانه می‌تواند با ذکر دلیل آن را اصلاح کند.',
      en: 'This evaluation round is closed; only an administrator can correct it, giving a reason.',
    });
  }
}

export class RoundAlreadyClosedException extends AppException {
  constructor() {
    super(EvaluationErrorCode.RoundAlreadyClosed, HttpStatus.CONFLICT, {
      fa: 'این دوره ارزیابی پیش‌تر بسته شده است.',
      en: 'This evaluation round is already closed.',
    });
  }
}

export class CriteriaWeightsNot100Exception extends AppException {
  constructor(sum: string) {
    super(
      EvaluationErrorCode.CriteriaWeightsNot100,
      HttpStatus.BAD_REQUEST,
      {
        fa: `مجموع وزن معیارها باید دقیقاً ۱۰۰ باشد؛ اکنون ${toPersianDigits(sum)} است.`,
        en: `The criteria weights must add up to exactly 100; they add up to ${sum}.`,
      },
      { sum },
    );
  }
}

export class CriterionCodeDuplicateException extends AppException {
  constructor(codes: string[]) {
    super(
      EvaluationErrorCode.CriterionCodeDuplicate,
      HttpStatus.BAD_REQUEST,
      {
        fa: `کد هر معیار باید یکتا باشد؛ تکراری: ${codes.join('، ')}.`,
        en: `Each criterion code must be unique; repeated: ${codes.join(', ')}.`,
      },
      { codes },
    );
  }
}

export class SessionNotFoundException extends AppException {
  constructor(id: string) {
    super(EvaluationErrorCode.SessionNotFound, HttpStatus.NOT_FOUND, {
      fa: 'جلسه ارزیابی با این شناسه پیدا نشد.',
      en: `No evaluation session has the id ${id}.`,
    });
  }
}

export class SessionInvalidIdException extends AppException {
  constructor() {
    super(EvaluationErrorCode.SessionInvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه جلسه ارزیابی معتبر نیست.',
      en: 'The evaluation session id is not a valid UUID.',
    });
  }
}

export class SessionDateOutsideRoundException extends AppException {
  constructor(heldOn: string, startsOn: string, endsOn: string) {
    super(
      EvaluationErrorCode.SessionDateOutsideRound,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'تاریخ جلسه باید در بازه دوره ارزیابی باشد.',
        en: `The session day ${heldOn} is outside the round (${startsOn} to ${endsOn}).`,
      },
      { heldOn, startsOn, endsOn },
    );
  }
}

export class EvaluatorInvalidException extends AppException {
  constructor(ids: string[]) {
    super(
      EvaluationErrorCode.EvaluatorInvalid,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'ارزیاب‌ها باید کاربران فعال با نقش ارزیاب یا مدیر باشند.',
        en: `Evaluators must be active users with the evaluator or admin role; not: ${ids.join(', ')}.`,
      },
      { ids },
    );
  }
}

export class ScoreNotFoundException extends AppException {
  constructor(id: string) {
    super(EvaluationErrorCode.ScoreNotFound, HttpStatus.NOT_FOUND, {
      fa: 'امتیازی با این شناسه پیدا نشد.',
      en: `No score has the id ${id}.`,
    });
  }
}

export class ScoreInvalidIdException extends AppException {
  constructor() {
    super(EvaluationErrorCode.ScoreInvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه امتیاز معتبر نیست.',
      en: 'The score id is not a valid UUID.',
    });
  }
}

/** The score is past the state in which this write may change it (see `details.status`). */
export class ScoreNotEditableException extends AppException {
  constructor(status: string, scoreId: string, adminCanCorrect: boolean) {
    super(
      EvaluationErrorCode.ScoreNotEditable,
      HttpStatus.CONFLICT,
      {
        fa:
          `امتیاز این دستگاه در وضعیت «${STATUS_FA[status] ?? status}» است و از این راه ویرایش‌پذیر نیست` +
          (adminCanCorrect ? '؛ تنها مدیر سامانه می‌تواند با ذکر دلیل آن را اصلاح کند.' : '.'),
        en:
          `The agency's score is ${status} and cannot be changed this way` +
          (adminCanCorrect ? '; only an administrator can correct it, giving a reason.' : '.'),
      },
      { status, scoreId },
    );
  }
}

export class ScoreAlreadyExistsException extends AppException {
  constructor() {
    super(EvaluationErrorCode.ScoreAlreadyExists, HttpStatus.CONFLICT, {
      fa: 'امتیاز این دستگاه در این دوره هم‌زمان ثبت شد؛ دوباره بارگذاری کنید.',
      en: "This agency's score for the round was recorded in the meantime; reload and try again.",
    });
  }
}

export interface CriterionScoreProblems {
  missing: Array<{ criterionId: string; code: string }>;
  unknown: string[];
  repeated: string[];
}

export class CriterionScoresInvalidException extends AppException {
  constructor(problems: CriterionScoreProblems) {
    const missing = problems.missing.map((m) => m.code);
    super(
      EvaluationErrorCode.CriterionScoresInvalid,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'برای هر معیار این دوره دقیقاً یک امتیاز لازم است.',
        en:
          'Each criterion of the round needs exactly one score' +
          [
            missing.length ? `; missing: ${missing.join(', ')}` : '',
            problems.unknown.length ? `; not in this round: ${problems.unknown.join(', ')}` : '',
            problems.repeated.length ? `; repeated: ${problems.repeated.join(', ')}` : '',
          ].join('') +
          '.',
      },
      problems,
    );
  }
}

export class InvalidScoreTransitionException extends AppException {
  constructor(from: string, to: string, allowedFrom: string) {
    super(
      EvaluationErrorCode.InvalidScoreTransition,
      HttpStatus.CONFLICT,
      {
        fa: `امتیاز در وضعیت «${STATUS_FA[from] ?? from}» است؛ تنها امتیاز «${STATUS_FA[allowedFrom] ?? allowedFrom}» را می‌توان «${STATUS_FA[to] ?? to}» کرد.`,
        en: `The score is ${from}; only a ${allowedFrom} score can become ${to}.`,
      },
      { from, to },
    );
  }
}

export class SameReviewerException extends AppException {
  constructor() {
    super(EvaluationErrorCode.SameReviewer, HttpStatus.FORBIDDEN, {
      fa: 'بازبین باید کسی غیر از ارسال‌کننده امتیاز باشد.',
      en: 'The reviewer must be someone other than the person who submitted the score.',
    });
  }
}

export class CorrectionReasonRequiredException extends AppException {
  constructor() {
    super(
      EvaluationErrorCode.CorrectionReasonRequired,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'اصلاح داده یک دوره بسته یا امتیاز نهایی‌شده بدون ذکر دلیل ممکن نیست.',
        en: 'A correction to a closed round or a reviewed/final score needs a reason.',
      },
      [{ field: 'reason', fa: 'reason: دلیل اصلاح لازم است', en: 'reason is required for a correction' }],
    );
  }
}
