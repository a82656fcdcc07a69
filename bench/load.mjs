// node bench/load.mjs [--seconds 60] [--readers 200] [--writers 4] [--import-rows 60]
//
// A load test of the real, built server (not part of `npm test`; see bench/README.md "Load"): it starts the server
// on a fresh DATA_DIR of its own (embedded PostgreSQL, demo data), then for `--seconds` runs `--readers` concurrent
// readers of the public API while signed-in evaluators record agencies' progress through the API and a progress
// import is committed. It reports the reads' rate, p50 and p99 and every error, and checks that no write was lost:
// every write the server acknowledged with a 2xx is read back afterwards. Exit code 1 when a read or write failed
// or a write was lost; 2 on wrong arguments; the server's own failure to start is an error too.
//
// Plain `fetch` with a pool of concurrent loops (no dependency). Build first: `npm run build`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** What the readers ask for, in turn: the public pages people open most. */
const READ_ROUTES = [
  '/api/v1/rankings?by=score&pageSize=200',
  '/api/v1/overview',
  '/api/v1/weekly-reports/latest',
  '/api/v1/agencies?pageSize=200',
];

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_MAIN = join(ROOT, 'server/dist/server/src/main.js');
const REQUEST_TIMEOUT_MS = 30_000;

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    readers: { type: 'string', default: '200' },
    writers: { type: 'string', default: '4' },
    'import-rows': { type: 'string', default: '60' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log('usage: node bench/load.mjs [--seconds 60] [--readers 200] [--writers 4] [--import-rows 60]');
  process.exit(0);
}
const seconds = positiveInt('--seconds', options.seconds);
const readers = positiveInt('--readers', options.readers);
// 0 writers, or 0 import rows, leave that part out: a run of readers alone shows what the writes cost them.
const writers = positiveInt('--writers', options.writers, 0);
const importRows = positiveInt('--import-rows', options['import-rows'], 0);

function positiveInt(name, text, min = 1) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    console.error(`load: ${name} must be a whole number of at least ${min}, not '${text}'`);
    process.exit(2);
  }
  return value;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// The server: started detached on its own data folder, stopped (with its PostgreSQL) on every way out.

const started = {};
let cleaningUp;
const serverLog = [];

