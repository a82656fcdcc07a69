import type { EntityManager } from 'typeorm';
import { Conditions } from '../../common/db/conditions.js';
import type { ResponseStatus } from './agency-response.entity.js';

/** The reads and writes of agencies' replies, as raw SQL. Days as `YYYY-MM-DD` text, instants as ISO text. */

export interface ResponseRow {
  id: string;
  status: ResponseStatus;
  agency_id: string;
  agency_code: string;
  agency_name_fa: string;
  agency_name_en: string;
  weekly_report_id: string | null;
  report_week_starts_on: string | null;
  report_revision: number | null;
  score_id: string | null;
  score_total: string | null;
  round_id: string | null;
  round_code: string | null;
  round_title_fa: string | null;
  round_title_en: string | null;
  requested_on: string | null;
  received_on: string | null;
  body_fa: string | null;
  body_en: string | null;
  document_url: string | null;
  published_at: string | null;
  created_by_id: string | null;
  created_by_name: string | null;
  published_by_id: string | null;
  published_by_name: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

const RESPONSE_SELECT = `SELECT r.id, r.status, r.agency_id, a.code AS agency_code, a.name_fa AS agency_name_fa,
    a.name_en AS agency_name_en, r.weekly_report_id, to_char(w.week_starts_on, 'YYYY-MM-DD') AS report_week_starts_on,
    w.revision AS report_revision, r.score_id, s.total::text AS score_total, s.round_id, er.code AS round_code,
    er.title_fa AS round_title_fa, er.title_en AS round_title_en,
    to_char(r.requested_on, 'YYYY-MM-DD') AS requested_on, to_char(r.received_on, 'YYYY-MM-DD') AS received_on,
    r.body_fa, r.body_en, r.document_url,
    to_char(r.published_at AT TIME ZONE 'UTC', ${ISO_INSTANT}) AS published_at,
    r.created_by_id, cu.display_name AS created_by_name, r.published_by_id, pu.display_name AS published_by_name,
    r.version, to_char(r.created_at AT TIME ZONE 'UTC', ${ISO_INSTANT}) AS created_at,
    to_char(r.updated_at AT TIME ZONE 'UTC', ${ISO_INSTANT}) AS updated_at
  FROM agency_response r
  JOIN agency a ON a.id = r.agency_id
  LEFT JOIN weekly_report w ON w.id = r.weekly_report_id
  LEFT JOIN score s ON s.id = r.score_id
  LEFT JOIN evaluation_round er ON er.id = s.round_id
  LEFT JOIN app_user cu ON cu.id = r.created_by_id
  LEFT JOIN app_user pu ON pu.id = r.published_by_id`;

/** Newest first: by the day received, else the day asked; then the newest row. */
const NEWEST_FIRST = `ORDER BY coalesce(r.received_on, r.requested_on) DESC, r.created_at DESC, r.id`;

/**
 * What the public may see: published replies, and the requests still unanswered in public (a request whose reply
 * is received but not yet published stays an open request to the public). A reply about a weekly report shows
 * once that report is public (`visibleAt` null: staff, who see embargoed reports).
 */
const PUBLIC = `(r.status = 'published' OR (r.requested_on IS NOT NULL AND r.status IN ('requested', 'draft')))
  AND (r.weekly_report_id IS NULL OR (w.status = 'published' AND ($1::timestamptz IS NULL OR w.public_from <= $1::timestamptz)))`;

export async function selectResponse(db: EntityManager, id: string): Promise<ResponseRow | undefined> {
  const rows = await db.query<ResponseRow[]>(`${RESPONSE_SELECT} WHERE r.id = $1`, [id]);
  return rows[0];
}

export interface ResponseFilter {
  agencyId?: string;
  status?: ResponseStatus;
}

export async function selectResponses(
  db: EntityManager,
  filter: ResponseFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ResponseRow[]; total: number }> {
  const where = new Conditions();
  if (filter.agencyId) where.add('r.agency_id = ?', filter.agencyId);
  if (filter.status) where.add('r.status = ?', filter.status);
  const [rows, counted] = await Promise.all([
    db.query<ResponseRow[]>(
      `${RESPONSE_SELECT} ${where.where} ${NEWEST_FIRST} LIMIT ${where.next()} OFFSET ${where.next(2)}`,
      [...where.params, page.limit, page.offset],
    ),
    db.query<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM agency_response r ${where.where}`, where.params),
  ]);
  return { rows, total: counted[0]?.n ?? 0 };
}

/** One agency's public replies and open requests. */
export function selectPublicOfAgency(db: EntityManager, visibleAt: Date | null, agencyId: string) {
  return db.query<ResponseRow[]>(`${RESPONSE_SELECT} WHERE ${PUBLIC} AND r.agency_id = $2 ${NEWEST_FIRST}`, [
    visibleAt,
    agencyId,
  ]);
}

/** The public replies to, and open requests about, any revision of one week's report. */
export function selectPublicOfWeek(db: EntityManager, visibleAt: Date | null, weekStart: string) {
  return db.query<ResponseRow[]>(
    `${RESPONSE_SELECT} WHERE ${PUBLIC} AND w.week_starts_on = $2::date
     ORDER BY a.name_fa, coalesce(r.received_on, r.requested_on) DESC, r.created_at DESC, r.id`,
    [visibleAt, weekStart],
  );
}

/** Whether any revision of the week is visible (to the public at `visibleAt`; to staff when it is null). */
export async function weekIsVisible(db: EntityManager, visibleAt: Date | null, weekStart: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(
    `SELECT 1 FROM weekly_report w WHERE w.week_starts_on = $2::date AND w.status = 'published'
       AND ($1::timestamptz IS NULL OR w.public_from <= $1::timestamptz) LIMIT 1`,
    [visibleAt, weekStart],
  );
  return rows.length > 0;
}

export async function agencyExists(db: EntityManager, id: string): Promise<boolean> {
  const rows = await db.query<unknown[]>(`SELECT 1 FROM agency WHERE id = $1`, [id]);
  return rows.length > 0;
}

/** A weekly report revision: whether it is published, and whether its content names the agency anywhere. */
export async function selectReportFor(
  db: EntityManager,
  reportId: string,
  agencyId: string,
): Promise<{ published: boolean; listsAgency: boolean } | undefined> {
  const rows = await db.query<Array<{ published: boolean; lists_agency: boolean }>>(
    `SELECT w.status = 'published' AS published,
            jsonb_path_exists(w.content, '$.**.agency.id ? (@ == $id)', jsonb_build_object('id', $2::text)) AS lists_agency
     FROM weekly_report w WHERE w.id = $1`,
    [reportId, agencyId],
  );
  const row = rows[0];
  return row && { published: row.published, listsAgency: row.lists_agency };
}

export async function selectScoreFor(
  db: EntityManager,
  scoreId: string,
): Promise<{ agencyId: string; status: string } | undefined> {
  const rows = await db.query<Array<{ agency_id: string; status: string }>>(
    `SELECT agency_id, status FROM score WHERE id = $1`,
    [scoreId],
  );
  const row = rows[0];
  return row && { agencyId: row.agency_id, status: row.status };
}

export interface Subject {
  agencyId: string;
  weeklyReportId: string | null;
  scoreId: string | null;
}

/** The open request about this agency and subject, if there is one (see UQ_agency_response_open_request). */
export async function selectOpenRequest(db: EntityManager, subject: Subject): Promise<string | undefined> {
  const rows = await db.query<Array<{ id: string }>>(
    `SELECT id FROM agency_response WHERE status = 'requested' AND agency_id = $1
       AND coalesce(weekly_report_id, score_id, agency_id) = coalesce($2::uuid, $3::uuid, $1::uuid)`,
    [subject.agencyId, subject.weeklyReportId, subject.scoreId],
  );
  return rows[0]?.id;
}

export interface LockedResponse {
  id: string;
  status: ResponseStatus;
  version: number;
  requestedOn: string | null;
  receivedOn: string | null;
  bodyFa: string | null;
  bodyEn: string | null;
  documentUrl: string | null;
}

export async function lockResponse(db: EntityManager, id: string): Promise<LockedResponse | undefined> {
  const rows = await db.query<LockedResponse[]>(
    `SELECT id, status, version, to_char(requested_on, 'YYYY-MM-DD') AS "requestedOn",
            to_char(received_on, 'YYYY-MM-DD') AS "receivedOn", body_fa AS "bodyFa", body_en AS "bodyEn",
            document_url AS "documentUrl"
     FROM agency_response WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export interface NewResponse extends Subject {
  status: 'requested' | 'draft';
  requestedOn: string | null;
  receivedOn: string | null;
  bodyFa: string | null;
  bodyEn: string | null;
  documentUrl: string | null;
  createdById: string | null;
}

export async function insertResponse(db: EntityManager, values: NewResponse): Promise<string> {
  const rows = await db.query<Array<{ id: string }>>(
    `INSERT INTO agency_response (agency_id, weekly_report_id, score_id, status, requested_on, received_on, body_fa,
                                  body_en, document_url, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      values.agencyId,
      values.weeklyReportId,
      values.scoreId,
      values.status,
      values.requestedOn,
      values.receivedOn,
      values.bodyFa,
      values.bodyEn,
      values.documentUrl,
      values.createdById,
    ],
  );
  return rows[0]!.id;
}

export interface ResponseValues {
  status: 'requested' | 'draft';
  requestedOn: string | null;
  receivedOn: string | null;
  bodyFa: string | null;
  bodyEn: string | null;
  documentUrl: string | null;
}

/** Writes the values at the version read; false when the version moved on. */
export async function updateResponse(
  db: EntityManager,
  id: string,
  version: number,
  values: ResponseValues,
): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE agency_response SET status = $3, requested_on = $4, received_on = $5, body_fa = $6, body_en = $7,
                                  document_url = $8, version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 RETURNING id)
     SELECT id FROM u`,
    [
      id,
      version,
      values.status,
      values.requestedOn,
      values.receivedOn,
      values.bodyFa,
      values.bodyEn,
      values.documentUrl,
    ],
  );
  return rows.length > 0;
}

export async function publishResponse(
  db: EntityManager,
  id: string,
  version: number,
  publishedById: string | null,
): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH u AS (
       UPDATE agency_response SET status = 'published', published_at = now(), published_by_id = $3,
                                  version = version + 1, updated_at = now()
       WHERE id = $1 AND version = $2 AND status = 'draft' RETURNING id)
     SELECT id FROM u`,
    [id, version, publishedById],
  );
  return rows.length > 0;
}

export async function deleteResponse(db: EntityManager, id: string, version: number): Promise<boolean> {
  const rows = await db.query<Array<{ id: string }>>(
    `WITH d AS (DELETE FROM agency_response WHERE id = $1 AND version = $2 AND status <> 'published' RETURNING id)
     SELECT id FROM d`,
    [id, version],
  );
  return rows.length > 0;
}
