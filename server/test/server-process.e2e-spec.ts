import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, isProcessAlive as alive } from '../src/database/embedded-postgres.js';

/**
 * The built server as a user runs it (`npm start` runs the same file): embedded PostgreSQL under DATA_DIR,
 * stopped with the server, data kept for the next start. Needs `npm run build` first (`npm test` does it).
 */
const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../dist/server/src/main.js');

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(dataDir: string, port: number): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: dataDir,
    INIT_CWD: dataDir,
    NODE_ENV: 'production',
  };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('Stop with Ctrl+C')) {
        clearInterval(timer);
        resolve({ child, output: () => output, exited });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`server exited with ${code}: ${output}`));
    });
  });
}

function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}

const dataDir = mkdtempSync(join(tmpdir(), 'monitor-process-'));
chmodSync(dataDir, 0o755);
afterAll(() => rmSync(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 })); // PostgreSQL may still be finishing its last writes

describe('the server process', () => {
  it('starts with the demo data, stops PostgreSQL on SIGTERM, and keeps the data for the next start', async () => {
    expect(existsSync(MAIN)).toBe(true);
    const port = await freePort();
    const first = await start(dataDir, port);
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toMatch(/admin\s+username: admin\s+password: \S{20}/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    const credentials = readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8');
    const pgPid = postmasterPid(dataDir);
    expect(alive(pgPid)).toBe(true);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(alive(pgPid)).toBe(false);
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await start(dataDir, port);
    try {
      expect(second.output()).toContain('Sign in with the demo accounts in');
      expect(second.output()).not.toContain('loaded the demo data set');
      const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/agencies`)).json()) as { total: number };
      expect(list.total).toBe(170);
      expect(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')).toBe(credentials);
    } finally {
      const secondPg = postmasterPid(dataDir);
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
      expect(alive(secondPg)).toBe(false);
    }
  });

  it('recovers when the previous server was killed without cleaning up (SIGKILL)', async () => {
    const port = await freePort();
    const killed = await start(dataDir, port);
    const orphan = postmasterPid(dataDir);
    killed.child.kill('SIGKILL');
    await killed.exited;
    const next = await start(dataDir, port);
    try {
      expect(alive(orphan)).toBe(false);
      const list = (await (await fetch(`http://127.0.0.1:${port}/api/v1/agencies`)).json()) as { total: number };
      expect(list.total).toBe(170);
    } finally {
      const pgPid = postmasterPid(dataDir);
      next.child.kill('SIGTERM');
      expect(await next.exited).toBe(0);
      expect(alive(pgPid)).toBe(false);
    }
  });

  it('ends start-up with one clear line for a bad PORT or DATABASE_URL', async () => {
    for (const [env, message] of [
      [
        { PORT: 'eighty' },
        'e-services-monitor: configuration error: PORT must be a whole number from 1 to 65535, got "eighty"',
      ],
      [
        { DATABASE_URL: 'mysql://u@h/db' },
        'e-services-monitor: configuration error: DATABASE_URL must start with postgres:// or postgresql://, got "mysql://"',
      ],
    ] as const) {
      const child = spawn(process.execPath, [MAIN], {
        env: { ...process.env, ...env, DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (c) => (stderr += String(c)));
      const code = await new Promise((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(message);
    }
  });
});
