import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { AGENCY_BRANCHES, AGENCY_KINDS, type AgencyBranch, type AgencyKind } from '../../agencies/agency.entity.js';
import { MILESTONE_RULES, type MilestoneRule } from '../../milestones/milestone-definition.entity.js';
import { DecimalMax, IsDay, IsDecimal2, NormalizedDay, NormalizedDecimal } from '../../../common/validation/input.js';
import { pageQuery } from '../../../common/validation/page.query.js';
import { MILESTONE_STATUSES, type MilestoneStatus } from '../compliance.rules.js';
import { RANKING_BASES, type RankingBasis } from '../compliance.snapshot.js';

export const DAY = { type: String, format: 'date', description: 'Calendar day (Asia/Tehran), ISO.' } as const;
const NULLABLE_DAY = { ...DAY, nullable: true } as const;

export class AsOfQuery {
  @ApiPropertyOptional({
    description:
      'The day to compute for: ISO (`2022-08-22`) or Jalali (`1401/05/31`, `1401-05-31`), Persian, Arabic-Indic or Latin digits. Default: today in Asia/Tehran.',
    example: '1401/05/31',
  })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  asOf?: string;
}

export class OverviewQuery extends AsOfQuery {
  @ApiPropertyOptional({
    enum: ['main', 'all'],
    default: 'main',
    description: '`main`: the 170 main agencies; `all`: with subordinate bodies.',
  })
  @IsOptional()
  @IsIn(['main', 'all'])
  scope: 'main' | 'all' = 'main';
}

export const RANKING_STATUS_FILTERS = ['overdue', 'at_risk', 'on_track', 'connected', 'not_connected'] as const;
export type RankingStatusFilter = (typeof RANKING_STATUS_FILTERS)[number];
export const RANKING_SORTS = [
  'rank',
  '-rank',
  'name',
  '-name',
  'kind',
  '-kind',
  'score',
  '-score',
  'progress',
  '-progress',
  'movement',
  '-movement',
] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

class RankingPage extends pageQuery(1000) {}

export class RankingsQuery extends RankingPage {
  @ApiPropertyOptional({ enum: RANKING_BASES, default: 'score' })
  @IsOptional()
  @IsIn(RANKING_BASES)
  by: RankingBasis = 'score';

  @ApiPropertyOptional({ description: 'The day (ISO or Jalali, any digits); default: today in Asia/Tehran.' })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  asOf?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Scores of this evaluation round only.' })
  @IsOptional()
  @IsUUID()
  roundId?: string;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ enum: AGENCY_BRANCHES })
  @IsOptional()
  @IsIn(AGENCY_BRANCHES)
  branch?: AgencyBranch;

  @ApiPropertyOptional({
    enum: RANKING_STATUS_FILTERS,
    description:
      '`overdue`/`at_risk`: on any milestone; `on_track`: none overdue or at risk; `connected`/`not_connected`: to the national window by the day.',
  })
  @IsOptional()
  @IsIn(RANKING_STATUS_FILTERS)
  status?: RankingStatusFilter;

  @ApiPropertyOptional({ maxLength: 100, description: 'Text in the name (Persian or English) or code.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({
    enum: RANKING_SORTS,
    default: 'rank',
    description:
      '`rank`: best first; `-rank`: worst first; `name`: Persian alphabetical order; `kind`; `score` / `progress`: lowest first (`-score`: highest first); `movement`: places gained, fewest first (`-movement`: most first). A `-` reverses. Rows with no value (no rank, score, progress or movement) always come last; ties keep rank order.',
  })
  @IsOptional()
  @IsIn(RANKING_SORTS)
  sort: RankingSort = 'rank';

  @ApiPropertyOptional({
    example: '20',
    description: 'Only agencies whose score is at least this (0–100, up to two decimals, any digits).',
  })
  @IsOptional()
  @NormalizedDecimal()
  @IsDecimal2()
  @DecimalMax('100.00')
  minScore?: string;

  @ApiPropertyOptional({
    example: '40',
    description: 'Only agencies whose score is at most this (0–100, up to two decimals, any digits).',
  })
  @IsOptional()
  @NormalizedDecimal()
  @IsDecimal2()
  @DecimalMax('100.00')
  maxScore?: string;

  @ApiPropertyOptional({ enum: ['main', 'all'], default: 'main' })
  @IsOptional()
  @IsIn(['main', 'all'])
  scope: 'main' | 'all' = 'main';
}

