import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller.js';
import { ComplianceService } from './compliance.service.js';

/**
 * Compliance: each agency's status on each milestone on any day (met, pending, at risk, overdue), computed from the
 * dated history in one set-based query (compliance.queries.ts); the overview and the rankings read it, and the
 * weekly reports freeze it.
 */
@Module({
  controllers: [ComplianceController],
  providers: [ComplianceService],
  exports: [ComplianceService],
})
export class ComplianceModule {}
