import { HttpStatus, ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppException } from './app-exception.js';

export interface FieldProblem {
  field: string;
  fa: string;
  en: string;
}

/**
 * class-validator's constraint names, said in Persian; the English is class-validator's own message. Our own
 * constraints carry their Persian message in `context.fa` (see `common/validation/input.ts`).
 */
const PERSIAN: Record<string, string> = {
  isInt: 'باید عدد صحیح باشد',
  min: 'کوچک‌تر از حداقل مجاز است',
  max: 'بزرگ‌تر از حداکثر مجاز است',
  isUuid: 'شناسه معتبر (UUID) نیست',
  isString: 'باید متن باشد',
  maxLength: 'بیش از حد طولانی است',
  minLength: 'بیش از حد کوتاه است',
  isIn: 'مقدار مجاز نیست',
  isEnum: 'مقدار مجاز نیست',
  isNotEmpty: 'نباید خالی باشد',
  whitelistValidation: 'این فیلد پذیرفته نمی‌شود',
  isBoolean: 'باید درست یا نادرست باشد',
  isDateString: 'تاریخ معتبر نیست',
  matches: 'قالب آن درست نیست',
};

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const contexts = (error.contexts ?? {}) as Record<string, { fa?: string } | undefined>;
    const own = Object.entries(error.constraints ?? {}).map(([name, en]) => ({
      field,
      fa: `${field}: ${contexts[name]?.fa ?? PERSIAN[name] ?? 'مقدار نامعتبر است'}`,
      en,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/** The one validation pipe: unknown fields refused, values transformed, problems listed per field in fa and en. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new AppException(
        'VALIDATION_FAILED',
        HttpStatus.BAD_REQUEST,
        { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
        flattenValidationErrors(errors),
      ),
  });
}
