import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../../database/database-unavailable.js';
import { describeErrorForLog } from '../db/safe-query-logger.js';
import { AppException, type BilingualMessage, type ErrorBody } from './app-exception.js';

const GENERIC: Record<number, { code: string; message: BilingualMessage }> = {
  400: { code: 'BAD_REQUEST', message: { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' } },
  401: { code: 'UNAUTHENTICATED', message: { fa: 'ابتدا وارد شوید.', en: 'Please sign in first.' } },
  403: { code: 'FORBIDDEN', message: { fa: 'اجازه این کار را ندارید.', en: 'You are not allowed to do this.' } },
  404: { code: 'NOT_FOUND', message: { fa: 'پیدا نشد.', en: 'Not found.' } },
  405: { code: 'METHOD_NOT_ALLOWED', message: { fa: 'این روش درخواست پذیرفته نیست.', en: 'Method not allowed.' } },
  409: {
    code: 'CONFLICT',
    message: { fa: 'این داده هم‌زمان تغییر کرده است.', en: 'The data changed in the meantime.' },
  },
  413: { code: 'PAYLOAD_TOO_LARGE', message: { fa: 'حجم درخواست بیش از حد است.', en: 'The request is too large.' } },
  415: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: { fa: 'نوع محتوا پشتیبانی نمی‌شود.', en: 'Unsupported content type.' },
  },
  429: {
    code: 'TOO_MANY_REQUESTS',
    message: { fa: 'درخواست‌ها بیش از حد است؛ کمی بعد دوباره تلاش کنید.', en: 'Too many requests; try again shortly.' },
  },
};
const DATABASE_UNAVAILABLE = {
  code: 'DATABASE_UNAVAILABLE',
  message: {
    fa: 'پایگاه داده در دسترس نیست؛ چند لحظه بعد دوباره تلاش کنید.',
    en: 'The database is unavailable; try again in a few moments.',
  },
};
const INTERNAL = { code: 'INTERNAL_ERROR', message: { fa: 'خطای داخلی رخ داد.', en: 'An internal error occurred.' } };

/** The error's code or first line, never its query parameters. */
function describe(error: unknown): string {
  const e = error as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = e.driverError?.code ?? e.code;
  return typeof code === 'string' ? code : String(e.message ?? error).split('\n')[0]!;
}

/**
 * The one place errors become responses: `{ statusCode, error, message: {fa, en}, details?, requestId }`. 5xx
 * internals are logged with the request id, never sent.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const request = ctx.getRequest<FastifyRequest>();
    if (isDatabaseUnavailable(exception)) {
      // The database is away (stopped, restarting): say so and when to retry, not "internal error".
      this.logger.warn(
        `${request.method} ${request.url} [${request.id}]: database unavailable (${describe(exception)})`,
      );
      void reply
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .header('cache-control', 'no-store')
        .header('retry-after', '5')
        .send({
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: DATABASE_UNAVAILABLE.code,
          message: DATABASE_UNAVAILABLE.message,
          requestId: String(request.id),
        } satisfies ErrorBody);
      return;
    }
    const body = this.toBody(exception, request);
    if (body.statusCode >= 500) {
      this.logger.error(`${request.method} ${request.url} [${request.id}]: ${describeErrorForLog(exception)}`);
    }
    void reply.status(body.statusCode).header('cache-control', 'no-store').send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    const requestId = String(request.id);
    if (exception instanceof AppException) {
      return {
        statusCode: exception.getStatus(),
        error: exception.code,
        message: exception.bilingual,
        details: exception.details,
        requestId,
      };
    }
    // Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode.
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : typeof (exception as { statusCode?: unknown })?.statusCode === 'number'
          ? (exception as { statusCode: number }).statusCode
          : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) return { statusCode: status, error: INTERNAL.code, message: INTERNAL.message, requestId };
    const generic = GENERIC[status] ?? { code: 'BAD_REQUEST', message: GENERIC[400]!.message };
    return { statusCode: status, error: generic.code, message: generic.message, requestId };
  }
}
