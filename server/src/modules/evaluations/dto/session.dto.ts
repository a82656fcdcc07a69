import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '../../../common/validation/page.query.js';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VersionDto } from './round.dto.js';
import { CriterionScoreInputDto } from './score-input.dto.js';
import { ScoreDto } from './score.dto.js';
import { IsDay, NormalizedDay, NormalizedMultiline, NormalizedText } from '../../../common/validation/input.js';

export class RepresentativeDto {
  @ApiProperty({ example: 'نماینده معرفی‌شده دستگاه' })
  @NormalizedText()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'مسئول فناوری اطلاعات' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(200)
  title?: string;
}

export class CreateSessionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roundId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;

  @ApiProperty({
    example: '1401/04/05',
    description: 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits); within the round’s dates.',
  })
  @NormalizedDay()
  @IsDay()
  heldOn: string;

  @ApiProperty({ type: [RepresentativeDto], description: 'The agency’s designated representatives present.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  representatives: RepresentativeDto[];

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    description: 'Users (evaluator or admin) present; default: the signed-in user.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evaluatorIds?: string[];

  @ApiPropertyOptional({ description: 'Public summary of the session.', maxLength: 10000 })
  @IsOptional()
  @NormalizedMultiline()
  @IsString()
  @MaxLength(10000)
  notes?: string;

  @ApiPropertyOptional({ description: 'For the ministry and the cabinet only; never public.', maxLength: 10000 })
  @IsOptional()
  @NormalizedMultiline()
  @IsString()
  @MaxLength(10000)
  internalNotes?: string;

  @ApiPropertyOptional({
    type: [CriterionScoreInputDto],
    description:
      'The agency’s criterion scores for the round, every criterion exactly once. Creates the score as a draft linked to this session, or updates it if it is still a draft.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInputDto)
  scores?: CriterionScoreInputDto[];

  @ApiPropertyOptional({ description: 'Required (admin only) when the round is closed: the correction’s reason.' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class UpdateSessionDto extends VersionDto {
  @ApiPropertyOptional({ example: '1401/04/05', description: 'ISO YYYY-MM-DD or Jalali YYYY/MM/DD (any digits).' })
  @IsOptional()
  @NormalizedDay()
  @IsDay()
  heldOn?: string;

  @ApiPropertyOptional({ type: [RepresentativeDto], description: 'Replaces the list.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  representatives?: RepresentativeDto[];

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @NormalizedMultiline()
  @IsString()
  @MaxLength(10000)
  notes?: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @NormalizedMultiline()
  @IsString()
  @MaxLength(10000)
  internalNotes?: string;

  @ApiPropertyOptional({ description: 'Required (admin only) when the round is closed: the correction’s reason.' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ListSessionsQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() roundId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() agencyId?: string;
}

export class SessionEvaluatorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

export class RepresentativeResponseDto {
  @ApiProperty() name: string;
  @ApiPropertyOptional() title?: string;
}

export class SessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) roundId: string;
  @ApiProperty() roundCode: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyCode: string;
  @ApiProperty() agencyNameFa: string;
  @ApiProperty() agencyNameEn: string;
  @ApiProperty({ format: 'date', description: 'Calendar day.' }) heldOn: string;
  @ApiProperty({ type: [RepresentativeResponseDto] }) representatives: RepresentativeResponseDto[];
  @ApiProperty({ description: 'Public summary.' }) notes: string;
  @ApiPropertyOptional({ description: 'Signed-in users only; absent for the public.' }) internalNotes?: string;
  @ApiPropertyOptional({ type: [SessionEvaluatorDto], description: 'Signed-in users only; absent for the public.' })
  evaluators?: SessionEvaluatorDto[];
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Username of who recorded it; signed-in users only.',
  })
  createdBy?: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class SessionListDto {
  @ApiProperty({ type: [SessionDto] }) items: SessionDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class CreateSessionResponseDto {
  @ApiProperty({ type: SessionDto }) session: SessionDto;
  @ApiPropertyOptional({ type: ScoreDto, description: 'The agency’s score, when `scores` were given.' })
  score?: ScoreDto;
}
