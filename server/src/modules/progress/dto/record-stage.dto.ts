import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { RECORDABLE_STAGES, type RecordableStage } from '../progress-rules.js';
import { IsDay, NormalizedDay, NormalizedInt, NormalizedText } from '../../../common/validation/input.js';

/** A service or a system reached a stage on a day. */
export class RecordStageDto {
  @ApiProperty({ minimum: 1, description: 'The `version` as read; a stale version gets 409.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({
    enum: RECORDABLE_STAGES,
    description: 'A later stage implies the earlier ones: an earlier stage not yet reached gets the same day.',
  })
  @NormalizedText({ emptyAsUndefined: true })
  @IsIn(RECORDABLE_STAGES)
  stage: RecordableStage;

  @ApiProperty({
    example: '1401/06/15',
    description: 'The day it happened: ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD`, any digits; not after today.',
  })
  @NormalizedDay()
  @IsDay()
  reachedOn: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @NormalizedText({ emptyAsUndefined: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
