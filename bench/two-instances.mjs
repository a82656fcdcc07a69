// node bench/two-instances.mjs [--cycles 4]
//
// Two instances of the built server on one database, the way a load balancer would run them: a write on one is
// seen by the other's very next read, and both serve the same bytes under the same ETag (issue 11, "out past one
// machine"). Instance A starts on a fresh DATA_DIR (embedded PostgreSQL, demo data); instance B starts on its own
// DATA_DIR with `DATABASE_URL` pointing at A's PostgreSQL and `SEED=none`. The other instance learns of a commit
// through PostgreSQL LISTEN/NOTIFY only, so the first read after the write is taken as it comes: no retry, since a
// retry would hide exactly the staleness this looks for.
//
// Used by bench/run.mjs (`twoInstances({ root, log })`); run alone it prints the result as JSON and exits 0 when
// every check held, 1 otherwise. Build first: `npm run build -w server` (the client's build is not needed).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REQUEST_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 120_000;
/** The public reads compared across the instances; `{id}` is the agency the scenario writes to. */
const RANKINGS = '/api/v1/rankings?by=score&pageSize=200';
const agencyPath = (id) => `/api/v1/agencies/${id}`;
const progressPath = (id) => `/api/v1/agencies/${id}/progress`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n) => Number(n.toFixed(2));

/** The cleanup of the run in flight, so that a caller's own Ctrl+C handler can wait for it (`stopTwoInstances`). */
let inFlight;

/** Stops the servers and PostgreSQL of a run in progress and removes its folders; resolves at once when none. */
export function stopTwoInstances() {
  return inFlight?.() ?? Promise.resolve();
}

/**
 * Runs the scenario and resolves with `{ ok, steps, etagsEqualBefore, etagsEqualAfter, writeVisibleOnB, … }`.
 * Throws only when the instances cannot be started (the server is not built, one does not become healthy); a check
 * that fails, or a request that errs during the scenario, gives `ok: false` with the steps taken so far. Both
 * servers and PostgreSQL are stopped (B first, then A, whose PostgreSQL it is) and the temporary folders removed on
 * every way out. `cycles`: further writes after the main one, alternately A→B and B→A, each checked the same way.
 */
