import { PublicRead } from '../../common/cache/read-cache.js';
import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { privateWhenSignedIn } from '../auth/private-when-signed-in.js';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { AgencyInvalidIdException } from '../agencies/agencies.exception.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { AgencyProgressDto } from './dto/agency-progress.dto.js';
import { AgencyProgressQuery } from './dto/agency-progress.query.js';
import {
  ListAgencyServicesQuery,
  ServiceDto,
  ServiceListDto,
  SystemListDto,
  SystemStageResultDto,
} from './dto/agency-services.dto.js';
import { RecordAgencyProgressDto } from './dto/record-agency-progress.dto.js';
import { RecordStageDto } from './dto/record-stage.dto.js';
import { ServiceInvalidIdException, SystemInvalidIdException } from './progress.exception.js';
import { ProgressService } from './progress.service.js';

const agencyId = () => new ParseUUIDPipe({ exceptionFactory: () => new AgencyInvalidIdException() });

@ApiTags('progress')
@Controller('v1')
export class ProgressController {
  constructor(private readonly progress: ProgressService) {}

  @Get('agencies/:id/progress')
  @PublicRead()
  @ApiOperation({
    operationId: 'getAgencyProgress',
    summary: "An agency's connection progress: current days, version and ledger (newest first)",
  })
  @ApiOkResponse({ type: AgencyProgressDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'AGENCY_INVALID_ID, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  getAgencyProgress(
    @Param('id', agencyId()) id: string,
    @Query() query: AgencyProgressQuery,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AgencyProgressDto> {
    privateWhenSignedIn(reply, viewer);
    return this.progress.getAgencyProgress(id, viewer, query.serviceEventLimit);
  }

  @Post('agencies/:id/progress')
  @HttpCode(200)
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'recordAgencyProgress',
    summary: 'Record (or correct) the day an agency launched its single window or connected to the national window',
  })
  @ApiOkResponse({ type: AgencyProgressDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, PROGRESS_DATES_OUT_OF_ORDER, DATE_IN_FUTURE, AGENCY_INVALID_ID',
  })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT: details.current has the values now.' })
  recordAgencyProgress(
    @Param('id', agencyId()) id: string,
    @Body() body: RecordAgencyProgressDto,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyProgressDto> {
    return this.progress.recordAgencyProgress(id, body, actor);
  }

  @Get('agencies/:id/services')
  @PublicRead()
  @ApiOperation({ operationId: 'listAgencyServices', summary: "An agency's services with their stage days" })
  @ApiOkResponse({ type: ServiceListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'AGENCY_INVALID_ID, VALIDATION_FAILED' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  listAgencyServices(
    @Param('id', agencyId()) id: string,
    @Query() query: ListAgencyServicesQuery,
  ): Promise<ServiceListDto> {
    return this.progress.listAgencyServices(id, query);
  }

  @Get('agencies/:id/systems')
  @PublicRead()
  @ApiOperation({ operationId: 'listAgencySystems', summary: "An agency's systems with their stage days" })
  @ApiOkResponse({ type: SystemListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'AGENCY_INVALID_ID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  listAgencySystems(@Param('id', agencyId()) id: string): Promise<SystemListDto> {
    return this.progress.listAgencySystems(id);
  }

  @Post('services/:id/stage')
  @HttpCode(200)
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'recordServiceStage',
    summary: 'Record (or correct) the day a service reached a stage; earlier stages not yet reached get the same day',
  })
  @ApiOkResponse({ type: ServiceDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, STAGE_DATES_OUT_OF_ORDER, DATE_IN_FUTURE, SERVICE_INVALID_ID',
  })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT: details.current has the values now.' })
  recordServiceStage(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ServiceInvalidIdException() })) id: string,
    @Body() body: RecordStageDto,
    @CurrentActor() actor: Actor,
  ): Promise<ServiceDto> {
    return this.progress.recordServiceStage(id, body, actor);
  }

  @Post('systems/:id/stage')
  @HttpCode(200)
  @Roles('evaluator', 'admin')
  @ApiOperation({
    operationId: 'recordSystemStage',
    summary: 'Record the day a system reached a stage: its services that had not reached it reach it the same day',
  })
  @ApiOkResponse({ type: SystemStageResultDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, STAGE_DATES_OUT_OF_ORDER (details.services), DATE_IN_FUTURE, SYSTEM_INVALID_ID',
  })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'VERSION_CONFLICT: details.current has the values now.' })
  recordSystemStage(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new SystemInvalidIdException() })) id: string,
    @Body() body: RecordStageDto,
    @CurrentActor() actor: Actor,
  ): Promise<SystemStageResultDto> {
    return this.progress.recordSystemStage(id, body, actor);
  }
}
