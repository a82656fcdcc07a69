import { Module } from '@nestjs/common';

/**
 * Milestones: the programme cycles (`programme_cycle`, e.g. the 1401 budget law) and the deadlines each sets
 * (`milestone_definition`: which agencies must have reached what, by when).
 *
 * No providers yet: the demo seed writes the 1401 cycle. Next here: reading and editing cycles and their
 * deadlines (`milestones.queries.ts`), which the compliance module (each agency's status on a date: on time,
 * late, not yet due) will build on.
 */
@Module({})
export class MilestonesModule {}
