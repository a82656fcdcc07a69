import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';

export enum ProgressErrorCode {
  ProgressDatesOutOfOrder = 'PROGRESS_DATES_OUT_OF_ORDER',
  StageDatesOutOfOrder = 'STAGE_DATES_OUT_OF_ORDER',
  DateInFuture = 'DATE_IN_FUTURE',
  ServiceNotFound = 'SERVICE_NOT_FOUND',
  ServiceInvalidId = 'SERVICE_INVALID_ID',
  ServiceWithdrawn = 'SERVICE_WITHDRAWN',
  SystemNotFound = 'SYSTEM_NOT_FOUND',
  SystemInvalidId = 'SYSTEM_INVALID_ID',
}

/** A national-window connection before the single window was launched, or a launch after the connection. */
export class ProgressDatesOutOfOrderException extends AppException {
  constructor(current: { singleWindowLaunchedOn: string | null; nationalWindowConnectedOn: string | null }) {
    super(
      ProgressErrorCode.ProgressDatesOutOfOrder,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'اتصال به پنجره ملی نمی‌تواند پیش از راه‌اندازی پنجره واحد دستگاه باشد، و راه‌اندازی پنجره واحد نمی‌تواند پس از اتصال آن باشد.',
        en: 'A national-window connection cannot come before the single window was launched, nor a launch after the connection.',
      },
      [
        {
          field: 'occurredOn',
          fa: 'occurredOn: با تاریخ‌های ثبت‌شده دستگاه هم‌خوان نیست',
          en: `occurredOn is out of order with the agency's recorded days (single window launched ${current.singleWindowLaunchedOn ?? 'never'}, connected ${current.nationalWindowConnectedOn ?? 'never'})`,
        },
      ],
    );
  }
}

export interface StageConflict {
  id: string;
  code: string;
  electronicOn: string | null;
  singleWindowOn: string | null;
  nationalWindowOn: string | null;
}

/**
 * A stage reached before an earlier one (a single window before the service was electronic, …). For a system,
 * `services` lists the services that the system would carry out of order (at most 50; `serviceCount` says how many).
 */
export class StageDatesOutOfOrderException extends AppException {
  constructor(current: StageConflict | null, services: StageConflict[] = [], serviceCount = 0) {
    super(
      ProgressErrorCode.StageDatesOutOfOrder,
      HttpStatus.BAD_REQUEST,
      {
        fa:
          services.length > 0
            ? 'برخی خدمات این سامانه مرحله پیشین را پس از این تاریخ گذرانده‌اند؛ تاریخ را اصلاح کنید یا ابتدا تاریخ آن خدمات را درست کنید.'
            : 'ترتیب تاریخ مراحل درست نیست: هر مرحله نمی‌تواند پیش از مرحله پیشین خود باشد (الکترونیکی، پنجره واحد، پنجره ملی).',
        en:
          services.length > 0
            ? `${serviceCount} service(s) of this system reached an earlier stage after this day; choose a later day or correct those services first.`
            : 'The stage days are out of order: no stage can come before the one it follows (electronic, single window, national window).',
      },
      { field: 'reachedOn', current, services, serviceCount },
    );
  }
}

export class DateInFutureException extends AppException {
  constructor(field: string, today: string) {
    super(
      ProgressErrorCode.DateInFuture,
      HttpStatus.BAD_REQUEST,
      {
        fa: 'تاریخ روی‌داد نمی‌تواند پس از امروز باشد؛ روزی را وارد کنید که رخ داده است.',
        en: `The day it happened cannot be after today (${today}).`,
      },
      [{ field, fa: `${field}: نمی‌تواند پس از امروز باشد`, en: `${field} must not be after today (${today})` }],
    );
  }
}

export class ServiceNotFoundException extends AppException {
  constructor(id: string) {
    super(ProgressErrorCode.ServiceNotFound, HttpStatus.NOT_FOUND, {
      fa: 'خدمتی با این شناسه پیدا نشد.',
      en: `No service has the id ${id}.`,
    });
  }
}

export class ServiceInvalidIdException extends AppException {
  constructor() {
    super(ProgressErrorCode.ServiceInvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه خدمت معتبر نیست.',
      en: 'The service id is not a valid UUID.',
    });
  }
}

/** A service withdrawn from its agency's inventory takes no further stage. */
export class ServiceWithdrawnException extends AppException {
  constructor(withdrawnOn: string) {
    super(
      ProgressErrorCode.ServiceWithdrawn,
      HttpStatus.UNPROCESSABLE_ENTITY,
      {
        fa: 'این خدمت از سیاهه خدمات دستگاه خارج شده است و مرحله‌ای برای آن ثبت نمی‌شود.',
        en: `This service was withdrawn from the agency's inventory (${withdrawnOn}); no stage can be recorded for it.`,
      },
      { withdrawnOn },
    );
  }
}

export class SystemNotFoundException extends AppException {
  constructor(id: string) {
    super(ProgressErrorCode.SystemNotFound, HttpStatus.NOT_FOUND, {
      fa: 'سامانه‌ای با این شناسه پیدا نشد.',
      en: `No system has the id ${id}.`,
    });
  }
}

export class SystemInvalidIdException extends AppException {
  constructor() {
    super(ProgressErrorCode.SystemInvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه سامانه معتبر نیست.',
      en: 'The system id is not a valid UUID.',
    });
  }
}
