import type { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import type { DataSource, EntityManager } from 'typeorm';
import { Conditions, containsPattern } from '../../common/db/conditions.js';
import type { ServiceAudience, ServiceStage } from '../catalogue/stages.js';
import { agencyServiceConditions, type AgencyServiceFilter } from '../progress/progress.queries.js';

/**
 * The reads of the exports, as raw SQL. Days come back as `YYYY-MM-DD` text and decimals as text, as everywhere.
 * The rankings and the agency list come from the compliance engine (one set-based query for every agency, see
 * compliance.snapshot.ts); what is read here is what that engine does not say: the agencies' published official
 * responses, and an agency's services, which can be many and are streamed from a cursor.
 */

/**
 * Rows fetched from the cursor per round trip. Measured over 215,000 services: 500 read ~69k rows/s, 2,000 ~86k,
 * 5,000 and 10,000 slower again (bigger batches wait longer for each); 2,000 rows are about 2 MB in memory.
 */
const CURSOR_BATCH = 2000;

/**
 * A stream made on a connection taken from TypeORM's pool for the stream's life, given back when the stream ends,
 * fails or is destroyed (a client that hangs up).
 */
async function onPooledConnection(dataSource: DataSource, open: (client: PoolClient) => Readable): Promise<Readable> {
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as PoolClient;
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    void runner.release();
  };
  try {
    const stream = open(client);
    for (const event of ['close', 'end', 'error']) stream.once(event, release);
    return stream;
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * The rows of a query as an object-mode stream read through a server-side cursor (pg-query-stream): at most a
 * batch of rows is in memory at a time, and reading pauses while the consumer (the HTTP response) is slow.
 */
export function streamRows(dataSource: DataSource, sql: string, params: unknown[]): Promise<Readable> {
  return onPooledConnection(dataSource, (client) =>
    client.query(new QueryStream(sql, params, { batchSize: CURSOR_BATCH, highWaterMark: CURSOR_BATCH })),
  );
}

/**
 * The output of `COPY (…) TO STDOUT` as a byte stream. COPY takes no parameters: `sql` gets the connection, whose
 * `escapeLiteral` must quote every value in the statement (see `nationalServicesCopySql`).
 */
export function streamCopy(dataSource: DataSource, sql: (client: PoolClient) => string): Promise<Readable> {
  return onPooledConnection(dataSource, (client) => client.query(copyTo(sql(client))));
}

/** The weekly list in force on a day: the newest public revision of the newest week that had ended by then. */
export interface ReportInForceRow {
  week_starts_on: string;
  revision: number;
  digest: string;
}

export async function selectReportInForce(
  db: EntityManager,
  asOf: string,
  now: Date,
): Promise<ReportInForceRow | undefined> {
  const rows = await db.query<ReportInForceRow[]>(
    `SELECT to_char(week_starts_on, 'YYYY-MM-DD') AS week_starts_on, revision, digest
     FROM weekly_report
     WHERE status = 'published' AND public_from <= $2 AND week_ends_on <= $1::date
     ORDER BY week_starts_on DESC, revision DESC
     LIMIT 1`,
    [asOf, now],
  );
  return rows[0];
}

/** The newest published official response (جوابیه) of each agency received by `asOf`. */
export interface LatestResponseRow {
  agency_id: string;
  received_on: string;
  body_fa: string;
}

/**
 * Each agency's newest published response received on or before `asOf` (one pass with DISTINCT ON), for the
 * agencies named or for all. Reads only `agency_id`, `received_on`, `body_fa` and `status` of `agency_response`.
 */
export function selectLatestResponses(
  db: EntityManager,
  asOf: string,
  agencyIds?: string[],
): Promise<LatestResponseRow[]> {
  return db.query<LatestResponseRow[]>(
    `SELECT DISTINCT ON (r.agency_id) r.agency_id, to_char(r.received_on, 'YYYY-MM-DD') AS received_on, r.body_fa
     FROM agency_response r
     WHERE r.status = 'published' AND r.received_on <= $1::date ${agencyIds ? 'AND r.agency_id = ANY($2::uuid[])' : ''}
     ORDER BY r.agency_id, r.received_on DESC, r.id`,
    agencyIds ? [asOf, agencyIds] : [asOf],
  );
}

/** The ids of the agencies the agency list shows for these filters, in its order (Persian alphabetical, id). */
export async function selectAgencyIdsInListOrder(
  db: EntityManager,
  filter: { mainOnly: boolean; searchTerm?: string },
): Promise<string[]> {
  const conditions = new Conditions();
  if (filter.mainOnly) conditions.raw('a.is_main');
  if (filter.searchTerm) conditions.add('a.search_key LIKE ?', containsPattern(filter.searchTerm));
  const rows = await db.query<Array<{ id: string }>>(
    `SELECT a.id FROM agency a ${conditions.where} ORDER BY a.name_fa COLLATE "fa-x-icu", a.id`,
    conditions.params,
  );
  return rows.map((r) => r.id);
}

export interface AgencyHeaderRow {
  id: string;
  code: string;
  name_fa: string;
  name_en: string;
}

export async function selectAgencyHeader(db: EntityManager, id: string): Promise<AgencyHeaderRow | undefined> {
  const rows = await db.query<AgencyHeaderRow[]>(`SELECT id, code, name_fa, name_en FROM agency WHERE id = $1`, [id]);
  return rows[0];
}

export interface ServiceExportRow {
  code: string;
  name_fa: string;
  name_en: string;
  audience: ServiceAudience;
  system_code: string | null;
  system_name_fa: string | null;
  system_name_en: string | null;
  stage: ServiceStage;
  identified_on: string;
  electronic_on: string | null;
  single_window_on: string | null;
  national_window_on: string | null;
  withdrawn_on: string | null;
  withdrawal_reason: string | null;
}

/** A service's exported columns (`e` the service, `s` its system); days as ISO text. */
const day = (column: string) => `to_char(e.${column}, 'YYYY-MM-DD') AS ${column}`;
const SERVICE_EXPORT_COLUMNS = `e.code, e.name_fa, e.name_en, e.audience, s.code AS system_code,
  s.name_fa AS system_name_fa, s.name_en AS system_name_en, e.stage, ${day('identified_on')}, ${day('electronic_on')},
  ${day('single_window_on')}, ${day('national_window_on')}, ${day('withdrawn_on')}, e.withdrawal_reason`;

/**
 * An agency's services with their system and stage days, by code: the same filters and order as
 * `GET /agencies/:id/services` (the conditions of progress.queries.ts).
 */
export function agencyServicesSql(agencyId: string, filter: AgencyServiceFilter): { sql: string; params: unknown[] } {
  const conditions = agencyServiceConditions(agencyId, filter);
  return {
    sql: `SELECT ${SERVICE_EXPORT_COLUMNS}
          FROM e_service e LEFT JOIN agency_system s ON s.id = e.system_id
          ${conditions.where}
          ORDER BY e.code, e.id`,
    params: conditions.params,
  };
}

export interface NationalServiceExportRow extends ServiceExportRow {
  agency_code: string;
  agency_name_fa: string;
  agency_name_en: string;
}

export interface NationalServiceFilter {
  /** Only the 170 main agencies' services (`scope=main`). */
  mainOnly: boolean;
  stage?: ServiceStage;
  searchTerm?: string;
}

/**
 * Every agency's services with their agency, system and stage days, by agency code then service code: the filters
 * of `GET /agencies/:id/services` that make sense across agencies (stage, search), and the rankings' scope. One
 * statement for the whole country; the planner walks the agency code index and each agency's (agency, code) index
 * in step, so the rows come out in order without a sort of a million rows before the first one.
 */
export function nationalServicesSql(filter: NationalServiceFilter): { sql: string; params: unknown[] } {
  const conditions = new Conditions();
  if (filter.mainOnly) conditions.raw('a.is_main');
  if (filter.stage) conditions.add('e.stage = ?', filter.stage);
  if (filter.searchTerm) {
    // The expression of progress.queries.ts's agencyServiceConditions: the same matches as the per-agency list.
    conditions.add(
      `app_normalize_search(e.name_fa || ' ' || e.name_en || ' ' || e.code) LIKE ?`,
      containsPattern(filter.searchTerm),
    );
  }
  return {
    sql: `SELECT a.code AS agency_code, a.name_fa AS agency_name_fa, a.name_en AS agency_name_en, ${SERVICE_EXPORT_COLUMNS}
          FROM agency a JOIN e_service e ON e.agency_id = a.id LEFT JOIN agency_system s ON s.id = e.system_id
          ${conditions.where}
          ORDER BY a.code, e.code`,
    params: conditions.params,
  };
}

/** Labels of a code in both languages (exports.columns.ts). */
type LabelsOf = Record<string, { fa: string; en: string }>;

/**
 * `nationalServicesSql`'s rows as CSV written by PostgreSQL itself, the fastest way out of the database (no row
 * is parsed in Node): the same columns, order and values as the CSV the export's column set writes (write-csv.ts):
 * the agency and system names in `lang`, the labels of audience and stage, each day as its Jalali text (the
 * `calendar_day` table, filled by date-fns-jalali) and its ISO text, and OWASP's formula guard on every text.
 * Text is always quoted (FORCE_QUOTE), so leading and trailing spaces survive. COPY takes no parameters: every value
 * from the request goes through `literal` (the driver's escapeLiteral).
 */
export function nationalServicesCopySql(
  filter: NationalServiceFilter,
  lang: 'fa' | 'en',
  labels: { audience: LabelsOf; stage: LabelsOf },
  literal: (value: string) => string,
): string {
  const where: string[] = [];
  if (filter.mainOnly) where.push('a.is_main');
  if (filter.stage) where.push(`e.stage = ${literal(filter.stage)}`);
  if (filter.searchTerm) {
    where.push(
      `app_normalize_search(e.name_fa || ' ' || e.name_en || ' ' || e.code) LIKE ${literal(containsPattern(filter.searchTerm))}`,
    );
  }
  // write-csv.ts's FORMULA_START, as a PostgreSQL regular expression.
  const guarded = (expr: string) => `CASE WHEN ${expr} ~ '^[=+\\-@\\t\\r]' THEN '''' || ${expr} ELSE ${expr} END`;
  const label = (expr: string, of: LabelsOf) =>
    `CASE ${expr} ${Object.entries(of)
      .map(([code, text]) => `WHEN ${literal(code)} THEN ${literal(text[lang])}`)
      .join(' ')} END`;
  const days = ['identified_on', 'electronic_on', 'single_window_on', 'national_window_on', 'withdrawn_on'];
  const text = [
    guarded('a.code'),
    guarded(lang === 'fa' ? 'a.name_fa' : 'a.name_en'),
    guarded('e.code'),
    guarded('e.name_fa'),
    guarded('e.name_en'),
    label('e.audience', labels.audience),
    guarded('s.code'),
    guarded(lang === 'fa' ? 's.name_fa' : 's.name_en'),
    label('e.stage', labels.stage),
  ];
  const columns = [
    ...text.map((expr, i) => `${expr} AS t${i}`),
    ...days.flatMap((day, i) => [`d${i}.jalali AS j${i}`, `to_char(e.${day}, 'YYYY-MM-DD') AS i${i}`]),
    `${guarded('e.withdrawal_reason')} AS reason`,
  ];
  return `COPY (
    SELECT ${columns.join(', ')}
    FROM agency a JOIN e_service e ON e.agency_id = a.id LEFT JOIN agency_system s ON s.id = e.system_id
    ${days.map((day, i) => `LEFT JOIN calendar_day d${i} ON d${i}.day = e.${day}`).join('\n    ')}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY a.code, e.code
  ) TO STDOUT WITH (FORMAT csv, FORCE_QUOTE (${[...text.map((_, i) => `t${i}`), 'reason'].join(', ')}))`;
}
