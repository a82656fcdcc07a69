import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import {
  bilingualConstraint,
  IsDay,
  IsHttpUrl,
  NormalizedDay,
  NormalizedInt,
  NormalizedMultiline,
  NormalizedText,
} from '../../../common/validation/input.js';
import { PageQuery } from '../../../common/validation/page.query.js';
import { RESPONSE_BODY_MAX, RESPONSE_STATUSES, type ResponseStatus } from '../agency-response.entity.js';

const DAY_INPUT = 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits); not after today (Tehran).';

export const RESPONSE_SUBJECTS = ['agency', 'weekly_report', 'score'] as const;
export type ResponseSubject = (typeof RESPONSE_SUBJECTS)[number];

/** What the public sees of a status: an open request or a published reply (drafts are never shown). */
export const PUBLIC_RESPONSE_STATUSES = ['requested', 'published'] as const;
export type PublicResponseStatus = (typeof PUBLIC_RESPONSE_STATUSES)[number];

/** PostgreSQL refuses NUL in text: refused here, with a message, instead of failing in the database. */
const HasNoNul = bilingualConstraint(
  'hasNoNul',
  (value) => typeof value !== 'string' || !value.includes('\u0000'),
  (args) => `${args.property} must not contain NUL characters`,
  'نویسه تهی (NUL) پذیرفته نیست',
);

// ---- Requests ----

/** What a reply is about: the agency itself (neither id), one weekly report revision or one final score. */
class ResponseSubjectInput {
  @ApiProperty({ format: 'uuid', description: 'The agency that is asked / that replied.' })
  @IsUUID()
  agencyId: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A published weekly report revision that lists the agency (from `GET /weekly-reports/…`: `id`).',
  })
  @IsOptional()
  @IsUUID()
  weeklyReportId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "One of the agency's final scores. At most one of weeklyReportId and scoreId.",
  })
  @IsOptional()
  @IsUUID()
  scoreId?: string;
}

export class RequestResponseDto extends ResponseSubjectInput {
  @ApiProperty({ example: '1401/07/05', description: `The day the agency was asked. ${DAY_INPUT}` })
  @NormalizedDay()
  @IsDay()
  requestedOn: string;
}

/** A reply received (with or without a recorded request): recorded as a draft, published later. */
export class RecordResponseDto extends ResponseSubjectInput {
  @ApiPropertyOptional({ example: '1401/07/05', description: `The day the agency was asked, if it was. ${DAY_INPUT}` })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  requestedOn?: string;

  @ApiProperty({ example: '۱۴۰۱/۰۷/۱۰', description: `The day the reply was received. ${DAY_INPUT}` })
  @NormalizedDay()
  @IsDay()
  receivedOn: string;

  @ApiProperty({ minLength: 1, maxLength: RESPONSE_BODY_MAX, description: 'The reply in Persian; line breaks kept.' })
  @NormalizedMultiline()
  @IsString()
  @HasNoNul()
  @MinLength(1)
  @MaxLength(RESPONSE_BODY_MAX)
  bodyFa: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: RESPONSE_BODY_MAX, description: 'An English translation.' })
  @IsOptional()
  @NormalizedMultiline()
  @IsString()
  @HasNoNul()
  @MinLength(1)
  @MaxLength(RESPONSE_BODY_MAX)
  bodyEn?: string;

  @ApiPropertyOptional({ example: 'https://example.gov.ir/letters/1401-123.pdf', description: 'http(s) only.' })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsHttpUrl()
  documentUrl?: string;
}

/**
 * Changes at the version read: on a request, `receivedOn` and `bodyFa` record the reply received (it becomes a
 * draft); on a draft, any field. `bodyEn` and `documentUrl` are cleared with `null`. A published reply stays.
 */
export class UpdateResponseDto {
  @ApiProperty({ minimum: 1, description: 'The `version` as read; a stale version gets 409.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ example: '1401/07/05', description: DAY_INPUT })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  requestedOn?: string;

  @ApiPropertyOptional({ example: '1401/07/10', description: `${DAY_INPUT} Not before requestedOn.` })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  receivedOn?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: RESPONSE_BODY_MAX })
  @IsOptional()
  @NormalizedMultiline()
  @IsString()
  @HasNoNul()
  @MinLength(1)
  @MaxLength(RESPONSE_BODY_MAX)
  bodyFa?: string;

