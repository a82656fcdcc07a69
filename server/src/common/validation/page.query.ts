import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NormalizedInt } from './input.js';

/** `page` (1-based) and `pageSize` (1–200), typed in any digits; the base of every paginated list query. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}
