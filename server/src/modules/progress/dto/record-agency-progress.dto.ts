import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min, ValidateIf } from 'class-validator';
import { AGENCY_PROGRESS_KINDS, type AgencyProgressKind } from '../../agencies/agency-progress-event.entity.js';
import { IsDay, IsHttpUrl, NormalizedDay, NormalizedInt, NormalizedText } from '../../../common/validation/input.js';

export class RecordAgencyProgressDto {
  @ApiProperty({ minimum: 1, description: "The agency's `version` as read; a stale version gets 409." })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ enum: AGENCY_PROGRESS_KINDS })
  @NormalizedText({ emptyAsUndefined: true })
  @IsIn(AGENCY_PROGRESS_KINDS)
  kind: AgencyProgressKind;

  @ApiProperty({
    example: '1401/06/15',
    description:
      'The day it happened (not the day typed): ISO `YYYY-MM-DD` or Jalali `YYYY/MM/DD`, any digits; not after today.',
  })
  @NormalizedDay()
  @IsDay()
  occurredOn: string;

  @ApiPropertyOptional({
    example: 'https://my.example.gov.ir',
    maxLength: 2000,
    description: "The single window's http(s) address: required for `single_window_launched`.",
  })
  @NormalizedText({ emptyAsUndefined: true })
  @ValidateIf((o: RecordAgencyProgressDto) => o.kind === 'single_window_launched' || o.url !== undefined)
  @IsString()
  @MaxLength(2000)
  @IsHttpUrl()
  url?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Where the information came from; shown to signed-in users.' })
  @NormalizedText({ emptyAsUndefined: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
