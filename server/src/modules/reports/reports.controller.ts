import { Body, Controller, Get, Headers, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { matchesEtag, PublicRead } from '../../common/cache/read-cache.js';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import type { Actor, AuthUser } from '../auth/auth-user.js';
import { CurrentActor, CurrentUser, Roles } from '../auth/auth.decorators.js';
import { privateWhenSignedIn } from '../auth/private-when-signed-in.js';
import {
  ListWeeklyReportsQuery,
  ReviseWeeklyReportDto,
  RevisionQuery,
  WeeklyReportDto,
  WeeklyReportContentDto,
  WeeklyReportListDto,
  WeeklyReportRevisionParams,
  WeeklyReportRevisionsDto,
  WeeklyReportVerificationDto,
} from './dto/weekly-report.dto.js';
import { ATOM_CONTENT_TYPE } from './reports.feed.js';
import { ReportsService } from './reports.service.js';
import { verifyUrlOf } from './weekly-report.links.js';

/** A year, the longest `max-age` HTTP caches are asked to honour: a revision's bytes never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The `:week` path parameter, as every weekly-report route documents it (the exports too). */
export const WEEK_PARAM = {
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

  @Get(':week/revisions/:revision')
  @ApiParam(WEEK_PARAM)
  @ApiParam({ name: 'revision', example: 1, description: 'The revision: 1 as first published, then each correction.' })
  @ApiOperation({
    operationId: 'getWeeklyReportPermalink',
    summary: "A revision's permanent address: always the same bytes, whose SHA-256 is the published digest",
    description:
      "The canonical JSON (RFC 8785) of the revision's `content`, byte for byte what its digest was computed from: " +
      '`curl -s <this URL> | sha256sum` prints the digest (also the `ETag`, and in `Repr-Digest` per RFC 9530). ' +
      'A published revision never changes, so the answer may be cached for a year (`immutable`); while a ' +
      'revision is still under embargo only staff see it, and then privately.',
  })
  @ApiProduces('application/json')
  @ApiOkResponse({
    type: WeeklyReportContentDto,
    headers: {
      ETag: { description: 'The published digest (hex SHA-256 of these bytes), quoted.', schema: { type: 'string' } },
      'Cache-Control': {
        description: '`public, max-age=31536000, immutable`; `private, no-store` for staff during the embargo.',
        schema: { type: 'string' },
      },
      'Repr-Digest': { description: 'RFC 9530: `sha-256=:<base64>:` of these bytes.', schema: { type: 'string' } },
      'X-Content-SHA256': { description: 'The digest in hex, as `sha256sum` prints it.', schema: { type: 'string' } },
      Link: {
        description: 'The verify route (`rel="describedby"`) and this canonical address.',
        schema: { type: 'string' },
      },
    },
  })
  @ApiResponse({ status: 304, description: 'Not Modified: `If-None-Match` holds the digest; no body.' })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'REPORT_WEEK_INVALID, VALIDATION_FAILED (revision).' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'REPORT_NOT_FOUND: no such (visible) revision.' })
  @ApiConflictResponse({
    type: ErrorResponseDto,
    description: 'REPORT_CONTENT_ALTERED: the stored content no longer hashes to the published digest.',
  })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The `ETag` from before: 304 if unchanged.' })
  async permalink(
    @Param() params: WeeklyReportRevisionParams,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer | string> {
    const file = await this.reports.permalink(params.week, params.revision, viewer);
    const etag = `"${file.digest}"`;
    const canonical = `/api/v1/weekly-reports/${file.week}/revisions/${file.revision}`;
    void reply
      .header('content-type', 'application/json; charset=utf-8')
      .header('content-disposition', `inline; filename="weekly-report-${file.week}-r${file.revision}.json"`)
      .header('etag', etag)
      .header('cache-control', file.isPublic ? IMMUTABLE : 'private, no-store')
      .header('vary', 'Cookie, Authorization')
      .header('repr-digest', `sha-256=:${Buffer.from(file.digest, 'hex').toString('base64')}:`)
      .header('x-content-sha256', file.digest)
      .header(
        'link',
        `<${verifyUrlOf(file.week, file.revision)}>; rel="describedby"; title="sha256sum of these bytes = the digest", ` +
          `<${canonical}>; rel="canonical"`,
      );
    if (matchesEtag(ifNoneMatch, etag)) {
      void reply.code(304);
      return '';
    }
    return file.body;
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

/**
 * The Atom feed of published weekly reports: beside the reports' routes, at `weekly-reports.atom` (a static path,
 * which the router never confuses with `weekly-reports/:week`).
 */
@ApiTags('weekly-reports')
@Controller('v1')
export class ReportsFeedController {
  constructor(private readonly reports: ReportsService) {}

  @Get('weekly-reports.atom')
  @PublicRead()
  @ApiOperation({
    operationId: 'getWeeklyReportsFeed',
    summary: 'Atom 1.0 feed of published weekly reports, one entry per revision, newest first (at most 50)',
    description:
      'Persian titles and summaries (`xml:lang="fa"`), the same facts in English as each entry\'s `content`. Each ' +
      'entry links to the client page (`alternate`), the permalink (`related`), the verify route (`describedby`) ' +
      'and the CSV, XLSX and JSON exports of that revision (`enclosure`). Only what the public can read.',
  })
  @ApiProduces('application/atom+xml')
  @ApiOkResponse({
    description: 'The feed (RFC 4287).',
    content: { 'application/atom+xml': { schema: { type: 'string' } } },
  })
  async feed(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('content-type', ATOM_CONTENT_TYPE);
    return this.reports.feed();
  }
}
