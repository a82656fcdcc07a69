import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { createDataSource } from './data-source.js';
import { EmbeddedDatabaseInUseError, startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { seedDemoData, type DemoCredential } from './seed/demo-seed.js';

/** Any number: the key of the advisory lock that lets one instance at a time migrate and seed. */
const MIGRATION_LOCK = 7_141_401;

export class DatabaseStartError extends Error {}

export interface OpenDatabase {
  dataSource: DataSource;
  embedded: EmbeddedDatabase | undefined;
  /** Set when this start loaded the demo data: the demo accounts and their one-time passwords. */
  demoCredentials: DemoCredential[] | undefined;
  credentialsFile: string;
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string; address?: string; port?: number; hostname?: string };
  // Which server: with read replicas there are several (host and port only: a URL may hold a password).
  if (e.code === 'ECONNREFUSED') return `connection refused${e.address ? ` by ${e.address}:${e.port}` : ''}`;
  if (e.code === 'ENOTFOUND') return `host not found${e.hostname ? ` (${e.hostname})` : ''}`;
  if (e.code === '28P01') return 'password authentication failed';
  if (e.code === '3D000') return 'database does not exist';
  return (e.message ?? String(error)).split('\n')[0]!;
}

async function connect(dataSource: DataSource, attempts: number): Promise<void> {
  const replicated = 'replication' in dataSource.options && dataSource.options.replication !== undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.initialize();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      const transient = code === 'ECONNREFUSED' || code === '57P03'; // refused, or "the database system is starting up"
      if (!transient || attempt >= attempts) {
        // TypeORM opens every replica's pool at start-up and fails if any of them cannot be reached.
        const which = replicated ? ' (the primary, DATABASE_URL, or a replica, DATABASE_REPLICA_URLS)' : '';
        throw new DatabaseStartError(`cannot connect to PostgreSQL${which}: ${describe(error)}`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

export interface OpenDatabaseOptions {
  /**
   * Watch the embedded PostgreSQL and start it again when it stops unexpectedly; called when it cannot be started
   * again (the server then exits non-zero). Without it, nothing watches (tests, CLIs).
   */
  onDatabaseLost?: (reason: string) => void;
}

/**
 * Opens the database the configuration names (or starts the embedded one), runs pending migrations and, on an
 * empty database, loads the demo data, all under an advisory lock so that several instances can start at once.
 */
export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void,
  options: OpenDatabaseOptions = {},
): Promise<OpenDatabase> {
  await mkdir(config.dataDir, { recursive: true });
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    try {
      embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        ifInUse: 'refuse',
        supervise: options.onDatabaseLost && { onGiveUp: options.onDatabaseLost },
      });
    } catch (error) {
      if (error instanceof EmbeddedDatabaseInUseError) throw new DatabaseStartError(error.message);
      throw new DatabaseStartError(`cannot start the embedded PostgreSQL in ${config.dataDir}: ${describe(error)}`);
    }
  }
  const dataSource = createDataSource(config.databaseUrl ?? embedded!.url, config.databaseReplicaUrls ?? []);
  const credentialsFile = join(config.dataDir, 'demo-credentials.json');
  try {
    await connect(dataSource, config.databaseUrl ? 30 : 1);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    let demoCredentials: DemoCredential[] | undefined;
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      if (applied.length > 0)
        log(`database: applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
      const agencies = (await runner.query('SELECT count(*)::int AS count FROM agency')) as Array<{ count: number }>;
      if (agencies[0]?.count === 0 && config.seed === 'demo') {
        demoCredentials = await dataSource.transaction((manager) => seedDemoData(manager));
        await writeFile(credentialsFile, `${JSON.stringify(demoCredentials, null, 2)}\n`, { mode: 0o600 });
        await chmod(credentialsFile, 0o600);
        log('database: loaded the demo data set');
      }
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
    return { dataSource, embedded, demoCredentials, credentialsFile };
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw error instanceof DatabaseStartError
      ? error
      : new DatabaseStartError(`database start-up failed: ${describe(error)}`);
  }
}
