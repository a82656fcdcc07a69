import { Module } from '@nestjs/common';
import { BackupsScheduler } from './backups.scheduler.js';
import { BackupsService } from './backups.service.js';

/**
 * The nightly backup (`BACKUP_DIR`, `BACKUP_KEEP`, `BACKUP_AT`): the same consistent export as `npm run backup`
 * (src/backup/backup.ts), taken once a day by one instance, with retention. Off unless `BACKUP_DIR` is set.
 */
@Module({
  providers: [BackupsService, BackupsScheduler],
})
export class BackupsModule {}
