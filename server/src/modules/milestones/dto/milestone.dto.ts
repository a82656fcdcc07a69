import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  CODE_PATTERN,
  IsDay,
  NormalizedCode,
  NormalizedDay,
  NormalizedInt,
  NormalizedText,
} from '../../../common/validation/input.js';
import { MILESTONE_RULES, type MilestoneRule } from '../milestone-definition.entity.js';

/** The largest numerator or denominator a share threshold may have: fractions people write, such as 1/3 or 2/5. */
export const SHARE_TERM_MAX = 1000;

/** A share threshold as an exact fraction: 0 < numerator ≤ denominator ≤ 1000 (1/3 is "one third"). */
export class ShareInputDto {
  @ApiProperty({ minimum: 1, maximum: SHARE_TERM_MAX, example: 1 })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  @Max(SHARE_TERM_MAX)
  numerator: number;

  @ApiProperty({ minimum: 1, maximum: SHARE_TERM_MAX, example: 3, description: '≥ numerator.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  @Max(SHARE_TERM_MAX)
  denominator: number;
}

const SHARE_DESCRIPTION =
  'Required for, and only for, the single_window_service_share rule: the share of the baseline services, as an exact fraction.';

export class CreateMilestoneDto {
  @ApiProperty({
    example: 'single-window-share',
    description: 'Unique within the cycle; lower-case letters, digits, . _ -',
  })
  @NormalizedCode()
  @IsString()
  @Matches(CODE_PATTERN)
  code: string;

  @ApiProperty({ example: 'ارائه دست‌کم یک‌سوم خدمات در پنجره واحد' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleFa: string;

  @ApiProperty({ example: 'At least one third of services in the single window' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleEn: string;

  @ApiProperty({ enum: MILESTONE_RULES, description: 'What an agency must have reached; not editable later.' })
  @NormalizedText()
  @IsIn(MILESTONE_RULES)
  rule: MilestoneRule;

  @ApiPropertyOptional({ type: ShareInputDto, description: SHARE_DESCRIPTION })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ShareInputDto)
  share?: ShareInputDto;

  @ApiProperty({ example: '1401/06/31', description: 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits).' })
  @NormalizedDay()
  @IsDay()
  dueOn: string;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    default: 14,
    description: 'How many days before the due day an agency that has not met it is at risk.',
  })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(0)
  @Max(365)
  atRiskDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 9999, default: 0, description: 'Display order within the cycle.' })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

/** The values to change (the rule and the code stay), at the version the client read. */
export class UpdateMilestoneDto {
  @ApiProperty({ minimum: 1, description: 'The `version` as read; a stale version gets 409.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleFa?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleEn?: string;

  @ApiPropertyOptional({ type: ShareInputDto, description: 'Only for the single_window_service_share rule.' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ShareInputDto)
  share?: ShareInputDto;

  @ApiPropertyOptional({ example: '1401/10/30', description: 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits).' })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  dueOn?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 365 })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(0)
  @Max(365)
  atRiskDays?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 9999 })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(0)
  @Max(9999)
  sortOrder?: number;
}

export class MilestoneShareDto {
  @ApiProperty({ example: 1 }) numerator: number;
  @ApiProperty({ example: 3 }) denominator: number;
}

export class MilestoneDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) cycleId: string;
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: MILESTONE_RULES }) rule: MilestoneRule;
  @ApiProperty({
    type: MilestoneShareDto,
    nullable: true,
    description: 'The threshold of the share rule as an exact fraction; null for the other rules.',
  })
  share: MilestoneShareDto | null;
  @ApiProperty({ format: 'date', description: 'Calendar day.' }) dueOn: string;
  @ApiProperty({ description: 'Days before dueOn from which an agency that has not met it is at risk.' })
  atRiskDays: number;
  @ApiProperty() sortOrder: number;
  @ApiProperty({ description: 'Send it back with the next write (optimistic locking).' }) version: number;
}
