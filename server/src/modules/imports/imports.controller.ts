import { applyDecorators, Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ErrorResponseDto } from '../../common/errors/error-response.dto.js';
import { contentDisposition } from '../../common/spreadsheet/content-disposition.js';
import type { Actor } from '../auth/auth-user.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ImportCommitDto, ImportFileDto, ImportPreviewDto } from './dto/import.dto.js';
import { TemplateQuery } from './dto/template.query.js';
import { IMPORT_KINDS, type ImportKind } from './import-types.js';
import { ImportUnknownKindException, ImportUnknownTemplateException } from './imports.exception.js';
import { ImportsService } from './imports.service.js';
import { readUpload } from './upload.js';

function importKind(kind: string): ImportKind {
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new ImportUnknownKindException(kind);
  return kind as ImportKind;
}

/** The OpenAPI description shared by the two upload endpoints. */
const UploadDocs = () =>
  applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: ImportFileDto }),
    ApiParam({ name: 'kind', enum: IMPORT_KINDS }),
    ApiUnauthorizedResponse({ type: ErrorResponseDto }),
    ApiForbiddenResponse({ type: ErrorResponseDto }),
    ApiPayloadTooLargeResponse({
      type: ErrorResponseDto,
      description:
        'PAYLOAD_TOO_LARGE: more than 20 MB; IMPORT_FILE_TOO_LARGE: an xlsx unpacking to more than 50 MB; ' +
        'IMPORT_TOO_MANY_ROWS (over 10,000), IMPORT_TOO_MANY_COLUMNS (over 50), IMPORT_CELL_TOO_LONG (over 10,000 characters).',
    }),
  );

@ApiTags('imports')
@Controller('v1/imports')
@Roles('evaluator', 'admin')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Get('templates/:file')
  @ApiOperation({
    operationId: 'downloadImportTemplate',
    summary: 'The template of an import: scores.xlsx, scores.csv, progress.xlsx or progress.csv',
  })
  @ApiParam({ name: 'file', enum: ['scores.xlsx', 'scores.csv', 'progress.xlsx', 'progress.csv'] })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'VALIDATION_FAILED (the query)' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'IMPORT_UNKNOWN_TEMPLATE, IMPORT_ROUND_NOT_FOUND' })
  @ApiUnauthorizedResponse({ type: ErrorResponseDto })
  @ApiForbiddenResponse({ type: ErrorResponseDto })
  async downloadImportTemplate(
    @Param('file') file: string,
    @Query() query: TemplateQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const match = /^(scores|progress)\.(xlsx|csv)$/.exec(file);
    if (!match) throw new ImportUnknownTemplateException(file);
    const template = await this.imports.template(match[1] as ImportKind, match[2] as 'xlsx' | 'csv', query.roundCode);
    void reply
      .header('content-type', template.contentType)
      .header('content-disposition', contentDisposition(template))
      .header('cache-control', 'no-store');
    return template.body;
  }

  @Post(':kind/preview')
  @HttpCode(200)
  @UploadDocs()
  @ApiOperation({
    operationId: 'previewImport',
    summary: 'Read and check a spreadsheet without writing anything: every problem, by row and column',
  })
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'IMPORT_FILE_MISSING, IMPORT_UNSUPPORTED_FORMAT, IMPORT_UNREADABLE_FILE, IMPORT_UNKNOWN_KIND',
  })
  async previewImport(@Param('kind') kind: string, @Req() request: FastifyRequest): Promise<ImportPreviewDto> {
    const importAs = importKind(kind);
    return this.imports.preview(importAs, await readUpload(request));
  }

  @Post(':kind/commit')
  @HttpCode(200)
  @UploadDocs()
  @ApiOperation({
    operationId: 'commitImport',
    summary: 'Check the spreadsheet again and write all of it in one transaction, or nothing if it has any problem',
  })
  @ApiOkResponse({ type: ImportCommitDto })
  @ApiBadRequestResponse({
    type: ErrorResponseDto,
    description: 'IMPORT_HAS_PROBLEMS (details: rowCount, validRowCount, problemCount, problems), and as for preview',
  })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'IMPORT_CONCURRENT_CHANGE' })
  async commitImport(
    @Param('kind') kind: string,
    @Req() request: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<ImportCommitDto> {
    const importAs = importKind(kind);
    return this.imports.commit(importAs, await readUpload(request), actor);
  }
}
