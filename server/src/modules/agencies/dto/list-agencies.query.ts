import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { normalizeText } from '../../../common/text/normalize-text.js';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\s*[0-9۰-۹٠-٩]+\s*$/.test(value) ? Number(normalizeText(value)) : value;

export class ListAgenciesQuery {
  @ApiPropertyOptional({
    description: 'Text to find in the Persian or English name; Persian and Arabic letter and digit forms match alike.',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;

  @ApiPropertyOptional({
    enum: ['main', 'all'],
    default: 'main',
    description: '`main`: the 170 main agencies; `all`: with subordinate bodies.',
  })
  @IsOptional()
  @IsIn(['main', 'all'])
  scope: 'main' | 'all' = 'main';
}
