import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../../common/validation/page.query.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { SCORE_STATUSES, type ScoreStatus } from '../score.entity.js';
import { VersionDto } from './round.dto.js';
import { CriterionScoreInputDto } from './score-input.dto.js';
import { NormalizedText } from '../../../common/validation/input.js';

export class UpdateScoreDto extends VersionDto {
  @ApiProperty({ type: [CriterionScoreInputDto], description: 'Every criterion of the round exactly once.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInputDto)
  criterionScores: CriterionScoreInputDto[];

  @ApiPropertyOptional({
    description:
      'Why it changed. Required for a correction (admin only): a score of a closed round, or a reviewed/final score.',
  })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ListScoresQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;

  @ApiPropertyOptional({ enum: SCORE_STATUSES, description: 'The public sees final scores only.' })
  @IsOptional()
  @IsIn(SCORE_STATUSES)
  status?: ScoreStatus;
}

export class CriterionScoreDto {
  @ApiProperty({ format: 'uuid' }) criterionId: string;
  @ApiProperty() code: string;
  @ApiProperty({ example: '27.70', description: 'Exact decimal, 0–100.' }) value: string;
}

export class ScoreDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundCode: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() agencyNameFa: string;
  @ApiProperty() agencyNameEn: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) sessionId: string | null;
  @ApiProperty({
    example: '26.07',
    description: 'round(Σ weight × value / 100, 2), exact decimal out of 100.',
  })
  total: string;
  @ApiProperty({ enum: SCORE_STATUSES }) status: ScoreStatus;
  @ApiProperty({ type: [CriterionScoreDto], description: 'In the criteria’s display order.' })
  criterionScores: CriterionScoreDto[];
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Username; signed-in users only.' })
  submittedBy?: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'Username; signed-in users only.' })
  reviewedBy?: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reviewedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finalisedAt: string | null;
  @ApiProperty({ description: 'Changed after the round closed or after review, by an admin with a reason.' })
  isCorrection: boolean;
  @ApiProperty({ type: String, nullable: true }) correctionReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class ScoreListDto {
  @ApiProperty({ type: [ScoreDto] }) items: ScoreDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
