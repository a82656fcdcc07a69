import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsUUID } from 'class-validator';
import { DecimalMax, IsDecimal2 } from '../../../common/validation/input.js';
import { readScoreValue, SCORE_MAX } from '../scores.rules.js';

/**
 * A criterion score read by the one rule of scores (`readScoreValue`, which the spreadsheet import uses too) into
 * its canonical form; a value it refuses is left as it is, for the validators beside it to say what is wrong.
 */
const NormalizedScore = () =>
  Transform(({ value }: { value: unknown }) => {
    const read = readScoreValue(value);
    return read.ok ? read.value : value;
  });

export class CriterionScoreInputDto {
  @ApiProperty({ format: 'uuid', description: 'A criterion of the round’s criteria set.' })
  @IsUUID()
  criterionId: string;

  @ApiProperty({
    example: '27.7',
    description: '0 to 100, at most two decimals; "26.07", "۲۶٫۰۷" and "٢٦٫٠٧" are the same value.',
  })
  @NormalizedScore()
  @IsDecimal2()
  @DecimalMax(SCORE_MAX)
  value: string;
}
