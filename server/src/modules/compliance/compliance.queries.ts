import type { EntityManager } from 'typeorm';
import type { AgencyBranch, AgencyKind } from '../agencies/agency.entity.js';
import type { MilestoneRule } from '../milestones/milestone-definition.entity.js';

/**
 * The compliance engine's reads. Days arrive as `YYYY-MM-DD` text and scores as exact decimal text.
 */

export interface CycleRow {
  id: string;
  code: string;
  title_fa: string;
  title_en: string;
  starts_on: string;
  ends_on: string;
  baseline_on: string;
}

export interface MilestoneRow {
  id: string;
  code: string;
  title_fa: string;
  title_en: string;
  rule: MilestoneRule;
  share_numerator: number | null;
  share_denominator: number | null;
  due_on: string;
  at_risk_days: number;
}

/** One agency on one day: its inventory, its stages, its score, and the day it met each milestone. */
export interface ComplianceRow {
  id: string;
  code: string;
  name_fa: string;
  name_en: string;
  search_key: string;
  kind: AgencyKind;
  branch: AgencyBranch;
  is_main: boolean;
  single_window_launched_on: string | null;
  national_window_connected_on: string | null;
  /** Services identified by the cycle's baseline day (withdrawn later or not). */
  baseline: number;
  /** Services identified by the day and not withdrawn by then. */
  identified: number;
  in_single_window: number;
  connected: number;
  /** Baseline services in the single window on the day (and not withdrawn). */
  baseline_in_single_window: number;
  /** The latest final score known on the day, exact decimal text, or null. */
  score: string | null;
  /** The day each milestone (in `selectMilestones` order) was met, if it was by the day; else null. */
  met_on: Array<string | null>;
}

const CYCLE_COLUMNS = `id, code, title_fa, title_en, to_char(starts_on, 'YYYY-MM-DD') AS starts_on,
  to_char(ends_on, 'YYYY-MM-DD') AS ends_on, to_char(baseline_on, 'YYYY-MM-DD') AS baseline_on`;

/** The cycle in force on a day: the latest that started on or before it, else the first one; none if no cycle. */
export async function selectCycleInForce(db: EntityManager, day: string): Promise<CycleRow | undefined> {
  const rows = await db.query<CycleRow[]>(
    `SELECT ${CYCLE_COLUMNS} FROM programme_cycle
     ORDER BY (starts_on <= $1::date) DESC, CASE WHEN starts_on <= $1::date THEN starts_on END DESC, starts_on
     LIMIT 1`,
    [day],
  );
  return rows[0];
}

/** The cycle whose span holds a day (cycles never overlap), if any. */
export async function selectCycleHolding(db: EntityManager, day: string): Promise<CycleRow | undefined> {
  const rows = await db.query<CycleRow[]>(
    `SELECT ${CYCLE_COLUMNS} FROM programme_cycle WHERE $1::date BETWEEN starts_on AND ends_on ORDER BY starts_on LIMIT 1`,
    [day],
  );
  return rows[0];
}

/** Every cycle's span. */
export function selectCycleSpans(db: EntityManager): Promise<Array<{ starts_on: string; ends_on: string }>> {
  return db.query(
    `SELECT to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM programme_cycle`,
  );
}

export function selectMilestones(db: EntityManager, cycleId: string): Promise<MilestoneRow[]> {
  return db.query<MilestoneRow[]>(
    `SELECT id, code, title_fa, title_en, rule, share_numerator, share_denominator,
            to_char(due_on, 'YYYY-MM-DD') AS due_on, at_risk_days
     FROM milestone_definition WHERE cycle_id = $1 ORDER BY sort_order, code`,
    [cycleId],
  );
}

export interface ComplianceFilter {
  /** The as-of day (ISO). */
  asOf: string;
  /** The cycle whose milestones and baseline apply; null: no milestones. */
  cycleId: string | null;
  baselineOn: string | null;
  /** With subordinate bodies, or the main agencies only. */
  all: boolean;
  /** Scores of this round only. */
  roundId?: string;
  /** These agencies only (whatever `all` says). */
  agencyIds?: string[];
}

