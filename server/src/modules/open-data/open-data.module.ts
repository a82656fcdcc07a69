import { Module } from '@nestjs/common';
import { OpenDataController } from './open-data.controller.js';
import { OpenDataService } from './open-data.service.js';

/**
 * The open-data bundle (`GET /api/v1/open-data.zip`): every public table as CSV and a Frictionless
 * `datapackage.json` (open-data.descriptor.ts) describing them, streamed from database cursors
 * (open-data.queries.ts), the tables and their columns listed once in open-data.resources.ts.
 */
@Module({
  controllers: [OpenDataController],
  providers: [OpenDataService],
})
export class OpenDataModule {}
