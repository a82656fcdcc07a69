import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config.js';
import { BackupsService, type NightlyBackupResult } from './backups.service.js';
import { nextRunAt } from './nightly-backup.js';

const TIMER = 'nightly-backup';

/**
 * Every day at `BACKUP_AT` Tehran time (02:30 unless set), when `BACKUP_DIR` is set. The time comes from the
 * configuration, so the run is a timeout in @nestjs/schedule's registry, set again after each run. A failed run is
 * logged and tried again the next night; it never stops the server.
 */
@Injectable()
export class BackupsScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NightlyBackup');
  private closed = false;

  constructor(
    private readonly backups: BackupsService,
    private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const schedule = this.config.backup;
    if (!schedule) return;
    const at = `${String(schedule.at.hour).padStart(2, '0')}:${String(schedule.at.minute).padStart(2, '0')}`;
    this.logger.log(`daily at ${at} Tehran time into ${schedule.dir}, keeping the newest ${schedule.keep}`);
    this.scheduleAfter(new Date());
  }

  onApplicationShutdown(): void {
    this.closed = true;
    if (this.registry.doesExist('timeout', TIMER)) this.registry.deleteTimeout(TIMER);
  }

  /** The job: takes the backup and logs what happened; never throws. */
  async run(now: Date = new Date()): Promise<NightlyBackupResult | undefined> {
    try {
      const result = await this.backups.runNightly(now);
      if (result.status === 'written') {
        const rows = result.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        const deleted = result.deleted.length > 0 ? `; deleted ${result.deleted.join(', ')}` : '';
        this.logger.log(`wrote ${result.file} (${result.manifest.tables.length} tables, ${rows} rows)${deleted}`);
      } else {
        this.logger.log(`skipped: ${result.reason}`);
      }
      return result;
    } catch (error) {
      this.logger.error(`nightly backup failed: ${(error as Error).message}`);
      return undefined;
    }
  }

  private scheduleAfter(after: Date): void {
    if (this.closed || !this.config.backup) return;
    const at = nextRunAt(after, this.config.backup.at);
    if (this.registry.doesExist('timeout', TIMER)) this.registry.deleteTimeout(TIMER);
    const timer = setTimeout(
      () => {
        void this.run().finally(() => this.scheduleAfter(new Date(Math.max(Date.now(), at.getTime() + 1_000))));
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    // The HTTP server keeps the process alive; this timer alone should not.
    timer.unref();
    this.registry.addTimeout(TIMER, timer);
  }
}
