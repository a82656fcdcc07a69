import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NormalizedInt } from './input.js';

/** The last page a list may be asked for: far past any list we hold, and an offset PostgreSQL can take. */
export const MAX_PAGE = 1_000_000;

/** The fields every paginated list query shares. */
export interface Page {
  page: number;
  pageSize: number;
}

/**
 * The base of a paginated list query whose `pageSize` may go up to `maxPageSize`: `page` (1 to `MAX_PAGE`) and
 * `pageSize` (default 50), typed in any digits; the OpenAPI document shows the maximums. Call it once per maximum, at
 * module level (`class X extends pageQuery(500) {}`): each call makes a new class.
 */
export function pageQuery(maxPageSize: number): new () => Page {
  class PageQueryOf implements Page {
    @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1 })
    @IsOptional()
    @NormalizedInt()
    @IsInt()
    @Min(1)
    @Max(MAX_PAGE)
    page: number = 1;

    @ApiPropertyOptional({ minimum: 1, maximum: maxPageSize, default: 50 })
    @IsOptional()
    @NormalizedInt()
    @IsInt()
    @Min(1)
    @Max(maxPageSize)
    pageSize: number = 50;
  }
  return PageQueryOf;
}

/** `page` (1-based) and `pageSize` (1–200): the base of every paginated list query unless it says otherwise. */
export class PageQuery extends pageQuery(200) {}
