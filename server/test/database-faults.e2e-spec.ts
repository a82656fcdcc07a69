import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../src/create-app.js';
import {
  EmbeddedDatabaseInUseError,
  isProcessAlive,
  startEmbeddedPostgres,
  type EmbeddedDatabase,
} from '../src/database/embedded-postgres.js';
import { openDatabase, type OpenDatabase } from '../src/database/open-database.js';
import { requester, type TestApp } from './support/test-app.js';
import { testConfig } from './support/test-config.js';

/**
 * The application on an embedded PostgreSQL of its own (not the shared test cluster), so that the test can kill
 * it. Nothing restarts it here: what a request gets while the database is away is the subject.
 * `server-process.e2e-spec.ts` covers the running server starting it again.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'monitor-faults-'));
chmodSync(dataDir, 0o755);
let embedded: EmbeddedDatabase;
let opened: OpenDatabase;
let app: NestFastifyApplication;
let request: TestApp['request'];

beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ dataDir });
  opened = await openDatabase(testConfig(embedded.url), () => undefined);
  app = await createApp(testConfig(embedded.url), opened.dataSource);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  request = requester(app);
}, 120_000);

afterAll(async () => {
  await app?.close().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
});

const postmasterPid = () => Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const UNAVAILABLE = {
  statusCode: 503,
  error: 'DATABASE_UNAVAILABLE',
  message: { fa: expect.stringContaining('پایگاه داده'), en: expect.stringContaining('database is unavailable') },
};

describe('one embedded PostgreSQL per data folder', () => {
  it('refuses a second start on a data folder whose PostgreSQL is running, and leaves that one serving', async () => {
    const pid = postmasterPid();
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(EmbeddedDatabaseInUseError);
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(
      `the embedded PostgreSQL in ${dataDir} is in use by process ${process.pid}`,
    );
    expect(isProcessAlive(pid)).toBe(true);
    expect((await request({ method: 'GET', url: '/api/health' })).status).toBe(200);
  });

  it('lets a CLI attach to the running one, with the password kept in the data folder', async () => {
    const attached = await startEmbeddedPostgres({ dataDir, ifInUse: 'attach' });
    expect(attached.owned).toBe(false);
    expect(attached.url).toBe(embedded.url);
    await attached.stop(); // forgets it; the owner's PostgreSQL keeps running
    expect(isProcessAlive(postmasterPid())).toBe(true);
    expect((await request({ method: 'GET', url: '/api/health' })).status).toBe(200);
  });
});

describe('PostgreSQL killed under a running application', () => {
  it('answers reads and writes with 503 DATABASE_UNAVAILABLE, not 500', async () => {
    const [account] = opened.demoCredentials!.filter((c) => c.role === 'evaluator');
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: account!.username, password: account!.password },
    });
    expect(login.statusCode).toBe(200);
    const cookie = `monitor_session=${login.cookies.find((c) => c.name === 'monitor_session')!.value}`;
    const [agency] = (await opened.dataSource.query(
      `SELECT id, version FROM agency WHERE is_main AND single_window_launched_on IS NULL ORDER BY code LIMIT 1`,
    )) as Array<{ id: string; version: number }>;
    expect((await request({ method: 'GET', url: '/api/v1/agencies?pageSize=7' })).status).toBe(200);

    const pid = postmasterPid();
    process.kill(pid, 'SIGKILL');
    while (isProcessAlive(pid)) await new Promise((r) => setTimeout(r, 50));

    const health = await request({ method: 'GET', url: '/api/health' });
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'error', database: 'unreachable' });

    const responses = [
      await request({ method: 'GET', url: '/api/v1/agencies?pageSize=5' }),
      await request({ method: 'GET', url: `/api/v1/agencies/${agency!.id}` }),
      await request({ method: 'GET', url: '/api/v1/agencies?search=x' }),
      await request({
        method: 'POST',
        url: `/api/v1/agencies/${agency!.id}/progress`,
        cookie,
        payload: {
          version: agency!.version,
          kind: 'single_window_launched',
          occurredOn: '2022-09-01',
          url: 'https://a.example.ir',
        },
      }),
      await request({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: account!.username, password: account!.password },
      }),
    ];
    for (const res of responses) {
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject(UNAVAILABLE);
      expect(res.headers['retry-after']).toBe('5');
    }
  });
});
