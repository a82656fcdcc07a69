/**
 * node server/dist/server/scripts/bench-compute.js --data-dir bench/.data/<scale> [--runs 5]
 *
 * Part of `npm run bench`: times the compliance engine's computations on one benchmark data set, in process and
 * without the read cache (what a cache miss costs): status on a day for every unit, the weekly report's
 * generation, and the rankings with movement (two days compared). Each is run `--runs` times, each time for
 * another day, after one warm-up run; prints one JSON line with the milliseconds of every run and their median.
 * It starts the data set's embedded PostgreSQL (or attaches to the server running on it) and stops what it started.
 */
import { parseArgs } from 'node:util';
import { addDays } from '../src/common/dates/calendar-day.js';
import { weekStartOf } from '../src/common/dates/week.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { selectCycleHolding } from '../src/modules/compliance/compliance.queries.js';
import { ComplianceService } from '../src/modules/compliance/compliance.service.js';
import { takeSnapshot } from '../src/modules/compliance/compliance.snapshot.js';
import { RankingsQuery } from '../src/modules/compliance/dto/compliance.dto.js';
import { buildWeeklyReport } from '../src/modules/reports/weekly-report.content.js';

const { values } = parseArgs({ options: { 'data-dir': { type: 'string' }, runs: { type: 'string', default: '5' } } });
if (!values['data-dir']) {
  console.error('usage: bench-compute.js --data-dir DIR [--runs N]');
  process.exit(2);
}
const runs = Number(values.runs);
const embedded = await startEmbeddedPostgres({ dataDir: values['data-dir'], ifInUse: 'attach' });
const dataSource = createDataSource(embedded.url);

/** Days within the 1401 cycle, a week apart, from the article's day: every run asks for another day. */
const dayOf = (run: number) => addDays('2022-08-22', 7 * run);

async function timed(run: (i: number) => Promise<unknown>): Promise<{ runsMs: number[]; medianMs: number }> {
  await run(runs); // warm-up, on a day no measured run uses
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await run(i);
    runsMs.push(Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100);
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  return { runsMs, medianMs: sorted[Math.floor(sorted.length / 2)]! };
}

try {
  await dataSource.initialize();
  const db = dataSource.manager;
  const [sizes] = await db.query<Array<{ units: number; services: number; stage_events: number; scores: number }>>(
    `SELECT (SELECT count(*) FROM agency)::int AS units, (SELECT count(*) FROM e_service)::int AS services,
            (SELECT count(*) FROM service_stage_event)::int AS stage_events, (SELECT count(*) FROM score)::int AS scores`,
  );
  let unitsAnswered = 0;
  const statusOnDay = await timed(async (i) => {
    unitsAnswered = (await takeSnapshot(db, { asOf: dayOf(i), all: true })).agencies.length;
  });
  const weeklyReport = await timed(async (i) => {
    const week = weekStartOf(dayOf(i));
    const cycle = await selectCycleHolding(db, week);
    if (!cycle) throw new Error(`no cycle holds ${week}`);
    await buildWeeklyReport(db, week, cycle);
  });
  const compliance = new ComplianceService(dataSource);
  const rankings = await timed(async (i) => {
    const query = Object.assign(new RankingsQuery(), { asOf: dayOf(i), scope: 'all', pageSize: 1000 });
    await compliance.rankings(query);
  });
  console.log(JSON.stringify({ sizes, unitsAnswered, statusOnDay, weeklyReport, rankings }));
} finally {
  await dataSource.destroy().catch(() => undefined);
  await embedded.stop();
}
