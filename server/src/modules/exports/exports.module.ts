import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/**
 * Exports (`…/export?format=csv|xlsx|json`): the rankings, the agency list, an agency's services and a weekly
 * report as files for spreadsheets and programs, written by `common/spreadsheet` (write-csv, write-xlsx,
 * write-json). The rankings come from the compliance engine itself (ComplianceModule's ComplianceService), so an export says exactly what `GET /rankings` says.
 */
@Module({
  controllers: [ExportsController],
  imports: [ComplianceModule],
  providers: [ExportsService],
})
export class ExportsModule {}