export class CycleInfoDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'budget-1401' }) code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty(DAY) startsOn: string;
  @ApiProperty(DAY) endsOn: string;
  @ApiProperty({ ...DAY, description: 'Services identified by this day are the baseline of share milestones.' })
  baselineOn: string;
}

export class MilestoneCountsDto {
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty(DAY) dueOn: string;
  @ApiProperty() met: number;
  @ApiProperty() pending: number;
  @ApiProperty() atRisk: number;
  @ApiProperty() overdue: number;
}

export class AgencyCountDto {
  @ApiProperty() total: number;
}

export class ConnectedCountDto {
  @ApiProperty() count: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '5.88',
    description: 'Percent of the agencies, two decimals, rounded half up.',
  })
  share: string | null;
}

export class ServiceCountsDto {
  @ApiProperty({ description: "Services identified by the cycle's baseline day." }) baseline: number;
  @ApiProperty({ description: 'Identified by the day and not withdrawn.' }) identified: number;
  @ApiProperty() inSingleWindow: number;
  @ApiProperty() connected: number;
}

export class ScoreBinDto {
  @ApiProperty({ description: 'Lower bound, inclusive.', example: 20 }) from: number;
  @ApiProperty({ description: 'Upper bound: exclusive, except the last bin (90–100), which holds 100.', example: 30 })
  to: number;
  @ApiProperty() count: number;
}

export class ScoreDistributionDto {
  @ApiProperty({ description: 'Agencies with a final score on the day.' }) scored: number;
  @ApiProperty({ description: 'Agencies with no final score on the day.' }) unscored: number;
  @ApiProperty({ type: [ScoreBinDto], description: 'Ten bins of ten points, 0–10 … 90–100.' }) bins: ScoreBinDto[];
}

export class OverviewDto {
  @ApiProperty(DAY) asOf: string;
  @ApiProperty({ type: CycleInfoDto, nullable: true }) cycle: CycleInfoDto | null;
  @ApiProperty({ type: AgencyCountDto }) agencies: AgencyCountDto;
  @ApiProperty({ type: ConnectedCountDto }) connected: ConnectedCountDto;
  @ApiProperty({ type: [MilestoneCountsDto] }) milestones: MilestoneCountsDto[];
  @ApiProperty({ type: ServiceCountsDto }) services: ServiceCountsDto;
  @ApiProperty({ type: ScoreDistributionDto, description: 'How the latest final scores on the day are spread.' })
  scores: ScoreDistributionDto;
}

export class HistoryQuery extends AsOfQuery {
  @ApiPropertyOptional({
    description:
      'The first day of the series (ISO or Jalali, any digits); its week is the first point. Default: the start of the cycle in force on `asOf`, or a year before `asOf`. At most 520 weeks are returned (the latest).',
    example: '1401/05/01',
  })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  from?: string;

  @ApiPropertyOptional({ enum: ['main', 'all'], default: 'main' })
  @IsOptional()
  @IsIn(['main', 'all'])
  scope: 'main' | 'all' = 'main';
}

export class ServicesByStageDto {
  @ApiProperty({ description: 'Identified, not withdrawn, not yet electronic.' }) notElectronic: number;
  @ApiProperty({ description: 'Electronic on the agency’s own system, not yet in its single window.' })
  electronic: number;
  @ApiProperty({ description: 'In the agency’s single window, not yet connected to the national window.' })
  singleWindow: number;
  @ApiProperty({ description: 'Connected to the national window.' }) nationalWindow: number;
}

export class HistoryPointDto {
  @ApiProperty({ ...DAY, description: 'The week’s Saturday.' }) weekStartsOn: string;
  @ApiProperty({ example: '1401-06-26', description: 'The week’s id: its Jalali Saturday.' }) week: string;
  @ApiProperty({ ...DAY, description: 'The day counted: the week’s Friday, or `asOf` for the week holding it.' })
  asOf: string;
  @ApiProperty({ description: 'Agencies with their own single window by the day.' }) singleWindows: number;
  @ApiProperty({ description: 'Agencies connected to the national window by the day.' }) connected: number;
  @ApiProperty({ type: ServicesByStageDto, description: 'Services present on the day, each in its furthest stage.' })
  services: ServicesByStageDto;
}

