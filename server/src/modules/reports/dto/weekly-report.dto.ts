import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { NormalizedInt, NormalizedMultiline } from '../../../common/validation/input.js';
import { pageQuery } from '../../../common/validation/page.query.js';
import { MILESTONE_RULES, type MilestoneRule } from '../../milestones/milestone-definition.entity.js';
import {
  DAY,
  MovementDto,
  ServiceCountsDto,
  MilestoneCountsDto,
  AgencyCountDto,
  ConnectedCountDto,
} from '../../compliance/dto/compliance.dto.js';

const WEEK = {
  example: '1401-06-26',
  description: 'The week (Saturday to Friday): the Jalali day of its Saturday, with dashes.',
} as const;

export class ListWeeklyReportsQuery extends pageQuery(200) {}

export class RevisionQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'A revision (default: the newest).' })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(1)
  revision?: number;
}

export class ReviseWeeklyReportDto {
  @ApiProperty({ minLength: 3, maxLength: 2000, description: 'Why the report is corrected (shown with it).' })
  @NormalizedMultiline()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ReportAgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
}

export class ReportCycleDto {
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty(DAY) startsOn: string;
  @ApiProperty(DAY) endsOn: string;
  @ApiProperty(DAY) baselineOn: string;
}

export class ReportMilestoneTermsDto {
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: MILESTONE_RULES }) rule: MilestoneRule;
  @ApiProperty({ type: String, nullable: true, example: '1/3', description: 'Exact fraction of the baseline.' })
  share: string | null;
  @ApiProperty(DAY) dueOn: string;
  @ApiProperty() atRiskDays: number;
}

export class ReportMethodologyDto {
  @ApiProperty() fa: string;
  @ApiProperty() en: string;
  @ApiProperty({ type: [ReportMilestoneTermsDto] }) milestones: ReportMilestoneTermsDto[];
}

export class ReportOverviewDto {
  @ApiProperty({ type: AgencyCountDto }) agencies: AgencyCountDto;
  @ApiProperty({ type: ConnectedCountDto }) connected: ConnectedCountDto;
  @ApiProperty({ type: [MilestoneCountsDto] }) milestones: MilestoneCountsDto[];
  @ApiProperty({ type: ServiceCountsDto }) services: ServiceCountsDto;
}

export class ReportJoinedDto {
  @ApiProperty({ type: ReportAgencyDto }) agency: ReportAgencyDto;
  @ApiProperty(DAY) connectedOn: string;
}

export class ReportEntryDto {
  @ApiProperty({ type: ReportAgencyDto }) agency: ReportAgencyDto;
  @ApiProperty({ type: String, nullable: true, example: '26.07' }) score: string | null;
  @ApiPropertyOptional() daysOverdue?: number;
  @ApiPropertyOptional() daysLeft?: number;
  @ApiPropertyOptional(DAY) metOn?: string;
}

export class ReportMilestoneDto {
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty(DAY) dueOn: string;
  @ApiProperty({
    type: [ReportEntryDto],
    description: "Not met by the week's end: most days overdue, then lowest score.",
  })
  overdue: ReportEntryDto[];
  @ApiProperty({ type: [ReportEntryDto], description: 'Met during the week, after the due day.' })
  metLate: ReportEntryDto[];
  @ApiProperty({
    type: [ReportEntryDto],
    description: 'Not met, due within the at-risk window: fewest days left first.',
  })
  atRisk: ReportEntryDto[];
}

export class ReportLaggardsDto {
  @ApiProperty({ description: "Agencies overdue on at least one milestone at the week's end." }) count: number;
  @ApiProperty({ type: [ReportAgencyDto], description: 'On the list now, not at the end of the week before.' })
  entered: ReportAgencyDto[];
  @ApiProperty({ type: [ReportAgencyDto], description: 'On the list at the end of the week before, not now.' })
  left: ReportAgencyDto[];
}

export class ReportRankingRowDto {
  @ApiProperty({ type: Number, nullable: true }) rank: number | null;
  @ApiProperty({ type: ReportAgencyDto }) agency: ReportAgencyDto;
  @ApiProperty({ type: String, nullable: true }) score: string | null;
  @ApiProperty({ type: String, nullable: true }) progress: string | null;
  @ApiProperty({ type: MovementDto }) movement: MovementDto;
}

