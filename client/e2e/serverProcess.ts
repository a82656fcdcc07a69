import { spawn, type ChildProcess } from 'node:child_process';
import { access, chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built server, as `npm start` runs it. */
const SERVER_MAIN = resolve(__dirname, '../../server/dist/server/src/main.js');
const READY_LINE = 'Stop with Ctrl+C';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

export interface DemoCredential {
  username: string;
  password: string;
  role: 'admin' | 'evaluator' | 'cabinet';
}

export interface RunningServer {
  baseUrl: string;
  credentials: DemoCredential[];
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolveExit();
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit();
    });
  });
}

/** True once PostgreSQL has removed its pid file, i.e. its last process has finished writing the folder. */
async function waitForPostgresGone(dataDir: string, timeoutMs: number): Promise<void> {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await access(pidFile);
    } catch {
      return;
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
}

/**
 * Removes the scratch data folder. PostgreSQL's last processes can outlive the server's own exit by a moment and
 * still be writing (pg_xact, pg_wal), which made a bare `rm` fail with ENOTEMPTY in CI; so wait for its pid file
 * to go, and retry the removal. A folder that still cannot be removed is reported, not a failed suite: it is
 * scratch space under the system's temporary folder.
 */
async function removeDataDir(dataDir: string): Promise<void> {
  await waitForPostgresGone(dataDir, STOP_TIMEOUT_MS);
  try {
    await rm(dataDir, { recursive: true, force: true, maxRetries: 20, retryDelay: 250 });
  } catch (error) {
    console.warn(`could not remove the scratch folder ${dataDir}: ${String(error)}`);
  }
}

/**
 * Starts the real server on a free port with a fresh data folder and no DATABASE_URL, so it starts its own
 * embedded PostgreSQL and loads the demo data; resolves once it prints that it is ready.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'monitor-e2e-'));
  await chmod(dataDir, 0o755); // PostgreSQL runs as its own user and must reach the folder
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    INIT_CWD: dataDir,
    RATE_LIMIT_PER_MINUTE: '0', // a browser run asks far faster than any newsroom script
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS; // Jest's flags are not the server's

  const child = spawn(process.execPath, [SERVER_MAIN], { cwd: dataDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (output += chunk));

  const stop = async () => {
    child.kill('SIGTERM'); // the server closes HTTP, then stops its PostgreSQL
    await waitForExit(child, STOP_TIMEOUT_MS);
    await removeDataDir(dataDir);
  };

  try {
    await new Promise<void>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`the server did not start in time:\n${output}`)), START_TIMEOUT_MS);
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes(READY_LINE)) {
          clearTimeout(timer);
          ready();
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        fail(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }

  const credentials = JSON.parse(await readFile(join(dataDir, 'demo-credentials.json'), 'utf8')) as DemoCredential[];
  return { baseUrl: `http://127.0.0.1:${port}`, credentials, output: () => output, stop };
}

/** A session cookie for API calls made by the test itself (e.g. an admin opening a round). */
export async function signInForCookie(baseUrl: string, credential: DemoCredential): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: baseUrl },
    body: JSON.stringify({ username: credential.username, password: credential.password }),
  });
  if (!response.ok)
    throw new Error(`sign-in as ${credential.username} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  if (!cookie) throw new Error('the sign-in reply set no cookie');
  return cookie;
}
