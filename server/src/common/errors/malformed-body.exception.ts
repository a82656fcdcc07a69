import { HttpStatus } from '@nestjs/common';
import { AppException } from './app-exception.js';

/** A request body that cannot be read to its end: a multipart form cut short or with broken part headers. */
export class MalformedBodyException extends AppException {
  constructor() {
    super('MALFORMED_BODY', HttpStatus.BAD_REQUEST, {
      fa: 'بدنه درخواست ناقص یا خراب است؛ فایل را دوباره بفرستید.',
      en: 'The request body is incomplete or malformed; send the file again.',
    });
  }
}

/**
 * An error met while reading a multipart body, as the client should see it: @fastify/multipart's own refusals
 * (too large, too many files or fields, not multipart) keep their 4xx; anything else the parser (busboy) throws,
 * such as "Unexpected end of form" on a body cut short, is the client's malformed body, not our 500.
 */
export function multipartReadError(error: unknown): unknown {
  if (error instanceof AppException) return error;
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return error;
  return new MalformedBodyException();
}
