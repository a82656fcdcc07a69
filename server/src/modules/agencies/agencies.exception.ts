import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';

export enum AgencyErrorCode {
  NotFound = 'AGENCY_NOT_FOUND',
  InvalidId = 'AGENCY_INVALID_ID',
}

export class AgencyNotFoundException extends AppException {
  constructor(id: string) {
    super(AgencyErrorCode.NotFound, HttpStatus.NOT_FOUND, {
      fa: 'دستگاهی با این شناسه پیدا نشد.',
      en: `No agency has the id ${id}.`,
    });
  }
}

export class AgencyInvalidIdException extends AppException {
  constructor() {
    super(AgencyErrorCode.InvalidId, HttpStatus.BAD_REQUEST, {
      fa: 'شناسه دستگاه معتبر نیست.',
      en: 'The agency id is not a valid UUID.',
    });
  }
}
