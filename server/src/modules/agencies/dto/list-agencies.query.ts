import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../../common/validation/page.query.js';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListAgenciesQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'Text to find in the Persian or English name; Persian and Arabic letter and digit forms match alike.',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;

  @ApiPropertyOptional({
    enum: ['main', 'all'],
    default: 'main',
    description: '`main`: the 170 main agencies; `all`: with subordinate bodies.',
  })
  @IsOptional()
  @IsIn(['main', 'all'])
  scope: 'main' | 'all' = 'main';
}
