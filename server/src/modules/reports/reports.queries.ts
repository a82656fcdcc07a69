import type { EntityManager } from 'typeorm';

/** The reads and writes of weekly reports, as raw SQL. Days as `YYYY-MM-DD` text, instants as ISO text. */

export interface ReportRow {
  id: string;
  cycle_code: string;
  week_starts_on: string;
  week_ends_on: string;
  revision: number;
  supersedes_id: string | null;
  revision_reason: string | null;
  digest: string;
  published_at: string;
  public_from: string;
  content: Record<string, unknown>;
}

const REPORT_COLUMNS = `r.id, c.code AS cycle_code, to_char(r.week_starts_on, 'YYYY-MM-DD') AS week_starts_on,
  to_char(r.week_ends_on, 'YYYY-MM-DD') AS week_ends_on, r.revision, r.supersedes_id, r.revision_reason, r.digest,
  to_char(r.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at,
  to_char(r.public_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS public_from`;

/** Visible to the public from `public_from` on; staff (visibleAt null) see every published revision. */
const VISIBLE = `r.status = 'published' AND ($1::timestamptz IS NULL OR r.public_from <= $1::timestamptz)`;

/** The newest revision of each week visible at that moment, newest week first. */
export function selectLatestRevisions(
  db: EntityManager,
  visibleAt: Date | null,
  page: { limit: number; offset: number },
  withContent = false,
): Promise<ReportRow[]> {
  return db.query<ReportRow[]>(
    `SELECT * FROM (
       SELECT DISTINCT ON (r.week_starts_on) ${REPORT_COLUMNS} ${withContent ? ', r.content' : ''}
       FROM weekly_report r JOIN programme_cycle c ON c.id = r.cycle_id
       WHERE ${VISIBLE}
       ORDER BY r.week_starts_on DESC, r.revision DESC
     ) latest ORDER BY week_starts_on DESC LIMIT $2 OFFSET $3`,
    [visibleAt, page.limit, page.offset],
  );
}

export async function countWeeks(db: EntityManager, visibleAt: Date | null): Promise<number> {
  const rows = await db.query<Array<{ n: number }>>(
    `SELECT count(DISTINCT r.week_starts_on)::int AS n FROM weekly_report r WHERE ${VISIBLE}`,
    [visibleAt],
  );
  return rows[0]?.n ?? 0;
}

/** Every visible revision of one week, newest first. */
export function selectRevisions(db: EntityManager, visibleAt: Date | null, weekStart: string): Promise<ReportRow[]> {
  return db.query<ReportRow[]>(
    `SELECT ${REPORT_COLUMNS}, r.content FROM weekly_report r JOIN programme_cycle c ON c.id = r.cycle_id
     WHERE ${VISIBLE} AND r.week_starts_on = $2::date ORDER BY r.revision DESC`,
    [visibleAt, weekStart],
  );
}

/** The next moment a published revision becomes visible to the public, after `now`. */
export async function selectNextPublicFrom(db: EntityManager, now: Date): Promise<Date | null> {
  const rows = await db.query<Array<{ at: Date | null }>>(
    `SELECT min(public_from) AS at FROM weekly_report WHERE status = 'published' AND public_from > $1::timestamptz`,
    [now],
  );
  return rows[0]?.at ?? null;
}

/** The Saturday of the newest week that has a report, if any. */
export async function selectNewestWeek(db: EntityManager): Promise<string | null> {
  const rows = await db.query<Array<{ week: string | null }>>(
    `SELECT to_char(max(week_starts_on), 'YYYY-MM-DD') AS week FROM weekly_report`,
  );
  return rows[0]?.week ?? null;
}

export interface StoredRevision {
  id: string;
  revision: number;
}

/** The newest revision of a week (any visibility), locked by the caller's advisory lock. */
export async function selectNewestRevision(db: EntityManager, weekStart: string): Promise<StoredRevision | undefined> {
  const rows = await db.query<StoredRevision[]>(
    `SELECT id, revision FROM weekly_report WHERE week_starts_on = $1::date ORDER BY revision DESC LIMIT 1`,
    [weekStart],
  );
  return rows[0];
}

export interface NewReport {
  cycleId: string;
  weekStart: string;
  weekEnd: string;
  revision: number;
  supersedesId: string | null;
  reason: string | null;
  content: unknown;
  digest: string;
  publishedAt: Date;
  publicFrom: Date;
  publishedById: string | null;
}

/** Inserts a published revision; `undefined` when that week's revision already exists (another instance won). */
export async function insertReport(db: EntityManager, report: NewReport): Promise<string | undefined> {
  const rows = await db.query<Array<{ id: string }>>(
    `INSERT INTO weekly_report (cycle_id, week_starts_on, week_ends_on, revision, supersedes_id, revision_reason,
       status, content, digest, published_at, public_from, published_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, 'published', $7::jsonb, $8, $9, $10, $11)
     ON CONFLICT (week_starts_on, revision) DO NOTHING RETURNING id`,
    [
      report.cycleId,
      report.weekStart,
      report.weekEnd,
      report.revision,
      report.supersedesId,
      report.reason,
      JSON.stringify(report.content),
      report.digest,
      report.publishedAt,
      report.publicFrom,
      report.publishedById,
    ],
  );
  return rows[0]?.id;
}

/** A published revision as the Atom feed tells it: the facts of its summary, without the whole content. */
export interface FeedRow {
  id: string;
  week_starts_on: string;
  week_ends_on: string;
  revision: number;
  revision_reason: string | null;
  digest: string;
  published_at: string;
  public_from: string;
  /** Agencies connected to the national window during the week. */
  joined: number;
  /** Agencies overdue on at least one milestone at the week's end. */
  laggards: number;
}

/**
 * The newest revisions visible at `visibleAt` (by the moment the public could first read them, then revision),
 * at most `limit`: every revision is an entry of its own, so a correction is heard like a new report.
 */
export function selectFeedRevisions(db: EntityManager, visibleAt: Date, limit: number): Promise<FeedRow[]> {
  return db.query<FeedRow[]>(
    `SELECT r.id, to_char(r.week_starts_on, 'YYYY-MM-DD') AS week_starts_on,
       to_char(r.week_ends_on, 'YYYY-MM-DD') AS week_ends_on, r.revision, r.revision_reason, r.digest,
       to_char(r.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS published_at,
       to_char(r.public_from AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS public_from,
       coalesce(jsonb_array_length(r.content->'joined'), 0)::int AS joined,
       coalesce((r.content->'laggards'->>'count')::int, 0) AS laggards
     FROM weekly_report r
     WHERE ${VISIBLE}
     ORDER BY r.public_from DESC, r.week_starts_on DESC, r.revision DESC
     LIMIT $2`,
    [visibleAt, limit],
  );
}
