import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';

/**
 * The reads of the open-data bundle, as raw SQL: one query per public table, columns named as the bundle's fields,
 * days as `YYYY-MM-DD`, instants as UTC ISO text, decimals as PostgreSQL's exact text. Each reads only published
 * rows and public columns (no notes, no users, no drafts). `$1`, where a query has it, is the moment the
 * bundle is as of.
 */

const day = (column: string, as = column.replace(/^\w+\./, '')) => `to_char(${column}, 'YYYY-MM-DD') AS ${as}`;
const instant = (column: string, as = column.replace(/^\w+\./, '')) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS ${as}`;

/** Public to everyone from `public_from` on (weekly_report r). */
const PUBLIC_REPORT = `r.status = 'published' AND r.public_from <= $1::timestamptz`;

export const AGENCIES_SQL = `
  SELECT a.id, a.code, a.name_fa, a.name_en, a.kind, a.branch, a.is_main, a.parent_id,
    ${day('a.single_window_launched_on')}, a.single_window_url, ${day('a.national_window_connected_on')}
  FROM agency a ORDER BY a.code, a.id`;

export const AGENCY_SYSTEMS_SQL = `
  SELECT s.id, s.agency_id, s.code, s.name_fa, s.name_en, ${day('s.electronic_on')}, ${day('s.single_window_on')},
    ${day('s.national_window_on')}, s.stage
  FROM agency_system s ORDER BY s.code, s.id`;

export const SERVICES_SQL = `
  SELECT e.id, e.agency_id, e.system_id, e.code, e.name_fa, e.name_en, e.audience, e.stage, ${day('e.identified_on')},
    ${day('e.electronic_on')}, ${day('e.single_window_on')}, ${day('e.national_window_on')}, ${day('e.withdrawn_on')},
    e.withdrawal_reason
  FROM e_service e ORDER BY e.code, e.id`;

export const SERVICE_STAGE_EVENTS_SQL = `
  SELECT v.id, v.service_id, v.stage, ${day('v.reached_on')}, v.supersedes_id, v.source, ${instant('v.recorded_at')}
  FROM service_stage_event v ORDER BY v.recorded_at, v.id`;

export const PROGRAMME_CYCLES_SQL = `
  SELECT c.id, c.code, c.title_fa, c.title_en, ${day('c.starts_on')}, ${day('c.ends_on')}, ${day('c.baseline_on')}
  FROM programme_cycle c ORDER BY c.starts_on, c.code`;

export const MILESTONES_SQL = `
  SELECT m.id, m.cycle_id, m.code, m.title_fa, m.title_en, m.rule, m.share_numerator, m.share_denominator,
    ${day('m.due_on')}, m.at_risk_days, m.sort_order
  FROM milestone_definition m JOIN programme_cycle c ON c.id = m.cycle_id
  ORDER BY c.starts_on, m.sort_order, m.code`;

export const AGENCY_PROGRESS_EVENTS_SQL = `
  SELECT p.id, p.agency_id, p.kind, ${day('p.occurred_on')}, p.url, p.supersedes_id, p.source, ${instant('p.recorded_at')}
  FROM agency_progress_event p ORDER BY p.recorded_at, p.id`;

export const CRITERIA_SETS_SQL = `
  SELECT s.id, s.code, s.title_fa, s.title_en FROM criteria_set s ORDER BY s.code, s.id`;

export const CRITERIA_SQL = `
  SELECT k.id, k.criteria_set_id, k.code, k.title_fa, k.title_en, k.weight::text AS weight, k.sort_order
  FROM criterion k ORDER BY k.criteria_set_id, k.sort_order, k.code`;

export const EVALUATION_ROUNDS_SQL = `
  SELECT o.id, o.code, o.title_fa, o.title_en, o.cycle_id, o.criteria_set_id, ${day('o.starts_on')}, ${day('o.ends_on')},
    o.status
  FROM evaluation_round o ORDER BY o.starts_on, o.code`;

/** Final scores only: a draft, submitted or reviewed score is not published. */
const FINAL = `x.status = 'final' AND x.finalised_at <= $1::timestamptz`;

export const SCORES_SQL = `
  SELECT x.id, x.round_id, x.agency_id, x.total::text AS total, ${instant('x.finalised_at')}, x.is_correction,
    x.correction_reason
  FROM score x WHERE ${FINAL} ORDER BY x.finalised_at, x.id`;

export const CRITERION_SCORES_SQL = `
  SELECT cs.score_id, cs.criterion_id, cs.value::text AS value
  FROM criterion_score cs JOIN score x ON x.id = cs.score_id
  WHERE ${FINAL} ORDER BY x.finalised_at, cs.score_id, cs.criterion_id`;

export const WEEKLY_REPORTS_SQL = `
  SELECT r.id, ${day('r.week_starts_on')}, ${day('r.week_ends_on')}, r.cycle_id, r.revision, r.supersedes_id,
    r.revision_reason, r.digest, ${instant('r.published_at')}, ${instant('r.public_from')}
  FROM weekly_report r WHERE ${PUBLIC_REPORT} ORDER BY r.week_starts_on, r.revision`;

/** The codes of a revision's milestones on whose `section` list the row's agency is, in the report's order. */
const listedOn = (section: 'overdue' | 'atRisk' | 'metLate') => `(
    SELECT string_agg(m.item->>'code', ', ' ORDER BY m.position)
    FROM jsonb_array_elements(r.content->'milestones') WITH ORDINALITY AS m(item, position)
    WHERE EXISTS (
      SELECT 1 FROM jsonb_array_elements(m.item->'${section}') AS listed(item)
      WHERE listed.item->'agency'->>'id' = e.item->'agency'->>'id'))`;

/** One row per agency per public revision, from the revision's frozen content (its ranking and milestone lists). */
export const WEEKLY_REPORT_ENTRIES_SQL = `
  SELECT r.id AS weekly_report_id, e.item->'agency'->>'id' AS agency_id, e.item->'agency'->>'code' AS agency_code,
    e.position::int AS position, (e.item->>'rank')::int AS rank, e.item->>'score' AS score,
    e.item->>'progress' AS progress, (e.item->'movement'->>'previousRank')::int AS previous_rank,
    (e.item->'movement'->>'change')::int AS rank_change, ${listedOn('overdue')} AS overdue_milestones,
    ${listedOn('atRisk')} AS at_risk_milestones, ${listedOn('metLate')} AS met_late_milestones
  FROM weekly_report r CROSS JOIN LATERAL jsonb_array_elements(r.content->'ranking') WITH ORDINALITY AS e(item, position)
  WHERE ${PUBLIC_REPORT} ORDER BY r.week_starts_on, r.revision, e.position`;

/**
 * Published responses; one about a weekly report revision still under embargo, or about a score that is not
 * final, waits until its subject is public.
 */
export const AGENCY_RESPONSES_SQL = `
  SELECT g.id, g.agency_id, g.weekly_report_id, g.score_id, ${day('g.requested_on')}, ${day('g.received_on')},
    g.body_fa, g.body_en, g.document_url, ${instant('g.published_at')}
  FROM agency_response g
  WHERE g.status = 'published' AND g.published_at <= $1::timestamptz
    AND (g.weekly_report_id IS NULL OR EXISTS (SELECT 1 FROM weekly_report r WHERE r.id = g.weekly_report_id AND ${PUBLIC_REPORT}))
    AND (g.score_id IS NULL OR EXISTS (SELECT 1 FROM score x WHERE x.id = g.score_id AND ${FINAL}))
  ORDER BY g.received_on, g.id`;

/** Rows fetched from the cursor per round trip. */
const CURSOR_BATCH = 500;

/**
 * A query's rows as an object-mode stream through a server-side cursor on the caller's connection (and so inside
 * its transaction): at most a batch of rows in memory, reading paused while the consumer is slow.
 */
export function streamQuery(client: PoolClient, sql: string, params: unknown[]): Readable {
  return client.query(new QueryStream(sql, params, { batchSize: CURSOR_BATCH, highWaterMark: CURSOR_BATCH }));
}
