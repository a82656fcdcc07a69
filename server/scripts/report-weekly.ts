/**
 * npm run report:weekly -- --week 1401/06/26 [--revise "reason"]
 * Publishes the weekly report of the week holding that day (any day of it, Jalali or ISO, any digits), unless it
 * exists (idempotent: running it twice publishes once). With --revise, publishes a correction as a new revision.
 * Without --week: every report that is due and missing (what the server does at start).
 * Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR: the running server's when one runs there (with
 * the password it keeps in DATA_DIR), else one it starts and stops.
 */
import { parseArgs } from 'node:util';
import { tehranToday } from '../src/common/dates/calendar-day.js';
import { parseWeek } from '../src/common/dates/week.js';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { createDataSource } from '../src/database/data-source.js';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.js';
import {
  dueWeeks,
  produceWeeklyReport,
  reviseWeeklyReport,
  type ProduceResult,
} from '../src/modules/reports/reports.production.js';

function fail(message: string): never {
  console.error(`report:weekly: ${message}`);
  process.exit(1);
}

const { values } = parseArgs({ options: { week: { type: 'string' }, revise: { type: 'string' } } });
const weekStart = values.week === undefined ? undefined : parseWeek(values.week);
if (weekStart === null) fail(`--week "${values.week}" is not a day (e.g. 1401/06/26 or 2022-09-17)`);
if (values.revise !== undefined && (weekStart === undefined || values.revise.trim().length < 3)) {
  fail('--revise needs --week and a reason of at least 3 characters');
}

let config;
try {
  config = loadConfig(process.env, { clientDir: '' });
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
const embedded = config.databaseUrl
  ? undefined
  : await startEmbeddedPostgres({ dataDir: config.dataDir, ifInUse: 'attach' }).catch((error: unknown) =>
      fail(error instanceof Error ? error.message : String(error)),
    );
const dataSource = createDataSource(config.databaseUrl ?? embedded!.url);
const options = { publishedAt: new Date(), embargoHours: config.reportEmbargoHours };
const describe = (r: ProduceResult) =>
  r.created
    ? `${r.week}: published revision ${r.revision}, sha256 ${r.digest}`
    : `${r.week}: ${r.why === 'exists' ? 'already published, nothing to do' : 'not in any programme cycle'}`;
try {
  await dataSource.initialize();
  await dataSource.runMigrations();
  const weeks = weekStart ? [weekStart] : await dueWeeks(dataSource.manager, tehranToday());
  if (weeks.length === 0) console.log('no weekly report is due');
  for (const week of weeks) {
    const result = await dataSource.transaction((db) =>
      values.revise !== undefined
        ? reviseWeeklyReport(db, week, values.revise.trim(), options)
        : produceWeeklyReport(db, week, options),
    );
    if (!result) fail(`no report of the week ${values.week} to revise`);
    console.log(describe(result));
  }
} finally {
  await dataSource.destroy().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
}
