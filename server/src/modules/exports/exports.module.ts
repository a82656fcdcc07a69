import { Module } from '@nestjs/common';
import { ComplianceService } from '../compliance/compliance.service.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/**
 * Exports (`…/export?format=csv|xlsx|json`): the rankings, the agency list, an agency's services and a weekly
 * report as files for spreadsheets and programs, written by `common/spreadsheet` (write-csv, write-xlsx,
 * write-json). The rankings come from the compliance engine itself (ComplianceService, stateless, provided here
 * too), so an export says exactly what `GET /rankings` says.
 */
@Module({
  controllers: [ExportsController],
  providers: [ExportsService, ComplianceService],
})
export class ExportsModule {}
