import {
  expiredBackups,
  hasBackupOfDay,
  isLeftoverPartial,
  isNightlyBackupName,
  nextRunAt,
  nightlyBackupName,
} from './nightly-backup.js';

describe('nightly backup names and times', () => {
  it('names a file by its Jalali day and Tehran time', () => {
    // 2025-10-06 23:00 UTC is 1404/07/15 02:30 in Tehran (+03:30).
    expect(nightlyBackupName(new Date('2025-10-06T23:00:00Z'))).toBe('monitor-1404-07-15-023000.backup.gz');
    expect(isNightlyBackupName('monitor-1404-07-15-023000.backup.gz')).toBe(true);
  });

  it('lists for deletion only the nightly backups beyond the newest `keep`, never other files', () => {
    const names = [
      'monitor-1404-07-14-023000.backup.gz',
      'monitor-1404-07-15-023000.backup.gz',
      'monitor-1403-12-29-023000.backup.gz',
      'monitor-before-upgrade.backup.gz',
      'monitor-1404-07-13-023000.backup.gz.partial',
      'notes.txt',
    ];
    expect(expiredBackups(names, 1)).toEqual([
      'monitor-1403-12-29-023000.backup.gz',
      'monitor-1404-07-14-023000.backup.gz',
    ]);
    expect(expiredBackups(names, 14)).toEqual([]);
    expect(isLeftoverPartial('monitor-1404-07-13-023000.backup.gz.partial')).toBe(true);
    expect(isLeftoverPartial('monitor-before-upgrade.backup.gz.partial')).toBe(false);
    expect(hasBackupOfDay(names, '1404-07-15')).toBe(true);
    expect(hasBackupOfDay(names, '1404-07-13')).toBe(false);
  });

  it('runs next at the configured Tehran time: later today, or tomorrow once it has passed', () => {
    const at = { hour: 2, minute: 30 };
    expect(nextRunAt(new Date('2025-10-06T20:00:00Z'), at).toISOString()).toBe('2025-10-06T23:00:00.000Z');
    expect(nextRunAt(new Date('2025-10-06T23:00:00Z'), at).toISOString()).toBe('2025-10-07T23:00:00.000Z');
  });
});
