import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res, StreamableFile, type Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
  type HeaderObject,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { normalisedUrl, PublicRead } from '../../common/cache/read-cache.js';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { contentDisposition } from '../../common/spreadsheet/content-disposition.js';
import { AgencyInvalidIdException } from '../agencies/agencies.exception.js';
import {
  AgenciesExportDto,
  AgencyServicesExportDto,
  RankingsExportDto,
  ServicesExportDto,
  WeeklyReportExportDto,
} from './dto/export-json.dto.js';
import {
  AgenciesExportQuery,
  AgencyServicesExportQuery,
  RankingsExportQuery,
  ServicesExportQuery,
  WeeklyReportExportQuery,
} from './dto/export.query.js';
import { CONTENT_TYPES, type ExportBytes, type ExportFile } from './exports.format.js';
import { ExportsService } from './exports.service.js';
import { WEEK_PARAM } from '../reports/reports.controller.js';

const FILE = { type: 'string', format: 'binary' } as const;

/** The 200 of an export: CSV, XLSX or JSON (documented by `json`), with the file name. */
function ApiExportResponse(json: Type<unknown>, what: string, headers: Record<string, HeaderObject> = {}) {
  return ApiOkResponse({
    description: `${what}. \`Content-Disposition: attachment\` with an ASCII \`filename\` (the Jalali day in it, e.g. \`rankings-1401-05-31.xlsx\`) and the Persian name as RFC 5987 \`filename*\`.`,
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="…"; filename*=UTF-8\'\'…',
        schema: { type: 'string' },
      },
      ...headers,
    },
    content: {
      [CONTENT_TYPES.csv]: { schema: FILE },
      [CONTENT_TYPES.xlsx]: { schema: FILE },
      'application/json': { schema: { $ref: getSchemaPath(json) } },
    },
  });
}

/**
 * The caching headers of a streamed file that is tagged: the tag comes from the data version, not from the bytes
 * (which are never held), so it changes whenever the file could.
 */
const STREAMED_TAG_HEADERS: Record<string, HeaderObject> = {
  ETag: {
    description:
      'A strong tag of this file: of this server instance, the data version, the day and the query. Send it back in `If-None-Match` to revalidate',
    schema: { type: 'string', example: '"q3J1b0k8Zl5mYXN0aWZ5LWNhY2hlLXRhZw"' },
  },
  'Cache-Control': { description: 'Revalidate before reuse', schema: { type: 'string', example: 'public, no-cache' } },
};

const PRODUCES = ['text/csv', CONTENT_TYPES.xlsx, 'application/json'];

/**
 * Downloads for the press and for programs: the rankings, the agency list, an agency's services, every agency's
 * services and a weekly report, each as CSV, XLSX or JSON. Public data only, whoever asks.
 */
@ApiTags('exports')
@ApiExtraModels(RankingsExportDto, AgenciesExportDto, AgencyServicesExportDto, ServicesExportDto, WeeklyReportExportDto)
@Controller('v1')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('rankings/export')
  @PublicRead()
  @ApiOperation({
    operationId: 'exportRankings',
    summary: 'The rankings as a file (every row, the filters and sort of GET /rankings), with official responses',
  })
  @ApiProduces(...PRODUCES)
  @ApiExportResponse(RankingsExportDto, 'The rankings, in the order and with the figures of `GET /api/v1/rankings`')
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED: a format, language or filter.' })
  async rankings(
    @Query() query: RankingsExportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return whole(reply, await this.exports.rankings(query, normalisedUrl(request.url)));
  }

  @Get('agencies/export')
  @PublicRead()
  @ApiOperation({
    operationId: 'exportAgencies',
    summary: 'The agency list as a file: one row per agency with its milestone status on a day',
  })
  @ApiProduces(...PRODUCES)
  @ApiExportResponse(AgenciesExportDto, 'The agencies, in the order of `GET /api/v1/agencies`')
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED: a format, language or filter.' })
  async agencies(
    @Query() query: AgenciesExportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return whole(reply, await this.exports.agencies(query, normalisedUrl(request.url)));
  }

  @Get('agencies/:id/services/export')
  @ApiOperation({
    operationId: 'exportAgencyServices',
    summary: "An agency's services as a file (every service, the filters of GET /agencies/:id/services)",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: "The agency's id." })
  @ApiProduces(...PRODUCES)
  @ApiExportResponse(AgencyServicesExportDto, "The agency's services by code, streamed")
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED (a format, language or filter), AGENCY_INVALID_ID.',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'AGENCY_NOT_FOUND' })
  async agencyServices(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new AgencyInvalidIdException() })) id: string,
    @Query() query: AgencyServicesExportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    void reply.header('cache-control', 'public, no-cache');
    return streamed(await this.exports.agencyServices(id, query, normalisedUrl(request.url)));
  }

  @Get('services/export')
  @ApiOperation({
    operationId: 'exportServices',
    summary:
      "Every agency's services as a file, by agency code then service code (the filters of GET /agencies/:id/services that apply across agencies, and a scope)",
  })
  @ApiProduces(...PRODUCES)
  @ApiExportResponse(ServicesExportDto, 'Every service with its agency, streamed', STREAMED_TAG_HEADERS)
  @ApiResponse({
    status: 304,
    description: 'Not Modified: the `If-None-Match` tag is still current; no body.',
    headers: { ETag: STREAMED_TAG_HEADERS.ETag! },
  })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED: a format, language or filter.' })
  async services(
    @Query() query: ServicesExportQuery,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const { etag, file } = await this.exports.nationalServices(
      query,
      normalisedUrl(request.url),
      request.headers['if-none-match'],
    );
    void reply.header('cache-control', 'public, no-cache');
    if (etag) void reply.header('etag', etag);
    if (!file) {
      void reply.code(304);
      return undefined;
    }
    return streamed(file);
  }

  @Get('weekly-reports/:week/export')
  @PublicRead()
  @ApiParam(WEEK_PARAM)
  @ApiOperation({
    operationId: 'exportWeeklyReport',
    summary: "A weekly report's rows as a file, byte for byte the same for the same revision, format and language",
  })
  @ApiProduces(...PRODUCES)
  @ApiExportResponse(WeeklyReportExportDto, "The revision's ranking with each agency's listed milestones")
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'VALIDATION_FAILED (a format, language or revision), REPORT_WEEK_INVALID.',
  })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'REPORT_NOT_FOUND: no such (public) week or revision.' })
  async weeklyReport(
    @Param('week') week: string,
    @Query() query: WeeklyReportExportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return whole(reply, await this.exports.weeklyReport(week, query));
  }
}

/** A file held in memory: the read cache (`@PublicRead()`) keeps its bytes, tags them and answers 304. */
function whole(reply: FastifyReply, file: ExportBytes): Buffer {
  void reply.header('content-type', file.contentType).header('content-disposition', contentDisposition(file));
  return file.body;
}

/**
 * A file streamed from a database cursor (an agency's services; every agency's: over a million rows at national
 * scale), too big to keep: `no-cache`, and revalidated by downloading again unless the route tags it.
 */
function streamed(file: ExportFile): StreamableFile {
  return new StreamableFile(file.body, { type: file.contentType, disposition: contentDisposition(file) });
}
