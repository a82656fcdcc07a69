import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ROUND_STATUSES, type RoundStatus } from '../evaluation-round.entity.js';
import {
  CODE_PATTERN,
  DecimalMax,
  DecimalPositive,
  IsDay,
  IsDecimal2,
  NormalizedCode,
  NormalizedDay,
  NormalizedDecimal,
  NormalizedInt,
  NormalizedText,
} from '../../../common/validation/input.js';

export class CriterionInputDto {
  @ApiProperty({ example: 'availability', description: 'Unique within the round; lower-case letters, digits, . _ -' })
  @NormalizedCode()
  @IsString()
  @Matches(CODE_PATTERN)
  code: string;

  @ApiProperty({ example: 'دسترس‌پذیری و پایداری خدمات' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleFa: string;

  @ApiProperty({ example: 'Availability and reliability of services' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleEn: string;

  @ApiProperty({
    example: '25',
    description:
      'Exact decimal, > 0 and ≤ 100, at most two decimals; Persian/Arabic-Indic digits and ٫ accepted. The weights add up to exactly 100.',
  })
  @NormalizedDecimal()
  @IsDecimal2()
  @DecimalPositive()
  @DecimalMax('100.00')
  weight: string;
}

export class CreateRoundDto {
  @ApiProperty({ example: 'winter-1401', description: 'Unique; also the code of the round’s criteria set.' })
  @NormalizedCode()
  @IsString()
  @Matches(CODE_PATTERN)
  code: string;

  @ApiProperty({ example: 'ارزیابی کیفیت خدمات الکترونیکی، زمستان ۱۴۰۱' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleFa: string;

  @ApiProperty({ example: 'Quality of e-services, winter 1401' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titleEn: string;

  @ApiProperty({ example: '1401/10/01', description: 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits).' })
  @NormalizedDay()
  @IsDay()
  startsOn: string;

  @ApiProperty({ example: '1401/12/29', description: 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits); ≥ startsOn.' })
  @NormalizedDay()
  @IsDay()
  endsOn: string;

  @ApiProperty({ type: [CriterionInputDto], description: 'In display order; weights add up to exactly 100.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionInputDto)
  criteria: CriterionInputDto[];
}

/** The version the client read; the write is refused with 409 if the record changed since. */
export class VersionDto {
  @ApiProperty({ minimum: 1, example: 1 })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;
}

export class CriterionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ example: '25.00', description: 'Exact decimal.' }) weight: string;
  @ApiProperty() sortOrder: number;
}

export class RoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() titleFa: string;
  @ApiProperty() titleEn: string;
  @ApiProperty({ enum: ROUND_STATUSES }) status: RoundStatus;
  @ApiProperty({ format: 'date', description: 'Calendar day.' }) startsOn: string;
  @ApiProperty({ format: 'date', description: 'Calendar day.' }) endsOn: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) cycleId: string | null;
  @ApiProperty({ format: 'uuid' }) criteriaSetId: string;
  @ApiProperty() criteriaSetCode: string;
  @ApiProperty({ type: [CriterionDto], description: 'In display order.' }) criteria: CriterionDto[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RoundListDto {
  @ApiProperty({ type: [RoundDto], description: 'Newest first.' }) items: RoundDto[];
}
