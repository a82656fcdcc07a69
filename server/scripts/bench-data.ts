/**
 * npm run bench:data -- --scale demo|x10|national [--data-dir DIR] [--fresh]
 *
 * Loads one of the benchmark's data sets (server/src/database/seed/scale-seed.ts) into its own embedded PostgreSQL
 * under `bench/.data/<scale>` (or --data-dir): the demo data plus, for x10 and national, generated subordinate
 * units with their services, 260 weeks of stage history and ten rounds of scores, loaded with COPY. A folder that
 * already holds this data set is kept (the data are deterministic); --fresh loads it again. A folder holding
 * anything else is never touched. Start a server on it with `DATA_DIR=bench/.data/<scale> npm start`.
 */
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIGRATIONS } from '../../migrations/index.js';
import { parseArgs } from 'node:util';
import { createDataSource } from '../src/database/data-source.js';
import { isProcessAlive, startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { DEMO, seedDemoData } from '../src/database/seed/demo-seed.js';
import {
  SCALE_GENERATOR,
  SCALES,
  seedScale,
  type ScaleCounts,
  type ScaleName,
} from '../src/database/seed/scale-seed.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Written last, so a folder with it holds a complete data set of this scale and generator. */
const MARKER = 'bench-dataset.json';

function fail(message: string): never {
  console.error(`bench:data: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    scale: { type: 'string' },
    'data-dir': { type: 'string' },
    fresh: { type: 'boolean', default: false },
  },
});
const scale = values.scale as ScaleName | undefined;
if (!scale || !(scale in SCALES)) fail(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const plan = SCALES[scale];
const dataDir = resolve(values['data-dir'] ?? join(ROOT, 'bench/.data', scale));
// A new migration or generator makes a new data set: the folder is loaded again.
const wanted = { scale, generator: SCALE_GENERATOR, demo: DEMO.generator, schema: MIGRATIONS.at(-1)!.name, plan };

type Marker = typeof wanted & { complete: boolean };

async function markerOf(dir: string): Promise<Marker | undefined> {
  try {
    return JSON.parse(await readFile(join(dir, MARKER), 'utf8')) as Marker;
  } catch {
    return undefined;
  }
}

function sameDataSet(marker: Marker): boolean {
  const { scale: s, generator, demo, schema, plan: p } = marker;
  return JSON.stringify({ scale: s, generator, demo, schema, plan: p }) === JSON.stringify(wanted);
}

/** A load cut short (Ctrl+C, a crash) can leave its PostgreSQL running: ask it for a fast shutdown first. */
async function stopLeftoverPostgres(databaseDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(join(databaseDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isProcessAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isProcessAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

const found = existsSync(dataDir) ? await markerOf(dataDir) : undefined;
const same = found?.complete === true && sameDataSet(found);
if (same && !values.fresh) {
  console.log(`bench:data: ${dataDir} already holds the ${scale} data set`);
  process.exit(0);
}
if (existsSync(dataDir) && (await readdir(dataDir)).length > 0) {
  // Never over someone's data: only a folder this script made (its marker) is emptied.
  if (!found) fail(`${dataDir} is not empty and holds no benchmark data set: choose another --data-dir`);
  await stopLeftoverPostgres(join(dataDir, 'pg'));
  await rm(dataDir, { recursive: true, force: true });
}
await mkdir(dataDir, { recursive: true });
await writeFile(join(dataDir, MARKER), `${JSON.stringify({ ...wanted, complete: false }, null, 2)}\n`);

const started = Date.now();
console.log(`bench:data: loading the ${scale} data set into ${dataDir}`);
const embedded = await startEmbeddedPostgres({ dataDir, ifInUse: 'refuse' });
const dataSource = createDataSource(embedded.url);
// Ctrl+C: stop this load's PostgreSQL too; the folder stays marked incomplete and is loaded again next time.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`bench:data: ${signal}: stopping`);
    void dataSource
      .destroy()
      .catch(() => undefined)
      .then(() => embedded.stop())
      .finally(() => process.exit(130));
  });
}
let counts: ScaleCounts | undefined;
try {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const credentials = await dataSource.transaction((manager) =>
    seedDemoData(manager, {
      beforeReports: async (m) => {
        counts = await seedScale(m, plan);
        if (counts) {
          await m.query(`INSERT INTO dataset_info (key, value) VALUES ('bench', $1::jsonb)`, [
            JSON.stringify({ ...wanted, counts }),
          ]);
          console.log(`bench:data: loaded ${JSON.stringify(counts)} in ${(Date.now() - started) / 1000} s`);
        }
      },
    }),
  );
  await dataSource.query('VACUUM ANALYZE');
  const totals = (
    await dataSource.query<Array<Record<string, number>>>(
      `SELECT (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM e_service)::int AS services,
              (SELECT count(*) FROM service_stage_event)::int AS stage_events,
              (SELECT count(*) FROM evaluation_round)::int AS rounds, (SELECT count(*) FROM score)::int AS scores,
              (SELECT count(*) FROM weekly_report)::int AS weekly_reports`,
    )
  )[0]!;
  const credentialsFile = join(dataDir, 'demo-credentials.json');
  await writeFile(credentialsFile, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  await chmod(credentialsFile, 0o600);
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  await writeFile(
    join(dataDir, MARKER),
    `${JSON.stringify({ ...wanted, complete: true, counts: totals, seconds }, null, 2)}\n`,
  );
  console.log(`bench:data: ${scale}: ${JSON.stringify(totals)} in ${seconds} s`);
} finally {
  await dataSource.destroy().catch(() => undefined);
  await embedded.stop();
}
