import { HttpStatus, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { toPersianDigits } from '../numbers/decimal.js';
import { inputShapeProblems, MAX_INPUT_DEPTH } from '../validation/input-shape.js';
import { AppException } from './app-exception.js';

/** One problem with one field of a refused request: the field's name (as sent) and a message in each language. */
export interface FieldProblem {
  field: string;
  fa: string;
  en: string;
}

/**
 * class-validator's constraint names, said in Persian; the English is class-validator's own message. Our own
 * constraints carry their Persian message in `context.fa` (see `common/validation/input.ts`). The Persian never
 * names the field: `field` does, and forms show the message beside it.
 */
const PERSIAN: Record<string, string | ((limit: string) => string)> = {
  isInt: 'باید عدد صحیح باشد',
  isNumber: 'باید عدد باشد',
  min: (limit) => `نباید کمتر از ${limit} باشد`,
  max: (limit) => `نباید بیشتر از ${limit} باشد`,
  isUuid: 'شناسه معتبر (UUID) نیست',
  isString: 'باید متن باشد',
  maxLength: (limit) => `نباید بیشتر از ${limit} نویسه باشد`,
  minLength: (limit) => `نباید کمتر از ${limit} نویسه باشد`,
  isIn: 'مقدار مجاز نیست',
  isEnum: 'مقدار مجاز نیست',
  isNotEmpty: 'نباید خالی باشد',
  isDefined: 'لازم است',
  whitelistValidation: 'این فیلد پذیرفته نمی‌شود',
  isBoolean: 'باید درست یا نادرست باشد',
  isDateString: 'تاریخ معتبر نیست',
  matches: 'قالب آن درست نیست',
  isArray: 'باید فهرست باشد',
  arrayMinSize: (limit) => `دست‌کم ${limit} مورد لازم است`,
  arrayMaxSize: (limit) => `بیش از ${limit} مورد پذیرفته نیست`,
  isObject: 'باید شیء باشد',
};

/**
 * Bounds only mean something once the value has the right kind: `pageSize=abc` is "not a whole number", not also
 * "less than 1" and "more than 200". Of several failed constraints on one field, the first that is not a bound
 * is reported; a bound only when it is all that failed.
 */
const BOUNDS = new Set([
  'min',
  'max',
  'minLength',
  'maxLength',
  'arrayMinSize',
  'arrayMaxSize',
  'decimalMax',
  'decimalPositive',
]);

function persianOf(name: string, en: string, contextFa: string | undefined): string {
  if (contextFa) return contextFa;
  const known = PERSIAN[name];
  if (typeof known === 'string') return known;
  // The bound is the last number in class-validator's English ("pageSize must not be greater than 200").
  const limit = /(-?\d+(?:\.\d+)?)\D*$/.exec(en)?.[1];
  if (known && limit !== undefined) return known(toPersianDigits(limit));
  return 'مقدار نامعتبر است';
}

/** One problem per field (see BOUNDS), nested fields named by their path (`scores.0.value`). */
export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const contexts = (error.contexts ?? {}) as Record<string, { fa?: string } | undefined>;
    const failed = Object.entries(error.constraints ?? {});
    const chosen = failed.find(([name]) => !BOUNDS.has(name)) ?? failed[0];
    const own = chosen ? [{ field, fa: persianOf(chosen[0], chosen[1], contexts[chosen[0]]?.fa), en: chosen[1] }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

const INVALID = { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' };

/**
 * Before any DTO reads it, a body, query or path parameter must hold no NUL character and nest no deeper than
 * `MAX_INPUT_DEPTH` (common/validation/input-shape.ts); this holds for fields without a DTO of their own too.
 */
function refuseMalformedInput(value: unknown, { type, data }: ArgumentMetadata): void {
  if (type === 'custom') return;
  const problems = inputShapeProblems(value, data ?? '');
  if (problems.length === 0) return;
  if (problems[0]!.kind === 'depth') {
    throw new AppException('INPUT_TOO_DEEP', HttpStatus.BAD_REQUEST, {
      fa: `ساختار درخواست بیش از ${toPersianDigits(String(MAX_INPUT_DEPTH))} سطح تودرتو است.`,
      en: `The request is nested more than ${MAX_INPUT_DEPTH} levels deep.`,
    });
  }
  throw new AppException(
    'VALIDATION_FAILED',
    HttpStatus.BAD_REQUEST,
    INVALID,
    problems.map(({ field }) => ({
      field,
      fa: 'نویسه تهی (U+0000) پذیرفته نیست',
      en: `${field || type} must not contain a NUL character (U+0000)`,
    })),
  );
}

/**
 * The one validation pipe: malformed input refused (above), unknown fields refused, values transformed,
 * problems listed per field in fa and en.
 */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    refuseMalformedInput(value, metadata);
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new AppException('VALIDATION_FAILED', HttpStatus.BAD_REQUEST, INVALID, flattenValidationErrors(errors)),
  });
}
