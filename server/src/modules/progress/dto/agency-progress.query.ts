import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { NormalizedInt } from '../../../common/validation/input.js';

export class AgencyProgressQuery {
  @ApiPropertyOptional({ minimum: 0, maximum: 500, default: 50, description: 'How many service-ledger rows.' })
  @IsOptional()
  @NormalizedInt()
  @IsInt()
  @Min(0)
  @Max(500)
  serviceEventLimit: number = 50;
}
