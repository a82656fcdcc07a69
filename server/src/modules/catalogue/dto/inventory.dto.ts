import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { IsDay, NormalizedDay, NormalizedInt, NormalizedText } from '../../../common/validation/input.js';
import { SERVICE_AUDIENCES, type ServiceAudience } from '../stages.js';

/**
 * A service's code within its agency, as the agencies write them (`S0001`, `tax-return`): letters, digits, . _ -.
 * The letter case is kept; two codes that differ only in case are one code.
 */
export const SERVICE_CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

const DAY_INPUT = 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits)';

/** A service entering an agency's inventory of identified services; it starts with no stage reached. */
export class CreateServiceDto {
  @ApiProperty({
    example: 'S0250',
    description: 'Unique within the agency (whatever the letter case); letters, digits, . _ -',
  })
  @NormalizedText()
  @IsString()
  @Matches(SERVICE_CODE_PATTERN)
  code: string;

  @ApiProperty({ example: 'صدور گواهی عدم سوء پیشینه' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  nameFa: string;

  @ApiProperty({ example: 'Certificate of no criminal record' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  nameEn: string;

  @ApiProperty({ enum: SERVICE_AUDIENCES })
  @NormalizedText()
  @IsIn(SERVICE_AUDIENCES)
  audience: ServiceAudience;

  @ApiProperty({
    example: '1401/07/10',
    description: `The day it entered the agency's inventory: ${DAY_INPUT}; not after today.`,
  })
  @NormalizedDay()
  @IsDay()
  identifiedOn: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One of the agency's systems, which carries the service." })
  @IsOptional()
  @IsUUID()
  systemId?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Why, for the audit trail (e.g. the letter that listed it).' })
  @IsOptional()
  @NormalizedText({ emptyAsUndefined: true })
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** A service leaving the inventory, at the version the client read. */
export class WithdrawServiceDto {
  @ApiProperty({ minimum: 1, description: 'The `version` as read; a stale version gets 409.' })
  @NormalizedInt()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ example: '1401/09/01', description: `${DAY_INPUT}; not before identifiedOn, not after today.` })
  @NormalizedDay()
  @IsDay()
  withdrawnOn: string;

  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'با خدمت دیگری ادغام شد' })
  @NormalizedText()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}

export class InventoryServiceDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() code: string;
  @ApiProperty() nameFa: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ enum: SERVICE_AUDIENCES }) audience: ServiceAudience;
  @ApiProperty({ format: 'date', description: "The day it entered the agency's inventory." }) identifiedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day it left the inventory.' })
  withdrawnOn: string | null;
  @ApiProperty({ type: String, nullable: true }) withdrawalReason: string | null;
  @ApiProperty({ description: 'Send it back with the next write (optimistic locking).' }) version: number;
}
