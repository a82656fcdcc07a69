import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRead } from '../../common/cache/read-cache.js';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { AgencyInvalidIdException } from '../agencies/agencies.exception.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { privateWhenSignedIn } from '../auth/private-when-signed-in.js';
import {
  AgencyResponseDto,
  AgencyResponseListDto,
  ListResponsesQuery,
  PublicResponseListDto,
  PublishResponseDto,
  RecordResponseDto,
  RequestResponseDto,
  UpdateResponseDto,
  WeekResponsesDto,
  WithdrawResponseDto,
} from './dto/response.dto.js';
import { ResponseInvalidIdException } from './responses.exception.js';
import { ResponsesService } from './responses.service.js';

function ResponseId(): ParameterDecorator {
  return Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ResponseInvalidIdException() }));
}

const RESPONSE_ID_PARAM = { name: 'id', format: 'uuid', description: "The response's (or request's) id." };
const VERSION_CONFLICT = 'VERSION_CONFLICT (details.current: the response as it is now)';

/**
 * The right of reply (جوابیه). Admins record requests and replies and publish them; the public reads, per agency
 * and per weekly report, the published replies and the requests not answered yet.
 */
@ApiTags('responses')
@Controller('v1')
export class ResponsesController {
  constructor(private readonly responses: ResponsesService) {}

  @Get('agencies/:id/responses')
  @PublicRead()
  @ApiParam({ name: 'id', format: 'uuid', description: "The agency's id." })
  @ApiOperation({
    operationId: 'listAgencyResponses',
    summary:
      "An agency's published replies (about itself, a weekly report or a score) and the requests it has not answered yet, newest first",
  })
  @ApiOkResponse({ type: PublicResponseListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'AGENCY_INVALID_ID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'AGENCY_NOT_FOUND' })
  ofAgency(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new AgencyInvalidIdException() })) id: string,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicResponseListDto> {
    privateWhenSignedIn(reply, viewer);
    return this.responses.ofAgency(id, viewer);
  }

