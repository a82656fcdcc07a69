import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import {
  CODE_PATTERN,
  IsDay,
  NormalizedCode,
  NormalizedDay,
  NormalizedInt,
  NormalizedText,
} from '../../../common/validation/input.js';
import { MilestoneDto } from './milestone.dto.js';

const DAY_INPUT = 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits).';

export class CreateCycleDto {
  @ApiProperty({ example: 'budget-1402', description: 'Unique; lower-case letters, digits, . _ -' })
  @NormalizedCode()
  @IsString()
  @Matches(CODE_PATTERN)
  code: string;

  @ApiProperty({ example: 'قانون بودجه ۱۴۰۲' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleFa: string;

  @ApiProperty({ example: 'Budget law of 1402' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleEn: string;

  @ApiProperty({ example: '1402/01/01', description: `${DAY_INPUT} No day may be in another cycle.` })
  @NormalizedDay()
  @IsDay()
  startsOn: string;

  @ApiProperty({ example: '1402/12/29', description: `${DAY_INPUT} ≥ startsOn.` })
  @NormalizedDay()
  @IsDay()
  endsOn: string;

  @ApiPropertyOptional({
    example: '1402/01/01',
    description: `${DAY_INPUT} The day whose inventory of identified services is the baseline of share milestones; ≤ endsOn. Default: startsOn.`,
  })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  baselineOn?: string;
}

/** The values to change (the code stays), at the version the client read. */
export class UpdateCycleDto {
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

  @ApiPropertyOptional({ description: DAY_INPUT })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  startsOn?: string;

  @ApiPropertyOptional({ description: DAY_INPUT })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  endsOn?: string;

  @ApiPropertyOptional({ description: DAY_INPUT })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  baselineOn?: string;
}

export class CycleDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ format: 'date', description: 'Calendar day.' }) startsOn: string;
  @ApiProperty({ format: 'date', description: 'Calendar day.' }) endsOn: string;
  @ApiProperty({
    format: 'date',
    description: 'The day whose inventory of identified services is the baseline of share milestones.',
  })
  baselineOn: string;
  @ApiProperty({ description: 'Send it back with the next write (optimistic locking).' }) version: number;
  @ApiProperty({ type: [MilestoneDto], description: 'By sortOrder, then code.' }) milestones: MilestoneDto[];
}

export class CycleListDto {
  @ApiProperty({ type: [CycleDto], description: 'The earliest first.' }) items: CycleDto[];
}
