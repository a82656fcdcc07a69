import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';
import { toPersianDigits } from '../../common/numbers/decimal.js';

export enum MilestoneErrorCode {
  CycleNotFound = 'CYCLE_NOT_FOUND',
  CycleInvalidId = 'CYCLE_INVALID_ID',
  CycleCodeTaken = 'CYCLE_CODE_TAKEN',
  CycleDatesInvalid = 'CYCLE_DATES_INVALID',
  CycleOverlap = 'CYCLE_OVERLAP',
  MilestoneNotFound = 'MILESTONE_NOT_FOUND',
  MilestoneInvalidId = 'MILESTONE_INVALID_ID',
  MilestoneCodeTaken = 'MILESTONE_CODE_TAKEN',
  MilestoneShareInvalid = 'MILESTONE_SHARE_INVALID',
}

export class CycleNotFoundException extends AppException {
  constructor(id: string) {
    super(MilestoneErrorCode.CycleNotFound, HttpStatus.NOT_FOUND, {
      fa: 'دوره برنامه‌ای با این شناسه پیدا نشد.',
      en: `No programme cycle has the id ${id}.`,
    });
  }
}

export class CycleInvalidIdException extends AppException {
  constructor() {
    super(MilestoneErrorCode.CycleInvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه دوره برنامه معتبر نیست.',
      en: 'The programme cycle id is not a valid UUID.',
    });
  }
}

export class CycleCodeTakenException extends AppException {
  constructor(code?: string) {
    super(
      MilestoneErrorCode.CycleCodeTaken,
      HttpStatus.CONFLICT,
      {
        fa: `دوره برنامه‌ای با ${code ? `کد «${code}»` : 'این کد'} از پیش وجود دارد.`,
        en: `A programme cycle with ${code ? `the code "${code}"` : 'this code'} already exists.`,
      },
      { code },
    );
  }
}

/** The cycle ends before it starts, or its baseline day is after its end. */
export class CycleDatesInvalidException extends AppException {
  constructor(field: 'endsOn' | 'baselineOn', days: { startsOn: string; endsOn: string; baselineOn: string }) {
    const endsEarly = field === 'endsOn';
    super(
      MilestoneErrorCode.CycleDatesInvalid,
      HttpStatus.BAD_REQUEST,
      {
        fa: endsEarly
          ? 'تاریخ پایان دوره نباید پیش از تاریخ شروع آن باشد.'
          : 'روز مبنای دوره (روز سیاهه خدمات) نباید پس از پایان دوره باشد.',
        en: endsEarly
          ? `The cycle cannot end (${days.endsOn}) before it starts (${days.startsOn}).`
          : `The cycle's baseline day (${days.baselineOn}) cannot be after its end (${days.endsOn}).`,
      },
      [
        endsEarly
          ? { field, fa: 'endsOn: نباید پیش از تاریخ شروع باشد', en: 'endsOn must not be before startsOn' }
          : { field, fa: 'baselineOn: نباید پس از تاریخ پایان باشد', en: 'baselineOn must not be after endsOn' },
      ],
    );
  }
}

/** Two cycles may not share a day: each day belongs to at most one programme cycle. */
export class CycleOverlapException extends AppException {
  constructor(other: { id: string; code: string; titleFa: string; startsOn: string; endsOn: string }) {
    super(
      MilestoneErrorCode.CycleOverlap,
      HttpStatus.CONFLICT,
      {
        fa: `بازه این دوره با دوره «${other.titleFa}» (${other.code}) هم‌پوشانی دارد؛ هر روز تنها در یک دوره برنامه است.`,
        en: `The cycle's days overlap the cycle "${other.code}" (${other.startsOn} to ${other.endsOn}); a day belongs to one cycle only.`,
      },
      { cycle: { id: other.id, code: other.code, startsOn: other.startsOn, endsOn: other.endsOn } },
    );
  }
}

export class MilestoneNotFoundException extends AppException {
  constructor(id: string) {
    super(MilestoneErrorCode.MilestoneNotFound, HttpStatus.NOT_FOUND, {
      fa: 'موعدی با این شناسه پیدا نشد.',
      en: `No milestone has the id ${id}.`,
    });
  }
}

export class MilestoneInvalidIdException extends AppException {
  constructor() {
    super(MilestoneErrorCode.MilestoneInvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه موعد معتبر نیست.',
      en: 'The milestone id is not a valid UUID.',
    });
  }
}

export class MilestoneCodeTakenException extends AppException {
  constructor(code?: string) {
    super(
      MilestoneErrorCode.MilestoneCodeTaken,
      HttpStatus.CONFLICT,
      {
        fa: `این دوره از پیش موعدی با ${code ? `کد «${code}»` : 'این کد'} دارد.`,
        en: `The cycle already has a milestone with ${code ? `the code "${code}"` : 'this code'}.`,
      },
      { code },
    );
  }
}

export type ShareProblem = 'required' | 'not_applicable' | 'above_one';

const SHARE_PROBLEMS: Record<ShareProblem, { fa: string; en: string }> = {
  required: {
    fa: 'share: برای موعد «سهم خدمات در پنجره واحد» لازم است',
    en: 'share is required for the single_window_service_share rule',
  },
  not_applicable: {
    fa: 'share: تنها برای موعد «سهم خدمات در پنجره واحد» پذیرفته است',
    en: 'share is only accepted for the single_window_service_share rule',
  },
  above_one: {
    fa: 'share: صورت کسر نباید از مخرج آن بیشتر باشد',
    en: 'share.numerator must not be greater than share.denominator',
  },
};

/** The share threshold is given where the rule has none, missing where it needs one, or more than the whole. */
export class MilestoneShareInvalidException extends AppException {
  constructor(problem: ShareProblem, share?: { numerator: number; denominator: number }) {
    const fraction = share ? `${share.numerator}/${share.denominator}` : '';
    super(
      MilestoneErrorCode.MilestoneShareInvalid,
      HttpStatus.BAD_REQUEST,
      {
        fa:
          problem === 'above_one'
            ? `سهم ${toPersianDigits(fraction)} بیش از کل خدمات است؛ کسری میان صفر و یک وارد کنید.`
            : 'سهم (کسر آستانه) تنها و همیشه برای موعد «سهم خدمات در پنجره واحد» لازم است.',
        en:
          problem === 'above_one'
            ? `The share ${fraction} is more than the whole; give a fraction between 0 and 1.`
            : 'A share (the threshold fraction) is required for, and only for, the single_window_service_share rule.',
      },
      [{ field: 'share', ...SHARE_PROBLEMS[problem] }],
    );
  }
}
