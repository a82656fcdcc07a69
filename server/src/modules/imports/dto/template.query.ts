import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { normalizeText } from '../../../common/text/normalize-text.js';

export class TemplateQuery {
  @ApiPropertyOptional({
    description: 'scores: the round whose criteria make the columns; default the newest open round, else the newest.',
    maxLength: 64,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? normalizeText(value) || undefined : value))
  @IsString()
  @MaxLength(64)
  roundCode?: string;
}
