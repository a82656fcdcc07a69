import { ApiProperty } from '@nestjs/swagger';
import { LocalizedTextDto } from '../../../common/errors/error-response.dto.js';

export class MetaDto {
  @ApiProperty({ description: 'True when the database holds the generated demonstration data set.' }) demoData: boolean;
  @ApiProperty({ type: LocalizedTextDto }) notice: LocalizedTextDto;
  @ApiProperty() version: string;
}