function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function cleanUp() {
  cleaningUp ??= (async () => {
    const server = started.server;
    if (server && !hasExited(server)) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 25_000);
      await exited;
      clearTimeout(timer);
    }
    // Were the server killed, its PostgreSQL is still ours: ask it for a fast shutdown.
    const pidFile = started.tempDir && join(started.tempDir, 'data/pg/postmaster.pid');
    if (pidFile && existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
        process.kill(pid, 'SIGINT');
        for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
      }
    }
    if (started.tempDir) await rm(started.tempDir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nload: ${signal}: stopping the server`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startServer() {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run \`npm run build\` first`);
  started.tempDir = await mkdtemp(join(os.tmpdir(), 'monitor-load-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to pass through this folder.
  await chmod(started.tempDir, 0o755);
  const port = await freePort();
  const server = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      DATA_DIR: join(started.tempDir, 'data'),
      // Every reader comes from 127.0.0.1: the per-address limit would turn this test into one of the limiter.
      RATE_LIMIT_PER_MINUTE: '0',
      BACKUP_DIR: '',
    },
  });
  started.server = server;
  for (const stream of [server.stdout, server.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      serverLog.push(line);
      if (serverLog.length > 80) serverLog.shift();
    });
  }
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && !hasExited(server)) {
    const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (health?.status === 200) return base;
    await sleep(250);
  }
  const why = hasExited(server) ? `exited (code ${server.exitCode ?? server.signalCode})` : 'was not healthy in 120 s';
  throw new Error(`the server ${why}; its last lines:\n  ${serverLog.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function request(base, path, { method = 'GET', token, json, body, headers = {} } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: json !== undefined ? JSON.stringify(json) : body,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let parsed = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') parsed = JSON.parse(text);
  return { status: response.status, body: parsed };
}

async function signIn(base, account) {
  const res = await request(base, '/api/v1/auth/login', {
    method: 'POST',
    json: { username: account.username, password: account.password, mode: 'token' },
  });
  if (res.status !== 200 || !res.body.token) throw new Error(`sign-in as ${account.username}: ${res.status}`);
  return res.body.token;
}

/** A progress write that keeps the agency's days in order: the current day of a kind again, with a new note. */
function progressWrite(progress, note) {
  if (progress.nationalWindowConnectedOn) {
    return { kind: 'national_window_connected', occurredOn: progress.nationalWindowConnectedOn, note };
  }
  return {
    kind: 'single_window_launched',
    occurredOn: progress.singleWindowLaunchedOn ?? '2022-03-21',
    url: progress.singleWindowUrl ?? 'https://load-test.example.ir',
    note,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (n) => (n === null ? null : Number(n.toFixed(1)));

function count(map, key) {
  map[key] = (map[key] ?? 0) + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// The run

async function main() {
  const run = randomBytes(3).toString('hex');
  console.log(`load: starting the built server on a fresh DATA_DIR (run ${run})`);
  const base = await startServer();
  const credentials = JSON.parse(await readFile(join(started.tempDir, 'data/demo-credentials.json'), 'utf8'));
  const evaluators = credentials.filter((c) => c.role === 'evaluator');
  if (evaluators.length === 0) throw new Error('the demo data has no evaluator account');
  const tokens = [];
  for (const account of evaluators) tokens.push(await signIn(base, account));

  const agencies = (await request(base, '/api/v1/agencies?pageSize=200')).body.items;
  // Disjoint agencies: the import's, then each writer's, so that a 409 would mean a real conflict.
  const importAgencies = agencies.slice(0, Math.min(importRows, Math.floor(agencies.length / 2)));
  const writable = agencies.slice(importAgencies.length);
  const writerAgencies = Array.from({ length: writers }, (_, w) => writable.filter((_, i) => i % writers === w));
  if (writers > 0 && tokens.length === 0) throw new Error('no evaluator signed in');
  console.log(
    `load: ${readers} readers and ${writers} writers (${evaluators.length} evaluator accounts, ` +
      `${writable.length} agencies) for ${seconds} s, an import of ${importAgencies.length} rows at ${Math.round(seconds / 3)} s`,
  );

  const deadline = performance.now() + seconds * 1000;
  const reads = { latencies: [], statuses: {}, errors: {} };
  const writes = { acknowledged: [], statuses: {}, errors: {}, conflicts: 0 };
  const importResult = { status: null, rows: 0, error: null };

  async function reader(r) {
    for (let i = r; performance.now() < deadline; i++) {
      const path = READ_ROUTES[i % READ_ROUTES.length];
      const start = performance.now();
      try {
        const res = await fetch(base + path, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
        await res.arrayBuffer();
        reads.latencies.push(performance.now() - start);
        count(reads.statuses, res.status);
        if (res.status >= 400) count(reads.errors, `${res.status} ${path}`);
      } catch (error) {
        count(reads.errors, `${error.name}: ${error.message}`);
      }
    }
  }

  async function writer(w) {
    const token = tokens[w % tokens.length];
    const mine = writerAgencies[w];
    for (let n = 0; performance.now() < deadline && mine.length > 0; n++) {
      const agency = mine[n % mine.length];
      const note = `load ${run} writer ${w} #${n}`;
      try {
        const current = await request(base, `/api/v1/agencies/${agency.id}/progress?serviceEventLimit=1`, { token });
        if (current.status !== 200) {
          count(writes.errors, `read ${current.status}`);
          continue;
        }
        const res = await request(base, `/api/v1/agencies/${agency.id}/progress`, {
          method: 'POST',
          token,
          json: { version: current.body.version, ...progressWrite(current.body, note) },
        });
        count(writes.statuses, res.status);
        if (res.status >= 200 && res.status < 300) writes.acknowledged.push({ agencyId: agency.id, note });
        else if (res.status === 409) writes.conflicts++;
        else count(writes.errors, `${res.status} ${res.body?.error ?? ''}`);
      } catch (error) {
        count(writes.errors, `${error.name}: ${error.message}`);
      }
    }
  }

  async function importer() {
    if (importAgencies.length === 0) return;
    await sleep((seconds * 1000) / 3);
    const note = `load ${run} import`;
    const lines = [['agency', 'event', 'date', 'url', 'note']];
    // A row that changes nothing is not written (the commit counts it as unchanged): today is a day no agency of
    // the demo data has; connected when its single window is launched (in the past), else launched.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
    for (const agency of importAgencies) {
      const current = await request(base, `/api/v1/agencies/${agency.id}/progress?serviceEventLimit=1`, {
        token: tokens[0],
      });
      if (current.body.singleWindowLaunchedOn) lines.push([agency.code, 'national_window_connected', today, '', note]);
      else lines.push([agency.code, 'single_window_launched', today, 'https://load-test.example.ir', note]);
    }
    const csv = `${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), `load-${run}.csv`);
    try {
      const res = await request(base, '/api/v1/imports/progress/commit', {
        method: 'POST',
        token: tokens[0],
        body: form,
      });
      importResult.status = res.status;
      if (res.status === 200) importResult.rows = res.body.committedRows;
      else importResult.error = JSON.stringify(res.body.details?.problems?.[0] ?? res.body).slice(0, 300);
    } catch (error) {
      importResult.error = `${error.name}: ${error.message}`;
    }
  }

  const began = performance.now();
  await Promise.all([
    ...Array.from({ length: readers }, (_, r) => reader(r)),
    ...Array.from({ length: writers }, (_, w) => writer(w)),
    importer(),
  ]);
  const elapsed = (performance.now() - began) / 1000;
  if (hasExited(started.server)) throw new Error('the server stopped during the run');

  // Every acknowledged write must be in its agency's ledger now.
  const byAgency = new Map();
  for (const w of writes.acknowledged) byAgency.set(w.agencyId, [...(byAgency.get(w.agencyId) ?? []), w.note]);
  if (importResult.status === 200 && importResult.rows !== importAgencies.length) {
    importResult.error = `${importResult.rows} of ${importAgencies.length} rows committed`;
  }
  for (const agency of importResult.status === 200 ? importAgencies : []) {
    byAgency.set(agency.id, [...(byAgency.get(agency.id) ?? []), `load ${run} import`]);
  }
  let lost = 0;
  let checked = 0;
  for (const [agencyId, notes] of byAgency) {
    const ledger = await request(base, `/api/v1/agencies/${agencyId}/progress?serviceEventLimit=1`, {
      token: tokens[0],
    });
    const found = new Set(ledger.body.events.map((e) => e.note));
    for (const note of notes) {
      checked++;
      if (!found.has(note)) {
        lost++;
        if (lost <= 10) console.error(`load: LOST: agency ${agencyId}, "${note}"`);
      }
    }
  }

  const sorted = reads.latencies.sort((a, b) => a - b);
  const readErrors = Object.values(reads.errors).reduce((a, b) => a + b, 0);
  const writeErrors = Object.values(writes.errors).reduce((a, b) => a + b, 0);
  const summary = {
    seconds: round(elapsed),
    readers,
    writers,
    reads: {
      requests: sorted.length,
      perSecond: round(sorted.length / elapsed),
      p50Ms: round(percentile(sorted, 50)),
      p99Ms: round(percentile(sorted, 99)),
      maxMs: round(sorted.at(-1) ?? null),
      statuses: reads.statuses,
      errors: reads.errors,
    },
    writes: {
      acknowledged: writes.acknowledged.length,
      conflicts409: writes.conflicts,
      statuses: writes.statuses,
      errors: writes.errors,
    },
    import: importResult,
    verified: { writesChecked: checked, lost },
  };
  console.log(JSON.stringify(summary, null, 2));
  const importOk = importAgencies.length === 0 || (importResult.status === 200 && !importResult.error);
  const ok = readErrors === 0 && writeErrors === 0 && lost === 0 && importOk;
  console.log(
    `load: reads ${summary.reads.requests} (${summary.reads.perSecond}/s) p50 ${summary.reads.p50Ms} ms ` +
      `p99 ${summary.reads.p99Ms} ms, ${readErrors} errors; writes ${writes.acknowledged.length} acknowledged, ` +
      `${writeErrors} errors; import ${importResult.status}; ${checked} writes checked, ${lost} lost: ${ok ? 'OK' : 'FAILED'}`,
  );
  return ok;
}

main()
  .then(async (ok) => {
    await cleanUp();
    process.exit(ok ? 0 : 1);
  })
  .catch(async (error) => {
    console.error(`load: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  });
