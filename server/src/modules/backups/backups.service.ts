import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { backupDatabase, type BackupManifest } from '../../backup/backup.js';
import { tehranToday } from '../../common/dates/calendar-day.js';
import { AppConfig } from '../../config/app-config.js';
import { expiredBackups, hasBackupOfDay, isLeftoverPartial, jalaliDayOf, nightlyBackupName } from './nightly-backup.js';

/** The advisory lock's first key (any number, beside 7_141_401/402); the second is the Tehran day's number. */
const BACKUP_LOCK = 7_141_403;

export type NightlyBackupResult =
  | { status: 'written'; file: string; manifest: BackupManifest; deleted: string[] }
  | { status: 'skipped'; reason: string };

/**
 * The nightly backup (`BACKUP_DIR`): one `backupDatabase` file a day, the newest `BACKUP_KEEP` kept. Several
 * instances may run it at once: a session advisory lock per Tehran day lets one of them work while the others
 * skip, and a file of that day already in the folder (a shared folder, a second call) means the day is done.
 */
@Injectable()
export class BackupsService {
  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Takes the backup of `now`'s day unless another instance is taking it or has; then applies the retention. */
  async runNightly(now: Date = new Date()): Promise<NightlyBackupResult> {
    const schedule = this.config.backup;
    if (!schedule) return { status: 'skipped', reason: 'BACKUP_DIR is not set' };
    const url = (this.dataSource.options as { url?: string }).url;
    if (!url) throw new Error('the database has no connection URL to back up from');
    const dayNumber = Date.parse(`${tehranToday(now)}T00:00:00Z`) / 86_400_000;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [lock] = (await runner.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
        BACKUP_LOCK,
        dayNumber,
      ])) as Array<{ locked: boolean }>;
      if (!lock?.locked) return { status: 'skipped', reason: 'another instance is taking this backup' };
      try {
        await mkdir(schedule.dir, { recursive: true, mode: 0o700 });
        const before = await readdir(schedule.dir);
        const day = jalaliDayOf(now);
        if (hasBackupOfDay(before, day)) return { status: 'skipped', reason: `the backup of ${day} exists already` };
        // Left by a process killed while writing; nobody else writes one now, since we hold the lock.
        for (const name of before.filter(isLeftoverPartial)) await rm(join(schedule.dir, name), { force: true });
        const file = join(schedule.dir, nightlyBackupName(now));
        const manifest = await backupDatabase(url, file);
        const deleted = expiredBackups(await readdir(schedule.dir), schedule.keep);
        for (const name of deleted) await rm(join(schedule.dir, name), { force: true });
        return { status: 'written', file, manifest, deleted };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1, $2)', [BACKUP_LOCK, dayNumber]).catch(() => undefined);
      }
    } finally {
      await runner.release();
    }
  }
}
