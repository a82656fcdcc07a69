import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PublicRead } from '../../common/cache/read-cache.js';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { AgencyInvalidIdException } from '../agencies/agencies.exception.js';
import { ComplianceService } from './compliance.service.js';
import {
  AgencyComplianceDto,
  AsOfQuery,
  HistoryDto,
  HistoryQuery,
  OverviewDto,
  OverviewQuery,
  RankingsDto,
  RankingsQuery,
} from './dto/compliance.dto.js';

@ApiTags('compliance')
@Controller('v1')
export class ComplianceController {
  constructor(private readonly compliance: ComplianceService) {}

  @Get('overview')
  @PublicRead()
  @ApiOperation({
    operationId: 'getOverview',
    summary: 'How many agencies are connected and where each milestone stands, on a day',
  })
  @ApiOkResponse({ type: OverviewDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  overview(@Query() query: OverviewQuery): Promise<OverviewDto> {
    return this.compliance.overview(query);
  }

  @Get('overview/history')
  @PublicRead()
  @ApiOperation({
    operationId: 'getOverviewHistory',
    summary: 'Week by week to a day: agencies with a single window, agencies connected, and services by stage',
  })
  @ApiOkResponse({ type: HistoryDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  history(@Query() query: HistoryQuery): Promise<HistoryDto> {
    return this.compliance.history(query);
  }

  @Get('rankings')
  @PublicRead()
  @ApiOperation({
    operationId: 'getRankings',
    summary: 'Agencies ranked by score or progress on a day, with movement since the week before and flags',
  })
  @ApiOkResponse({ type: RankingsDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  rankings(@Query() query: RankingsQuery): Promise<RankingsDto> {
    return this.compliance.rankings(query);
  }

  @Get('agencies/:id/compliance')
  @PublicRead()
  @ApiOperation({
    operationId: 'getAgencyCompliance',
    summary: "One agency's status on each milestone on a day, with its baseline of identified services",
  })
  @ApiOkResponse({ type: AgencyComplianceDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  agency(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new AgencyInvalidIdException() })) id: string,
    @Query() query: AsOfQuery,
  ): Promise<AgencyComplianceDto> {
    return this.compliance.agency(id, query.asOf);
  }
}
