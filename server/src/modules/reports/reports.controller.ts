import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRead } from '../../common/cache/read-cache.js';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { privateWhenSignedIn } from '../auth/private-when-signed-in.js';
import {
  ListWeeklyReportsQuery,
  ReviseWeeklyReportDto,
  RevisionQuery,
  WeeklyReportDto,
  WeeklyReportListDto,
  WeeklyReportRevisionsDto,
  WeeklyReportVerificationDto,
} from './dto/weekly-report.dto.js';
import { ReportsService } from './reports.service.js';

const WEEK_PARAM = {
  name: 'week',
  example: '1401-06-26',
  description:
    'The week: the Jalali day of its Saturday (`1401-06-26`); any day of the week, in either calendar, also finds it.',
};

@ApiTags('weekly-reports')
@Controller('v1/weekly-reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get()
  @PublicRead()
  @ApiOperation({ operationId: 'listWeeklyReports', summary: 'Published weekly reports, newest week first' })
  @ApiOkResponse({ type: WeeklyReportListDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  list(
    @Query() query: ListWeeklyReportsQuery,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyReportListDto> {
    privateWhenSignedIn(reply, viewer);
    return this.reports.list(query, viewer);
  }

  @Get('latest')
  @PublicRead()
  @ApiOperation({ operationId: 'getLatestWeeklyReport', summary: 'The newest published weekly report' })
  @ApiOkResponse({ type: WeeklyReportDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  latest(
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyReportDto> {
    privateWhenSignedIn(reply, viewer);
    return this.reports.latest(viewer);
  }

  @Get(':week')
  @PublicRead()
  @ApiParam(WEEK_PARAM)
  @ApiOperation({
    operationId: 'getWeeklyReport',
    summary: "A week's report (its newest revision, or the one asked for)",
  })
  @ApiOkResponse({ type: WeeklyReportDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  get(
    @Param('week') week: string,
    @Query() query: RevisionQuery,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyReportDto> {
    privateWhenSignedIn(reply, viewer);
    return this.reports.get(week, query.revision, viewer);
  }

  @Get(':week/revisions')
  @PublicRead()
  @ApiParam(WEEK_PARAM)
  @ApiOperation({
    operationId: 'listWeeklyReportRevisions',
    summary: "Every revision of a week's report, newest first",
  })
  @ApiOkResponse({ type: WeeklyReportRevisionsDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  revisions(
    @Param('week') week: string,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyReportRevisionsDto> {
    privateWhenSignedIn(reply, viewer);
    return this.reports.revisions(week, viewer);
  }

  @Get(':week/verify')
  @PublicRead()
  @ApiParam(WEEK_PARAM)
  @ApiOperation({
    operationId: 'verifyWeeklyReport',
    summary: 'Recomputes the digest of the stored content and compares it with the published one',
  })
  @ApiOkResponse({ type: WeeklyReportVerificationDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  verify(
    @Param('week') week: string,
    @Query() query: RevisionQuery,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WeeklyReportVerificationDto> {
    privateWhenSignedIn(reply, viewer);
    return this.reports.verify(week, query.revision, viewer);
  }

  @Post(':week/revisions')
  @Roles('admin')
  @ApiParam(WEEK_PARAM)
  @ApiOperation({
    operationId: 'reviseWeeklyReport',
    summary: "Corrects a week's report: computes it again from today's data as a new revision, with a reason",
  })
  @ApiCreatedResponse({ type: WeeklyReportDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  @ApiUnprocessableEntityResponse({ type: ErrorResponseDto })
  revise(
    @Param('week') week: string,
    @Body() body: ReviseWeeklyReportDto,
    @CurrentActor() actor: Actor,
  ): Promise<WeeklyReportDto> {
    return this.reports.revise(week, body.reason, actor);
  }
}
