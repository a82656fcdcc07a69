import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../src/database/embedded-postgres.js';

/** The built server (`npm run build`, or `npx tsc -p tsconfig.build.json` for the server alone). */
export const SERVER_MAIN = join(dirname(fileURLToPath(import.meta.url)), '../../dist/server/src/main.js');

/** A server started as a user starts it (`node main.js`), on a database of the caller's choice. */
export interface ServerChild {
  child: ChildProcess;
  port: number;
  base: string;
  /** Everything it printed so far (standard output and error). */
  output(): string;
  /** Its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Resolves when it listens (after its start-up work: migrations, the weekly reports' catch-up). */
  ready(): Promise<void>;
}

const started = new Set<ChildProcess>();

/** Starts the built server on DATABASE_URL `databaseUrl`, with a data folder and a port of its own. */
export async function startServerChild(databaseUrl: string, env: NodeJS.ProcessEnv = {}): Promise<ServerChild> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-write-faults-'));
  chmodSync(dataDir, 0o755);
  const child = spawn(process.execPath, [SERVER_MAIN], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      INIT_CWD: dataDir,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      RATE_LIMIT_PER_MINUTE: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      started.delete(child);
      exitCode = code;
      resolve(code);
    }),
  );
  const ready = async () => {
    await waitFor(
      `the server on port ${port} to listen`,
      () => output.includes('Stop with Ctrl+C') || exitCode !== undefined,
      90_000,
    );
    if (!output.includes('Stop with Ctrl+C'))
      throw new Error(`server exited with ${exitCode} before listening: ${output}`);
  };
  return { child, port, base: `http://127.0.0.1:${port}`, output: () => output, exited, ready };
}

/** Kills (SIGKILL) the servers this file started that still run; for `afterAll`. */
export async function killServerChildren(): Promise<void> {
  const running = [...started];
  for (const child of running) child.kill('SIGKILL');
  await Promise.all(running.map((child) => new Promise((resolve) => child.once('exit', resolve))));
}

/**
 * Polls `check` until it returns something truthy, and returns that; fails with `what` after `deadlineMs`.
 * The deadline is a safety net against a hung test, never the thing asserted.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | Promise<T>,
  deadlineMs = 30_000,
  everyMs = 50,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what} after ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** A connection of its own (for holding locks while the server works). */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** The backends of this database waiting for a lock on table `table`. */
export async function waitingOnTable(client: pg.Client, table: string): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_locks
      WHERE locktype = 'relation' AND NOT granted AND relation = $1::regclass
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [table],
  );
  return rows.map((r) => r.pid);
}

/** The backends waiting for the two-key advisory lock (`pg_advisory_xact_lock(key1, key2)`). */
export async function waitingOnAdvisory(client: pg.Client, key1: number, key2: number): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(
    `SELECT pid FROM pg_locks
      WHERE locktype = 'advisory' AND NOT granted AND classid = $1 AND objid = $2 AND objsubid = 2
        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    [key1, key2],
  );
  return rows.map((r) => r.pid);
}

/** The tables a backend has written in its open transaction (it holds ROW EXCLUSIVE on them). */
export async function tablesWrittenBy(client: pg.Client, pid: number): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
      WHERE l.pid = $1 AND l.locktype = 'relation' AND l.granted AND l.mode = 'RowExclusiveLock' AND c.relkind = 'r'
      ORDER BY 1`,
    [pid],
  );
  return rows.map((r) => r.name);
}

/** Whether a backend of this pid is still connected (PostgreSQL ends it, and rolls its transaction back, once it notices). */
export async function backendAlive(client: pg.Client, pid: number): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [pid]);
  return rows.length > 0;
}

/** Signs in through the HTTP API as a browser does; the `Cookie` header value of the session. */
export async function signIn(base: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
}
