/**
 * npm run backup -- --out FILE
 * Writes a consistent backup of every table (one snapshot, safe while the server runs) to FILE, gzip'd; the file
 * appears only when complete and is readable by its owner only (it holds password hashes). See src/backup/backup.ts.
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the running server's when one runs there, else one
 * it starts and stops.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BackupError, backupDatabase } from '../src/backup/backup.js';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';

function fail(message: string): never {
  console.error(`backup: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { out: { type: 'string' } } });
if (!values.out) fail('--out FILE is required, e.g. npm run backup -- --out monitor-1403-01-01.backup.gz');
// npm runs the script in server/; a relative path means the operator's own directory.
const out = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);

let config;
try {
  config = loadConfig(process.env, { clientDir: '' });
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: config.dataDir, ifInUse: 'attach' }).catch((error: unknown) =>
      fail(error instanceof Error ? error.message : String(error)),
    );
try {
  const manifest = await backupDatabase(config.databaseUrl ?? embedded!.url, out);
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  console.log(`wrote ${out}: ${manifest.tables.length} tables, ${rows} rows, schema version ${manifest.schemaVersion}`);
} catch (error) {
  fail(error instanceof BackupError ? error.message : `backup failed: ${String(error)}`);
} finally {
  await embedded?.stop().catch(() => undefined);
}
