import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class LocalizedTextDto {
  @ApiProperty() fa: string;
  @ApiProperty() en: string;
}

export class ErrorResponseDto {
  @ApiProperty() statusCode: number;
  @ApiProperty({ description: 'Stable machine-readable code, e.g. AGENCY_NOT_FOUND' }) error: string;
  @ApiProperty({ type: LocalizedTextDto }) message: LocalizedTextDto;
  @ApiPropertyOptional({ description: 'Per-field problems for validation errors' }) details?: unknown;
  @ApiPropertyOptional() requestId?: string;
}
