import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config.js';
import { ReportsService } from './reports.service.js';

/**
 * Every Saturday at 08:00 Tehran time, the report of the week just ended; at start, the weeks missed while no
 * server ran. Several instances may fire at once: the production path publishes each week exactly once.
 * `WEEKLY_REPORTS=off` leaves both to `npm run report:weekly`.
 */
@Injectable()
export class ReportsScheduler implements OnApplicationBootstrap {
  private readonly logger = new Logger('WeeklyReports');

  constructor(
    private readonly reports: ReportsService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.weeklyReports === 'on') await this.run('start-up catch-up');
  }

  @Cron('0 8 * * 6', { name: 'weekly-report', timeZone: 'Asia/Tehran' })
  async weekly(): Promise<void> {
    if (this.config.weeklyReports === 'on') await this.run('Saturday 08:00');
  }

  private async run(why: string): Promise<void> {
    try {
      const results = await this.reports.produceDue();
      const created = results.filter((r) => r.created).length;
      if (created > 0) this.logger.log(`${why}: ${created} weekly report(s) published`);
    } catch (error) {
      // A failed run is tried again at the next start or the next Saturday; the server keeps serving.
      this.logger.error(`${why}: weekly reports not produced: ${(error as Error).message}`);
    }
  }
}
