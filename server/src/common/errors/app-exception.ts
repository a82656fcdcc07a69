import { HttpException, HttpStatus } from '@nestjs/common';

/** A message in both languages; every error the API returns carries one. */
export interface BilingualMessage {
  fa: string;
  en: string;
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  /** A stable, machine-readable code such as `AGENCY_NOT_FOUND` or `VALIDATION_FAILED`. */
  error: string;
  message: BilingualMessage;
  details?: unknown;
  requestId?: string;
}

/** The base of each feature's exceptions: a code, a status and a message in Persian and English. */
export class AppException extends HttpException {
  constructor(
    readonly code: string,
    status: HttpStatus,
    readonly bilingual: BilingualMessage,
    readonly details?: unknown,
  ) {
    super({ statusCode: status, error: code, message: bilingual, details }, status);
  }
}
