import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, isProcessAlive as alive } from '../src/database/embedded-postgres.js';

/**
 * The built server as a user runs it (`npm start` runs the same file): embedded PostgreSQL under DATA_DIR,
 * stopped with the server, data kept for the next start. Needs `npm run build` first (`npm test` does it).
 */
const MAIN = join(dirname(fileURLToPath(import.meta.url)), '../dist/server/src/main.js');
const USER_CREATE = join(dirname(fileURLToPath(import.meta.url)), '../dist/server/scripts/user-create.js');

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

/** Runs a built script to its end with this standard input; its exit code and everything it printed. */
async function runScript(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdin: string,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  child.stdin.end(stdin);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { code, output };
}

/** The processes whose parent is this one (from /proc). */
function childrenOf(parent: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent;
      } catch {
        return false;
      }
    })
    .map(Number);
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return '';
  }
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

  it('refuses a second server on the same DATA_DIR, keeps the first serving, and lets user:create work beside it', async () => {
    const port = await freePort();
    const first = await start(dataDir, port);
    try {
      const pgPid = postmasterPid(dataDir);
      const second = spawn(process.execPath, [MAIN], {
        env: { ...process.env, PORT: String(await freePort()), DATA_DIR: dataDir, DATABASE_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      second.stderr.on('data', (c) => (stderr += String(c)));
      expect(await new Promise((resolve) => second.on('exit', resolve))).toBe(1);
      expect(stderr.trim()).toBe(
        `e-services-monitor: the embedded PostgreSQL in ${dataDir} is in use by process ${first.child.pid} ` +
          '(another server or CLI on the same DATA_DIR); stop that process first, or give this one its own DATA_DIR',
      );
      expect(alive(pgPid)).toBe(true);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);

      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
      delete env.DATABASE_URL;
      const created = await runScript(
        USER_CREATE,
        ['--username', 'second.admin', '--role', 'admin'],
        env,
        'a-long-enough-password\n',
      );
      expect(created).toMatchObject({ code: 0, output: expect.stringContaining('created admin "second.admin"') });
      expect(postmasterPid(dataDir)).toBe(pgPid);
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
        body: JSON.stringify({ username: 'second.admin', password: 'a-long-enough-password' }),
      });
      expect(login.status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);
    }
  });

  it('answers 503 while its PostgreSQL is killed, starts it again, and serves the same data', async () => {
    const port = await freePort();
    const server = await start(dataDir, port);
    const get = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/agencies`);
      return { status: res.status, body: (await res.json()) as { total?: number; error?: string } };
    };
    let checkpointer: number | undefined;
    try {
      const killed = postmasterPid(dataDir);
      // A process of the old cluster that outlives its postmaster holds the shared memory, and PostgreSQL refuses
      // to start beside it (as it may, briefly, for real): holding the checkpointer stopped keeps the database
      // away for as long as the test needs to see the 503s.
      checkpointer = childrenOf(killed).find((pid) => commandOf(pid).includes('checkpointer'));
      expect(checkpointer).toBeDefined();
      process.kill(checkpointer!, 'SIGSTOP');
      process.kill(killed, 'SIGKILL');
      for (;;) {
        const res = await get();
        if (res.status === 503) {
          expect(res.body.error).toBe('DATABASE_UNAVAILABLE');
          break;
        }
        expect(res.status).toBe(200); // answered before the pool noticed
        await new Promise((r) => setTimeout(r, 100));
      }
      const away = await get();
      expect(away).toMatchObject({ status: 503, body: { error: 'DATABASE_UNAVAILABLE' } });
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(503);
      expect(server.output()).toContain(`PostgreSQL (pid ${killed}) stopped unexpectedly (SIGKILL)`);

      process.kill(checkpointer!, 'SIGKILL');
      checkpointer = undefined;
      for (;;) {
        const res = await get();
        if (res.status === 200) {
          expect(res.body.total).toBe(170);
          break;
        }
        expect(res).toMatchObject({ status: 503, body: { error: 'DATABASE_UNAVAILABLE' } });
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(server.output()).toMatch(/PostgreSQL started again \(pid \d+\)/);
      const restarted = postmasterPid(dataDir);
      expect(restarted).not.toBe(killed);
      expect(alive(restarted)).toBe(true);
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    } finally {
      if (checkpointer !== undefined) process.kill(checkpointer, 'SIGKILL');
      const pgPid = postmasterPid(dataDir);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
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
