/**
 * npm run restore -- --in FILE [--force]
 * Restores a backup made by `npm run backup`: checks the whole file first, migrates the database to the backup's
 * schema version, then loads every table in one transaction (all or nothing). A database that holds any row is
 * refused unless --force, which replaces everything it holds. Stop the server first; start it again afterwards.
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (refused while a server runs there).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, restoreDatabase } from '../src/backup/backup.js';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

function fail(message: string): never {
  console.error(`restore: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { in: { type: 'string' }, force: { type: 'boolean', default: false } } });
if (!values.in) fail('--in FILE is required, e.g. npm run restore -- --in monitor-1403-01-01.backup.gz');
const file = resolve(process.env.INIT_CWD ?? process.cwd(), values.in);

let config;
try {
  config = loadConfig(process.env, { clientDir: '' });
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: config.dataDir, ifInUse: 'refuse' }).catch((error: unknown) =>
      fail(error instanceof Error ? error.message : String(error)),
    );
try {
  const { manifest, replaced } = await restoreDatabase(config.databaseUrl ?? embedded!.url, file, {
    force: values.force,
  });
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(
    `restored ${file} (taken ${manifest.createdAt}): ${manifest.tables.length} tables, ${rows} rows` +
      (replaced ? ', replacing what the database held' : ''),
  );
} catch (error) {
  fail(error instanceof BackupError ? error.message : `restore failed: ${String(error)}`);
} finally {
  await embedded?.stop().catch(() => undefined);
}
