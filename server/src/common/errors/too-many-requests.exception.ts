import { HttpStatus } from '@nestjs/common';
import { toPersianDigits } from '../numbers/decimal.js';
import { AppException } from './app-exception.js';

/** 429: this client address made more requests this minute than the API allows; come back in `seconds`. */
export class TooManyRequestsException extends AppException {
  constructor(readonly seconds: number) {
    super('TOO_MANY_REQUESTS', HttpStatus.TOO_MANY_REQUESTS, {
      fa: `درخواست‌ها بیش از حد است؛ ${toPersianDigits(String(seconds))} ثانیه دیگر دوباره تلاش کنید.`,
      en: `Too many requests; try again in ${seconds} seconds.`,
    });
  }
}