export class WeeklyReportContentDto {
  @ApiProperty({ example: 'weekly-report/1' }) schema: string;
  @ApiProperty(WEEK) week: string;
  @ApiProperty(DAY) weekStartsOn: string;
  @ApiProperty(DAY) weekEndsOn: string;
  @ApiProperty({ description: 'The week in Jalali days: { startsOn, endsOn } as yyyy/MM/dd.' })
  jalali: { startsOn: string; endsOn: string };
  @ApiProperty({ ...DAY, description: "Statuses are as of this day's end (the week's Friday)." }) asOf: string;
  @ApiProperty({ ...DAY, description: 'The day before the week: what "entered", "left" and movement compare with.' })
  comparedWith: string;
  @ApiProperty({ type: ReportCycleDto }) cycle: ReportCycleDto;
  @ApiProperty({ type: ReportMethodologyDto }) methodology: ReportMethodologyDto;
  @ApiProperty({ type: ReportOverviewDto }) overview: ReportOverviewDto;
  @ApiProperty({ type: [ReportJoinedDto], description: 'Connected to the national window during the week.' })
  joined: ReportJoinedDto[];
  @ApiProperty({ type: [ReportMilestoneDto] }) milestones: ReportMilestoneDto[];
  @ApiProperty({ type: ReportLaggardsDto }) laggards: ReportLaggardsDto;
  @ApiProperty({ type: [ReportRankingRowDto], description: 'By score, with movement since the week before.' })
  ranking: ReportRankingRowDto[];
}

export class WeeklyReportExportLinksDto {
  @ApiProperty({ example: '/api/v1/weekly-reports/1401-06-26/export?format=csv&revision=1' }) csv: string;
  @ApiProperty({ example: '/api/v1/weekly-reports/1401-06-26/export?format=xlsx&revision=1' }) xlsx: string;
  @ApiProperty({ example: '/api/v1/weekly-reports/1401-06-26/export?format=json&revision=1' }) json: string;
}

export class WeeklyReportSummaryDto {
  @ApiProperty({ format: 'uuid', description: 'This revision.' }) id: string;
  @ApiProperty(WEEK) week: string;
  @ApiProperty(DAY) weekStartsOn: string;
  @ApiProperty(DAY) weekEndsOn: string;
  @ApiProperty({ example: 'budget-1401' }) cycle: string;
  @ApiProperty({ description: '1 as first published; a correction is the next revision.' }) revision: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The revision this one replaces.' })
  supersedes: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why this revision corrects the previous one.' })
  reason: string | null;
  @ApiProperty({
    example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    description: 'Hex SHA-256 of the canonical JSON (RFC 8785) of `content`.',
  })
  digest: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ format: 'date-time', description: "From when the public sees it (the embargo's end)." })
  publicFrom: string;
  @ApiProperty({
    example: '/api/v1/weekly-reports/1401-06-26/revisions/1',
    description:
      "This revision's permanent address: always the same bytes, the canonical JSON of `content`, whose SHA-256 " +
      'is `digest` (check with `sha256sum`).',
  })
  permalink: string;
  @ApiProperty({
    type: WeeklyReportExportLinksDto,
    description: "This revision's exports (Persian headers; add `&lang=en` for English), the same bytes every time.",
  })
  exports: WeeklyReportExportLinksDto;
}

export class WeeklyReportDto extends WeeklyReportSummaryDto {
  @ApiProperty({ type: WeeklyReportContentDto }) content: WeeklyReportContentDto;
}

export class WeeklyReportListDto {
  @ApiProperty({ type: [WeeklyReportSummaryDto] }) items: WeeklyReportSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class WeeklyReportRevisionsDto {
  @ApiProperty(WEEK) week: string;
  @ApiProperty({ type: [WeeklyReportDto], description: 'Newest first.' }) items: WeeklyReportDto[];
}

export class WeeklyReportVerificationDto {
  @ApiProperty(WEEK) week: string;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'The stored digest matches the one recomputed from the stored content.' })
  valid: boolean;
  @ApiProperty({ description: 'The digest stored at publication.' }) digest: string;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the content as stored now.' }) recomputed: string;
}

export class WeeklyReportRevisionParams {
  @ApiProperty(WEEK)
  @IsString()
  week: string;

  @ApiProperty({ minimum: 1, example: 1, description: 'The revision: 1 as first published, then each correction.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  revision: number;
}
