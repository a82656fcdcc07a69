import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { NormalizedDay, IsDay, NormalizedText } from '../../../common/validation/input.js';
import { ListAgenciesQuery } from '../../agencies/dto/list-agencies.query.js';
import { RankingsQuery } from '../../compliance/dto/compliance.dto.js';
import { ListAgencyServicesQuery } from '../../progress/dto/agency-services.dto.js';
import { RevisionQuery } from '../../reports/dto/weekly-report.dto.js';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_LANGUAGES = ['fa', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/** What every export takes: the file format (required) and the language of headers and labels. */
export class ExportFormatQuery {
  @ApiProperty({
    enum: EXPORT_FORMATS,
    example: 'xlsx',
    description:
      '`csv`: UTF-8 with a byte-order mark, RFC 4180, CRLF; `xlsx`: a workbook with the rows and an "about" sheet; `json`: `{about, columns, rows}`.',
  })
  @NormalizedText()
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;

  @ApiPropertyOptional({
    enum: EXPORT_LANGUAGES,
    default: 'fa',
    description: '`fa`: Persian headers and labels, a right-to-left sheet; `en`: English, left to right.',
  })
  @IsOptional()
  @NormalizedText()
  @IsIn(EXPORT_LANGUAGES)
  lang: ExportLanguage = 'fa';
}

/** The rankings' filters and sort (as `GET /api/v1/rankings`), every row: no page. */
export class RankingsExportQuery extends IntersectionType(
  OmitType(RankingsQuery, ['page', 'pageSize'] as const),
  ExportFormatQuery,
) {}

/** The agency list's filters (as `GET /api/v1/agencies`), every agency, with its status on `asOf`. */
export class AgenciesExportQuery extends IntersectionType(
  OmitType(ListAgenciesQuery, ['page', 'pageSize'] as const),
  ExportFormatQuery,
) {
  @ApiPropertyOptional({
    description:
      'The day of the milestone status: ISO (`2022-08-22`) or Jalali (`1401/05/31`), any digits. Default: today in Asia/Tehran.',
    example: '1401/05/31',
  })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  asOf?: string;
}

/** An agency's services with the filters of `GET /api/v1/agencies/:id/services`, every service: no page. */
export class AgencyServicesExportQuery extends IntersectionType(
  OmitType(ListAgencyServicesQuery, ['page', 'pageSize'] as const),
  ExportFormatQuery,
) {}

/**
 * Every agency's services: the filters of `GET /api/v1/agencies/:id/services` that make sense across agencies
 * (stage, search; a system belongs to one agency, so `systemId` stays with the per-agency export), and the scope of
 * the rankings, every service: no page.
 */
export class ServicesExportQuery extends IntersectionType(
  OmitType(ListAgencyServicesQuery, ['page', 'pageSize', 'systemId'] as const),
  ExportFormatQuery,
) {
  @ApiPropertyOptional({
    enum: ['main', 'all'],
    default: 'all',
    description: '`all`: every agency unit, subordinate bodies included; `main`: the 170 main agencies only.',
  })
  @IsOptional()
  @NormalizedText()
  @IsIn(['main', 'all'])
  scope: 'main' | 'all' = 'all';
}

/** A weekly report's export: a revision (default: the newest public one). */
export class WeeklyReportExportQuery extends IntersectionType(RevisionQuery, ExportFormatQuery) {}
