import type { EntityManager } from 'typeorm';
import { addDays } from '../../common/dates/calendar-day.js';
import { lastEndedWeekStart, weekIdOf } from '../../common/dates/week.js';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/auth-user.js';
import { selectCycleHolding, selectCycleSpans } from '../compliance/compliance.queries.js';
import { buildWeeklyReport, digestOf } from './weekly-report.content.js';
import { insertReport, selectNewestRevision, selectNewestWeek } from './reports.queries.js';

/**
 * Producing weekly reports: by the Saturday schedule, at start (the weeks missed while no server ran), by hand
 * (`npm run report:weekly`), by the demo seed, and as a correction (a new revision). Plain functions over an
 * EntityManager in the caller's transaction, so that all of these share one code path.
 *
 * Exactly one report per week, however many processes try at once: a transaction-scoped advisory lock per week
 * serialises them, and the unique index on (week, revision) is the last word (`ON CONFLICT DO NOTHING`).
 */

/** The advisory lock's first key (any number); the second is the week's day number. */
const REPORT_LOCK = 7_141_402;

export interface PublishOptions {
  publishedAt: Date;
  /** Hours before the public sees it. */
  embargoHours: number;
  actor?: Actor;
}

export type ProduceResult =
  | { week: string; created: true; id: string; revision: number; digest: string }
  | { week: string; created: false; why: 'exists' | 'no_cycle' };

async function lockWeek(db: EntityManager, weekStart: string): Promise<void> {
  const day = Math.round(Date.parse(`${weekStart}T00:00:00Z`) / 86_400_000);
  await db.query('SELECT pg_advisory_xact_lock($1, $2)', [REPORT_LOCK, day]);
}

function publicFromOf(options: PublishOptions): Date {
  return new Date(options.publishedAt.getTime() + options.embargoHours * 3_600_000);
}

/** Publishes the report of the week starting `weekStart` unless it exists; a week outside every cycle has none. */
export async function produceWeeklyReport(
  db: EntityManager,
  weekStart: string,
  options: PublishOptions,
): Promise<ProduceResult> {
  const week = weekIdOf(weekStart);
  await lockWeek(db, weekStart);
  if (await selectNewestRevision(db, weekStart)) return { week, created: false, why: 'exists' };
  const cycle = await selectCycleHolding(db, weekStart);
  if (!cycle) return { week, created: false, why: 'no_cycle' };
  const content = await buildWeeklyReport(db, weekStart, cycle);
  const digest = digestOf(content);
  const id = await insertReport(db, {
    cycleId: cycle.id,
    weekStart,
    weekEnd: addDays(weekStart, 6),
    revision: 1,
    supersedesId: null,
    reason: null,
    content,
    digest,
    publishedAt: options.publishedAt,
    publicFrom: publicFromOf(options),
    publishedById: options.actor?.user.id ?? null,
  });
  if (!id) return { week, created: false, why: 'exists' };
  await new AuditService().record(db, {
    actor: options.actor,
    action: 'publish_weekly_report',
    entityType: 'weekly_report',
    entityId: id,
    after: { week, revision: 1, digest, cycle: cycle.code },
  });
  return { week, created: true, id, revision: 1, digest };
}

/**
 * A correction: the week's report computed again from today's data, published as the next revision, pointing to
 * the one it replaces, with the reason. The old revision stays as it was, readable.
 */
export async function reviseWeeklyReport(
  db: EntityManager,
  weekStart: string,
  reason: string,
  options: PublishOptions,
): Promise<ProduceResult | undefined> {
  const week = weekIdOf(weekStart);
  await lockWeek(db, weekStart);
  const newest = await selectNewestRevision(db, weekStart);
  if (!newest) return undefined;
  const cycle = await selectCycleHolding(db, weekStart);
  if (!cycle) return { week, created: false, why: 'no_cycle' };
  const content = await buildWeeklyReport(db, weekStart, cycle);
  const digest = digestOf(content);
  const revision = newest.revision + 1;
  const id = await insertReport(db, {
    cycleId: cycle.id,
    weekStart,
    weekEnd: addDays(weekStart, 6),
    revision,
    supersedesId: newest.id,
    reason,
    content,
    digest,
    publishedAt: options.publishedAt,
    publicFrom: publicFromOf(options),
    publishedById: options.actor?.user.id ?? null,
  });
  if (!id) return { week, created: false, why: 'exists' };
  await new AuditService().record(db, {
    actor: options.actor,
    action: 'revise_weekly_report',
    entityType: 'weekly_report',
    entityId: id,
    before: { id: newest.id, revision: newest.revision },
    after: { week, revision, digest, supersedes: newest.id },
    reason,
  });
  return { week, created: true, id, revision, digest };
}

/**
 * The weeks whose report is due on `today` (a Tehran day) and missing: every week after the newest report up to
 * the last one that has ended, oldest first; with no report yet, only the last ended week (older weeks are
 * produced by hand, `npm run report:weekly -- --week`).
 */
export async function dueWeeks(db: EntityManager, today: string): Promise<string[]> {
  const last = lastEndedWeekStart(today);
  const [newest, cycles] = await Promise.all([selectNewestWeek(db), selectCycleSpans(db)]);
  const inCycle = (week: string) => cycles.some((c) => c.starts_on <= week && week <= c.ends_on);
  if (newest === null) return inCycle(last) ? [last] : [];
  const weeks: string[] = [];
  for (let week = addDays(newest, 7); week <= last; week = addDays(week, 7)) if (inCycle(week)) weeks.push(week);
  return weeks;
}