export class HistoryDto {
  @ApiProperty(DAY) asOf: string;
  @ApiProperty(DAY) from: string;
  @ApiProperty({ description: 'Agencies counted (main agencies, or all with `scope=all`).' }) agencies: number;
  @ApiProperty({ type: [HistoryPointDto], description: 'One point per week, oldest first.' })
  weeks: HistoryPointDto[];
}

export class RankedAgencyRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty({ enum: AGENCY_BRANCHES }) branch: AgencyBranch;
}

export class MovementDto {
  @ApiProperty({ type: Number, nullable: true, description: "Last week's rank." }) previousRank: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Places gained since last week (negative: lost).' })
  change: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: "Of `change`, the places the agency's own change explains (its rank had nobody else moved).",
  })
  own: number | null;
  @ApiProperty({ type: Number, nullable: true, description: "Of `change`, the part due to the others' changes." })
  others: number | null;
}

export class FlagsDto {
  @ApiProperty({ type: [String], description: 'Codes of the milestones overdue on the day.' }) overdue: string[];
  @ApiProperty({ type: [String], description: 'Codes of the milestones at risk on the day.' }) atRisk: string[];
}

export class RankingRowDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Equal values share a rank (1, 2, 2, 4); null: unranked.' })
  rank: number | null;
  @ApiProperty({ type: RankedAgencyRefDto }) agency: RankedAgencyRefDto;
  @ApiProperty({ type: String, nullable: true, example: '26.07', description: 'Latest final score on the day.' })
  score: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '12.50',
    description: 'Percent of identified services connected to the national window on the day, two decimals.',
  })
  progress: string | null;
  @ApiProperty({ type: MovementDto }) movement: MovementDto;
  @ApiProperty({ type: FlagsDto }) flags: FlagsDto;
}

export class RankingsDto {
  @ApiProperty(DAY) asOf: string;
  @ApiProperty({ enum: RANKING_BASES }) by: RankingBasis;
  @ApiProperty({ ...DAY, description: 'The day movement is measured from (a week before).' }) comparedWith: string;
  @ApiProperty({ description: 'Ranked rows of the whole scope (before filters).' }) ranked: number;
  @ApiProperty({ type: [RankingRowDto] }) items: RankingRowDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ShareDto {
  @ApiProperty() numerator: number;
  @ApiProperty() denominator: number;
}

export class AgencyMilestoneDto {
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: MILESTONE_RULES }) rule: MilestoneRule;
  @ApiProperty({ type: ShareDto, nullable: true }) share: ShareDto | null;
  @ApiProperty(DAY) dueOn: string;
  @ApiProperty() atRiskDays: number;
  @ApiProperty({ enum: MILESTONE_STATUSES }) status: MilestoneStatus;
  @ApiProperty(NULLABLE_DAY) metOn: string | null;
  @ApiProperty({ description: 'Met after its due day.' }) late: boolean;
  @ApiProperty({ type: Number, nullable: true }) daysOverdue: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Days left until the due day (0 on the day).' })
  daysLeft: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Share rule: baseline services needed in the single window (ceil of baseline × share).',
  })
  required: number | null;
}

export class AgencyServicesStatusDto {
  @ApiProperty({ description: "Identified by the cycle's baseline day: what the share is measured against." })
  baseline: number;
  @ApiProperty({ description: 'Identified by the day and not withdrawn ("now").' }) identified: number;
  @ApiProperty() inSingleWindow: number;
  @ApiProperty() connected: number;
  @ApiProperty({ description: 'Baseline services in the single window on the day.' }) baselineInSingleWindow: number;
}

export class AgencyComplianceDto {
  @ApiProperty(DAY) asOf: string;
  @ApiProperty({ type: CycleInfoDto, nullable: true }) cycle: CycleInfoDto | null;
  @ApiProperty({ type: RankedAgencyRefDto }) agency: RankedAgencyRefDto;
  @ApiProperty(NULLABLE_DAY) singleWindowLaunchedOn: string | null;
  @ApiProperty(NULLABLE_DAY) nationalWindowConnectedOn: string | null;
  @ApiProperty({ type: AgencyServicesStatusDto }) services: AgencyServicesStatusDto;
  @ApiProperty({ type: String, nullable: true, example: '26.07' }) score: string | null;
  @ApiProperty({ type: String, nullable: true, example: '12.50' }) progress: string | null;
  @ApiProperty({ type: [AgencyMilestoneDto] }) milestones: AgencyMilestoneDto[];
}
