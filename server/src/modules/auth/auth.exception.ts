import { HttpStatus } from '@nestjs/common';
import { AppException } from '../../common/errors/app-exception.js';
import { toPersianDigits } from '../../common/numbers/decimal.js';

export enum AuthErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  BadCredentials = 'BAD_CREDENTIALS',
  CrossSite = 'CROSS_SITE_REQUEST',
  TooManySignIns = 'TOO_MANY_SIGN_INS',
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

/** A cookie write whose `Origin` is `null` or whose `Referer` is no address: where it came from cannot be told. */
export class UnreadableOriginException extends AppException {
  constructor() {
    super(AuthErrorCode.CrossSite, HttpStatus.FORBIDDEN, {
      fa: 'معلوم نیست درخواست از کدام نشانی فرستاده شده (سرآیند Origin یا Referer خوانا نیست)، پس پذیرفته نیست.',
      en: 'The request does not say readably where it came from (its Origin or Referer header), so it was refused.',
    });
  }
}

/** 429: this username has had too many failed sign-ins lately, from whatever addresses; again in `seconds`. */
export class TooManySignInsException extends AppException {
  constructor(readonly seconds: number) {
    const minutes = Math.ceil(seconds / 60);
    super(AuthErrorCode.TooManySignIns, HttpStatus.TOO_MANY_REQUESTS, {
      fa: `برای این نام کاربری بیش از حد تلاش ناموفق شده است؛ ${toPersianDigits(String(minutes))} دقیقه دیگر دوباره تلاش کنید.`,
      en: `Too many failed sign-ins for this username; try again in ${minutes} minutes.`,
    });
  }
}
