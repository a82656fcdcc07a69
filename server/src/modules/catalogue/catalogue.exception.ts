import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';

export enum CatalogueErrorCode {
  ServiceCodeTaken = 'SERVICE_CODE_TAKEN',
  SystemNotInAgency = 'SYSTEM_NOT_IN_AGENCY',
  ServiceDayInFuture = 'SERVICE_DAY_IN_FUTURE',
  WithdrawalBeforeIdentified = 'WITHDRAWAL_BEFORE_IDENTIFIED',
  ServiceAlreadyWithdrawn = 'SERVICE_ALREADY_WITHDRAWN',
}

export class ServiceCodeTakenException extends AppException {
  constructor(code?: string) {
    super(
      CatalogueErrorCode.ServiceCodeTaken,
      HttpStatus.CONFLICT,
      {
        fa: `این دستگاه از پیش خدمتی با ${code ? `کد «${code}»` : 'این کد'} دارد.`,
        en: `The agency already has a service with ${code ? `the code "${code}"` : 'this code'}.`,
      },
      { code },
    );
  }
}

export class SystemNotInAgencyException extends AppException {
  constructor(systemId: string) {
    super(
      CatalogueErrorCode.SystemNotInAgency,
      HttpStatus.UNPROCESSABLE_ENTITY,
      {
        fa: 'سامانه انتخاب‌شده از سامانه‌های همین دستگاه نیست.',
        en: `The system ${systemId} is not one of this agency's systems.`,
      },
      [
        {
          field: 'systemId',
          fa: 'systemId: سامانه این دستگاه نیست',
          en: "systemId is not one of the agency's systems",
        },
      ],
    );
  }
}

/** The day a service was identified or withdrawn is a day that has happened: not after today in Tehran. */
export class ServiceDayInFutureException extends AppException {
  constructor(field: 'identifiedOn' | 'withdrawnOn', today: string) {
    super(
      CatalogueErrorCode.ServiceDayInFuture,
      HttpStatus.UNPROCESSABLE_ENTITY,
      {
        fa: 'این تاریخ نمی‌تواند پس از امروز باشد؛ روزی را وارد کنید که رخ داده است.',
        en: `${field} cannot be after today (${today}).`,
      },
      [{ field, fa: `${field}: نمی‌تواند پس از امروز باشد`, en: `${field} must not be after today (${today})` }],
    );
  }
}

export class WithdrawalBeforeIdentifiedException extends AppException {
  constructor(withdrawnOn: string, identifiedOn: string) {
    super(
      CatalogueErrorCode.WithdrawalBeforeIdentified,
      HttpStatus.UNPROCESSABLE_ENTITY,
      {
        fa: 'خدمت نمی‌تواند پیش از روز شناسایی‌اش از سیاهه خدمات خارج شود.',
        en: `A service cannot be withdrawn (${withdrawnOn}) before the day it was identified (${identifiedOn}).`,
      },
      [
        {
          field: 'withdrawnOn',
          fa: 'withdrawnOn: نباید پیش از روز شناسایی خدمت باشد',
          en: `withdrawnOn must not be before identifiedOn (${identifiedOn})`,
        },
      ],
    );
  }
}

export class ServiceAlreadyWithdrawnException extends AppException {
  constructor(withdrawnOn: string) {
    super(
      CatalogueErrorCode.ServiceAlreadyWithdrawn,
      HttpStatus.CONFLICT,
      {
        fa: 'این خدمت پیش‌تر از سیاهه خدمات خارج شده است.',
        en: `This service was already withdrawn from the inventory (${withdrawnOn}).`,
      },
      { withdrawnOn },
    );
  }
}
