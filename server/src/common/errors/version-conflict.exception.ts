import { HttpStatus } from '@nestjs/common';
import { AppException } from './app-exception.js';

/**
 * 409: the record changed since the client read it (its `version` no longer matches). Nothing was written; the
 * current values come back in `details.current` so the person can compare and decide.
 */
export class VersionConflictException extends AppException {
  constructor(current: unknown) {
    super(
      'VERSION_CONFLICT',
      HttpStatus.CONFLICT,
      {
        fa: 'این داده در این فاصله به دست کس دیگری تغییر کرده است؛ مقادیر کنونی را ببینید و دوباره ذخیره کنید.',
        en: 'Someone else changed this record in the meantime; review the current values and save again.',
      },
      { current },
    );
  }
}
