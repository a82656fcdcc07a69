import { Module } from '@nestjs/common';
import { ReportsController, ReportsFeedController } from './reports.controller.js';
import { ReportsScheduler } from './reports.scheduler.js';
import { ReportsService } from './reports.service.js';

/**
 * Weekly reports (`weekly_report`): the frozen, citable list of each Iranian week, produced from the compliance
 * engine's snapshots (weekly-report.content.ts) by one production path (reports.production.ts) that the schedule,
 * the start-up catch-up, the CLI and the demo seed share. Each revision has a permalink
 * (its canonical bytes, forever) and the Atom feed (`weekly-reports.atom`) announces every revision.
 */
@Module({
  controllers: [ReportsController, ReportsFeedController],
  providers: [ReportsService, ReportsScheduler],
})
export class ReportsModule {}
