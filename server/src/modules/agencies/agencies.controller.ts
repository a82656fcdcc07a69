import { PublicRead } from '../../common/cache/read-cache.js';
import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { AgencyInvalidIdException } from './agencies.exception.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyDetailDto, AgencyListDto } from './dto/agency.dto.js';
import { ListAgenciesQuery } from './dto/list-agencies.query.js';

@ApiTags('agencies')
@Controller('v1/agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @Get()
  @PublicRead()
  @ApiOperation({ operationId: 'listAgencies', summary: 'Agencies, paginated, with search' })
  @ApiOkResponse({ type: AgencyListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED: details lists each field' })
  list(@Query() query: ListAgenciesQuery): Promise<AgencyListDto> {
    return this.agencies.list(query);
  }

  @Get(':id')
  @PublicRead()
  @ApiOperation({
    operationId: 'getAgency',
    summary: 'One agency with its parent, subordinate bodies, systems and stage counts',
  })
  @ApiOkResponse({ type: AgencyDetailDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'AGENCY_INVALID_ID: the id is not a UUID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'AGENCY_NOT_FOUND' })
  get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new AgencyInvalidIdException() })) id: string,
  ): Promise<AgencyDetailDto> {
    return this.agencies.findOne(id);
  }
}