export async function twoInstances({ root = ROOT, log = () => {}, cycles = 4 } = {}) {
  const serverMain = join(root, 'server/dist/server/src/main.js');
  if (!existsSync(serverMain)) {
    throw new Error(`${serverMain} is missing: build the server first (npm run build -w server)`);
  }
  const run = { instances: {}, tempDir: undefined, stopping: false };
  let cleaning;
  const cleanUp = () => {
    cleaning ??= (async () => {
      run.stopping = true;
      // B first: it holds connections to A's PostgreSQL, which goes away with A.
      await stopInstance(run.instances.b);
      await stopInstance(run.instances.a);
      if (run.instances.a) await stopOrphans(run.tempDir, join(run.instances.a.dataDir, 'pg/postmaster.pid'));
      if (run.tempDir) await rm(run.tempDir, { recursive: true, force: true });
    })();
    return cleaning;
  };
  const onSignal = (signal) => {
    log(`two-instances: ${signal}: stopping both servers`);
    void cleanUp();
  };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, onSignal);
  inFlight = cleanUp;
  try {
    run.tempDir = await mkdtemp(join(os.tmpdir(), 'monitor-two-'));
    // PostgreSQL runs as the `postgres` user when we are root: it must be able to pass through this folder.
    await chmod(run.tempDir, 0o755);

    log('two-instances: starting instance A (embedded PostgreSQL, demo data)');
    const startedAt = performance.now();
    const a = await startInstance(run, 'a', serverMain, root, {});
    const databaseUrl = await embeddedDatabaseUrl(a.dataDir);
    log(`two-instances: starting instance B on A's database (port ${new URL(databaseUrl).port})`);
    const b = await startInstance(run, 'b', serverMain, root, { DATABASE_URL: databaseUrl, SEED: 'none' });
    const startMs = round(performance.now() - startedAt);
    log(`two-instances: A on ${a.base}, B on ${b.base} (${Math.round(startMs)} ms); running the scenario`);
    const steps = [];
    const result = await scenario(a, b, cycles, log, steps).catch((error) => ({
      ok: false,
      error: error instanceof Error ? error.message : String(error),
      steps,
    }));
    for (const instance of [a, b]) {
      if (hasExited(instance.child)) {
        result.ok = false;
        result.error ??= `instance ${instance.name.toUpperCase()} stopped during the scenario`;
      }
    }
    return { ...result, instances: { startMs, a: a.base, b: b.base } };
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    await cleanUp();
    if (inFlight === cleanUp) inFlight = undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The scenario

/** `steps` is filled in as it goes, so that a failure still shows how far it came. */
async function scenario(a, b, cycles, log, steps) {
  /** One GET, recorded: its status, ETag, time, and the parsed body (kept out of the recorded step). */
  const get = async (instance, path, label) => {
    const began = performance.now();
    const res = await request(instance.base, path);
    const step = {
      step: label,
      instance: instance.name.toUpperCase(),
      request: `GET ${path}`,
      status: res.status,
      etag: res.etag,
      ms: round(performance.now() - began),
    };
    steps.push(step);
    if (res.status !== 200) throw new Error(`${step.request} on ${step.instance}: ${res.status}`);
    return { ...res, step };
  };
  const same = (x, y) => x.etag !== null && x.etag === y.etag && x.text === y.text;

  const credentials = JSON.parse(await readFile(join(a.dataDir, 'demo-credentials.json'), 'utf8'));
  const evaluator = credentials.find((c) => c.role === 'evaluator');
  if (!evaluator) throw new Error('the demo data has no evaluator account');
  const token = await signIn(a.base, evaluator);
  steps.push({ step: 'sign in on A', instance: 'A', request: 'POST /api/v1/auth/login', status: 200 });

  const agencies = (await get(a, '/api/v1/agencies?pageSize=200', 'agencies on A')).body.items;
  // A write that changes what the public sees: an agency whose single window is launched but not yet connected
  // connects today (its agency page, progress and standing change). Failing that, load.mjs's kind of write (the
  // same day again with a new note), which still moves the agency's version.
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tehran' }).format(new Date());
  const target =
    agencies.find((x) => x.singleWindowLaunchedOn && !x.nationalWindowConnectedOn && x.isMain) ??
    agencies.find((x) => x.singleWindowLaunchedOn && !x.nationalWindowConnectedOn) ??
    agencies[0];
  if (!target) throw new Error('the demo data has no agency');

  // Before: both instances serve the same bytes under the same tag. Each is read twice, so that B's second answer
  // comes from its read cache: a stale cache entry is what a missed notification would leave behind.
  const routes = [RANKINGS, agencyPath(target.id), progressPath(target.id)];
  const before = {};
  let etagsEqualBefore = true;
  for (const path of routes) {
    const onA = await get(a, path, 'before, A');
    await get(b, path, 'before, B (computed)');
    const onB = await get(b, path, 'before, B (cached)');
    onB.step.sameAsA = same(onA, onB);
    etagsEqualBefore &&= onB.step.sameAsA;
    before[path] = onB;
  }

  // The write on A, as load.mjs's writers make it: read the version, then post.
  const current = await request(a.base, `${progressPath(target.id)}?serviceEventLimit=1`, { token });
  if (current.status !== 200) throw new Error(`reading the progress of ${target.code} on A: ${current.status}`);
  const note = `two-instances ${randomBytes(3).toString('hex')}`;
  const connects = current.body.singleWindowLaunchedOn && !current.body.nationalWindowConnectedOn;
  const write = connects
    ? { kind: 'national_window_connected', occurredOn: today, note }
    : sameDayAgain(current.body, note);
  const wrote = await post(a, progressPath(target.id), { version: current.body.version, ...write }, token);
  steps.push({
    step: 'write on A',
    instance: 'A',
    request: `POST ${progressPath(target.id)}`,
    status: wrote.status,
    agency: target.code,
    write: write.kind,
    occurredOn: write.occurredOn,
    versionBefore: current.body.version,
    versionAfter: wrote.body?.version ?? null,
    ms: wrote.ms,
  });
  if (wrote.status < 200 || wrote.status >= 300) {
    throw new Error(`the write on A answered ${wrote.status}: ${JSON.stringify(wrote.body).slice(0, 300)}`);
  }

  // B's very next read, at once: the agency's page, then its progress and the rankings.
  const firstPath = connects ? agencyPath(target.id) : progressPath(target.id);
  const readAfterMs = round(performance.now() - wrote.at);
  const first = await get(b, firstPath, 'after, B (first read after the write)');
  first.step.startedAfterWriteMs = readAfterMs;
  const shows = (path, res) =>
    path === agencyPath(target.id)
      ? res.body.nationalWindowConnectedOn === today
      : path === progressPath(target.id)
        ? res.body.version === wrote.body.version
        : true;
  first.step.showsWrite = shows(firstPath, first);
  first.step.etagChanged = first.etag !== before[firstPath].etag;
  const writeVisibleOnB = first.step.showsWrite && first.step.etagChanged;

  const after = { [firstPath]: first };
  for (const path of routes.filter((p) => p !== firstPath)) {
    const onB = await get(b, path, 'after, B');
    onB.step.showsWrite = shows(path, onB);
    onB.step.etagChanged = onB.etag !== before[path].etag;
    after[path] = onB;
  }
  let etagsEqualAfter = true;
  for (const path of routes) {
    const onA = await get(a, path, 'after, A');
    onA.step.sameAsB = same(onA, after[path]);
    etagsEqualAfter &&= onA.step.sameAsB;
  }
  const rankingsChanged = after[RANKINGS].etag !== before[RANKINGS].etag;
  const checks = {
    agencyPageChangedOnB: !connects || (after[agencyPath(target.id)].step.showsWrite ?? false),
    progressVersionMovedOnB: after[progressPath(target.id)].step.showsWrite,
  };

  // More writes, alternately on A and on B, each followed at once by the other instance's read of the agency's
  // progress (from its read cache when nothing told it of the write): the version must have moved.
  const more = [];
  const others = agencies.filter((x) => x.id !== target.id);
  for (let n = 0; n < cycles && others.length > 0; n++) {
    const [writer, reader] = n % 2 === 0 ? [b, a] : [a, b];
    const agency = others[n % others.length];
    const path = progressPath(agency.id);
    await get(reader, path, `cycle ${n + 1}, ${reader.name.toUpperCase()} (computed)`);
    const cached = await get(reader, path, `cycle ${n + 1}, ${reader.name.toUpperCase()} (cached)`);
    const now = await request(writer.base, `${path}?serviceEventLimit=1`, { token });
    if (now.status !== 200) throw new Error(`reading the progress of ${agency.code}: ${now.status}`);
    const res = await post(writer, path, { version: now.body.version, ...sameDayAgain(now.body, note) }, token);
    steps.push({
      step: `cycle ${n + 1}, write on ${writer.name.toUpperCase()}`,
      instance: writer.name.toUpperCase(),
      request: `POST ${path}`,
      status: res.status,
      agency: agency.code,
      versionBefore: now.body.version,
      versionAfter: res.body?.version ?? null,
      ms: res.ms,
    });
    if (res.status !== 200) throw new Error(`cycle ${n + 1}: the write on ${writer.name} answered ${res.status}`);
    const afterMs = round(performance.now() - res.at);
    const seen = await get(reader, path, `cycle ${n + 1}, ${reader.name.toUpperCase()} (first read after the write)`);
    seen.step.startedAfterWriteMs = afterMs;
    const again = await get(writer, path, `cycle ${n + 1}, ${writer.name.toUpperCase()}`);
    more.push({
      direction: `${writer.name.toUpperCase()}→${reader.name.toUpperCase()}`,
      agency: agency.code,
      readStartedAfterWriteMs: afterMs,
      versionMoved: seen.body.version === res.body.version && seen.etag !== cached.etag,
      sameEtag: same(seen, again),
    });
  }

  const ok =
    etagsEqualBefore &&
    writeVisibleOnB &&
    etagsEqualAfter &&
    Object.values(checks).every(Boolean) &&
    more.every((c) => c.versionMoved && c.sameEtag);
  log(
    `two-instances: ETags equal before ${etagsEqualBefore}, write on A seen by B's first read ${writeVisibleOnB} ` +
      `(${readAfterMs} ms after A's answer), ETags equal after ${etagsEqualAfter}; ` +
      `${more.filter((c) => c.versionMoved && c.sameEtag).length} of ${more.length} further cycles held: ` +
      `${ok ? 'OK' : 'FAILED'}`,
  );
  return {
    ok,
    agency: { id: target.id, code: target.code },
    write: { kind: write.kind, occurredOn: write.occurredOn },
    etagsEqualBefore,
    writeVisibleOnB,
    bReadStartedAfterWriteMs: readAfterMs,
    etagsEqualAfter,
    rankingsChanged,
    ...checks,
    cycles: more,
    steps,
  };
}

/** The current day of a kind again with a new note: a write that keeps the agency's days in order (load.mjs). */
function sameDayAgain(progress, note) {
  if (progress.nationalWindowConnectedOn) {
    return { kind: 'national_window_connected', occurredOn: progress.nationalWindowConnectedOn, note };
  }
  return {
    kind: 'single_window_launched',
    occurredOn: progress.singleWindowLaunchedOn ?? '2022-03-21',
    url: progress.singleWindowUrl ?? 'https://two-instances.example.ir',
    note,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP

async function request(base, path, { method = 'GET', token, json } = {}) {
  const response = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(json !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: json !== undefined ? JSON.stringify(json) : undefined,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  const at = performance.now();
  let body = text;
  if ((response.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: response.status, etag: response.headers.get('etag'), text, body, at };
}

/** A POST, timed; `at` is when its whole answer had arrived. */
async function post(instance, path, json, token) {
  const began = performance.now();
  const res = await request(instance.base, path, { method: 'POST', token, json });
  return { ...res, ms: round(res.at - began) };
}

async function signIn(base, account) {
  const res = await request(base, '/api/v1/auth/login', {
    method: 'POST',
    json: { username: account.username, password: account.password, mode: 'token' },
  });
  if (res.status !== 200 || !res.body.token) throw new Error(`sign-in as ${account.username}: ${res.status}`);
  return res.body.token;
}

// ---------------------------------------------------------------------------------------------------------------
// The instances

function hasExited(child) {
  return child.exitCode !== null || child.signalCode !== null;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user (PostgreSQL runs as `postgres` when we are root).
    return error.code === 'EPERM';
  }
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

/**
 * The URL by which the CLIs attach to a server's embedded PostgreSQL (server/src/database/embedded-postgres.ts):
 * the port from PostgreSQL's own `postmaster.pid` (line 4) and the password kept beside the cluster.
 */
async function embeddedDatabaseUrl(dataDir) {
  const postmaster = (await readFile(join(dataDir, 'pg/postmaster.pid'), 'utf8')).split('\n');
  const port = Number(postmaster[3]);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no port in ${join(dataDir, 'pg/postmaster.pid')}`);
  const password = (await readFile(join(dataDir, 'pg-password'), 'utf8')).trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/monitor`;
}

/** Starts the built server on its own data folder; resolves once `/api/health` answers 200. */
async function startInstance(run, name, serverMain, root, extraEnv) {
  if (run.stopping) throw new Error('stopped');
  const dataDir = join(run.tempDir, `${name}-data`);
  await mkdir(dataDir, { recursive: true });
  const port = await freePort();
  // Only what this scenario chooses: a DATABASE_URL or SEED in the caller's environment would change the set-up.
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'DATABASE_REPLICA_URLS', 'SEED', 'READ_CACHE_MB']) delete env[key];
  const child = spawn(process.execPath, [serverMain], {
    cwd: root,
    // Detached: Ctrl+C reaches this script only, and the shutdown order (B, then A) stays ours.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      // Every request comes from 127.0.0.1: the per-address limit would be what this measures.
      RATE_LIMIT_PER_MINUTE: '0',
      BACKUP_DIR: '',
      ...extraEnv,
    },
  });
  const instance = { name, child, dataDir, base: `http://127.0.0.1:${port}`, lines: [] };
  run.instances[name] = instance;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      instance.lines.push(line);
      if (instance.lines.length > 60) instance.lines.shift();
    });
  }
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !hasExited(child) && !run.stopping) {
    const health = await fetch(`${instance.base}/api/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
    if (health?.status === 200) return instance;
    await sleep(250);
  }
  if (run.stopping) throw new Error('stopped');
  const why = hasExited(child) ? `exited (code ${child.exitCode ?? child.signalCode})` : 'was not healthy in 120 s';
  throw new Error(`instance ${name.toUpperCase()} ${why}; its last lines:\n  ${instance.lines.join('\n  ')}`);
}

/**
 * A server stopped while it was still starting dies at once (its own shutdown is not installed yet) and leaves
 * what it had begun: `initdb` at work in its folder, or its PostgreSQL running. Ask the postmaster named in the
 * data folder for a fast shutdown, and wait (at most 10 s) until no process names our temporary folder, so that
 * nothing writes into it while it is removed. Nothing is killed but that postmaster, found by its pid file.
 */
async function stopOrphans(tempDir, pidFile) {
  for (let i = 0; i < 100; i++) {
    if (existsSync(pidFile)) {
      const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) process.kill(pid, 'SIGINT');
    }
    if (processesNaming(tempDir) === 0) return;
    await sleep(100);
  }
}

/** How many processes have this folder in their command line (0 where there is no /proc). */
function processesNaming(folder) {
  let count = 0;
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(folder)) count++;
    } catch {
      // gone meanwhile
    }
  }
  return count;
}

/** SIGTERM (the server then closes HTTP, its pool and, when it owns one, its PostgreSQL); SIGKILL after 25 s. */
async function stopInstance(instance) {
  if (!instance || hasExited(instance.child)) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGTERM');
  const timer = setTimeout(() => instance.child.kill('SIGKILL'), 25_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------------------------
// Run alone

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { cycles: { type: 'string', default: '4' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    console.log('usage: node bench/two-instances.mjs [--cycles 4]');
    process.exit(0);
  }
  const cycles = Number(values.cycles);
  if (!Number.isInteger(cycles) || cycles < 0) {
    console.error(`two-instances: --cycles must be a whole number, not '${values.cycles}'`);
    process.exit(2);
  }
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => void stopTwoInstances().finally(() => process.exit(130)));
  }
  twoInstances({ root: ROOT, log: (line) => console.error(line), cycles })
    .then((result) => {
      console.log(JSON.stringify(result, null, 2));
      process.exit(result.ok ? 0 : 1);
    })
    .catch((error) => {
      console.error(`two-instances: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