/**
 * Every agency's standing on a day, in one set-based query over the running totals the database keeps per agency
 * and day (migration ComplianceTotals): for each agency, the last row on or before the day gives its inventory and
 * stages, the last row on or before the cycle's baseline day its baseline, and for each milestone the day it was met:
 *
 * - own single window launched, or connected to the national window: that day, if on or before the as-of day;
 * - a share of services in the single window (n/d of the baseline): the day the k-th baseline service reached it,
 *   k = ceil(baseline × n / d) (counted while not withdrawn), and never before the single window itself.
 *
 * The k-th day is the first row of the cycle's totals whose running count reaches k, once the few baseline services
 * withdrawn by the as-of day are set aside (they no longer count, whenever they reached the window). A handful of
 * index probes per agency, whatever the length of its history; never a pass over every service.
 */
export function selectCompliance(db: EntityManager, filter: ComplianceFilter): Promise<ComplianceRow[]> {
  return db.query<ComplianceRow[]>(
    `WITH chosen AS (
       SELECT a.id, a.code, a.name_fa, a.name_en, a.search_key, a.kind, a.branch, a.is_main,
              a.single_window_launched_on, a.national_window_connected_on
       FROM agency a
       WHERE CASE WHEN $5::uuid[] IS NOT NULL THEN a.id = ANY($5::uuid[]) ELSE ($4::boolean OR a.is_main) END
     ), ms AS (
       SELECT rule, share_numerator AS n, share_denominator AS d, sort_order, code
       FROM milestone_definition WHERE cycle_id = $2::uuid
     ), gone AS (
       -- Baseline services in the single window by the day but withdrawn by then: they no longer count.
       SELECT s.agency_id, array_agg(s.single_window_on) AS days
       FROM e_service s
       WHERE s.withdrawn_on <= $1::date AND s.identified_on <= $3::date AND s.single_window_on <= $1::date
         AND s.agency_id IN (SELECT id FROM chosen)
       GROUP BY s.agency_id
     ), svc AS (
       SELECT a.id AS agency_id,
              CASE WHEN $2::uuid IS NULL THEN coalesce(t.identified, 0) ELSE coalesce(b.baseline, 0) END AS baseline,
              coalesce(t.identified - t.withdrawn, 0) AS identified,
              coalesce(t.sw_in - t.sw_out, 0) AS in_single_window,
              coalesce(t.nw_in - t.nw_out, 0) AS connected,
              CASE WHEN $2::uuid IS NULL THEN coalesce(t.sw_in - t.sw_out, 0)
                   ELSE coalesce(c.baseline_sw - c.baseline_sw_out, 0) END AS baseline_in_single_window,
              coalesce(c.baseline_sw, 0) AS baseline_sw
       FROM chosen a
       LEFT JOIN agency_cycle_baseline b ON b.cycle_id = $2::uuid AND b.agency_id = a.id
       LEFT JOIN LATERAL (SELECT * FROM agency_day_total x WHERE x.agency_id = a.id AND x.day <= $1::date
                          ORDER BY x.day DESC LIMIT 1) t ON true
       LEFT JOIN LATERAL (SELECT x.baseline_sw, x.baseline_sw_out FROM agency_cycle_day_total x
                          WHERE x.cycle_id = $2::uuid AND x.agency_id = a.id AND x.day <= $1::date
                          ORDER BY x.day DESC LIMIT 1) c ON true
     ), met AS (
       SELECT a.id AS agency_id, array_agg(to_char(CASE
           WHEN m.rule = 'national_window_connected' THEN
             CASE WHEN a.national_window_connected_on <= $1::date THEN a.national_window_connected_on END
           WHEN a.single_window_launched_on IS NULL OR a.single_window_launched_on > $1::date THEN NULL
           WHEN m.rule = 'single_window_launched' THEN a.single_window_launched_on
           WHEN k.k = 0 THEN a.single_window_launched_on
           WHEN kth.day IS NULL THEN NULL
           ELSE greatest(a.single_window_launched_on, kth.day)
         END, 'YYYY-MM-DD') ORDER BY m.sort_order, m.code) AS met_on
       FROM chosen a
       JOIN svc v ON v.agency_id = a.id
       LEFT JOIN gone g ON g.agency_id = a.id
       CROSS JOIN ms m
       CROSS JOIN LATERAL (SELECT CASE WHEN m.rule = 'single_window_service_share'
         THEN (v.baseline * m.n + m.d - 1) / m.d ELSE 0 END AS k) k
       -- The running count is monotonic in the day, so (count, day) order is day order; rows past the as-of day's
       -- count cannot hold the k-th, and once the count passes k + the withdrawn ones, one must.
       LEFT JOIN LATERAL (
         SELECT x.day FROM agency_cycle_day_total x
         WHERE k.k > 0 AND a.single_window_launched_on <= $1::date
           AND x.cycle_id = $2::uuid AND x.agency_id = a.id
           AND x.baseline_sw BETWEEN k.k AND v.baseline_sw AND x.day <= $1::date
           AND x.baseline_sw - coalesce((SELECT count(*) FROM unnest(g.days) w(day) WHERE w.day <= x.day), 0) >= k.k
         ORDER BY x.baseline_sw, x.day LIMIT 1) kth ON true
       GROUP BY a.id
     ), rounds AS (
       SELECT id, row_number() OVER (ORDER BY ends_on DESC, created_at DESC) AS o FROM evaluation_round
     ), scores AS (
       -- The latest round's final score: the smallest round order, read from a fixed-width prefix (one hash
       -- aggregate, no sort of every score).
       SELECT x.agency_id, substr(min(lpad(r.o::text, 9, '0') || x.total::text), 10) AS score
       FROM score x JOIN rounds r ON r.id = x.round_id
       WHERE x.status = 'final' AND x.finalised_at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Tehran')
         AND ($6::uuid IS NULL OR x.round_id = $6::uuid)
         AND x.agency_id IN (SELECT id FROM chosen)
       GROUP BY x.agency_id
     )
     SELECT a.id, a.code, a.name_fa, a.name_en, a.search_key, a.kind, a.branch, a.is_main,
            to_char(a.single_window_launched_on, 'YYYY-MM-DD') AS single_window_launched_on,
            to_char(a.national_window_connected_on, 'YYYY-MM-DD') AS national_window_connected_on,
            v.baseline, v.identified, v.in_single_window, v.connected, v.baseline_in_single_window,
            c.score, coalesce(mt.met_on, '{}') AS met_on
     FROM chosen a
     JOIN svc v ON v.agency_id = a.id
     LEFT JOIN met mt ON mt.agency_id = a.id
     LEFT JOIN scores c ON c.agency_id = a.id
     ORDER BY a.code`,
    [
      filter.asOf,
      filter.cycleId,
      filter.baselineOn ?? filter.asOf,
      filter.all,
      filter.agencyIds ?? null,
      filter.roundId ?? null,
    ],
  );
}

