import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { DecimalMax, IsDecimal2, NormalizedDecimal } from '../../../common/validation/input.js';

export class CriterionScoreInputDto {
  @ApiProperty({ format: 'uuid', description: 'A criterion of the round’s criteria set.' })
  @IsUUID()
  criterionId: string;

  @ApiProperty({
    example: '27.7',
    description: '0 to 100, at most two decimals; "26.07", "۲۶٫۰۷" and "٢٦٫٠٧" are the same value.',
  })
  @NormalizedDecimal()
  @IsDecimal2()
  @DecimalMax('100.00')
  value: string;
}