  @ApiPropertyOptional({ type: String, nullable: true, minLength: 1, maxLength: RESPONSE_BODY_MAX })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @NormalizedMultiline()
  @IsString()
  @HasNoNul()
  @MinLength(1)
  @MaxLength(RESPONSE_BODY_MAX)
  bodyEn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'http(s) only; null removes it.' })
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @NormalizedText()
  @IsHttpUrl()
  documentUrl?: string | null;
}

export class PublishResponseDto {
  @ApiProperty({ minimum: 1, description: 'The `version` as read; a stale version gets 409.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;
}

export class WithdrawResponseDto {
  @ApiProperty({ minimum: 1, description: 'The `version` as read; a stale version gets 409.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ maxLength: 500, example: 'درخواست به اشتباه برای این دستگاه ثبت شد.' })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsString()
  @HasNoNul()
  @MaxLength(500)
  reason?: string;
}

export class ListResponsesQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid', description: "Only this agency's." })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsUUID()
  agencyId?: string;

  @ApiPropertyOptional({ enum: RESPONSE_STATUSES, enumName: 'AgencyResponseStatus' })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsIn(RESPONSE_STATUSES)
  status?: ResponseStatus;
}

// ---- Responses ----

export class ResponseAgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'mcls' }) code: string;
  @ApiProperty({ example: 'وزارت ارتباطات و فناوری اطلاعات' }) nameFa: string;
  @ApiProperty({ example: 'Ministry of ICT' }) nameEn: string;
}

export class ResponseReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '1401-06-26', description: 'The week: the Jalali day of its Saturday.' }) week: string;
  @ApiProperty({ format: 'date', example: '2022-09-17' }) weekStartsOn: string;
  @ApiProperty({ example: 1 }) revision: number;
}

export class ResponseScoreDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty({ example: 'summer-1401' }) roundCode: string;
  @ApiProperty() roundTitleFa: string;
  @ApiProperty() roundTitleEn: string;
  @ApiProperty({ example: '26.07', description: 'Exact decimal, out of 100.' }) total: string;
}

export class ResponseUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() displayName: string;
}

/** Fields the public and staff views share. */
class ResponseFields {
  @ApiProperty({ format: 'uuid' }) id: string;

  @ApiProperty({ enum: RESPONSE_SUBJECTS, enumName: 'AgencyResponseSubject' })
  subject: ResponseSubject;

  @ApiProperty({ type: ResponseAgencyDto }) agency: ResponseAgencyDto;

  @ApiProperty({ type: ResponseReportDto, nullable: true, description: 'When the subject is a weekly report.' })
  weeklyReport: ResponseReportDto | null;

  @ApiProperty({ type: ResponseScoreDto, nullable: true, description: 'When the subject is a score.' })
  score: ResponseScoreDto | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the agency was asked.' })
  requestedOn: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Null while no reply is received.' })
  receivedOn: string | null;

  @ApiProperty({ type: String, nullable: true }) bodyFa: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyEn: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'An http(s) address.' }) documentUrl: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
}

/** What the public sees: published replies and open requests ("no response yet"), never drafts or names. */
export class PublicResponseDto extends ResponseFields {
  @ApiProperty({
    enum: PUBLIC_RESPONSE_STATUSES,
    enumName: 'PublicAgencyResponseStatus',
    description:
      '`requested`: the agency was asked on `requestedOn` and no reply is published yet (the text fields are null); `published`: the reply.',
  })
  status: PublicResponseStatus;
}

export class PublicResponseListDto {
  @ApiProperty({ type: [PublicResponseDto], description: 'Newest first (by the day received, else asked).' })
  items: PublicResponseDto[];
}

export class WeekResponsesDto {
  @ApiProperty({ example: '1401-06-26' }) week: string;

  @ApiProperty({
    type: [PublicResponseDto],
    description: "Replies to (and open requests about) any revision of the week's report, by agency.",
  })
  items: PublicResponseDto[];
}

/** The staff view: every state, who recorded and who published, and the version to write at. */
export class AgencyResponseDto extends ResponseFields {
  @ApiProperty({ enum: RESPONSE_STATUSES, enumName: 'AgencyResponseStatus' }) status: ResponseStatus;
  @ApiProperty({ type: ResponseUserDto, nullable: true }) createdBy: ResponseUserDto | null;
  @ApiProperty({ type: ResponseUserDto, nullable: true }) publishedBy: ResponseUserDto | null;
  @ApiProperty({ description: 'Send it back with the next write (optimistic locking).' }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class AgencyResponseListDto {
  @ApiProperty({ type: [AgencyResponseDto], description: 'Newest first (by the day received, else asked).' })
  items: AgencyResponseDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
