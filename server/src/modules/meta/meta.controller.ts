import { PublicRead } from '../../common/cache/read-cache.js';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetaDto } from './dto/meta.dto.js';
import { MetaService } from './meta.service.js';

@ApiTags('meta')
@Controller('v1/meta')
export class MetaController {
  constructor(private readonly meta: MetaService) {}

  @Get()
  @PublicRead()
  @ApiOperation({
    operationId: 'getMeta',
    summary: 'About the data: whether it is demonstration data, its notice, the server version',
  })
  @ApiOkResponse({ type: MetaDto })
  get(): Promise<MetaDto> {
    return this.meta.get();
  }
}
