import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { verifyBackup } from '../../src/backup/backup.js';
import { BackupsScheduler } from '../../src/modules/backups/backups.scheduler.js';
import { BackupsService } from '../../src/modules/backups/backups.service.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The nightly backup (modules/backups), its job called directly as the schedule would: a file a day named by its
 * Jalali day, only the newest BACKUP_KEEP kept (and no other file touched), one backup however many instances
 * fire at once, and a failed run logged without taking the server down.
 */

const dir = join(mkdtempSync(join(tmpdir(), 'monitor-nightly-')), 'backups');
let t: TestApp;

// 1404/07/15 and 1404/07/16, 02:30 Tehran (+03:30).
const FIRST_NIGHT = new Date('2025-10-06T23:00:00Z');
const SECOND_NIGHT = new Date('2025-10-07T23:00:00Z');
const THIRD_NIGHT = new Date('2025-10-08T23:00:00Z');

beforeAll(async () => {
  t = await createTestApp({ backup: { dir, keep: 1, at: { hour: 2, minute: 30 } } });
}, 180_000);

afterAll(async () => {
  await t?.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('the nightly backup', () => {
  it('keeps the newest BACKUP_KEEP backups, deletes older ones of its own name only, and the kept one restores-verifies', async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'monitor-before-upgrade.backup.gz'), 'an operator’s own file');
    writeFileSync(join(dir, 'README.txt'), 'not a backup');
    const scheduler = t.app.get(BackupsScheduler);

    const first = await scheduler.run(FIRST_NIGHT);
    expect(first).toMatchObject({ status: 'written', file: join(dir, 'monitor-1404-07-15-023000.backup.gz') });
    const second = await scheduler.run(SECOND_NIGHT);
    expect(second).toMatchObject({ status: 'written', deleted: ['monitor-1404-07-15-023000.backup.gz'] });

    expect(readdirSync(dir).sort()).toEqual([
      'README.txt',
      'monitor-1404-07-16-023000.backup.gz',
      'monitor-before-upgrade.backup.gz',
    ]);
    const manifest = await verifyBackup(join(dir, 'monitor-1404-07-16-023000.backup.gz'));
    expect(manifest.tables.find((table) => table.name === 'agency')?.rows).toBeGreaterThan(0);
  }, 120_000);

  it('is taken once when several instances fire at the same time, and not again that day', async () => {
    const sut = t.app.get(BackupsService);
    const results = await Promise.all([sut.runNightly(THIRD_NIGHT), sut.runNightly(THIRD_NIGHT)]);
    expect(results.map((r) => r.status).sort()).toEqual(['skipped', 'written']);
    expect(await sut.runNightly(new Date(THIRD_NIGHT.getTime() + 60_000))).toEqual({
      status: 'skipped',
      reason: 'the backup of 1404-07-17 exists already',
    });
    expect(readdirSync(dir).filter((name) => name.startsWith('monitor-14'))).toEqual([
      'monitor-1404-07-17-023000.backup.gz',
    ]);
  }, 120_000);

  it('logs a failed run and keeps serving', async () => {
    const logged: string[] = [];
    const error = Object.getOwnPropertyDescriptor(Logger.prototype, 'error')!;
    Object.defineProperty(Logger.prototype, 'error', {
      ...error,
      value: (message: unknown) => logged.push(String(message)),
    });
    try {
      // The folder cannot be made: a file is in its place.
      rmSync(dir, { recursive: true });
      writeFileSync(dir, 'in the way');
      await expect(t.app.get(BackupsScheduler).run(new Date('2025-10-09T23:00:00Z'))).resolves.toBeUndefined();
      expect(logged).toEqual([expect.stringMatching(/^nightly backup failed: .*E(EXIST|NOTDIR)/)]);
      expect((await t.request({ method: 'GET', url: '/api/health' })).status).toBe(200);
    } finally {
      Object.defineProperty(Logger.prototype, 'error', error);
      rmSync(dir, { force: true });
    }
  });
});