/** One week of the national series: cumulative counts on the week's counted day. */
export interface HistoryRow {
  /** 0 for the first week. */
  i: number;
  single_windows: number;
  connected: number;
  /** Services present (identified, not withdrawn). */
  present: number;
  /** Present services that reached each stage (a later stage counts in the earlier ones too). */
  electronic: number;
  single_window: number;
  national_window: number;
}

/**
 * The week-by-week series from `firstWeekStart` (a Saturday) to the week holding `asOf`, each week counted on its
 * Friday (the last week on `asOf`). Set-based and linear in the data: every dated fact (a launch, a connection, a
 * service identified, reaching a stage, withdrawn) falls in one week's bucket, and the counts are running sums of
 * the buckets; never a scan per week. A service counts in a stage from the later of the day it reached the stage and
 * the day it was identified, until it is withdrawn.
 */
export function selectHistory(
  db: EntityManager,
  filter: { firstWeekStart: string; asOf: string; all: boolean; weeks: number },
): Promise<HistoryRow[]> {
  return db.query<HistoryRow[]>(
    `WITH chosen AS (
       SELECT id, single_window_launched_on, national_window_connected_on FROM agency WHERE $3::boolean OR is_main
     ), facts AS (
       SELECT f.k, f.d
       FROM chosen a
       CROSS JOIN LATERAL (VALUES ('sw', a.single_window_launched_on), ('nw', a.national_window_connected_on)) f(k, d)
       UNION ALL
       SELECT f.k, f.d
       FROM e_service s
       JOIN chosen a ON a.id = s.agency_id
       CROSS JOIN LATERAL (SELECT greatest(s.identified_on, s.electronic_on) AS el,
                                  greatest(s.identified_on, s.single_window_on) AS sw,
                                  greatest(s.identified_on, s.national_window_on) AS nw) r
       CROSS JOIN LATERAL (VALUES
         ('id', s.identified_on), ('id-', greatest(s.identified_on, s.withdrawn_on)),
         ('el', CASE WHEN s.electronic_on IS NOT NULL THEN r.el END),
         ('el-', CASE WHEN s.electronic_on IS NOT NULL AND s.withdrawn_on IS NOT NULL THEN greatest(r.el, s.withdrawn_on) END),
         ('ss', CASE WHEN s.single_window_on IS NOT NULL THEN r.sw END),
         ('ss-', CASE WHEN s.single_window_on IS NOT NULL AND s.withdrawn_on IS NOT NULL THEN greatest(r.sw, s.withdrawn_on) END),
         ('sn', CASE WHEN s.national_window_on IS NOT NULL THEN r.nw END),
         ('sn-', CASE WHEN s.national_window_on IS NOT NULL AND s.withdrawn_on IS NOT NULL THEN greatest(r.nw, s.withdrawn_on) END)
       ) f(k, d)
       WHERE f.k <> 'id-' OR s.withdrawn_on IS NOT NULL
     ), buckets AS (
       SELECT CASE WHEN d <= $1::date + 6 THEN 0 ELSE (d - ($1::date + 6) + 6) / 7 END AS i,
              count(*) FILTER (WHERE k = 'sw')::int AS sw, count(*) FILTER (WHERE k = 'nw')::int AS nw,
              (count(*) FILTER (WHERE k = 'id') - count(*) FILTER (WHERE k = 'id-'))::int AS present,
              (count(*) FILTER (WHERE k = 'el') - count(*) FILTER (WHERE k = 'el-'))::int AS el,
              (count(*) FILTER (WHERE k = 'ss') - count(*) FILTER (WHERE k = 'ss-'))::int AS ss,
              (count(*) FILTER (WHERE k = 'sn') - count(*) FILTER (WHERE k = 'sn-'))::int AS sn
       FROM facts
       WHERE d IS NOT NULL AND d <= $2::date
       GROUP BY 1
     )
     SELECT w.i,
            (sum(coalesce(b.sw, 0)) OVER run)::int AS single_windows,
            (sum(coalesce(b.nw, 0)) OVER run)::int AS connected,
            (sum(coalesce(b.present, 0)) OVER run)::int AS present,
            (sum(coalesce(b.el, 0)) OVER run)::int AS electronic,
            (sum(coalesce(b.ss, 0)) OVER run)::int AS single_window,
            (sum(coalesce(b.sn, 0)) OVER run)::int AS national_window
     FROM generate_series(0, $4::int - 1) w(i)
     LEFT JOIN buckets b ON b.i = w.i
     WINDOW run AS (ORDER BY w.i)
     ORDER BY w.i`,
    [filter.firstWeekStart, filter.asOf, filter.all, filter.weeks],
  );
}
