import { Module } from '@nestjs/common';
import { MilestonesController } from './milestones.controller.js';
import { MilestonesService } from './milestones.service.js';

/**
 * Milestones: the programme cycles (`programme_cycle`, e.g. the 1401 budget law) and the deadlines each sets
 * (`milestone_definition`: which agencies must have reached what, by when). Public reads, admin writes (audited);
 * the compliance module (each agency's status on a date: on time, late, not yet due) builds on these.
 * AuditService and Transactions come from their global modules.
 */
@Module({
  controllers: [MilestonesController],
  providers: [MilestonesService],
  exports: [MilestonesService],
})
export class MilestonesModule {}
