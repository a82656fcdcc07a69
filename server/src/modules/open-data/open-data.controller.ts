import { Controller, Get, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { contentDisposition } from '../../common/spreadsheet/content-disposition.js';
import { OpenDataService } from './open-data.service.js';

@ApiTags('open-data')
@Controller('v1')
export class OpenDataController {
  constructor(private readonly openData: OpenDataService) {}

  @Get('open-data.zip')
  @ApiOperation({
    operationId: 'getOpenDataBundle',
    summary: 'Every public table as CSV, with a Frictionless datapackage.json describing them (CC BY 4.0)',
    description:
      'A zip: `data/<table>.csv` for agencies, agency systems, services, service stage history, programme cycles, ' +
      'milestones, agency progress events, criteria sets, criteria, evaluation rounds, final scores, final scores ' +
      'by criterion, public weekly report revisions, their rows (one per agency per revision) and published ' +
      "responses; and `datapackage.json` (Tabular Data Package v1: each column's type, description and unit, the " +
      'keys between tables, the licence and the conventions: ISO days in Tehran with the Jalali calendar for ' +
      'people, UTC instants, exact decimals). Published data only; streamed, every table as of one instant.',
  })
  @ApiProduces('application/zip')
  @ApiOkResponse({
    description:
      'The bundle. `Content-Disposition: attachment` with the Jalali day in its name (`open-data-1401-05-31.zip`).',
    headers: {
      'Content-Disposition': {
        description: 'attachment; filename="…"; filename*=UTF-8\'\'…',
        schema: { type: 'string' },
      },
    },
    content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } },
  })
  async bundle(@Res({ passthrough: true }) reply: FastifyReply): Promise<StreamableFile> {
    const bundle = await this.openData.bundle();
    void reply.header('cache-control', 'public, no-cache');
    return new StreamableFile(bundle.body, { type: 'application/zip', disposition: contentDisposition(bundle) });
  }
}
