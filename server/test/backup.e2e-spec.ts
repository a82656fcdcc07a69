import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { BackupError, backupDatabase, restoreDatabase, verifyBackup } from '../src/backup/backup.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/database/embedded-postgres.js';
import { openDatabase } from '../src/database/open-database.js';
import { digestOf } from '../src/modules/reports/weekly-report.content.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { testConfig } from './support/test-config.js';

/**
 * `npm run backup` / `npm run restore` (src/backup/backup.ts): the demo data backed up, restored into a fresh
 * embedded PostgreSQL under a new DATA_DIR, and found identical row for row, every weekly report's digest
 * recomputed from its content; a restore over data refused without --force, and a damaged file refused.
 */

const work = mkdtempSync(join(tmpdir(), 'monitor-backup-'));
// The fresh embedded PostgreSQL's system user must be able to pass through this folder (when run as root).
chmodSync(work, 0o755);
const file = join(work, 'monitor.backup.gz');
let source: TestDatabase;
let freshDir: string;
let fresh: EmbeddedDatabase;

async function query<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Every table's row count and a checksum of all its rows (generated columns included), by table name. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    // TypeORM's metadata names the database it was made in, which is another one after a restore.
    const rowText = name === 'typeorm_metadata' ? `(t.type, t.schema, t."table", t.name, t.value)::text` : 't::text';
    const [row] = await query<{ rows: number; sum: string }>(
      url,
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(${rowText}, E'\\n' ORDER BY ${rowText}), '')) AS sum
       FROM public."${name}" t`,
    );
    result[name] = `${row!.rows} rows, md5 ${row!.sum}`;
  }
  return result;
}

beforeAll(async () => {
  source = await createTestDatabase();
  const opened = await openDatabase(testConfig(source.url), () => undefined);
  await opened.dataSource.destroy();
  freshDir = join(work, 'fresh-data');
  fresh = await startEmbeddedPostgres({ dataDir: freshDir, persistent: false });
}, 180_000);

afterAll(async () => {
  await fresh?.stop();
  await source?.drop();
  rmSync(work, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
});

describe('backup and restore', () => {
  it('restores the demo data into a fresh DATA_DIR with every row and every weekly report digest intact', async () => {
    const before = await fingerprint(source.url);
    const manifest = await backupDatabase(source.url, file);
    const [newest] = await query<{ name: string }>(
      source.url,
      `SELECT name FROM typeorm_migrations ORDER BY id DESC LIMIT 1`,
    );
    expect(manifest.schemaVersion).toBe(newest!.name);
    // Every table but the running totals the database derives from the services (rebuilt on restore, below) and
    // the calendar the migrations fill.
    const derived = ['agency_cycle_baseline', 'agency_cycle_day_total', 'agency_day_total', 'calendar_day'];
    expect(Number(before.agency_day_total!.split(' ')[0])).toBeGreaterThan(0);
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(
      Object.fromEntries(
        Object.entries(before)
          .filter(([name]) => !derived.includes(name))
          .map(([name, print]) => [name, Number(print.split(' ')[0])]),
      ),
    );
    // Owner-only: it holds password hashes.
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const result = await restoreDatabase(fresh.url, file);
    expect(result.replaced).toBe(false);

    expect(await fingerprint(fresh.url)).toEqual(before);
    const reports = await query<{ id: string; content: unknown; digest: string }>(
      fresh.url,
      `SELECT id, content, digest FROM weekly_report WHERE digest IS NOT NULL ORDER BY id`,
    );
    expect(reports.length).toBeGreaterThanOrEqual(35);
    for (const report of reports) expect(digestOf(report.content)).toBe(report.digest);
  }, 120_000);

  it('refuses to restore over a database that holds rows without --force, and changes nothing', async () => {
    await query(
      fresh.url,
      `UPDATE agency SET name_en = 'Changed after the restore' WHERE code = (SELECT min(code) FROM agency)`,
    );
    const before = await fingerprint(fresh.url);

    const refused = restoreDatabase(fresh.url, file);
    await expect(refused).rejects.toBeInstanceOf(BackupError);
    await expect(refused).rejects.toThrow(/not empty .*restore refused, nothing changed.*--force/);
    expect(await fingerprint(fresh.url)).toEqual(before);

    // With --force it replaces everything with the backup, in one transaction (the trigger forbidding changes
    // to published weekly reports does not stand in the way: the rows are emptied with TRUNCATE, then loaded).
    const forced = await restoreDatabase(fresh.url, file, { force: true });
    expect(forced.replaced).toBe(true);
    expect(await fingerprint(fresh.url)).toEqual(await fingerprint(source.url));
  }, 120_000);

  it('refuses a truncated or altered backup before touching the database', async () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const truncated = join(work, 'truncated.backup.gz');
    writeFileSync(truncated, gzipSync(text.slice(0, Math.floor(text.length / 2))));
    const altered = join(work, 'altered.backup.gz');
    writeFileSync(altered, gzipSync(text.replace('وزارت کشور', 'وزارت کشوز')));
    expect(text).toContain('وزارت کشور');

    await expect(verifyBackup(truncated)).rejects.toThrow(/no manifest: the file is truncated/);
    await expect(verifyBackup(altered)).rejects.toThrow(/do not match their SHA-256/);
    const target = await createTestDatabase();
    try {
      await expect(restoreDatabase(target.url, altered)).rejects.toBeInstanceOf(BackupError);
      // Not even migrated: the file is checked first.
      expect(await query(target.url, `SELECT 1 FROM pg_tables WHERE schemaname = 'public'`)).toEqual([]);
    } finally {
      await target.drop();
    }
  }, 120_000);

  it('refuses a backup of another schema version', async () => {
    const text = gunzipSync(readFileSync(file)).toString('utf8');
    const manifestAt = text.lastIndexOf('MANIFEST ');
    const manifest = JSON.parse(text.slice(manifestAt + 9)) as { schemaVersion: string; migrations: string[] };
    manifest.migrations = [...manifest.migrations, 'FromTheFuture1899999999999'];
    manifest.schemaVersion = 'FromTheFuture1899999999999';
    const newer = join(work, 'newer.backup.gz');
    writeFileSync(newer, gzipSync(`${text.slice(0, manifestAt)}MANIFEST ${JSON.stringify(manifest)}\n`));
    const target = await createTestDatabase();
    try {
      await expect(restoreDatabase(target.url, newer)).rejects.toThrow(
        /schema version FromTheFuture1899999999999 .*restore it with the version of the application that made it/,
      );
    } finally {
      await target.drop();
    }
  });
});