  @Get('weekly-reports/:week/responses')
  @PublicRead()
  @ApiParam({
    name: 'week',
    example: '1401-06-26',
    description:
      'The week: the Jalali day of its Saturday (`1401-06-26`); any day of the week, in either calendar, also finds it.',
  })
  @ApiOperation({
    operationId: 'listWeeklyReportResponses',
    summary: "Agencies' published replies to a week's report (any revision) and the requests not answered yet",
  })
  @ApiOkResponse({ type: WeekResponsesDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'REPORT_WEEK_INVALID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'REPORT_NOT_FOUND: no report of that week is public' })
  ofWeek(
    @Param('week') week: string,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeekResponsesDto> {
    privateWhenSignedIn(reply, viewer);
    return this.responses.ofWeek(week, viewer);
  }

  @Get('responses')
  @Roles('admin')
  @ApiOperation({
    operationId: 'listResponses',
    summary: 'Every reply and request in every state, newest first, paginated (admin)',
  })
  @ApiOkResponse({ type: AgencyResponseListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED' })
  list(@Query() query: ListResponsesQuery): Promise<AgencyResponseListDto> {
    return this.responses.list(query);
  }

  @Get('responses/:id')
  @Roles('admin')
  @ApiParam(RESPONSE_ID_PARAM)
  @ApiOperation({ operationId: 'getResponse', summary: 'One reply or request, in any state (admin)' })
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'RESPONSE_INVALID_ID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RESPONSE_NOT_FOUND' })
  get(@ResponseId() id: string): Promise<AgencyResponseDto> {
    return this.responses.find(id);
  }

  @Post('responses/requests')
  @Roles('admin')
  @ApiOperation({
    operationId: 'requestResponse',
    summary:
      'Record that an agency was asked for its reply about itself, a weekly report or a score; shown as "no response yet" (admin)',
  })
  @ApiCreatedResponse({ type: AgencyResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED, RESPONSE_SUBJECT_INVALID, RESPONSE_DATE_IN_FUTURE',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'RESPONSE_AGENCY_UNKNOWN, RESPONSE_REPORT_INVALID, RESPONSE_SCORE_INVALID',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'RESPONSE_ALREADY_REQUESTED (details.response.id: the open request)',
  })
  request(@Body() body: RequestResponseDto, @CurrentActor() actor: Actor): Promise<AgencyResponseDto> {
    return this.responses.request(body, actor);
  }

  @Post('responses')
  @Roles('admin')
  @ApiOperation({
    operationId: 'recordResponse',
    summary: 'Record a reply received without an open request, as a draft (admin)',
  })
  @ApiCreatedResponse({ type: AgencyResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'VALIDATION_FAILED, RESPONSE_SUBJECT_INVALID, RESPONSE_DATE_IN_FUTURE, RESPONSE_RECEIVED_BEFORE_REQUESTED',
  })
  @ApiUnprocessableEntityResponse({
    type: ErrorResponseDto,
    description: 'RESPONSE_AGENCY_UNKNOWN, RESPONSE_REPORT_INVALID, RESPONSE_SCORE_INVALID',
  })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'RESPONSE_ALREADY_REQUESTED: complete the open request (details.response.id) instead',
  })
  record(@Body() body: RecordResponseDto, @CurrentActor() actor: Actor): Promise<AgencyResponseDto> {
    return this.responses.record(body, actor);
  }

  @Patch('responses/:id')
  @Roles('admin')
  @ApiParam(RESPONSE_ID_PARAM)
  @ApiOperation({
    operationId: 'updateResponse',
    summary:
      'Record the reply received to a request (receivedOn and bodyFa make it a draft), or edit a draft, at the version read (admin)',
  })
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description:
      'VALIDATION_FAILED, RESPONSE_INVALID_ID, RESPONSE_NOT_RECEIVED (receivedOn or bodyFa missing), RESPONSE_DATE_IN_FUTURE, RESPONSE_RECEIVED_BEFORE_REQUESTED',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RESPONSE_NOT_FOUND' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: `${VERSION_CONFLICT}, or RESPONSE_NOT_EDITABLE` })
  update(
    @ResponseId() id: string,
    @Body() body: UpdateResponseDto,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyResponseDto> {
    return this.responses.update(id, body, actor);
  }

  @Post('responses/:id/publish')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam(RESPONSE_ID_PARAM)
  @ApiOperation({
    operationId: 'publishResponse',
    summary: 'Publish a received reply beside what it answers; published replies are not changed again (admin)',
  })
  @ApiOkResponse({ type: AgencyResponseDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, RESPONSE_INVALID_ID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RESPONSE_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: `${VERSION_CONFLICT}, RESPONSE_NOT_RECEIVED (still a request) or RESPONSE_NOT_EDITABLE (already published)`,
  })
  publish(
    @ResponseId() id: string,
    @Body() body: PublishResponseDto,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyResponseDto> {
    return this.responses.publish(id, body.version, actor);
  }

  @Post('responses/:id/withdraw')
  @HttpCode(204)
  @Roles('admin')
  @ApiParam(RESPONSE_ID_PARAM)
  @ApiOperation({
    operationId: 'withdrawResponse',
    summary: 'Withdraw a request made in error, or delete a draft; the audit trail keeps it (admin)',
  })
  @ApiNoContentResponse({ description: 'Withdrawn.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED, RESPONSE_INVALID_ID' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'RESPONSE_NOT_FOUND' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: `${VERSION_CONFLICT}, or RESPONSE_NOT_EDITABLE (a published reply stays)`,
  })
  withdraw(@ResponseId() id: string, @Body() body: WithdrawResponseDto, @CurrentActor() actor: Actor): Promise<void> {
    return this.responses.withdraw(id, body, actor);
  }
}
