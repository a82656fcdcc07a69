import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';

export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  BadCredentials = 'BAD_CREDENTIALS',
  CrossSite = 'CROSS_SITE_REQUEST',
}

export class UnauthenticatedException extends AppException {
  constructor() {
    super(AuthErrorCode.Unauthenticated, HttpStatus.UNAUTHORIZED, {
      fa: 'ابتدا وارد شوید.',
      en: 'Please sign in first.',
    });
  }
}

export class ForbiddenRoleException extends AppException {
  constructor() {
    super(AuthErrorCode.Forbidden, HttpStatus.FORBIDDEN, {
      fa: 'نقش شما اجازه این کار را نمی‌دهد.',
      en: 'Your role does not allow this.',
    });
  }
}

export class BadCredentialsException extends AppException {
  constructor() {
    super(AuthErrorCode.BadCredentials, HttpStatus.UNAUTHORIZED, {
      fa: 'نام کاربری یا گذرواژه درست نیست.',
      en: 'The username or password is not right.',
    });
  }
}

export class CrossSiteRequestException extends AppException {
  constructor() {
    super(AuthErrorCode.CrossSite, HttpStatus.FORBIDDEN, {
      fa: 'درخواست از نشانی دیگری فرستاده شده و پذیرفته نیست.',
      en: 'The request came from another site and was refused.',
    });
  }
}
